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
import { veriffSignaturePayload } from "./veriff-signature.ts";
import { VERSION } from "./version.ts";

type Schemas = components["schemas"];
/** Body of `createSession`; `verification` is required but may be empty. */
export type CreateSessionRequest = Schemas["CreateSessionRequest"];
/** What `createSession` returns: `{ status: "success", verification: Session }`. */
export type CreateSessionResponse = Schemas["SessionResponse"];
/** Body of `updateSession`: the only documented update, `{ verification: { status: "submitted" } }`. */
export type UpdateSessionRequest = Schemas["UpdateSessionRequest"];
/** What `updateSession` returns: the same shape as `createSession`. */
export type UpdateSessionResponse = Schemas["SessionResponse"];
/** A verification session: `url` to send the end user to, `id` to keep (decisions refer to it). */
export type Session = Schemas["Session"];
/** What `getDecision` returns; `verification` is null until a decision exists. */
export type DecisionResponse = Schemas["DecisionResponse"];
/** A verification decision. */
export type Decision = Schemas["Decision"];
/** Veriff's error body `{ status: "fail", code?, message }`, found on `ApiError.body`. */
export type VeriffErrorBody = Schemas["Error"];

declare module "@verifetch/core" {
  /** Lets `isApiError(error, "veriff")` type `error.body` as VeriffErrorBody. */
  interface ProviderErrorBodies {
    veriff: VeriffErrorBody;
  }
}
/** The typed openapi-fetch client for every operation in the Veriff spec; requests are signed for you. */
export type VeriffApiClient = OpenApiClient<paths, "application/json">;

/** Veriff's common API host. Each integration has its own base URL (Customer Portal): pass it as `baseUrl` when it differs. */
export const VERIFF_BASE_URL = "https://stationapi.veriff.com";

/**
 * How long a session's `sessionToken` (and so its `url`) stays valid: 7 days. Veriff's own
 * excerpts do not state it; it is taken from the docs of EarthID, a Veriff white-label, for the
 * identical token.
 */
export const VERIFF_SESSION_TTL_MS = 604_800_000;

const PROVIDER = "veriff";

/** Options for {@link createVeriff}. */
export interface VeriffOptions extends ProviderClientOptions {
  /** The integration's API key, sent as `X-AUTH-CLIENT`. Defaults to `VERIFF_API_KEY`, read at request time. */
  apiKey?: string | undefined;
  /**
   * The integration's shared secret key, used only to compute `X-HMAC-SIGNATURE` (never sent) and
   * to verify webhooks (`veriffSessions(client).verifyWebhook`). Defaults to `VERIFF_SHARED_SECRET`, read only when
   * a request needs a signature or a webhook is verified: creating sessions needs just the API key.
   */
  sharedSecret?: string | undefined;
}

/**
 * A configured Veriff client. Create it with {@link createVeriff}.
 *
 * It has no `environment`: test vs live is a property of the Veriff integration behind the API
 * key, on the same host, and keys carry no documented prefix, so it cannot be told and is not guessed.
 */
export class Veriff {
  readonly #apiKey: string | undefined;
  readonly #sharedSecret: string | undefined;
  readonly #call: OperationCaller<paths>;

  constructor(options: VeriffOptions = {}) {
    this.#apiKey = options.apiKey;
    this.#sharedSecret = options.sharedSecret;
    setSessionSettings(this, { webhookSecret: options.sharedSecret, now: options.clock?.now });
    const baseUrl = options.baseUrl ?? VERIFF_BASE_URL;
    const transport = createTransport(this, {
      packageName: PROVIDER,
      version: VERSION,
      baseUrl,
      options,
      // Signing here, from the request about to be sent, covers `veriffApiClient` calls too and
      // signs exactly the bytes that go out.
      authenticate: async (request) => {
        const apiKey = this.#loadApiKey();
        request.headers.set("X-AUTH-CLIENT", apiKey);
        const payload = veriffSignaturePayload(request, baseUrl);
        if (payload === undefined) return [apiKey];
        const sharedSecret = this.#loadSharedSecret();
        request.headers.set("X-HMAC-SIGNATURE", await payload.sign(sharedSecret));
        return [apiKey, sharedSecret];
      },
    });
    this.#call = operationCaller<paths>(transport);
  }

  /** Creates a verification session; send the end user to `verification.url` and keep `verification.id`. Needs no shared secret. */
  createSession(body: CreateSessionRequest, options?: CallOptions): Promise<CreateSessionResponse> {
    return this.#call("post", "/v1/sessions", { body }, options, [
      "verification.id",
      "verification.url",
      "verification.status",
    ]);
  }

  /** Updates a session — in practice submits it: `updateSession(id, { verification: { status: "submitted" } })`. */
  updateSession(sessionId: string, body: UpdateSessionRequest, options?: CallOptions): Promise<UpdateSessionResponse> {
    // An empty or blank id (which would call another URL and sign "") is refused by core before any request.
    return this.#call("patch", "/v1/sessions/{sessionId}", { params: { path: { sessionId } }, body }, options);
  }

  /** Looks up a session's decision (for polling when webhooks are not used); `verification` is null until one exists. */
  getDecision(sessionId: string, options?: CallOptions): Promise<DecisionResponse> {
    return this.#call("get", "/v1/sessions/{sessionId}/decision", { params: { path: { sessionId } } }, options);
  }

  #loadApiKey(): string {
    return loadSetting({
      value: this.#apiKey,
      option: "apiKey",
      envVar: "VERIFF_API_KEY",
      description: "Veriff API key",
    });
  }

  #loadSharedSecret(): string {
    return loadSetting({
      value: this.#sharedSecret,
      option: "sharedSecret",
      envVar: "VERIFF_SHARED_SECRET",
      description: "Veriff shared secret (needed to sign every request except creating a session)",
    });
  }
}

/**
 * The typed openapi-fetch client of `veriff`, for every operation in the Veriff spec:
 * `veriffApiClient(veriff).PATCH("/v1/sessions/{sessionId}", …)` returns `{ data, error, response }`.
 * It sends through the same credentials, signing, retries and hooks as the methods; built on first use.
 */
export function veriffApiClient(veriff: Veriff): VeriffApiClient {
  return openApiClientOf<paths>(veriff);
}

/** Creates a Veriff client. Credentials are read lazily, so this never throws for a missing key or secret. */
export function createVeriff(options: VeriffOptions = {}): Veriff {
  return new Veriff(options);
}
