// The idempotency-key support of a provider that documents one. Made by the generated client only for
// such a provider, so a client of a provider without idempotency keys carries none of this code.
import { InputValidationError } from "./error-classes.ts";
import type { IdempotencyConfig } from "./transport-types.ts";

/** An idempotency key: printable ASCII characters, no spaces (any header can carry it unchanged). */
const IDEMPOTENCY_KEY = /^[!-~]+$/;

/**
 * The idempotency keys a provider honours: sent in `header`, at most `maxLength` characters. Every
 * call other than GET and HEAD carries one — the caller's, checked, or a new random one — and all its
 * attempts carry the same one, so the provider acts once however often the call is retried.
 */
export function idempotencyKeys(header: string, maxLength: number): IdempotencyConfig {
  return {
    header,
    maxLength,
    check(key) {
      if (typeof key !== "string" || !IDEMPOTENCY_KEY.test(key) || key.length > maxLength) {
        throw new InputValidationError(
          "idempotencyKey",
          `must be 1 to ${maxLength} printable ASCII characters, without spaces`,
        );
      }
      return key;
    },
    stamp(method, headers) {
      if (method === "GET" || method === "HEAD") return undefined;
      // One key per logical call, identical on every attempt; the caller's key wins.
      const key = headers.get(header) ?? crypto.randomUUID();
      headers.set(header, key);
      return key;
    },
  };
}
