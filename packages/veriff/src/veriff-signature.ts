// What Veriff's X-HMAC-SIGNATURE covers, read from the Request about to be sent.
import { hmacHex } from "@verifetch/core";

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
export async function veriffSignaturePayload(request: Request, baseUrl: string): Promise<SignaturePayload | undefined> {
  const path = operationPath(new URL(request.url).pathname, new URL(baseUrl).pathname);
  const method = request.method.toUpperCase();
  if (method === "POST" || method === "PUT" || method === "PATCH") {
    if (method === "POST" && (path === SESSIONS_PATH || path === `${SESSIONS_PATH}/`)) return undefined;
    // Bytes rather than text(): the signature must cover the exact bytes on the wire, whatever
    // their encoding. clone() leaves the body readable for the real fetch.
    const body = new Uint8Array(await request.clone().arrayBuffer());
    return { sign: (secret) => hmacHex("SHA-256", secret, body) };
  }
  const sessionId = sessionIdFrom(path);
  // Every documented GET/DELETE is under /v1/sessions/{id}; anything else has no documented
  // payload, so it goes unsigned rather than signed with a guess (Veriff then answers 401).
  if (sessionId === undefined) return undefined;
  return { sign: (secret) => hmacHex("SHA-256", secret, sessionId) };
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
