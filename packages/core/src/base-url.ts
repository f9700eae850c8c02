import { ConfigurationError } from "./error-classes.ts";

/** Whether `hostname` is the local machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.test(hostname);
}

/** Refuses a base URL that would send credentials in clear text: https only, except loopback. */
export function assertSafeBaseUrl(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (url?.protocol === "https:" || (url?.protocol === "http:" && isLoopbackHost(url.hostname))) return url;
  throw new ConfigurationError(
    `baseUrl must be an https URL (http only for loopback hosts such as 127.0.0.1): ${JSON.stringify(baseUrl)}`,
    { option: "baseUrl" },
  );
}
