import {
  type CallOptions,
  createTransport,
  type Environment,
  loadSetting,
  type OperationCaller,
  openApiClientOf,
  operationCaller,
  type ProviderClientOptions,
  setSessionSettings,
} from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.ts";
import { verifaEnvironment } from "./verifa-environment.ts";
import { VERSION } from "./version.ts";

type Schemas = components["schemas"];
/** Body of `createSession`; every field is optional (`{}` is valid). Always snake_case. */
export type CreateSessionRequest = Schemas["CreateSessionRequest"];
/** A created session: `capture_url` is where the user goes; it expires 20 minutes after creation. */
export type CreateSessionResponse = Schemas["CreateSessionResponse"];
/** A session as `getSession` returns it. */
export type Session = Schemas["Session"];
/** Lifecycle status of a session. */
export type SessionStatus = Schemas["SessionStatus"];
/** The answer of `expireSession`. */
export type ExpiredSession = Schemas["ExpiredSession"];
/** A processed session's result. */
export type SessionResult = Schemas["SessionResult"];
/** Verifa's error body `{ error, detail, status_code }`, found on `ApiError.body`. */
export type VerifaErrorBody = Schemas["Error"];

declare module "@verifetch/core" {
  /** Lets `isApiError(error, "verifa")` type `error.body` as VerifaErrorBody. */
  interface ProviderErrorBodies {
    verifa: VerifaErrorBody;
  }
}
/** The typed openapi-fetch client for every operation in the Verifa spec. */
export type VerifaApiClient = OpenApiClient<paths, "application/json">;

/** Verifa's API host; it serves both environments (the key decides). */
export const VERIFA_BASE_URL = "https://api.withverifa.com";
/**
 * The API version this package's types describe (the current version named in Verifa's docs).
 * Sent as `Verifa-Version` so a key pinned to another version still gets responses of this shape.
 */
export const VERIFA_API_VERSION = "2026-01-01";
/** Capture links are single-use and expire 20 minutes after the session is created (Verifa docs). */
export const VERIFA_SESSION_TTL_MS = 20 * 60 * 1000;
const PROVIDER = "verifa";

/** Options for {@link createVerifa}. */
export interface VerifaOptions extends ProviderClientOptions {
  /** Secret key (`vk_sandbox_…` or `vk_live_…`). Defaults to `VERIFA_API_KEY`, read at request time. */
  apiKey?: string | undefined;
  /** `Verifa-Version` to send. Defaults to {@link VERIFA_API_VERSION}, the version these types describe. */
  apiVersion?: string | undefined;
  /** Webhook endpoint secret (`whsec_…`) for `verifaSessions(client).verifyWebhook`. Defaults to `VERIFA_WEBHOOK_SECRET`. */
  webhookSecret?: string | undefined;
}

/** A configured Verifa client. Create it with {@link createVerifa}. */
export class Verifa {
  readonly #apiKey: string | undefined;
  readonly #call: OperationCaller<paths>;

  constructor(options: VerifaOptions = {}) {
    this.#apiKey = options.apiKey;
    setSessionSettings(this, { webhookSecret: options.webhookSecret, now: options.clock?.now });
    const transport = createTransport(this, {
      packageName: PROVIDER,
      version: VERSION,
      baseUrl: options.baseUrl ?? VERIFA_BASE_URL,
      options,
      // Verifa replays the first response for a repeated key, so create calls can be retried safely.
      idempotencyHeader: "Idempotency-Key",
      // The response types are snake_case for this version; organisations can default to other casings.
      defaultHeaders: { "Key-Inflection": "snake", "Verifa-Version": options.apiVersion ?? VERIFA_API_VERSION },
      authenticate: (request) => {
        const apiKey = this.#loadApiKey();
        verifaEnvironment(apiKey);
        request.headers.set("X-API-Key", apiKey);
        return [apiKey];
      },
    });
    this.#call = operationCaller<paths>(transport);
  }

  /** `"sandbox"` for a `vk_sandbox_` key, `"live"` for a `vk_live_` key (loads the key; throws ConfigurationError if missing or publishable). */
  get environment(): Environment {
    return verifaEnvironment(this.#loadApiKey());
  }

  /**
   * Creates a verification session; send the user to its `capture_url`. Every attempt carries the
   * same `Idempotency-Key` (yours, or a new random one), so a retry never creates a second session;
   * read the key used with `getResponseMeta(session).idempotencyKey`.
   */
  createSession(body: CreateSessionRequest = {}, options?: CallOptions): Promise<CreateSessionResponse> {
    // Only what a caller cannot do without: the adapter falls back to the documented status and lifetime.
    return this.#call("post", "/api/v1/sessions", { body }, options, ["id", "capture_url"]);
  }

  /** Retrieves a session. */
  getSession(sessionId: string, options?: CallOptions): Promise<Session> {
    return this.#call("get", "/api/v1/sessions/{session_id}", { params: { path: { session_id: sessionId } } }, options);
  }

  /** Expires a session that has not completed, cancelling its capture. */
  expireSession(sessionId: string, options?: CallOptions): Promise<ExpiredSession> {
    return this.#call(
      "post",
      "/api/v1/sessions/{session_id}/expire",
      { params: { path: { session_id: sessionId } } },
      options,
    );
  }

  /** Retrieves a session's result. Verifa answers 404 (NotFoundError) until processing has finished. */
  getSessionResult(sessionId: string, options?: CallOptions): Promise<SessionResult> {
    return this.#call(
      "get",
      "/api/v1/sessions/{session_id}/result",
      { params: { path: { session_id: sessionId } } },
      options,
    );
  }

  #loadApiKey(): string {
    return loadSetting({
      value: this.#apiKey,
      option: "apiKey",
      envVar: "VERIFA_API_KEY",
      description: "Verifa API key",
    });
  }
}

/**
 * The typed openapi-fetch client of `verifa`, for every operation in the Verifa spec:
 * `verifaApiClient(verifa).POST("/api/v1/sessions", { body })` returns `{ data, error, response }`.
 * It sends through the same credentials, headers, idempotency keys, retries and hooks as the
 * methods; built on first use.
 */
export function verifaApiClient(verifa: Verifa): VerifaApiClient {
  return openApiClientOf<paths>(verifa);
}

/** Creates a Verifa client. The API key is read lazily, so this never throws for a missing key. */
export function createVerifa(options: VerifaOptions = {}): Verifa {
  return new Verifa(options);
}
