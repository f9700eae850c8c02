// The fetch every provider client sends through (handed to openapi-fetch): credentials, retries
// with backoff, per-attempt timeouts, an optional overall deadline, cancellation, idempotency keys
// and hooks. A middleware could not do this: it cannot re-send a consumed body.
import { AbortError, ConnectionError, InvalidResponseError, TimeoutError } from "./error-classes.ts";
import { requestIdFrom } from "./error-from-response.ts";
import type { Logger } from "./log.ts";
import { definedOnly } from "./object-defined.ts";
import { replayableBody } from "./request-body.ts";
import { setTransportMeta, type TransportMeta } from "./response-meta.ts";
import {
  backoffMs,
  errorCodes,
  failedBeforeSending,
  isRetryableStatus,
  isSafeToRepeat,
  requestedWaitMs,
} from "./retry-policy.ts";
import { redactText, secretsOf } from "./secret-redact.ts";

/** The fetch signature openapi-fetch calls: one prepared Request in, one Response out. */
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

/** Time and randomness, injectable so retry tests are deterministic and fast. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal.addEventListener("abort", onAbort, { once: true });
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

/** Everything the transport of one provider client needs. */
export interface RetryFetchConfig {
  provider: string;
  userAgent: string;
  /** Adds credentials to the request (called once per logical call, before the first attempt). */
  authenticate: (request: Request) => Request | Promise<Request>;
  /** The caller's fetch; defaults to the global fetch looked up at call time. */
  fetch?: FetchLike | undefined;
  /** Header of an idempotency key the provider honours (e.g. Verifa's `Idempotency-Key`). */
  idempotencyHeader?: string | undefined;
  /** Generates idempotency keys (default: a random UUID). */
  generateIdempotencyKey?: () => string;
  settings: RetrySettings;
  clock: Clock;
  logger: Logger;
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
}

/** The transport of one client: sends one logical call, retrying as the settings allow. */
export type RetryFetch = (request: Request, overrides?: Partial<RetrySettings>) => Promise<Response>;

/** Creates the retrying fetch of one provider client. */
export function createRetryFetch(config: RetryFetchConfig): RetryFetch {
  // The global fetch (looked up per call) takes the URL and init as they are; a caller's FetchLike gets a Request.
  const custom = config.fetch;
  const send: (url: string, init: RequestInit) => Promise<Response> = custom
    ? (url, init) => custom(new Request(url, init))
    : (url, init) => globalThis.fetch(url, init);
  return async (original, overrides) => {
    const settings = { ...config.settings, ...definedOnly(overrides) };
    const { clock } = config;
    const callerSignal = original.signal;
    throwIfAborted(callerSignal, config.provider);
    const started = clock.now();
    const deadline = settings.deadlineMs === undefined ? undefined : started + settings.deadlineMs;

    const prepared = await config.authenticate(original);
    prepared.headers.set("User-Agent", config.userAgent);
    const method = prepared.method.toUpperCase();
    const path = new URL(prepared.url).pathname;
    let idempotencyKey: string | undefined;
    if (config.idempotencyHeader && !isSafeToRepeat(method, false)) {
      // One key per logical call, identical on every attempt; the caller's key wins.
      idempotencyKey = prepared.headers.get(config.idempotencyHeader) ?? (config.generateIdempotencyKey ?? randomKey)();
      prepared.headers.set(config.idempotencyHeader, idempotencyKey);
    }
    const safeToRepeat = isSafeToRepeat(method, idempotencyKey !== undefined);
    const secrets = secretsOf(prepared.headers);
    // Buffer the body once so every attempt can send it again.
    const body = method === "GET" || method === "HEAD" ? undefined : await replayableBody(prepared);
    const describe = `${config.provider} ${method} ${path}`;

    for (let attempt = 0; ; attempt++) {
      throwIfAborted(callerSignal, config.provider, idempotencyKey);
      const event: RequestEvent = { provider: config.provider, method, path, attempt: attempt + 1, idempotencyKey };
      const remaining = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - clock.now();
      if (remaining <= 0) {
        throw new TimeoutError(
          `${describe}: the ${settings.deadlineMs} ms deadline passed before attempt ${attempt + 1}`,
          {
            provider: config.provider,
            retryCount: attempt,
            idempotencyKey,
          },
        );
      }
      const attemptTimeout = Math.min(settings.timeoutMs, remaining);
      const limit = linkedTimeout(callerSignal, attemptTimeout);
      const attemptStarted = clock.now();
      config.onRequest?.(event);
      let response: Response;
      try {
        response = await send(prepared.url, {
          method,
          headers: prepared.headers,
          body,
          signal: limit.signal,
          redirect: prepared.redirect,
          credentials: prepared.credentials,
        });
      } catch (error) {
        limit.dispose();
        if (callerSignal.aborted) throw abortError(config.provider, idempotencyKey, error);
        const timedOut = limit.timedOut();
        const retryable = attempt < settings.maxRetries && (safeToRepeat || (!timedOut && failedBeforeSending(error)));
        const reason = timedOut ? `no response within ${attemptTimeout} ms` : connectionReason(error);
        config.onResponse?.({
          ...event,
          status: undefined,
          elapsedMs: clock.now() - attemptStarted,
          error: reason,
          willRetry: retryable,
        });
        const wait = backoffMs(attempt, clock.random);
        if (!retryable || !fitsDeadline(clock, deadline, wait)) {
          const unsafe = !safeToRepeat && attempt < settings.maxRetries;
          const message = redactText(
            `${describe}: ${reason}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ""}${
              unsafe
                ? `; not retried because the request may have reached ${config.provider}, which documents no idempotency key`
                : ""
            }`,
            secrets,
          );
          const init = { provider: config.provider, cause: error, retryCount: attempt, idempotencyKey };
          throw timedOut ? new TimeoutError(message, init) : new ConnectionError(message, init);
        }
        config.logger.info(`${describe}: ${reason}; retrying in ${Math.round(wait)} ms`, { attempt: attempt + 1 });
        await sleepOrAbort(clock, wait, callerSignal, config.provider, idempotencyKey);
        continue;
      }
      limit.dispose();

      const status = response.status;
      const requestedWait = response.ok ? undefined : requestedWaitMs(status, response.headers, clock.now());
      const retryable =
        !response.ok && attempt < settings.maxRetries && isRetryableStatus(status, safeToRepeat, response.headers);
      const wait = requestedWait ?? backoffMs(attempt, clock.random);
      const willRetry = retryable && wait <= settings.maxRetryWaitMs && fitsDeadline(clock, deadline, wait);
      config.onResponse?.({ ...event, status, elapsedMs: clock.now() - attemptStarted, error: undefined, willRetry });
      if (willRetry) {
        // Free the connection: undici keeps it busy until the body is consumed or cancelled.
        await response.body?.cancel().catch(() => undefined);
        config.logger.info(`${describe}: ${status}; retrying in ${Math.round(wait)} ms`, { attempt: attempt + 1 });
        await sleepOrAbort(clock, wait, callerSignal, config.provider, idempotencyKey);
        continue;
      }
      // Read the final body here, where a connection lost mid-body can still be retried or typed.
      let raw: string;
      try {
        raw = NULL_BODY_STATUSES.has(status) || method === "HEAD" ? "" : await response.text();
      } catch (error) {
        const canRetry = safeToRepeat && attempt < settings.maxRetries;
        const reason = `connection lost while reading the ${status} response: ${connectionReason(error)}`;
        config.onResponse?.({
          ...event,
          status,
          elapsedMs: clock.now() - attemptStarted,
          error: reason,
          willRetry: canRetry,
        });
        if (canRetry) {
          await sleepOrAbort(clock, backoffMs(attempt, clock.random), callerSignal, config.provider, idempotencyKey);
          continue;
        }
        throw new ConnectionError(redactText(`${describe}: ${reason}`, secrets), {
          provider: config.provider,
          cause: error,
          retryCount: attempt,
          idempotencyKey,
        });
      }
      if (!response.ok) {
        config.logger.warn(`${describe}: ${status}`, {
          attempt: attempt + 1,
          requestId: requestIdFrom(response.headers),
        });
      }
      const meta = {
        retryCount: attempt,
        idempotencyKey,
        retryAfterMs: status === 429 ? requestedWait : undefined,
        secrets,
      };
      return buffered(response, raw, meta, config.provider);
    }
  };
}

function randomKey(): string {
  return crypto.randomUUID();
}

function fitsDeadline(clock: Clock, deadline: number | undefined, wait: number): boolean {
  return deadline === undefined || clock.now() + wait < deadline;
}

function throwIfAborted(signal: AbortSignal, provider: string, idempotencyKey?: string): void {
  if (signal.aborted) throw abortError(provider, idempotencyKey, signal.reason);
}

function abortError(provider: string, idempotencyKey: string | undefined, cause: unknown): AbortError {
  return new AbortError(`${provider}: the request was aborted by the caller`, { provider, cause, idempotencyKey });
}

async function sleepOrAbort(
  clock: Clock,
  ms: number,
  signal: AbortSignal,
  provider: string,
  idempotencyKey: string | undefined,
): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch (error) {
    throw abortError(provider, idempotencyKey, error);
  }
}

/** An AbortSignal that fires when the caller aborts or after `ms`; dispose() clears both. */
function linkedTimeout(callerSignal: AbortSignal, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no response within ${ms} ms`, "TimeoutError"));
  }, ms);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      callerSignal.removeEventListener("abort", onAbort);
    },
  };
}

function connectionReason(error: unknown): string {
  const code = errorCodes(error)[0];
  const message = error instanceof Error ? error.message : String(error);
  return `connection failed${code ? ` (${code})` : ""}: ${message}`;
}

let encoder: TextEncoder | undefined;

/** UTF-8 length of `text`. */
function byteLength(text: string): number {
  encoder ??= new TextEncoder();
  return encoder.encode(text).length;
}

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Whether a 2xx is (or claims to be, or might be) the JSON our operations promise. */
function expectsJson(response: Response): boolean {
  if (NULL_BODY_STATUSES.has(response.status)) return false;
  const type = response.headers.get("content-type") ?? "";
  return type === "" || type.includes("json") || type.startsWith("text/");
}

/**
 * Hands openapi-fetch a buffered copy of the final response. A 2xx that should be JSON is parsed
 * here once, so an empty or malformed body is a typed InvalidResponseError instead of a raw
 * SyntaxError from inside openapi-fetch, and the copy's `json()` returns the parsed value (nothing
 * is parsed twice). A length header makes openapi-fetch call `json()` rather than parse `text()`.
 */
function buffered(response: Response, raw: string, meta: TransportMeta, provider: string): Response {
  let value: unknown;
  const parse = response.ok && expectsJson(response);
  if (parse) {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new InvalidResponseError({
        provider,
        status: response.status,
        body: redactText(raw.slice(0, 1000), meta.secrets),
        headers: response.headers,
        requestId: requestIdFrom(response.headers),
        retryCount: meta.retryCount,
        idempotencyKey: meta.idempotencyKey,
        message: `${provider} responded ${response.status} with ${raw.trim() === "" ? "an empty body" : "a body that is not valid JSON"} where JSON was expected`,
        cause: error,
      });
    }
  }
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : raw, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  copy.headers.set("content-length", String(byteLength(raw)));
  copy.headers.delete("transfer-encoding");
  copy.headers.delete("content-encoding");
  if (parse) Object.defineProperty(copy, "json", { value: async () => value });
  setTransportMeta(copy, meta);
  return copy;
}
