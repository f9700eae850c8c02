// One error hierarchy for every verifetch package. Every class carries a `Symbol.for` brand and its
// `errorName`, so `XError.isInstance(e)` — which walks e's class chain comparing names — holds even
// when two copies of @verifetch/core are installed side by side (where `instanceof` would silently
// fail). Kept small on purpose: these classes ship in every provider's one-call bundle.

const BRAND: unique symbol = Symbol.for("verifetch.error");

/** Fields an error carries besides its message; `undefined` values are left off. */
interface ErrorFields {
  cause?: unknown;
  isSafeToRetry?: boolean | undefined;
  /** Further fields the error carries (`provider`, `option`, `envVar`, `idempotencyKey`…). */
  [field: string]: unknown;
}

/** Base class of every error thrown by verifetch packages. */
export class VerifetchError extends Error {
  /** Stable class name used for cross-install checks and `name` (survives minification). */
  static readonly errorName: string = "VerifetchError";
  /** Marks verifetch error classes (of any installed copy) for `isInstance`. */
  static readonly [BRAND] = true;

  /**
   * Whether sending this same request again — with the same idempotency key, if it had one — is
   * both worth it (the failure is transient, see `isRetryable`) and safe: it cannot act twice,
   * because the method is idempotent, the provider honours the request's idempotency key, or the
   * request certainly did not take effect (a 429, a refused connection). False for a create without
   * idempotency key that may have reached the provider (a 5xx, a timeout, a reset): repeating it could
   * create a second session. Set by the transport; false for errors it did not make.
   */
  readonly isSafeToRetry: boolean = false;

  constructor(message: string, { cause, ...fields }: ErrorFields = {}) {
    super(message, { cause });
    this.name = new.target.errorName;
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) (this as Record<string, unknown>)[key] = value;
  }

  /**
   * Whether `error` is an instance of this class. Unlike `instanceof`, it also holds for errors
   * thrown by another installed copy of @verifetch/core.
   */
  static isInstance<T extends abstract new (...args: never) => VerifetchError>(
    this: T,
    error: unknown,
  ): error is InstanceType<T> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance was called on.
    const wanted = (this as unknown as typeof VerifetchError).errorName;
    for (
      let ctor = (error as { constructor?: typeof VerifetchError } | null)?.constructor;
      ctor?.[BRAND];
      ctor = Object.getPrototypeOf(ctor)
    ) {
      if (ctor.errorName === wanted) return true;
    }
    return false;
  }

  /**
   * Whether the failure is transient — a connection failure, a timeout, 408, 429 or >= 500 — so a
   * later attempt, or another provider, could succeed. It says nothing about whether repeating this
   * request is safe: a create answered 500 may have created the session. Check `isSafeToRetry`
   * before sending the same request again.
   */
  get isRetryable(): boolean {
    return false;
  }

  /**
   * A plain, secret-free object for logs and `JSON.stringify`: name, message, `isRetryable` and the
   * error's own fields (response headers left out: they are bulky and may echo credentials).
   */
  toJSON(): Record<string, unknown> {
    const { headers: _headers, ...fields } = this as unknown as Record<string, unknown>;
    return { name: this.name, message: this.message, isRetryable: this.isRetryable, ...fields };
  }
}

/** Fields shared by errors that describe one HTTP exchange with a provider. */
export interface ApiErrorInit<TBody = unknown> {
  /** The provider, e.g. `"complycube"`. */
  provider: string;
  /** HTTP status code. */
  status: number;
  /** The parsed error body: JSON when the provider sent JSON, otherwise the raw text (or undefined when empty). */
  body: TBody;
  /** Response headers. */
  headers: Headers;
  /** The provider's request id, when it sends one. */
  requestId?: string | undefined;
  /** How many retries preceded this response. */
  retryCount?: number | undefined;
  /** The idempotency key the request carried, when the provider supports one. */
  idempotencyKey?: string | undefined;
  /** For a 429: the wait the provider asked for, in ms. */
  retryAfterMs?: number | undefined;
  /** Overrides the message derived from the body. */
  message?: string | undefined;
  /** The underlying error, if any. */
  cause?: unknown;
  /** Whether the same request may be sent again (see `VerifetchError.isSafeToRetry`). */
  isSafeToRetry?: boolean | undefined;
}

/** The provider answered with a non-2xx status. Subclasses name the common statuses. */
export class ApiError<TBody = unknown> extends VerifetchError {
  static override readonly errorName: string = "ApiError";
  declare readonly provider: string;
  declare readonly status: number;
  declare readonly body: TBody;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly retryCount: number;
  declare readonly idempotencyKey: string | undefined;

  constructor({ message, ...init }: ApiErrorInit<TBody>) {
    super(message ?? describeApiError(init.provider, init.status, init.body), {
      retryCount: 0,
      ...init,
    } as ErrorFields);
  }

  override get isRetryable(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** Picks the human-readable part of a provider error body, whatever its shape. */
function describeApiError(provider: string, status: number, body: unknown): string {
  const record = (body ?? {}) as Record<string, unknown>;
  const detail = [body, record.message, record.detail, record.title, record.error].find(
    (value): value is string => typeof value === "string" && !!value.trim(),
  );
  return `${provider} responded ${status}${detail ? `: ${detail.trim().slice(0, 200)}` : " with no error message"}`;
}

/**
 * The documented error body of each provider, by provider name. Empty here: each provider package
 * adds its own entry (declaration merging), e.g. `complycube: ComplyCubeErrorBody`, so that
 * {@link isApiError} can type `error.body` once the package is imported.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by provider packages through declaration merging.
export interface ProviderErrorBodies {}

/**
 * What `ApiError.body` holds for `provider`: its documented error body (typed from its spec), the raw
 * text when the answer was not JSON (a proxy's HTML page, say), or undefined when it was empty.
 * Like openapi-fetch's `error`, the JSON is typed from the spec, not checked against it.
 */
export type ProviderErrorBody<P extends string> =
  | (P extends keyof ProviderErrorBodies ? ProviderErrorBodies[P] : unknown)
  | string
  | undefined;

/**
 * Whether `error` is an {@link ApiError} from `provider`, narrowing `error.body` to that provider's
 * error body: `if (isApiError(error, "verifa")) error.body?.detail`. Works across duplicate installs.
 */
export function isApiError<P extends string>(
  error: unknown,
  provider: P,
): error is ApiError<ProviderErrorBody<P>> & { readonly provider: P } {
  return ApiError.isInstance(error) && error.provider === provider;
}

/** 400: the provider rejected the request as malformed. */
export class BadRequestError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "BadRequestError";
}

/** 401: missing or invalid credentials (or a key for the other environment). */
export class AuthenticationError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "AuthenticationError";
}

/** 403: the credentials lack a permission, or the plan excludes the service. */
export class PermissionDeniedError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "PermissionDeniedError";
}

/** 404: the resource does not exist (or is not visible to this key). */
export class NotFoundError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "NotFoundError";
}

/** 409: the request conflicts with the current state of the resource. */
export class ConflictError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "ConflictError";
}

/** 422: the provider understood the request but could not process it. */
export class UnprocessableEntityError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "UnprocessableEntityError";
}

/** >= 500: the provider failed. */
export class InternalServerError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "InternalServerError";
}

/**
 * A 2xx whose body is empty, not the JSON the operation promises, or without a field the caller
 * needs (a session without its URL). Not retryable (its status is a 2xx): the provider accepted
 * the request, so sending it again could act twice. `body` holds the text (truncated) or the value.
 */
export class InvalidResponseError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "InvalidResponseError";
}

/** 429: rate limited. `retryAfterMs` is the wait the provider asked for, when it said. */
export class RateLimitError<TBody = unknown> extends ApiError<TBody> {
  static override readonly errorName: string = "RateLimitError";
  declare readonly retryAfterMs: number | undefined;
}

/** What a failure without an HTTP response carries. */
export interface ConnectionErrorInit {
  provider: string;
  cause?: unknown;
  /** How many retries preceded the failure. */
  retryCount?: number | undefined;
  idempotencyKey?: string | undefined;
  /** Whether the same request may be sent again (see `VerifetchError.isSafeToRetry`). */
  isSafeToRetry?: boolean | undefined;
}

/** The request never got an HTTP response (DNS, refused, reset, TLS…). */
export class ConnectionError extends VerifetchError {
  static override readonly errorName: string = "ConnectionError";
  declare readonly provider: string;
  declare readonly retryCount: number;
  declare readonly idempotencyKey: string | undefined;

  constructor(message: string, init: ConnectionErrorInit) {
    super(message, { retryCount: 0, ...init } as ErrorFields);
  }

  override get isRetryable(): boolean {
    return true;
  }
}

/** An attempt (or the whole call) ran past its time limit. */
export class TimeoutError extends ConnectionError {
  static override readonly errorName: string = "TimeoutError";
}

/** The caller's AbortSignal fired. Never retried. */
export class AbortError extends VerifetchError {
  static override readonly errorName: string = "AbortError";
  declare readonly provider: string | undefined;
  /** The idempotency key the aborted call carried, to retry it safely later. */
  declare readonly idempotencyKey: string | undefined;
}

/** A webhook failed verification: missing or wrong signature, too old, or not JSON. Never trust its body. */
export class WebhookVerificationError extends VerifetchError {
  static override readonly errorName: string = "WebhookVerificationError";
  declare readonly provider: string;

  constructor(provider: string, message: string) {
    super(`${provider} webhook: ${message}`, { provider } as ErrorFields);
  }
}

/** The client is misconfigured (missing key, key/host mismatch, unsafe base URL…); nothing was sent. */
export class ConfigurationError extends VerifetchError {
  static override readonly errorName: string = "ConfigurationError";
  /** The option to fix, e.g. `"apiKey"`. */
  declare readonly option: string | undefined;
  /** The environment variable that can supply it instead, e.g. `"COMPLYCUBE_API_KEY"`. */
  declare readonly envVar: string | undefined;
}

/** The caller's input was refused before any request; `field` names what is wrong. */
export class InputValidationError extends VerifetchError {
  static override readonly errorName: string = "InputValidationError";
  declare readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { field } as ErrorFields);
  }
}
