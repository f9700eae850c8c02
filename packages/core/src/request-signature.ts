// A request signature some providers require besides the API key (Veriff's X-HMAC-SIGNATURE): an
// HMAC of what the request carries — its raw body, or for a request without one, a path parameter.
import { type HmacAlgorithm, hmacHex, utf8 } from "./crypto-hmac.ts";
import type { OutgoingRequest } from "./transport-types.ts";

/** What a signed request's HMAC covers, as the spec's security scheme states it. */
export interface RequestSignature {
  algorithm: HmacAlgorithm;
  /** The path parameter signed when the request has no body (e.g. `sessionId`). */
  pathParameter: string;
}

/**
 * The hex HMAC of `request`: for a method that carries a body (POST, PUT, PATCH), over the exact
 * body bytes that go out (a string as its UTF-8; none, as no bytes); for any other, over the value of
 * the signature's path parameter (the id itself, not its URL encoding).
 */
export function signRequest(request: OutgoingRequest, secret: string, signature: RequestSignature): Promise<string> {
  const { body, operation, method } = request;
  const payload = !/^(POST|PUT|PATCH)$/i.test(method)
    ? (operation?.params[signature.pathParameter] ?? "")
    : typeof body === "string"
      ? utf8(body)
      : new Uint8Array(body ?? new ArrayBuffer(0));
  return hmacHex(signature.algorithm, secret, payload);
}
