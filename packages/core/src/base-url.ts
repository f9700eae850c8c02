import { ConfigurationError } from "./error-classes.ts";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether `hostname` is the local machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Refuses a base URL that would send credentials in clear text: https only, except loopback. */
export function assertSafeBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(`baseUrl is not a valid URL: ${JSON.stringify(baseUrl)}`, { option: "baseUrl" });
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return url;
  throw new ConfigurationError(
    `baseUrl must use https (plain http is only allowed for loopback hosts such as 127.0.0.1): ${url.origin}`,
    { option: "baseUrl" },
  );
}
