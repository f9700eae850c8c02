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
import { redactText } from "./secret-redact.ts";

/** Headers providers use for their request id, in the order they are looked up. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"];

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
  /** Credentials the request carried: redacted from the headers and request id the error keeps. */
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

/** Builds the ApiError subclass that matches `status`. */
export function apiErrorFor<TBody>(
  status: number,
  body: TBody,
  responseHeaders: Headers,
  { safeToRepeat, secrets, ...context }: ErrorContext,
): ApiError<TBody> {
  const ErrorClass = ERROR_CLASS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  const headers = redactHeaders(responseHeaders, secrets);
  // 0 is what a browser reports for a redirect it hides (an `opaqueredirect` response).
  const redirect = status === 0 || (status > 299 && status < 400 && status !== 304);
  const message = redirect ? redirectMessage(context.provider, status, headers.get("location")) : undefined;
  return new ErrorClass({
    ...context,
    status,
    body,
    headers,
    requestId: requestIdFrom(headers),
    message,
    // The transport's own rule for repeating a request, so both always agree.
    isSafeToRetry: isRetryableStatus(status, safeToRepeat === true, headers),
  }) as ApiError<TBody>;
}

/**
 * A copy of response headers with every credential redacted: a provider or proxy may echo the
 * request's key back (in `x-request-id`, say), and errors keep their headers.
 */
export function redactHeaders(headers: Headers, secrets: readonly string[] = []): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, redactText(value, secrets));
  return copy;
}

function redirectMessage(provider: string, status: number, location: string | null): string {
  // Only the target's origin is named: its path or query could carry personal data or a token.
  const target = location && URL.canParse(location) ? ` to ${new URL(location).origin}` : "";
  return `${provider} answered ${status} with a redirect${target}, which verifetch does not follow (credentials must not reach another URL): check baseUrl`;
}
