import { basicAuthorization, createApiClient, loadSetting, type ProviderClientOptions } from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

/** The typed openapi-fetch client for every operation in the Argyle spec. */
export type ArgyleApiClient = OpenApiClient<paths, "application/json">;

/** Argyle Verifications API: the default API host. */
export const ARGYLE_BASE_URL = "https://api.argyle.com";

/** Options for {@link createArgyle}. */
export interface ArgyleOptions extends ProviderClientOptions {
  /** API key id. Defaults to `ARGYLE_API_KEY_ID`, read at request time. */
  apiKeyId?: string;
  /** API key secret. Defaults to `ARGYLE_API_KEY_SECRET`, read at request time. */
  apiKeySecret?: string;
}

/** A configured Argyle client. Create it with {@link createArgyle}. */
export class Argyle {
  /** The typed openapi-fetch client: every operation of the spec, returning `{ data, error, response }`. */
  readonly client: ArgyleApiClient;
  readonly #apiKeyId: string | undefined;
  readonly #apiKeySecret: string | undefined;

  constructor(options: ArgyleOptions = {}) {
    this.#apiKeyId = options.apiKeyId;
    this.#apiKeySecret = options.apiKeySecret;
    this.client = createApiClient<paths>({
      packageName: "argyle",
      version: VERSION,
      baseUrl: options.baseUrl ?? ARGYLE_BASE_URL,
      fetch: options.fetch,
      headers: options.headers,
      authenticate: (request) => {
        const id = loadSetting({
          value: this.#apiKeyId,
          option: "apiKeyId",
          envVar: "ARGYLE_API_KEY_ID",
          description: "Argyle API key id",
        });
        const secret = loadSetting({
          value: this.#apiKeySecret,
          option: "apiKeySecret",
          envVar: "ARGYLE_API_KEY_SECRET",
          description: "Argyle API key secret",
        });
        request.headers.set("Authorization", basicAuthorization(id, secret));
        return request;
      },
    });
  }

  // Add a method per operation the session flow needs, returning data or throwing typed errors:
  //   async createSession(…, options?: CallOptions) { return unwrap(PROVIDER, await this.client.…); }
  // Operations in the spec: createSession, createUser, createVerification, listVerifications, refreshVerification, getVerification, updateVerification, cancelVerification.
}

/** Creates a Argyle client. Credentials are read lazily, so this never throws for a missing key. */
export function createArgyle(options: ArgyleOptions = {}): Argyle {
  return new Argyle(options);
}
