import createClient, { type Client } from "openapi-fetch";
import { assertSafeBaseUrl } from "./base-url.ts";
import { createClientFetch, type FetchLike } from "./client-fetch.ts";

/** Options every provider factory accepts (`createComplyCube(options)`, …). */
export interface ProviderClientOptions {
  /** Override the provider's API host, e.g. a mock server. Must be https unless it is loopback. */
  baseUrl?: string;
  /** A custom fetch implementation (proxies, instrumentation, tests). */
  fetch?: FetchLike;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** How a provider package configures the shared client. */
export interface ApiClientConfig {
  /** The published package name without scope, e.g. `complycube`; names the User-Agent. */
  packageName: string;
  /** The package version for the User-Agent. */
  version: string;
  /** Resolved base URL (the caller's override or the provider default). */
  baseUrl: string;
  /** Adds credentials to each outgoing request. */
  authenticate: (request: Request) => Request | Promise<Request>;
  fetch?: FetchLike | undefined;
  headers?: Record<string, string> | undefined;
}

/** Builds a typed openapi-fetch client wired through verifetch's fetch seam. */
export function createApiClient<Paths extends {}>(config: ApiClientConfig): Client<Paths, "application/json"> {
  assertSafeBaseUrl(config.baseUrl);
  return createClient<Paths, "application/json">({
    baseUrl: config.baseUrl,
    headers: config.headers,
    fetch: createClientFetch({
      userAgent: `verifetch-${config.packageName}/${config.version}`,
      authenticate: config.authenticate,
      fetch: config.fetch,
    }),
  });
}

/** Options accepted by every convenience method, per call. */
export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Headers for this call only; they override the client's headers. */
  headers?: Record<string, string>;
}
