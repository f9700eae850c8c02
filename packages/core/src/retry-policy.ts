// When a request may be sent again, and how long to wait first. Pure functions: the retrying fetch
// (retry-send.ts) applies them, tests exercise them directly.

/** Methods whose repetition cannot create anything new (RFC 9110 idempotent methods). */
const IDEMPOTENT_METHODS = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/i;

/** Error codes of failures that happen before a request is sent, so it never reached the server. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * Whether repeating this request is safe even if an earlier attempt reached the server: the
 * method is idempotent, or the request carries an idempotency key the provider honours.
 */
export function isSafeToRepeat(method: string, hasHonouredIdempotencyKey: boolean): boolean {
  return hasHonouredIdempotencyKey || IDEMPOTENT_METHODS.test(method);
}

/** Whether a failed fetch certainly failed before sending (connection refused, DNS…). */
export function failedBeforeSending(error: unknown): boolean {
  return errorCodes(error).some((code) => NOT_SENT_CODES.has(code));
}

/** Every `code` found on an error, its `cause` chain and aggregated errors (undici nests them). */
export function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || depth > 5) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === "string" ? [code] : []),
    ...errorCodes(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((e) => errorCodes(e, depth + 1)) : []),
  ];
}

/**
 * Whether a response status is worth retrying, given whether repeating is safe. A 429 is always
 * retried: the provider refused it before doing anything. 408 and >= 500 only when safe, because
 * the provider may have acted on the request before failing.
 */
export function isRetryableStatus(status: number, safeToRepeat: boolean): boolean {
  return status === 429 || (safeToRepeat && (status === 408 || status >= 500));
}

/**
 * The wait the provider asked for, in ms: `retry-after-ms`, then `Retry-After` (seconds or an HTTP
 * date), then — for 429 — `X-RateLimit-Reset` (a unix timestamp in seconds). Undefined when none.
 */
export function requestedWaitMs(status: number, headers: Headers, nowMs: number): number | undefined {
  // Header values arrive trimmed; an absent one reads "" and a number that is not one (NaN) fails
  // every comparison.
  const header = (name: string) => headers.get(name) ?? "";
  const milliseconds = Number.parseFloat(header("retry-after-ms"));
  if (milliseconds >= 0) return milliseconds;
  const retryAfter = header("retry-after");
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number.parseFloat(retryAfter) * 1000;
  // An HTTP date names its weekday and month; without a letter (`-5`, `1e3`) it is neither seconds
  // nor a date (Date.parse would read "-5" as the year 5 BC: an immediate retry). A reset is a unix
  // time in seconds.
  const at =
    (/[a-z]/i.test(retryAfter) && Date.parse(retryAfter)) ||
    (status === 429 ? Number.parseInt(header("x-ratelimit-reset"), 10) * 1000 : Number.NaN);
  if (at > 0) return Math.max(0, at - nowMs);
  return undefined;
}

/** Capped exponential backoff with jitter: min(0.5·2^n, 8) s, minus up to 25%. */
export function backoffMs(retryIndex: number, random: () => number): number {
  const base = Math.min(500 * 2 ** retryIndex, 8000);
  return base * (1 - random() * 0.25);
}
