// Credentials must never surface in error messages, serialized errors or logs, even when a provider
// (or a proxy) echoes a request header back in its error body.

/** Request headers that carry credentials, in lower case. */
export const SECRET_HEADERS = ["authorization", "x-api-key", "x-auth-client", "x-hmac-signature", "vrf-hmac-signature"];

/** What replaces a secret. */
export const REDACTED = "***";

/** The secret values a prepared request carries (Basic credentials decoded into id and secret too). */
export function secretsOf(headers: Headers): string[] {
  const secrets: string[] = [];
  for (const name of SECRET_HEADERS) {
    const value = headers.get(name);
    if (!value) continue;
    secrets.push(value);
    const basic = /^Basic\s+(.+)$/i.exec(value)?.[1];
    if (basic) {
      secrets.push(basic);
      try {
        const decoded = atob(basic);
        const colon = decoded.indexOf(":");
        secrets.push(decoded, decoded.slice(0, colon), decoded.slice(colon + 1));
      } catch {
        // Not base64: the header value itself is already listed.
      }
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(value)?.[1];
    if (bearer) secrets.push(bearer);
  }
  // Very short fragments would redact innocent text; no real credential is that short.
  return [...new Set(secrets.filter((secret) => secret.length >= 4))].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of every secret in `text` with `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) redacted = redacted.split(secret).join(REDACTED);
  return redacted;
}

/** Redacts secrets from every string inside a JSON-like value (returns a copy when anything changed). */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)])) as T;
  }
  return value;
}

/** Headers as a plain object with credential headers shown as `***` (for logs). */
export function redactHeaders(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? REDACTED : value;
  });
  return plain;
}
