// What a provider call is made of as the transport sees it: the request it sends on every attempt,
// the transport a provider client builds, the hooks' events, and the exchange a call ends with.

import type { Clock } from "./clock.ts";
import type { RetrySettings } from "./retry-settings.ts";
import type { ProviderClientOptions } from "./transport-create.ts";

/** A custom fetch given as the `fetch` option: one prepared Request in, one Response out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Reported before each attempt. Never contains credentials or bodies. */
export interface RequestEvent {
  provider: string;
  method: string;
  /** URL path (no query string, which may carry personal data). */
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  idempotencyKey: string | undefined;
}

/** Reported after each attempt. */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status, or undefined when the attempt failed without a response. */
  status: number | undefined;
  elapsedMs: number;
  /** Why the attempt failed without a response. */
  error: string | undefined;
  /** Whether another attempt follows. */
  willRetry: boolean;
}

/** One logical request as the transport sends it on every attempt. */
export interface OutgoingRequest {
  /** Upper case, e.g. `"POST"`. */
  method: string;
  url: string;
  headers: Headers;
  /** Sent unchanged on every attempt. */
  body?: string | ArrayBuffer | undefined;
  /** The caller's signal: aborts the call at once, never retried. */
  signal?: AbortSignal | undefined;
  /**
   * The spec operation being called — its path template (`/v1/sessions/{sessionId}`) and path
   * parameters — so credentials can follow the operation's documented security (Veriff signs all
   * but its create). Absent only for requests that name no operation.
   */
  operation?: { path: string; params: Record<string, string> } | undefined;
}

/**
 * An idempotency key header a provider documents and honours, and the longest key it takes (made by
 * `idempotencyKeys(header, maxLength)`).
 */
export interface IdempotencyConfig {
  readonly header: string;
  readonly maxLength: number;
  /** Returns the caller's key if the provider takes it; throws InputValidationError otherwise. */
  check(key: unknown): string;
  /** Puts the call's key (the one already set, or a new one) on a request that needs one; returns it. */
  stamp(method: string, headers: Headers): string | undefined;
}

/** Serializes an operation's query parameters as `?…` (or `""`): core's `queryString`. */
export type QueryString = (query: Record<string, unknown>) => string;

/**
 * Adds a provider's credentials to the request about to be sent (once per logical call) and
 * returns the secret values it used, which are then redacted from every error and log line.
 */
export type Authenticate = (request: OutgoingRequest) => readonly string[] | Promise<readonly string[]>;

/** What a provider client sends through (made by `createTransport`). */
export interface Transport {
  provider: string;
  /** Without a trailing slash. */
  baseUrl: string;
  /** The provider's default headers merged with the caller's `headers` option. */
  headers: Record<string, string>;
  userAgent: string;
  authenticate: Authenticate;
  /** The idempotency key the provider honours (e.g. Verifa's `Idempotency-Key`, at most 255 characters). */
  idempotency?: IdempotencyConfig | undefined;
  /** How query parameters are sent, for a client whose spec has any. */
  query?: QueryString | undefined;
  /** Whether a failed fetch certainly never left (core's `failedBeforeSending`), for clients that need it. */
  notSent?: ((error: unknown) => boolean) | undefined;
  settings: RetrySettings;
  clock: Clock;
  /**
   * The caller's options as given: `fetch` and the hooks are read from here when used, and the
   * session adapter reads what it needs (the webhook secret option its descriptor names).
   */
  options: Readonly<ProviderClientOptions>;
}

/** What the transport learned about a call, carried to its result or error. */
export interface TransportMeta {
  /** Retries made before the final response. */
  retryCount: number;
  /** The idempotency key sent on every attempt, for providers that honour one. */
  idempotencyKey: string | undefined;
  /** For a 429: how long the provider asked to wait, in ms. */
  retryAfterMs: number | undefined;
  /** Secret values to redact from whatever the call surfaces. */
  secrets: readonly string[];
  /** Whether sending the same request again cannot act twice (idempotent method or honoured key). */
  safeToRepeat: boolean;
}

/** The final response of a call (any status), with its body already read. */
export interface Exchange {
  response: Response;
  /** The response's headers with the call's credentials redacted: what errors and results keep. */
  headers: Headers;
  text: string;
  meta: TransportMeta;
}

/** Options accepted by every convenience method, per call. */
export interface CallOptions {
  /** Cancels the call at once, including during a wait between retries. Never retried. */
  signal?: AbortSignal | undefined;
  /** Headers for this call only; they override the client's headers. */
  headers?: Record<string, string> | undefined;
  /** Retries for this call (overrides the client's `maxRetries`). */
  maxRetries?: number | undefined;
  /** Per-attempt time limit for this call, response body included, in ms. */
  timeoutMs?: number | undefined;
  /** Time limit of this whole call, in ms. */
  deadlineMs?: number | undefined;
  /**
   * Idempotency key for this call, for providers that honour one (others refuse it): every retry
   * sends the same key, so the provider acts once. Defaults to a new random key per call.
   */
  idempotencyKey?: string | undefined;
}
