import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./error-classes.ts";

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
  retryAfterMs?: number | undefined;
}

/** Builds the ApiError subclass that matches `status`. */
export function apiErrorFor<TBody>(
  status: number,
  body: TBody,
  headers: Headers,
  context: ErrorContext,
): ApiError<TBody> {
  const init: ApiErrorInit<TBody> = {
    provider: context.provider,
    status,
    body,
    headers,
    requestId: requestIdFrom(headers),
    retryCount: context.retryCount,
    idempotencyKey: context.idempotencyKey,
  };
  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  if (status === 429) return new RateLimitError({ ...init, retryAfterMs: context.retryAfterMs });
  if (status >= 500) return new InternalServerError(init);
  return new ApiError(init);
}
