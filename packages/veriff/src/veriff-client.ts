import { createApiClient, loadSetting, type ProviderClientOptions } from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

/** The typed openapi-fetch client for every operation in the Veriff spec. */
export type VeriffApiClient = OpenApiClient<paths, "application/json">;

/** Veriff sessions API: the default API host. */
export const VERIFF_BASE_URL = "https://stationapi.veriff.com";

/** Options for {@link createVeriff}. */
export interface VeriffOptions extends ProviderClientOptions {
  /** API key. Defaults to `VERIFF_API_KEY`, read at request time. */
  apiKey?: string;
}

/** A configured Veriff client. Create it with {@link createVeriff}. */
export class Veriff {
  /** The typed openapi-fetch client: every operation of the spec, returning `{ data, error, response }`. */
  readonly client: VeriffApiClient;
  readonly #apiKey: string | undefined;

  constructor(options: VeriffOptions = {}) {
    this.#apiKey = options.apiKey;
    this.client = createApiClient<paths>({
      packageName: "veriff",
      version: VERSION,
      baseUrl: options.baseUrl ?? VERIFF_BASE_URL,
      fetch: options.fetch,
      headers: options.headers,
      authenticate: (request) => {
        request.headers.set(
          "X-AUTH-CLIENT",
          loadSetting({
            value: this.#apiKey,
            option: "apiKey",
            envVar: "VERIFF_API_KEY",
            description: "Veriff API key",
          }),
        );
        return request;
      },
    });
  }

  // Add a method per operation the session flow needs, returning data or throwing typed errors:
  //   async createSession(…, options?: CallOptions) { return unwrap(PROVIDER, await this.client.…); }
  // Operations in the spec: createSession, updateSession, getDecision.
}

/** Creates a Veriff client. Credentials are read lazily, so this never throws for a missing key. */
export function createVeriff(options: VeriffOptions = {}): Veriff {
  return new Veriff(options);
}
