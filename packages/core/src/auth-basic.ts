import { utf8 } from "./crypto-hmac.ts";

/** The `Authorization` value for HTTP Basic auth, with the credentials UTF-8 encoded as RFC 7617 asks. */
export function basicAuthorization(username: string, password: string): string {
  const bytes = utf8(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Sets HTTP Basic `Authorization` on an outgoing request and returns the secrets to redact: the
 * username, the password and the base64 token — each form a provider or proxy could echo back.
 */
export function setBasicAuthorization(request: { headers: Headers }, username: string, password: string): string[] {
  const authorization = basicAuthorization(username, password);
  request.headers.set("Authorization", authorization);
  return [username, password, authorization.slice("Basic ".length)];
}
