// Webhook signatures are checked over the exact bytes received, with a key that is a real secret:
// `TextEncoder.encode(secret)` would happily turn `null`, `123` or `{}` into the keys "null", "123"
// and "[object Object]", which anyone can sign with.
import { type HmacAlgorithm, hmacVerifyHex, utf8 } from "./crypto-hmac.ts";
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
  const wanted = name.toLowerCase();
  // A Headers yields each name once, lower-cased, with its values joined (as `get` returns them).
  for (const [key, found] of headers instanceof Headers ? headers : Object.entries(headers)) {
    if (key.toLowerCase() === wanted) value = [found].flat()[0];
  }
  return typeof value === "string" ? value : undefined;
}

/**
 * A provider's webhook signature scheme, as its spec states it (`x-verifetch-webhook-signature`):
 * - `body-hmac`: a hex HMAC of the raw body in one of `headers` (no timestamp, so no replay window);
 * - `timestamped-hmac`: `header` holds `t=<unix seconds>,v1=<hex>` (several `v1` during a secret
 *   rotation); the HMAC covers `<t>.<raw body>`, and a `t` further than `toleranceSeconds` from now
 *   is refused as a possible replay;
 * - `none`: the provider documents no signature, so a delivery cannot be verified (`why` says so).
 */
export type WebhookScheme =
  | { readonly scheme: "body-hmac"; readonly headers: readonly string[]; readonly algorithm: HmacAlgorithm }
  | TimestampedHmacScheme
  | { readonly scheme: "none"; readonly why: string };

/** The facts of a `timestamped-hmac` scheme, as its spec states them. */
export interface TimestampedHmacFacts {
  readonly header: string;
  readonly algorithm: HmacAlgorithm;
  readonly toleranceSeconds: number;
}

/** A `timestamped-hmac` scheme, made by {@link timestampedHmac}. */
export interface TimestampedHmacScheme extends TimestampedHmacFacts {
  readonly scheme: "timestamped-hmac";
  /**
   * Reads the header's `t` and `v1` values, refuses a timestamp outside the tolerance, and returns
   * the signatures and the signed bytes (`<t>.` then the body).
   */
  readonly read: (
    header: string,
    bytes: Uint8Array,
    nowMs: number,
    fail: (message: string) => Error,
  ) => { signatures: string[]; signed: Uint8Array };
}

/**
 * The `timestamped-hmac` scheme with `facts` (and whatever else the caller keeps on it, such as
 * where its secret comes from). The generated descriptor of a provider whose spec states this scheme
 * calls it, so only that provider's bundle carries the timestamp handling.
 */
export function timestampedHmac<const T extends TimestampedHmacFacts>(
  facts: T,
): T & Pick<TimestampedHmacScheme, "scheme" | "read"> {
  return {
    ...facts,
    scheme: "timestamped-hmac",
    read(value, bytes, nowMs, fail) {
      const name = facts.header;
      const pairs = value.split(/[,\s]+/).map((pair) => pair.split("=", 2) as [string, string | undefined]);
      const timestamp = pairs.find(([k]) => k === "t")?.[1];
      const signatures = pairs.flatMap(([k, v]) => (k === "v1" && v ? [v.toLowerCase()] : []));
      if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0) {
        throw fail(`the ${name} header is not \`t=<unix seconds>,v1=<hex>\``);
      }
      const age = Math.abs(nowMs / 1000 - Number(timestamp));
      if (age > facts.toleranceSeconds) {
        throw fail(
          `the signature timestamp is ${Math.round(age)} s from now (more than ${facts.toleranceSeconds} s): refused as a possible replay`,
        );
      }
      // The signed payload is "<t>." followed by the body's exact bytes.
      const prefix = utf8(`${timestamp}.`);
      const signed = new Uint8Array(prefix.length + bytes.length);
      signed.set(prefix);
      signed.set(bytes, prefix.length);
      return { signatures, signed };
    },
  };
}

/**
 * Verifies a delivery with `scheme` in constant time and returns its parsed JSON body. Throws
 * ConfigurationError for a secret that is not a non-blank string (or a scheme of `none`),
 * InputValidationError for a request that is not a delivery, and WebhookVerificationError when the
 * signature header is missing or malformed, the signature differs, the timestamp is out of the
 * tolerance, or the body is not JSON.
 */
export async function verifyWebhookSignature(
  provider: string,
  scheme: WebhookScheme,
  request: WebhookRequest,
  secret: unknown,
  nowMs: number = Date.now(),
): Promise<unknown> {
  if (scheme.scheme === "none") throw new ConfigurationError(`${provider} webhooks cannot be verified: ${scheme.why}`);
  const key = webhookSecret(provider, secret);
  const bytes = webhookBytes(request);
  const fail = (message: string) => new WebhookVerificationError(provider, message);
  const names = scheme.scheme === "body-hmac" ? scheme.headers : [scheme.header];
  const name = names.find((header) => webhookHeader(request.headers, header)?.trim()) ?? names.join(" or ");
  const value = webhookHeader(request.headers, name)?.trim();
  if (!value) throw fail(`the ${name} header is missing`);
  let signatures = [value];
  let signed = bytes;
  if (scheme.scheme === "timestamped-hmac") ({ signatures, signed } = scheme.read(value, bytes, nowMs, fail));
  if (!(await hmacVerifyHex(scheme.algorithm, key, signatures, signed))) {
    throw fail(`the ${name} signature does not match the body`);
  }
  return parseWebhookJson(provider, bytes);
}

/**
 * Verifies a "hex HMAC of the raw body" signature in constant time and returns the parsed body
 * (the `body-hmac` scheme of {@link verifyWebhookSignature} with one header).
 */
export function verifyBodyHmac(request: WebhookRequest, scheme: BodyHmacScheme): Promise<unknown> {
  return verifyWebhookSignature(
    scheme.provider,
    { scheme: "body-hmac", headers: [scheme.header], algorithm: scheme.algorithm },
    request,
    scheme.secret,
  );
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
