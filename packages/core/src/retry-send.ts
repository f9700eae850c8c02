// How every provider call is sent: credentials, retries with backoff, per-attempt timeouts, an
// optional overall deadline, cancellation, idempotency keys and hooks. It works on a plain
// url + init (not a Request), so the body string is sent again as it is on every attempt, and the
// final response body is read here, where a connection lost mid-body can still be retried or typed.
import { AbortError, ConnectionError, InputValidationError, TimeoutError } from "./error-classes.ts";
import type { Log } from "./log.ts";
import {
  backoffMs,
  errorCodes,
  failedBeforeSending,
  isRetryableStatus,
  isSafeToRepeat,
  requestedWaitMs,
} from "./retry-policy.ts";
import { redactText } from "./secret-redact.ts";

/** A custom fetch given as the `fetch` option: one prepared Request in, one Response out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** How hard a call tries. Every field can be set per client and per call. */
export interface RetrySettings {
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries: number;
  /** Time limit of each attempt until response headers arrive, in ms (default 30 000). */
  timeoutMs: number;
  /** Time limit of the whole call including retries and waits, in ms (default: none). */
  deadlineMs: number | undefined;
  /** Longest wait between attempts; a provider asking for more is not waited for (default 60 000). */
  maxRetryWaitMs: number;
}

/** The defaults of {@link RetrySettings}. */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxRetries: 2,
  timeoutMs: 30_000,
  deadlineMs: undefined,
  maxRetryWaitMs: 60_000,
};

/**
 * `base` with the defined values of `overrides`, each checked: counts are whole numbers >= 0,
 * durations are milliseconds > 0 (`deadlineMs` may be left unset).
 */
export function resolveRetrySettings(base: RetrySettings, overrides: Partial<RetrySettings> = {}): RetrySettings {
  const settings = { ...base };
  for (const [option, value] of Object.entries(overrides) as [keyof RetrySettings, number | undefined][]) {
    if (value === undefined || !(option in base)) continue;
    const count = option === "maxRetries" || option === "maxRetryWaitMs";
    if (count ? !Number.isInteger(value) || value < 0 : !(value > 0 && value < Infinity)) {
      throw new InputValidationError(
        option,
        `must be ${count ? "a whole number >= 0" : "a number of milliseconds > 0"} (got ${value})`,
      );
    }
    settings[option] = value;
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

/** The real clock. */
export const systemClock: Clock = {
  now: Date.now,
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      const stop = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      if (signal.aborted) stop();
      signal.addEventListener("abort", stop, { once: true });
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
}

/** The final response of a call (any status), with its body already read. */
export interface Exchange {
  response: Response;
  text: string;
  meta: TransportMeta;
}

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
export const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

// Made on first use: some runtimes (Cloudflare Workers) refuse such work at module load.
let never: AbortSignal | undefined;

/** Sends one logical call, retrying as the settings allow; resolves with the final response read in full. */
export async function sendWithRetries(
  transport: Transport,
  request: OutgoingRequest,
  overrides?: Partial<RetrySettings>,
): Promise<Exchange> {
  const settings = resolveRetrySettings(transport.settings, overrides);
  const { clock, provider, log } = transport;
  never ??= new AbortController().signal;
  const callerSignal = request.signal ?? never;
  const { method, headers, url, body } = request;
  let idempotencyKey: string | undefined;
  const fail = (cause: unknown) =>
    new AbortError(`${provider}: the request was aborted by the caller`, { provider, cause, idempotencyKey });
  const sleep = (ms: number) => clock.sleep(ms, callerSignal).catch((error) => Promise.reject(fail(error)));
  if (callerSignal.aborted) throw fail(callerSignal.reason);
  const deadline = settings.deadlineMs === undefined ? Infinity : clock.now() + settings.deadlineMs;
  const fits = (wait: number) => clock.now() + wait < deadline;
  const secrets = (await transport.authenticate(request)).filter((secret) => secret.length >= 4);
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
    const attemptStarted = clock.now();
    const remaining = deadline - attemptStarted;
    const retriesLeft = attempt < settings.maxRetries;
    const report = (status: number | undefined, error: string | undefined, willRetry: boolean) =>
      transport.onResponse?.({ ...event, status, elapsedMs: clock.now() - attemptStarted, error, willRetry });
    const retryAfter = async (wait: number, reason: string | number) => {
      log("info", `${describe}: ${reason}; retrying in ${Math.round(wait)} ms`, event);
      await sleep(wait);
    };
    if (remaining <= 0) {
      const message = `${describe}: the ${settings.deadlineMs} ms deadline passed before attempt ${attempt + 1}`;
      throw new TimeoutError(message, { provider, retryCount: attempt, idempotencyKey });
    }
    const attemptMs = Math.min(settings.timeoutMs, remaining);
    // An attempt ends when the caller aborts or its own time limit passes, whichever comes first.
    const controller = new AbortController();
    const onAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener("abort", onAbort);
    const timer = setTimeout(() => controller.abort(new DOMException("attempt timed out", "TimeoutError")), attemptMs);
    transport.onRequest?.(event);
    let response: Response | undefined;
    let text = "";
    let reason: string | undefined;
    let cause: unknown;
    // Repeating is safe for idempotent requests, and for any request that certainly never left.
    let repeatable = safeToRepeat;
    try {
      // Never follow a redirect: fetch would forward custom credential headers (X-API-Key,
      // X-AUTH-CLIENT…) to whatever host it names. No spec documents one; it surfaces as an ApiError.
      response = await send({ method, headers, body, signal: controller.signal, redirect: "manual" });
    } catch (error) {
      cause = error;
      repeatable ||= !controller.signal.aborted && failedBeforeSending(error);
    }
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onAbort);
    if (callerSignal.aborted) throw fail(cause ?? callerSignal.reason);
    const timedOut = !response && controller.signal.aborted;
    if (response) {
      const { status, ok } = response;
      const requestedWait = ok ? undefined : requestedWaitMs(status, response.headers, clock.now());
      const wait = requestedWait ?? backoffMs(attempt, clock.random);
      if (
        !ok &&
        retriesLeft &&
        isRetryableStatus(status, safeToRepeat, response.headers) &&
        wait <= settings.maxRetryWaitMs &&
        fits(wait)
      ) {
        report(status, undefined, true);
        // Free the connection: undici keeps it busy until the body is consumed or cancelled.
        await response.body?.cancel().catch(() => undefined);
        await retryAfter(wait, status);
        continue;
      }
      try {
        if (!NULL_BODY_STATUSES.has(status) && method !== "HEAD") text = await response.text();
      } catch (error) {
        cause = error;
        reason = `connection lost while reading the ${status} response: ${connectionReason(error)}`;
      }
      if (!reason) {
        report(status, undefined, false);
        if (!ok) log("warn", `${describe}: ${status}`, event);
        const meta = {
          retryCount: attempt,
          idempotencyKey,
          retryAfterMs: status === 429 ? requestedWait : undefined,
          secrets,
        };
        return { response, text, meta };
      }
    }
    reason ??= timedOut ? `no response within ${attemptMs} ms` : connectionReason(cause);
    const wait = backoffMs(attempt, clock.random);
    const retry = retriesLeft && repeatable && fits(wait);
    report(response?.status, reason, retry);
    if (retry) {
      await retryAfter(wait, reason);
      continue;
    }
    const message = `${describe}: ${reason}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ""}${
      repeatable || !retriesLeft
        ? ""
        : `; not retried because the request may have reached ${provider}, which documents no idempotency key`
    }`;
    const init = { provider, cause, retryCount: attempt, idempotencyKey };
    throw new (timedOut ? TimeoutError : ConnectionError)(redactText(message, secrets), init);
  }
}

function connectionReason(error: unknown): string {
  const code = errorCodes(error)[0];
  return `connection failed${code ? ` (${code})` : ""}: ${error instanceof Error ? error.message : String(error)}`;
}
