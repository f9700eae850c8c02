import { ConfigurationError } from "./error-classes.ts";

/** Whether `hostname` is the local machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.test(hostname);
}

/**
 * Refuses a base URL that would send credentials in clear text (https only, except loopback),
 * that carries credentials itself (`user:pass@`), or that has a query or fragment (every path
 * would be appended after it). The message never repeats credentials, a query or a fragment.
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
  const shown = String(baseUrl)
    .replace(/\/\/.*@/, "//***@")
    .replace(/[?#].*/, "");
  throw new ConfigurationError(
    `baseUrl must be an https URL (http only for loopback hosts such as 127.0.0.1), without credentials, query or fragment: ${JSON.stringify(shown)}`,
    { option: "baseUrl" },
  );
}
