import { createApiClient, loadSetting, type ProviderClientOptions } from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

/** The typed openapi-fetch client for every operation in the Verifa spec. */
export type VerifaApiClient = OpenApiClient<paths, "application/json">;

/** Verifa API: the default API host. */
export const VERIFA_BASE_URL = "https://api.withverifa.com";

/** Options for {@link createVerifa}. */
export interface VerifaOptions extends ProviderClientOptions {
  /** API key. Defaults to `VERIFA_API_KEY`, read at request time. */
  apiKey?: string;
}

/** A configured Verifa client. Create it with {@link createVerifa}. */
export class Verifa {
  /** The typed openapi-fetch client: every operation of the spec, returning `{ data, error, response }`. */
  readonly client: VerifaApiClient;
  readonly #apiKey: string | undefined;

  constructor(options: VerifaOptions = {}) {
    this.#apiKey = options.apiKey;
    this.client = createApiClient<paths>({
      packageName: "verifa",
      version: VERSION,
      baseUrl: options.baseUrl ?? VERIFA_BASE_URL,
      fetch: options.fetch,
      headers: options.headers,
      authenticate: (request) => {
        request.headers.set(
          "X-API-Key",
          loadSetting({
            value: this.#apiKey,
            option: "apiKey",
            envVar: "VERIFA_API_KEY",
            description: "Verifa API key",
          }),
        );
        return request;
      },
    });
  }

  // Add a method per operation the session flow needs, returning data or throwing typed errors:
  //   async createSession(…, options?: CallOptions) { return unwrap(PROVIDER, await this.client.…); }
  // Operations in the spec: createSession, getSession, expireSession, getSessionResult.
}

/** Creates a Verifa client. Credentials are read lazily, so this never throws for a missing key. */
export function createVerifa(options: VerifaOptions = {}): Verifa {
  return new Verifa(options);
}
