import { assertSafeBaseUrl } from "./base-url.ts";
import { type Clock, systemClock } from "./clock.ts";
import { ConfigurationError } from "./error-classes.ts";
import { headersFrom } from "./operation-call.ts";
import { DEFAULT_RETRY_SETTINGS, resolveRetrySettings } from "./retry-settings.ts";
import type {
  Authenticate,
  FetchLike,
  IdempotencyConfig,
  QueryString,
  RequestEvent,
  ResponseEvent,
  Transport,
} from "./transport-types.ts";

/** Options every provider factory accepts (`createComplyCube(options)`, …). */
export interface ProviderClientOptions {
  /** Override the provider's API host, e.g. a mock server. Must be https unless it is loopback. */
  baseUrl?: string | undefined;
  /** A custom fetch implementation (proxies, instrumentation, tests); it receives a Request. */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries?: number | undefined;
  /**
   * Time limit of each attempt, response body included, in ms (default 30 000). `Infinity` (or
   * anything above 2³¹−1, about 24.8 days, the longest timer runtimes support) means no limit.
   */
  timeoutMs?: number | undefined;
  /** Time limit of a whole call, retries, waits and bodies included, in ms (default: none; `Infinity`: none). */
  deadlineMs?: number | undefined;
  /** Longest wait between attempts; a longer `Retry-After` is not waited for (default 60 000; at most 2³¹−1). */
  maxRetryWaitMs?: number | undefined;
  /** Called before every attempt with method, path, attempt and idempotency key. */
  onRequest?: ((event: RequestEvent) => void) | undefined;
  /**
   * Called after every attempt with status (or error), elapsed ms and whether a retry follows.
   * `logResponses(logger, level)` (from `@verifetch/core`) makes log lines of it.
   */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /**
   * Allow running in a browser. Off by default: these clients hold secret keys, which a browser
   * would expose to every visitor.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Replaces time and randomness (tests). */
  clock?: Partial<Clock> | undefined;
}

/** How a provider package configures its transport. */
export interface TransportConfig {
  /** The provider and published package name without scope, e.g. `complycube`. */
  packageName: string;
  /** The package version for the User-Agent. */
  version: string;
  /** Resolved base URL (the caller's override or the provider default). */
  baseUrl: string;
  /** Adds credentials to each outgoing call and returns the secrets it used. */
  authenticate: Authenticate;
  /** The idempotency key the provider documents and honours, if any. */
  idempotency?: IdempotencyConfig | undefined;
  /** `queryString`, for a provider whose spec has query parameters. */
  query?: QueryString | undefined;
  /**
   * `failedBeforeSending`, for a provider with requests that are not safe to repeat (no idempotency
   * key): such a request is still retried after a failure that certainly happened before it left (a
   * refused connection). A client whose every request is safe to repeat never asks, so it leaves
   * this out, and its bundle the error-code walk.
   */
  notSent?: ((error: unknown) => boolean) | undefined;
  /** The caller's options. */
  options: ProviderClientOptions;
  /** Default headers of the provider (the caller's `headers` override them). */
  defaultHeaders?: Record<string, string> | undefined;
}

/** Where a provider client keeps its transport: one non-enumerable property, found by `transportOf`. */
const TRANSPORT = Symbol.for("verifetch.transport");

/**
 * Builds the transport of the provider client `owner` from the caller's options, refusing unsafe or
 * nonsensical ones before anything is sent, and keeps it on `owner` (`transportOf(owner)`).
 */
export function createTransport(owner: object, { options, ...config }: TransportConfig): Transport {
  const scope = globalThis as { window?: unknown; document?: unknown };
  if (scope.window !== undefined && scope.document !== undefined && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      `verifetch-${config.packageName} refuses to run in a browser (secret key): set dangerouslyAllowBrowser`,
      { option: "dangerouslyAllowBrowser" },
    );
  }
  const headers = { ...config.defaultHeaders, ...options.headers };
  // Checked once here, so a header HTTP cannot carry fails at construction, naming it.
  headersFrom(headers);
  const transport: Transport = {
    ...config,
    provider: config.packageName,
    baseUrl: assertSafeBaseUrl(config.baseUrl).href.replace(/\/+$/, ""),
    headers,
    userAgent: `verifetch-${config.packageName}/${config.version}`,
    settings: resolveRetrySettings(DEFAULT_RETRY_SETTINGS, options),
    clock: { ...systemClock, ...options.clock },
    options,
  };
  Object.defineProperty(owner, TRANSPORT, { value: transport });
  return transport;
}

/** The transport `createTransport` made for `owner`; throws for anything else. */
export function transportOf(owner: object): Transport {
  const transport = (owner as { [TRANSPORT]?: Transport } | null)?.[TRANSPORT];
  if (!transport) throw new ConfigurationError("expected a verifetch provider client (createComplyCube(), …)");
  return transport;
}
