// Credentials must never surface in error messages, serialized errors or logs, even when a provider
// (or a proxy) echoes a request header back in its error body. Each provider's `authenticate`
// returns the secret values it sent; these helpers strip them.

/** What replaces a secret. */
export const REDACTED = "***";

/** Replaces every occurrence of every secret in `text` with `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) redacted = redacted.replaceAll(secret, REDACTED);
  return redacted;
}

/**
 * A copy of response headers with every secret redacted: a provider or proxy may echo the request's
 * key back (in `x-request-id`, say), and errors and results keep headers and request ids.
 */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, redactText(value, secrets));
  return copy;
}

/** Redacts secrets from every string inside a JSON-like value (a copy; the value itself is untouched). */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0 || value === undefined) return value;
  return JSON.parse(
    redactText(
      JSON.stringify(value) ?? "null",
      secrets.map((s) => JSON.stringify(s).slice(1, -1)),
    ),
  ) as T;
}
