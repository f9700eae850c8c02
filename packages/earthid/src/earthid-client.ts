import { type CallOptions, type ProviderClientOptions, setSessionSettings } from "@verifetch/core";
import {
  createTransport,
  loadSetting,
  type OperationCaller,
  openApiClientOf,
  operationCaller,
} from "@verifetch/core/provider";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

type Schemas = components["schemas"];
/** Body of `createSession`: Veriff's shape; `verification` is required but may be empty. */
export type CreateSessionRequest = Schemas["CreateSessionRequest"];
/** What `createSession` returns: `{ status: "success", verification: Session }`. */
export type CreateSessionResponse = Schemas["SessionResponse"];
/** A created session: `url` to send the end user to, `id` to keep (decisions refer to it). */
export type Session = Schemas["Session"];
/** What `getDecision` returns; `verification` is null until a decision exists. */
export type DecisionResponse = Schemas["DecisionResponse"];
/** A verification decision (Veriff's decision shape, which EarthID's webhook payload matches). */
export type Decision = Schemas["Decision"];
/** EarthID's error body, found on `ApiError.body` (Veriff's shape, assumed: EarthID documents none). */
export type EarthIdErrorBody = Schemas["Error"];

declare module "@verifetch/core" {
  /** Lets `isApiError(error, "earthid")` type `error.body` as EarthIdErrorBody. */
  interface ProviderErrorBodies {
    earthid: EarthIdErrorBody;
  }
}
/** The typed openapi-fetch client for every operation in the EarthID spec. */
export type EarthIdApiClient = OpenApiClient<paths, "application/json">;

/** EarthID's API host, the only one it documents (no sandbox host is documented). */
export const EARTHID_BASE_URL = "https://session.myearth.id";

/**
 * How long a session's `sessionToken` (and so its `url`) stays valid: 7 days, as EarthID's
 * "Create Session API" docs state for the token.
 */
export const EARTHID_SESSION_TTL_MS = 604_800_000;

const PROVIDER = "earthid";

/** Options for {@link createEarthId}. */
export interface EarthIdOptions extends ProviderClientOptions {
  /** EarthID API key, sent as `X-AUTH-CLIENT`. Defaults to `EARTHID_API_KEY`, read at request time. */
  apiKey?: string | undefined;
}

/**
 * A configured EarthID client. Create it with {@link createEarthId}.
 *
 * It has no `environment`: EarthID documents only its production host and no key prefixes, so
 * whether a key is a test or live one cannot be told, and this client does not guess.
 */
export class EarthId {
  readonly #apiKey: string | undefined;
  readonly #call: OperationCaller<paths>;

  constructor(options: EarthIdOptions = {}) {
    this.#apiKey = options.apiKey;
    setSessionSettings(this, { now: options.clock?.now });
    const transport = createTransport(this, {
      packageName: PROVIDER,
      version: VERSION,
      baseUrl: options.baseUrl ?? EARTHID_BASE_URL,
      options,
      authenticate: (request) => {
        // Sent on the decision lookup too: its auth rules are unknown, and a server that does not
        // need the key ignores it. EarthID documents no X-HMAC-SIGNATURE, so none is computed.
        const apiKey = this.#loadApiKey();
        request.headers.set("X-AUTH-CLIENT", apiKey);
        return [apiKey];
      },
    });
    this.#call = operationCaller<paths>(transport);
  }

  /** Creates a verification session; send the end user to `verification.url` and keep `verification.id`. */
  createSession(body: CreateSessionRequest, options?: CallOptions): Promise<CreateSessionResponse> {
    return this.#call("post", "/earthid/api/sessions", { body }, options, [
      "verification.id",
      "verification.url",
      "verification.status",
    ]);
  }

  /**
   * Looks up a session's decision; `verification` is null until one exists. EarthID documents
   * webhooks for decisions; this lookup comes from its Android library, not its docs.
   */
  getDecision(sessionId: string, options?: CallOptions): Promise<DecisionResponse> {
    // An empty or blank id is refused by core before any request (InputValidationError "sessionId").
    return this.#call("get", "/earthid/api/{sessionId}/decision", { params: { path: { sessionId } } }, options);
  }

  #loadApiKey(): string {
    return loadSetting({
      value: this.#apiKey,
      option: "apiKey",
      envVar: "EARTHID_API_KEY",
      description: "EarthID API key",
    });
  }
}

/**
 * The typed openapi-fetch client of `earthid`, for every operation in the EarthID spec:
 * `earthIdApiClient(earthid).POST("/earthid/api/sessions", { body })` returns `{ data, error, response }`.
 * It sends through the same credentials, retries and hooks as the methods; built on first use.
 */
export function earthIdApiClient(earthid: EarthId): EarthIdApiClient {
  return openApiClientOf<paths>(earthid);
}

/** Creates an EarthID client. The API key is read lazily, so this never throws for a missing key. */
export function createEarthId(options: EarthIdOptions = {}): EarthId {
  return new EarthId(options);
}
