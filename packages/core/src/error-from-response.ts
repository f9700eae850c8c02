import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./error-classes.ts";
import { isRetryableStatus } from "./retry-policy.ts";

/** Headers providers use for their request id, in the order they are looked up. */
// Not `cf-ray`: a CDN hop's id, not the provider's.
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid"];

/** The provider's request id from response headers, when it sends one. */
export function requestIdFrom(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Extra context known to the caller (the transport knows retries and idempotency keys). */
export interface ErrorContext {
  provider: string;
  retryCount?: number | undefined;
  idempotencyKey?: string | undefined;
  /** For a 429: the wait the provider asked for, in ms. */
  retryAfterMs?: number | undefined;
  /** Whether the request can be repeated without acting twice (idempotent method or honoured key). */
  safeToRepeat?: boolean | undefined;
  /** The transport's secrets, when its meta is passed on whole: never put on the error. */
  secrets?: readonly string[] | undefined;
}

const ERROR_CLASS_BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Builds the ApiError subclass that matches `status`. `headers` are kept on the error as given:
 * the transport hands over copies with credentials already redacted.
 */
export function apiErrorFor<TBody>(
  status: number,
  body: TBody,
  headers: Headers,
  { safeToRepeat, secrets: _secrets, ...context }: ErrorContext,
  ErrorClass: typeof ApiError = ERROR_CLASS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError),
  // 0 is what a browser reports for a redirect it hides (an `opaqueredirect` response).
  message: string | undefined = status === 0 || (status > 299 && status < 400 && status !== 304)
    ? redirectMessage(context.provider, status, headers.get("location"))
    : undefined,
): ApiError<TBody> {
  return new ErrorClass({
    ...context,
    status,
    body,
    headers,
    requestId: requestIdFrom(headers),
    message,
    // The transport's own rule for repeating a request, so both always agree.
    isSafeToRetry: isRetryableStatus(status, safeToRepeat === true),
  }) as ApiError<TBody>;
}

function redirectMessage(provider: string, status: number, location: string | null): string {
  // Only the target's origin is named: its path or query could carry personal data or a token.
  const target = location && URL.canParse(location) ? ` to ${new URL(location).origin}` : "";
  return `${provider} answered ${status} with a redirect${target}, not followed: check baseUrl`;
}
