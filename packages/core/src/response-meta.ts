// What the transport learned about a call (retries, idempotency key, request id), attached to its
// result so a caller can read it back with `getResponseMeta(result)`.

/** Facts about one logical call, available on its result and on any error it threw. */
export interface ResponseMeta {
  /** HTTP status of the final response. */
  status: number;
  /** The provider's request id, when it sends one. */
  requestId: string | undefined;
  /** Retries made before the final response (0 when the first attempt answered). */
  retryCount: number;
  /** The idempotency key sent on every attempt, for providers that honour one. */
  idempotencyKey: string | undefined;
  /** For a 429: how long the provider asked to wait, in ms. */
  retryAfterMs: number | undefined;
}

const RESULT_META = Symbol.for("verifetch.responseMeta");

/** Attaches call facts to a result object without making them part of its data (non-enumerable). */
export function attachResponseMeta<T>(result: T, meta: ResponseMeta): T {
  // Parsed JSON objects are always extensible.
  if (typeof result === "object" && result !== null) {
    Object.defineProperty(result, RESULT_META, { value: meta, enumerable: false });
  }
  return result;
}

/**
 * Call facts of a result returned by a verifetch method: request id, retry count and the
 * idempotency key that was sent. Undefined for values that did not come from a verifetch call.
 */
export function getResponseMeta(result: unknown): ResponseMeta | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  return (result as Record<symbol, ResponseMeta | undefined>)[RESULT_META];
}
