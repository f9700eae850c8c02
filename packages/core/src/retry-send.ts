// How every provider call is sent: credentials, retries with backoff, per-attempt timeouts, an
// optional overall deadline, cancellation, idempotency keys and hooks. It works on a plain
// url + init (not a Request), so the body string is sent again as it is on every attempt, and the
// final response body is read here, where a connection lost mid-body can still be retried or typed.
import {
  AbortError,
  ConfigurationError,
  ConnectionError,
  InputValidationError,
  TimeoutError,
  VerifetchError,
} from "./error-classes.ts";
import type { Log } from "./log.ts";
import {
  backoffMs,
  errorCodes,
  failedBeforeSending,
  isRetryableStatus,
  isSafeToRepeat,
  requestedWaitMs,
} from "./retry-policy.ts";
import { redactHeaders, redactText } from "./secret-redact.ts";

/** A custom fetch given as the `fetch` option: one prepared Request in, one Response out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** How hard a call tries. Every field can be set per client and per call. */
export interface RetrySettings {
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries: number;
  /** Time limit of each attempt, response body included, in ms (default 30 000). */
  timeoutMs: number;
  /** Time limit of the whole call including retries and waits, in ms (default: none). */
  deadlineMs: number | undefined;
  /** Longest wait between attempts; a provider asking for more is not waited for (default 60 000). */
  maxRetryWaitMs: number;
}

/** Any of {@link RetrySettings}, each optional (undefined leaves the base value). */
export type RetryOverrides = { [K in keyof RetrySettings]?: RetrySettings[K] | undefined };

/** The defaults of {@link RetrySettings}. */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxRetries: 2,
  timeoutMs: 30_000,
  deadlineMs: undefined,
  maxRetryWaitMs: 60_000,
};

/**
 * The longest delay a timer supports (2³¹−1 ms, about 24.8 days): `setTimeout` fires at once for a
 * longer one. Longer durations, `Infinity` included, mean this — in effect, no limit.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `base` with the defined values of `overrides`, each checked: `maxRetries` is a whole number >= 0,
 * `maxRetryWaitMs` milliseconds >= 0, `timeoutMs` and `deadlineMs` milliseconds > 0. A duration
 * may be `Infinity` for no limit; every value is capped at {@link MAX_TIMER_MS}.
 */
export function resolveRetrySettings(base: RetrySettings, overrides: RetryOverrides = {}): RetrySettings {
  const settings = { ...base };
  for (const option of Object.keys(base) as (keyof RetrySettings)[]) {
    const value = overrides[option];
    if (value === undefined) continue;
    const count = option === "maxRetries";
    // maxRetries and maxRetryWaitMs may be 0.
    const zero = option[0] === "m";
    if (typeof value !== "number" || !(value > 0 || (zero && value === 0)) || (count && !Number.isInteger(value))) {
      throw new InputValidationError(
        option,
        `must be a ${count ? "whole number" : "number of milliseconds"} ${zero ? ">=" : ">"} 0 (got ${String(value)})`,
      );
    }
    settings[option] = Math.min(value, MAX_TIMER_MS);
  }
  return settings;
}

/** Time and randomness, injectable so retry tests are deterministic and fast. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

/** The real clock. Its sleep leaves no listener behind on the signal, however many times it waits. */
export const systemClock: Clock = {
  now: Date.now,
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", stop);
        resolve();
      }, ms);
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop);
    }),
};

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
}

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
  /** Header of an idempotency key the provider honours (e.g. Verifa's `Idempotency-Key`). */
  idempotencyHeader: string | undefined;
  fetch: FetchLike | undefined;
  settings: RetrySettings;
  clock: Clock;
  log: Log;
  onRequest: ((event: RequestEvent) => void) | undefined;
  onResponse: ((event: ResponseEvent) => void) | undefined;
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

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
export const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Sends one logical call, retrying as the settings allow; resolves with the final response read in
 * full. Each attempt's time limit, the deadline and the caller's signal cover the whole exchange,
 * response body included: nothing it starts outlives it (timer, listener or pending read).
 */
export async function sendWithRetries(
  transport: Transport,
  request: OutgoingRequest,
  overrides?: RetryOverrides,
): Promise<Exchange> {
  const settings = resolveRetrySettings(transport.settings, overrides);
  const { clock, provider, log } = transport;
  // A call without a signal gets its own, which never aborts: nothing is made at module load
  // (Cloudflare Workers refuse that), and nothing is shared between calls.
  const callerSignal = request.signal ?? new AbortController().signal;
  const { method, headers, url, body } = request;
  let idempotencyKey: string | undefined;
  const fail = (cause: unknown) =>
    new AbortError(`${provider}: the request was aborted by the caller`, { provider, cause, idempotencyKey });
  const deadline = clock.now() + (settings.deadlineMs ?? Infinity);
  let secrets: readonly string[];
  try {
    secrets = (await transport.authenticate(request)).filter((secret) => secret.length >= 4);
  } catch (error) {
    // Headers refuse a value HTTP cannot carry with a TypeError that quotes it: never surface that.
    throw VerifetchError.isInstance(error) ? error : new ConfigurationError(`${provider}: a credential ${NOT_HTTP}`);
  }
  headers.set("User-Agent", transport.userAgent);
  const header = transport.idempotencyHeader;
  if (header && method !== "GET" && method !== "HEAD") {
    // One key per logical call, identical on every attempt; the caller's key wins.
    idempotencyKey = headers.get(header) ?? crypto.randomUUID();
    headers.set(header, idempotencyKey);
  }
  const safeToRepeat = isSafeToRepeat(method, idempotencyKey !== undefined);
  const path = new URL(url).pathname;
  const describe = `${provider} ${method} ${path}`;
  const send = transport.fetch
    ? (init: RequestInit) => (transport.fetch as FetchLike)(new Request(url, init))
    : (init: RequestInit) => fetch(url, init);

  for (let attempt = 0; ; attempt++) {
    if (callerSignal.aborted) throw fail(callerSignal.reason);
    const event = { provider, method, path, attempt: attempt + 1, idempotencyKey };
    const started = clock.now();
    const remaining = deadline - started;
    if (remaining <= 0) {
      const message = `${describe}: the ${settings.deadlineMs} ms deadline passed before attempt ${attempt + 1}`;
      // Only a retry the transport judged safe leads here.
      throw new TimeoutError(message, { provider, retryCount: attempt, idempotencyKey, isSafeToRetry: true });
    }
    const attemptMs = Math.min(settings.timeoutMs, remaining);
    // An attempt ends when the caller aborts or its own time limit passes, whichever comes first.
    const controller = new AbortController();
    const { signal } = controller;
    const onAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener("abort", onAbort);
    const timer = setTimeout(() => controller.abort(new DOMException("attempt timed out", "TimeoutError")), attemptMs);
    // Rejects once the attempt is stopped, so neither a fetch nor a body read that ignores the
    // signal (a stalled body, a custom fetch) can keep the call waiting.
    // (Always raced from the moment it exists, so its rejection is never unhandled.)
    const stopped = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    let failed = false;
    let cause: unknown;
    const settle = <T>(promise: Promise<T>): Promise<T | undefined> =>
      Promise.race([promise, stopped]).catch((error: unknown) => {
        failed = true;
        cause = error;
        return undefined;
      });
    transport.onRequest?.(event);
    let text: string | undefined = "";
    let requestedWait: number | undefined;
    let wait = backoffMs(attempt, clock.random);
    // Another attempt needs a retry left, a wait within the cap, and time before the deadline.
    const canWait = () =>
      attempt < settings.maxRetries && wait <= settings.maxRetryWaitMs && clock.now() + wait < deadline;
    let retry = false;
    let response: Response | undefined;
    try {
      // Never follow a redirect: fetch would forward custom credential headers (X-API-Key,
      // X-AUTH-CLIENT…) to whatever host it names. No spec documents one; it surfaces as an ApiError.
      response = await settle(send({ method, headers, body: body ?? null, signal, redirect: "manual" }));
      if (!failed) {
        if (typeof response?.text !== "function") {
          throw new ConfigurationError(`${provider}: the fetch option must resolve to a Response`, { option: "fetch" });
        }
        const { status, ok } = response;
        requestedWait = ok ? undefined : requestedWaitMs(status, response.headers, clock.now());
        wait = requestedWait ?? wait;
        retry = !ok && isRetryableStatus(status, safeToRepeat, response.headers) && canWait();
        // Free the connection: undici keeps it busy until the body is consumed or cancelled.
        if (retry) response.body?.cancel().catch(() => undefined);
        else if (!NULL_BODY_STATUSES.has(status) && method !== "HEAD") {
          text = await settle(response.text());
        }
      }
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener("abort", onAbort);
    }
    if (callerSignal.aborted) throw fail(cause ?? callerSignal.reason);
    const status = response?.status;
    const timedOut = failed && signal.aborted;
    // Repeating is safe for idempotent requests, and for any request that certainly never left.
    const repeatable = safeToRepeat || (!response && !timedOut && failedBeforeSending(cause));
    // Redacted once, here: the reason goes to hooks and logs as well as into the error.
    const reason = failed
      ? redactText(
          timedOut
            ? `no complete response within ${attemptMs} ms`
            : `${response ? `connection lost while reading the ${status} response` : "connection failed"}${connectionDetail(cause)}`,
          secrets,
        )
      : undefined;
    if (failed) retry = repeatable && canWait();
    transport.onResponse?.({ ...event, status, elapsedMs: clock.now() - started, error: reason, willRetry: retry });
    if (retry) {
      log("info", `${describe}: ${reason ?? status}; retrying in ${Math.round(wait)} ms`, event);
      await clock.sleep(wait, callerSignal).catch((error: unknown) => Promise.reject(fail(error)));
      continue;
    }
    if (response && !failed) {
      if (!response.ok) log("warn", `${describe}: ${status}`, event);
      const retryAfterMs = status === 429 ? requestedWait : undefined;
      return {
        response,
        headers: redactHeaders(response.headers, secrets),
        text: text as string,
        meta: { retryCount: attempt, idempotencyKey, retryAfterMs, secrets, safeToRepeat },
      };
    }
    const message = `${describe}: ${reason}${attempt ? ` (after ${attempt + 1} attempts)` : ""}${
      repeatable || attempt >= settings.maxRetries
        ? ""
        : `; not retried because the request may have reached ${provider}, which documents no idempotency key`
    }`;
    const init = { provider, cause, retryCount: attempt, idempotencyKey, isSafeToRetry: repeatable };
    throw new (timedOut ? TimeoutError : ConnectionError)(message, init);
  }
}

/** What a value HTTP cannot carry is told (the Headers TypeError would quote the value). */
export const NOT_HTTP = "cannot be sent in HTTP (a line break, or a character outside Latin-1)";

/** ` (CODE): message` of a failed fetch, for messages and hooks. */
function connectionDetail(error: unknown): string {
  const code = errorCodes(error)[0];
  return `${code ? ` (${code})` : ""}: ${error instanceof Error ? error.message : String(error)}`;
}
