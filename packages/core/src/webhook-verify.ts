// Webhook signatures are checked over the exact bytes received, with a key that is a real secret:
// `TextEncoder.encode(secret)` would happily turn `null`, `123` or `{}` into the keys "null", "123"
// and "[object Object]", which anyone can sign with.
import { type HmacAlgorithm, hmacHex, timingSafeEqual, utf8 } from "./crypto-hmac.ts";
import { ConfigurationError, InputValidationError, WebhookVerificationError } from "./error-classes.ts";
import { isRecord } from "./option-check.ts";
import type { WebhookRequest } from "./session-provider.ts";

/** A scheme where one header holds the hex HMAC of the raw body (Argyle, ComplyCube, Veriff). */
export interface BodyHmacScheme {
  provider: string;
  /** The signature header. */
  header: string;
  algorithm: HmacAlgorithm;
  secret: string;
}

/**
 * `secret` as an HMAC key: a non-blank string. Anything else — `null`, a number, an object, an
 * empty or whitespace-only string — is a ConfigurationError, thrown before any verification.
 * Secrets are taken as strings only (every provider shows its secret as text; its UTF-8 bytes are
 * the key).
 */
export function webhookSecret(provider: string, secret: unknown): string {
  if (typeof secret === "string" && secret.trim()) return secret;
  throw new ConfigurationError(`the ${provider} webhook secret must be a non-blank string`);
}

/**
 * The exact bytes of a webhook delivery, after checking its shape: `headers` (a Headers or a plain
 * object) and `rawBody` as received (a string, taken as its UTF-8 bytes, or the bytes themselves —
 * never the parsed JSON). Misuse is an InputValidationError naming `request.headers` or `request.rawBody`.
 */
export function webhookBytes(request: WebhookRequest): Uint8Array {
  const { headers, rawBody } = (request ?? {}) as Partial<WebhookRequest>;
  if (!isRecord(headers)) throw new InputValidationError("request.headers", "must be the delivery's headers");
  if (typeof rawBody === "string") return utf8(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  throw new InputValidationError("request.rawBody", "must be the body as received (a string or bytes), not parsed");
}

/**
 * Reads a header case-insensitively from a Headers object or a plain record (the first value of
 * an array). Undefined when absent or not a string.
 */
export function webhookHeader(
  headers: Headers | Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  let value: unknown;
  if (headers instanceof Headers) value = headers.get(name);
  else {
    const wanted = name.toLowerCase();
    for (const [key, found] of Object.entries(headers)) if (key.toLowerCase() === wanted) value = [found].flat()[0];
  }
  return typeof value === "string" ? value : undefined;
}

/**
 * Verifies a "hex HMAC of the raw body" signature in constant time and returns the parsed body.
 * Throws ConfigurationError for a secret that is not a non-blank string, InputValidationError for a
 * request that is not a delivery, and WebhookVerificationError when the header is missing, the
 * signature differs, or the body is not JSON.
 */
export async function verifyBodyHmac(request: WebhookRequest, scheme: BodyHmacScheme): Promise<unknown> {
  const secret = webhookSecret(scheme.provider, scheme.secret);
  const bytes = webhookBytes(request);
  const signature = webhookHeader(request.headers, scheme.header)?.trim().toLowerCase();
  if (!signature) throw new WebhookVerificationError(scheme.provider, `the ${scheme.header} header is missing`);
  if (!timingSafeEqual(signature, await hmacHex(scheme.algorithm, secret, bytes))) {
    throw new WebhookVerificationError(scheme.provider, `the ${scheme.header} signature does not match the body`);
  }
  return parseWebhookJson(scheme.provider, bytes);
}

/**
 * Parses a verified webhook body — UTF-8 bytes (a leading byte order mark is skipped) or text — as a
 * WebhookVerificationError when it is not JSON.
 */
export function parseWebhookJson(provider: string, body: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body));
  } catch {
    throw new WebhookVerificationError(provider, "the body is not JSON");
  }
}
