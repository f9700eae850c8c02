/** Hash functions providers use for HMAC signatures. */
export type HmacAlgorithm = "SHA-256" | "SHA-512";

/** The UTF-8 bytes of `text` (an encoder per call: nothing is built when the module loads). */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/**
 * Hex-encoded HMAC of `message` keyed with `secret`, computed with WebCrypto (any modern runtime). A
 * string message is signed as its UTF-8 bytes; bytes are signed exactly as given.
 */
export async function hmacHex(algorithm: HmacAlgorithm, secret: string, message: string | Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: algorithm }, false, ["sign"]);
  const data = typeof message === "string" ? utf8(message) : message;
  return hex(await crypto.subtle.sign("HMAC", key, data as Uint8Array<ArrayBuffer>));
}

/** Hex-encoded SHA-256 of `bytes` (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Whether one of `signatures` (hex, any case) is the HMAC of `message` keyed with `secret`. WebCrypto's
 * `verify` compares the bytes in constant time; a signature that is not hex never verifies.
 */
export async function hmacVerifyHex(
  algorithm: HmacAlgorithm,
  secret: string,
  signatures: readonly string[],
  message: Uint8Array,
): Promise<boolean> {
  const key = await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: algorithm }, false, ["verify"]);
  for (const signature of signatures) {
    const pairs = /^(?:[\da-f]{2})+$/i.test(signature) ? (signature.match(/../g) as string[]) : [];
    const bytes = Uint8Array.from(pairs, (pair) => Number.parseInt(pair, 16));
    if (pairs[0] && (await crypto.subtle.verify("HMAC", key, bytes, message as Uint8Array<ArrayBuffer>))) return true;
  }
  return false;
}

/**
 * Compares two strings in time independent of where they differ (signature checks must not leak
 * how many leading characters matched).
 */
export function timingSafeEqual(a: string, b: string): boolean {
  // UTF-16 code units compared one by one: equal exactly when the strings are, with no early exit.
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i % b.length);
  return difference === 0;
}
