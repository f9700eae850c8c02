// How every provider call is sent: credentials, retries with backoff, per-attempt timeouts, an
// optional overall deadline, cancellation, idempotency keys and hooks. It works on a plain
// url + init (not a Request), so the body string is sent again as it is on every attempt, and the
// final response body is read here, where a connection lost mid-body can still be retried or typed.
import { AbortError, ConfigurationError, ConnectionError, TimeoutError, VerifetchError } from "./error-classes.ts";
import { backoffMs, isRetryableStatus, isSafeToRepeat, requestedWaitMs } from "./retry-policy.ts";
import { type RetryOverrides, resolveRetrySettings } from "./retry-settings.ts";
import { redactHeaders, redactText } from "./secret-redact.ts";
import type { Exchange, OutgoingRequest, Transport } from "./transport-types.ts";

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
  const { clock, provider } = transport;
  // A call without a signal gets its own, which never aborts: nothing is made at module load
  // (Cloudflare Workers refuse that), and nothing is shared between calls.
  const callerSignal = request.signal ?? new AbortController().signal;
  const { method, headers, url, body } = request;
  let idempotencyKey: string | undefined;
  const fail = (cause: unknown) =>
    new AbortError(`${provider}: aborted by the caller`, { provider, cause, idempotencyKey });
  const deadline = clock.now() + (settings.deadlineMs ?? Infinity);
  let secrets: readonly string[];
  try {
    secrets = (await transport.authenticate(request)).filter((secret) => secret.length >= 4);
  } catch (error) {
    // Headers refuse a value HTTP cannot carry with a TypeError that quotes it: never surface that.
    throw VerifetchError.isInstance(error) ? error : new ConfigurationError(`${provider}: a credential ${NOT_HTTP}`);
  }
  headers.set("User-Agent", transport.userAgent);
  idempotencyKey = transport.idempotency?.stamp(method, headers);
  const safeToRepeat = isSafeToRepeat(method, idempotencyKey !== undefined);
  const path = new URL(url).pathname;
  const describe = `${provider} ${method} ${path}`;
  const { fetch: customFetch, onRequest, onResponse } = transport.options;
  const send = customFetch
    ? (init: RequestInit) => customFetch(new Request(url, init))
    : (init: RequestInit) => fetch(url, init);

  for (let attempt = 0; ; attempt++) {
    if (callerSignal.aborted) throw fail(callerSignal.reason);
    const event = { provider, method, path, attempt: attempt + 1, idempotencyKey };
    const started = clock.now();
    const remaining = deadline - started;
    if (remaining <= 0) {
      const message = `${describe}: the ${settings.deadlineMs} ms deadline passed`;
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
    onRequest?.(event);
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
          throw new ConfigurationError(`${provider}: fetch must resolve to a Response`, { option: "fetch" });
        }
        const { status, ok } = response;
        requestedWait = ok ? undefined : requestedWaitMs(status, response.headers, clock.now());
        wait = requestedWait ?? wait;
        retry = !ok && isRetryableStatus(status, safeToRepeat) && canWait();
        // Free the connection: undici keeps it busy until the body is consumed or cancelled.
        if (retry) response.body?.cancel().catch(() => undefined);
        // A response without a body (204, 304, a HEAD) reads as "".
        else text = await settle(response.text());
      }
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener("abort", onAbort);
    }
    if (callerSignal.aborted) throw fail(cause ?? callerSignal.reason);
    const status = response?.status;
    const timedOut = failed && signal.aborted;
    // Repeating is safe for idempotent requests, and for any request that certainly never left.
    const repeatable = safeToRepeat || (!response && !timedOut && transport.notSent?.(cause) === true);
    // Redacted once, here: the reason goes to the hooks as well as into the error.
    const reason = failed
      ? redactText(
          timedOut
            ? `no complete response within ${attemptMs} ms`
            : `${response ? `connection lost while reading the ${status} response` : "connection failed"}${connectionDetail(cause)}`,
          secrets,
        )
      : undefined;
    if (failed) retry = repeatable && canWait();
    onResponse?.({ ...event, status, elapsedMs: clock.now() - started, error: reason, willRetry: retry });
    if (retry) {
      await clock.sleep(wait, callerSignal).catch((error: unknown) => Promise.reject(fail(error)));
      continue;
    }
    if (response && !failed) {
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
        : `; not retried: it may have reached ${provider} (no idempotency key)`
    }`;
    const init = { provider, cause, retryCount: attempt, idempotencyKey, isSafeToRetry: repeatable };
    throw new (timedOut ? TimeoutError : ConnectionError)(message, init);
  }
}

/** What a value HTTP cannot carry is told (the Headers TypeError would quote the value). */
export const NOT_HTTP = "cannot be sent in HTTP (a line break or a non-Latin-1 character)";

/** ` (CODE): message` of a failed fetch (undici puts the code on its `cause`), for messages and hooks. */
function connectionDetail(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return `${typeof code === "string" ? ` (${code})` : ""}: ${error instanceof Error ? error.message : String(error)}`;
}
