import createClient, { type Client } from "openapi-fetch";
import { assertSafeBaseUrl } from "./base-url.ts";
import { ConfigurationError, InputValidationError } from "./error-classes.ts";
import { type Logger, type LogLevel, leveledLogger } from "./log.ts";
import { bodyKeepingRequest } from "./request-body.ts";
import {
  type Clock,
  createRetryFetch,
  DEFAULT_RETRY_SETTINGS,
  type FetchLike,
  type RequestEvent,
  type ResponseEvent,
  type RetryFetch,
  type RetrySettings,
  systemClock,
} from "./retry-fetch.ts";

/** Options every provider factory accepts (`createComplyCube(options)`, …). */
export interface ProviderClientOptions {
  /** Override the provider's API host, e.g. a mock server. Must be https unless it is loopback. */
  baseUrl?: string;
  /** A custom fetch implementation (proxies, instrumentation, tests). */
  fetch?: FetchLike;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries?: number;
  /** Time limit of each attempt until response headers arrive, in ms (default 30 000). */
  timeoutMs?: number;
  /** Time limit of a whole call, retries and waits included, in ms (default: none). */
  deadlineMs?: number;
  /** Longest wait between attempts; a longer `Retry-After` is not waited for (default 60 000). */
  maxRetryWaitMs?: number;
  /** Where log lines go (console-like). Without it nothing is logged unless `logLevel` is set. */
  logger?: Logger;
  /** Most verbose level logged (default `"warn"` with a logger, `"off"` without). Never logs credentials or bodies. */
  logLevel?: LogLevel;
  /** Called before every attempt with method, path, attempt and idempotency key. */
  onRequest?: (event: RequestEvent) => void;
  /** Called after every attempt with status (or error), elapsed ms and whether a retry follows. */
  onResponse?: (event: ResponseEvent) => void;
  /**
   * Allow running in a browser. Off by default: these clients hold secret keys, which a browser
   * would expose to every visitor.
   */
  dangerouslyAllowBrowser?: boolean;
  /** Replaces time and randomness (tests). */
  clock?: Partial<Clock>;
}

/** Options accepted by every convenience method, per call. */
export interface CallOptions {
  /** Cancels the call at once, including during a wait between retries. Never retried. */
  signal?: AbortSignal;
  /** Headers for this call only; they override the client's headers. */
  headers?: Record<string, string>;
  /** Retries for this call (overrides the client's `maxRetries`). */
  maxRetries?: number;
  /** Per-attempt time limit for this call, in ms. */
  timeoutMs?: number;
  /** Time limit of this whole call, in ms. */
  deadlineMs?: number;
  /**
   * Idempotency key for this call, for providers that honour one (others refuse it): every retry
   * sends the same key, so the provider acts once. Defaults to a new random key per call.
   */
  idempotencyKey?: string;
}

/** How a provider package configures the shared client. */
export interface ApiClientConfig {
  /** The provider and published package name without scope, e.g. `complycube`. */
  packageName: string;
  /** The package version for the User-Agent. */
  version: string;
  /** Resolved base URL (the caller's override or the provider default). */
  baseUrl: string;
  /** Adds credentials to each outgoing call. */
  authenticate: (request: Request) => Request | Promise<Request>;
  /** Header of an idempotency key the provider documents and honours, if any. */
  idempotencyHeader?: string;
  /** The caller's options. */
  options: ProviderClientOptions;
  /** Default headers of the provider (the caller's `headers` override them). */
  defaultHeaders?: Record<string, string>;
}

interface Transport {
  send: RetryFetch;
  provider: string;
  idempotencyHeader: string | undefined;
}

const transports = new WeakMap<object, Transport>();

/** Builds a typed openapi-fetch client wired through verifetch's retrying transport. */
export function createApiClient<Paths extends {}>(config: ApiClientConfig): Client<Paths, "application/json"> {
  const { options } = config;
  assertSafeBaseUrl(config.baseUrl);
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      `verifetch-${config.packageName} refuses to run in a browser, where every visitor could read its secret key: call it from your server (or set dangerouslyAllowBrowser)`,
      { option: "dangerouslyAllowBrowser" },
    );
  }
  const settings: RetrySettings = {
    maxRetries: checkCount("maxRetries", options.maxRetries) ?? DEFAULT_RETRY_SETTINGS.maxRetries,
    timeoutMs: checkPositive("timeoutMs", options.timeoutMs) ?? DEFAULT_RETRY_SETTINGS.timeoutMs,
    deadlineMs: checkPositive("deadlineMs", options.deadlineMs),
    maxRetryWaitMs: checkCount("maxRetryWaitMs", options.maxRetryWaitMs) ?? DEFAULT_RETRY_SETTINGS.maxRetryWaitMs,
  };
  const send = createRetryFetch({
    provider: config.packageName,
    userAgent: `verifetch-${config.packageName}/${config.version}`,
    authenticate: config.authenticate,
    fetch: options.fetch,
    idempotencyHeader: config.idempotencyHeader,
    settings,
    clock: { ...systemClock, ...options.clock },
    logger: leveledLogger(options.logger, options.logLevel),
    onRequest: options.onRequest,
    onResponse: options.onResponse,
  });
  const client = createClient<Paths, "application/json">({
    baseUrl: config.baseUrl,
    headers: { ...config.defaultHeaders, ...options.headers },
    Request: bodyKeepingRequest(),
    fetch: (request) => send(request),
  });
  transports.set(client, { send, provider: config.packageName, idempotencyHeader: config.idempotencyHeader });
  return client;
}

/** The openapi-fetch request options that carry one call's {@link CallOptions} to the transport. */
export interface CallInit {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  fetch?: FetchLike;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Turns per-call options into openapi-fetch request options for `client`:
 * `client.POST(path, { body, ...callInit(client, options) })`.
 */
export function callInit(client: object, options: CallOptions = {}): CallInit {
  const transport = transports.get(client);
  if (!transport) throw new ConfigurationError("callInit() needs a client made by createApiClient()");
  const init: CallInit = {};
  if (options.signal) init.signal = options.signal;
  const headers = { ...options.headers };
  if (options.idempotencyKey !== undefined) {
    if (!transport.idempotencyHeader) {
      throw new InputValidationError(
        "idempotencyKey",
        `${transport.provider} documents no idempotency key, so one cannot be sent (its create calls are never retried once they may have reached it)`,
      );
    }
    const length = options.idempotencyKey.length;
    if (length === 0 || length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new InputValidationError(
        "idempotencyKey",
        `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long (got ${length})`,
      );
    }
    headers[transport.idempotencyHeader] = options.idempotencyKey;
  }
  if (Object.keys(headers).length > 0) init.headers = headers;
  const overrides = {
    maxRetries: checkCount("maxRetries", options.maxRetries),
    timeoutMs: checkPositive("timeoutMs", options.timeoutMs),
    deadlineMs: checkPositive("deadlineMs", options.deadlineMs),
  };
  if (Object.values(overrides).some((value) => value !== undefined)) {
    init.fetch = (request) => transport.send(request, overrides);
  }
  return init;
}

/** A count (a whole number >= 0). */
const checkCount = (option: string, value: number | undefined) =>
  checkNumber(option, value, Number.isInteger(value) && (value as number) >= 0, "a whole number >= 0");

/** A duration (milliseconds > 0). */
const checkPositive = (option: string, value: number | undefined) =>
  checkNumber(option, value, Number.isFinite(value) && (value as number) > 0, "a number of milliseconds > 0");

function checkNumber(option: string, value: number | undefined, valid: boolean, expected: string): number | undefined {
  if (value !== undefined && !valid)
    throw new InputValidationError(option, `must be ${expected} (got ${String(value)})`);
  return value;
}

function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window !== "undefined" && typeof scope.document !== "undefined";
}
