// What Veriff's X-HMAC-SIGNATURE covers, read from the request about to be sent.
import { hmacHex, type OutgoingRequest } from "@verifetch/core/provider";

/** A request that needs an `X-HMAC-SIGNATURE`, and how to compute it once the secret is known. */
export interface SignaturePayload {
  /** Lowercase hex HMAC-SHA256 of the payload keyed with the integration's shared secret. */
  sign(sharedSecret: string): Promise<string>;
}

const SESSIONS_PATH = "/v1/sessions";

/**
 * The payload Veriff expects signed for `request`, or undefined when it needs no signature:
 * - `POST /v1/sessions` (create) is the one documented exception: no signature;
 * - other POST/PUT/PATCH: the raw body bytes exactly as sent;
 * - GET/DELETE (and HEAD): the session id string from the path.
 * `baseUrl` is stripped first, so an integration base URL with a path prefix still matches.
 */
export function veriffSignaturePayload(request: OutgoingRequest, baseUrl: string): SignaturePayload | undefined {
  const path = operationPath(new URL(request.url).pathname, new URL(baseUrl).pathname);
  const method = request.method.toUpperCase();
  if (method === "POST" || method === "PUT" || method === "PATCH") {
    if (method === "POST" && (path === SESSIONS_PATH || path === `${SESSIONS_PATH}/`)) return undefined;
    const body = bodyBytes(request.body);
    return { sign: (secret) => hmacHex("SHA-256", secret, body) };
  }
  const sessionId = sessionIdFrom(path);
  // Every documented GET/DELETE is under /v1/sessions/{id}; anything else has no documented
  // payload, so it goes unsigned rather than signed with a guess (Veriff then answers 401).
  if (sessionId === undefined) return undefined;
  return { sign: (secret) => hmacHex("SHA-256", secret, sessionId) };
}

// The signature must cover the exact bytes on the wire: fetch sends a string body as UTF-8, so
// that is how it is encoded here; a binary body is signed as is.
function bodyBytes(body: string | ArrayBuffer | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  return typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
}

function operationPath(pathname: string, basePathname: string): string {
  const base = basePathname.replace(/\/+$/, "");
  return base !== "" && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

function sessionIdFrom(path: string): string | undefined {
  const segment = path.startsWith(`${SESSIONS_PATH}/`) ? path.slice(SESSIONS_PATH.length + 1).split("/")[0] : "";
  if (!segment) return undefined;
  // openapi-fetch percent-encodes path parameters; Veriff signs the id itself.
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
