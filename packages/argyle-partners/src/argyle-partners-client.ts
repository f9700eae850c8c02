import { basicAuthorization, createApiClient, loadSetting, type ProviderClientOptions } from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

/** The typed openapi-fetch client for every operation in the ArgylePartners spec. */
export type ArgylePartnersApiClient = OpenApiClient<paths, "application/json">;

/** Argyle Partners API: the default API host. */
export const ARGYLE_PARTNERS_BASE_URL = "https://api.argyle.com";

/** Options for {@link createArgylePartners}. */
export interface ArgylePartnersOptions extends ProviderClientOptions {
  /** API key id. Defaults to `ARGYLE_PARTNERS_API_KEY_ID`, read at request time. */
  apiKeyId?: string;
  /** API key secret. Defaults to `ARGYLE_PARTNERS_API_KEY_SECRET`, read at request time. */
  apiKeySecret?: string;
}

/** A configured ArgylePartners client. Create it with {@link createArgylePartners}. */
export class ArgylePartners {
  /** The typed openapi-fetch client: every operation of the spec, returning `{ data, error, response }`. */
  readonly client: ArgylePartnersApiClient;
  readonly #apiKeyId: string | undefined;
  readonly #apiKeySecret: string | undefined;

  constructor(options: ArgylePartnersOptions = {}) {
    this.#apiKeyId = options.apiKeyId;
    this.#apiKeySecret = options.apiKeySecret;
    this.client = createApiClient<paths>({
      packageName: "argyle-partners",
      version: VERSION,
      baseUrl: options.baseUrl ?? ARGYLE_PARTNERS_BASE_URL,
      fetch: options.fetch,
      headers: options.headers,
      authenticate: (request) => {
        const id = loadSetting({
          value: this.#apiKeyId,
          option: "apiKeyId",
          envVar: "ARGYLE_PARTNERS_API_KEY_ID",
          description: "ArgylePartners API key id",
        });
        const secret = loadSetting({
          value: this.#apiKeySecret,
          option: "apiKeySecret",
          envVar: "ARGYLE_PARTNERS_API_KEY_SECRET",
          description: "ArgylePartners API key secret",
        });
        request.headers.set("Authorization", basicAuthorization(id, secret));
        return request;
      },
    });
  }

  // Add a method per operation the session flow needs, returning data or throwing typed errors:
  //   async createSession(…, options?: CallOptions) { return unwrap(PROVIDER, await this.client.…); }
  // Operations in the spec: createSession, createUser, createVerification, listVerifications, getVerification.
}

/** Creates a ArgylePartners client. Credentials are read lazily, so this never throws for a missing key. */
export function createArgylePartners(options: ArgylePartnersOptions = {}): ArgylePartners {
  return new ArgylePartners(options);
}
