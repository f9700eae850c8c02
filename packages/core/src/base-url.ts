import { ConfigurationError } from "./error-classes.ts";

/** Whether `hostname` is the local machine (127.0.0.0/8, ::1, localhost); URL hostnames come normalized. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|\[::1\]|127(\.\d+){3})$/.test(hostname);
}

/**
 * Refuses a base URL that would send credentials in clear text (https only, except loopback),
 * that carries credentials itself (`user:pass@`), or that has a query or fragment (every path
 * would be appended after it). The message names at most the URL's origin, never credentials.
 */
export function assertSafeBaseUrl(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (
    (url?.protocol === "https:" || (url?.protocol === "http:" && isLoopbackHost(url.hostname))) &&
    !(url.username || url.password || /[?#]/.test(url.href))
  ) {
    return url;
  }
  // Only the origin is named: the rest (or an unparseable string) may hold credentials.
  throw new ConfigurationError(
    `baseUrl must be https (http only for loopback), with no credentials, query or fragment${url ? `: ${url.origin}` : ""}`,
    { option: "baseUrl" },
  );
}
