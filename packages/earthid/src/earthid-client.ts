import { createApiClient, loadSetting, type ProviderClientOptions } from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

/** The typed openapi-fetch client for every operation in the Earthid spec. */
export type EarthidApiClient = OpenApiClient<paths, "application/json">;

/** EarthID sessions API: the default API host. */
export const EARTHID_BASE_URL = "https://session.myearth.id";

/** Options for {@link createEarthid}. */
export interface EarthidOptions extends ProviderClientOptions {
  /** API key. Defaults to `EARTHID_API_KEY`, read at request time. */
  apiKey?: string;
}

/** A configured Earthid client. Create it with {@link createEarthid}. */
export class Earthid {
  /** The typed openapi-fetch client: every operation of the spec, returning `{ data, error, response }`. */
  readonly client: EarthidApiClient;
  readonly #apiKey: string | undefined;

  constructor(options: EarthidOptions = {}) {
    this.#apiKey = options.apiKey;
    this.client = createApiClient<paths>({
      packageName: "earthid",
      version: VERSION,
      baseUrl: options.baseUrl ?? EARTHID_BASE_URL,
      fetch: options.fetch,
      headers: options.headers,
      authenticate: (request) => {
        request.headers.set(
          "X-AUTH-CLIENT",
          loadSetting({
            value: this.#apiKey,
            option: "apiKey",
            envVar: "EARTHID_API_KEY",
            description: "Earthid API key",
          }),
        );
        return request;
      },
    });
  }

  // Add a method per operation the session flow needs, returning data or throwing typed errors:
  //   async createSession(…, options?: CallOptions) { return unwrap(PROVIDER, await this.client.…); }
  // Operations in the spec: createSession, getDecision.
}

/** Creates a Earthid client. Credentials are read lazily, so this never throws for a missing key. */
export function createEarthid(options: EarthidOptions = {}): Earthid {
  return new Earthid(options);
}
