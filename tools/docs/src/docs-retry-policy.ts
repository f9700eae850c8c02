// The retry and idempotency policy every client follows, as the index page states it. The defaults
// come from @verifetch/core's public entry, so the page cannot drift from them. It is imported by
// path (as tools/vitest imports @verifetch/testing) because a workspace dependency would change the
// lockfile; the rules themselves are pure functions core does not export, described here from
// packages/core/src/retry-policy.ts — keep the two in step (which operation is repeated after it may
// have arrived is a spec fact: `retriedAfterArrival` in tools/codegen/src/spec-facts.ts).
import { DEFAULT_RETRY_SETTINGS } from "../../../packages/core/src/index.ts";

/** The policy as short rules (inline markdown), with core's current defaults filled in. */
export function retryPolicyRules(): string[] {
  const { maxRetries, timeoutMs, maxRetryWaitMs } = DEFAULT_RETRY_SETTINGS;
  return [
    `Up to **${maxRetries} retries** after the first attempt (\`maxRetries\`), each attempt limited to **${timeoutMs / 1000} s**, response body included (\`timeoutMs\`); both can be set per client and per call. A caller's \`AbortSignal\` and an overall \`deadlineMs\` stop a call at once, also while its body is read; an abort is never retried.`,
    "**429** is always retried: the provider refused the request before acting on it.",
    "**408, 5xx, timeouts and dropped connections** are retried only when repeating is safe: for `GET`, `HEAD`, `OPTIONS`, `PUT` and `DELETE`, or when the request carries an idempotency key the provider honours (the same key on every attempt). A failure that certainly happened before sending (connection refused, DNS) is always retried.",
    "So a create call is never repeated once it may have reached a provider that documents no idempotency key: it cannot create two sessions.",
    "Backoff between attempts: min(0.5 · 2ⁿ, 8) s minus up to 25 % jitter, unless the provider asks for a wait with `retry-after-ms`, `Retry-After` (seconds or a date; anything else, such as `-5`, is ignored) or, for 429, `X-RateLimit-Reset`.",
    `A wait longer than **${maxRetryWaitMs / 1000} s** (\`maxRetryWaitMs\`) is not slept: the call fails at once (a 429 as \`RateLimitError\` carrying \`retryAfterMs\`).`,
    "Every error says whether sending the same request again is safe (`isSafeToRetry`): `isRetryable` only says the failure is transient, and a create answered 5xx may already have created the session.",
    "**Redirects are never followed** (no provider documents one, and fetch would resend credential headers such as `X-API-Key` to the host it names): a 3xx fails at once as an `ApiError` naming only the target's origin.",
  ];
}
