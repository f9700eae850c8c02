import { type ApiError, InvalidResponseError } from "./error-classes.ts";
import { apiErrorFor, requestIdFrom } from "./error-from-response.ts";
import { attachResponseMeta, getTransportMeta } from "./response-meta.ts";
import { redactValue } from "./secret-redact.ts";

/** The shape openapi-fetch resolves with. */
export interface FetchResult<TData, TError> {
  data?: TData;
  error?: TError;
  response: Response;
}

/**
 * Turns an openapi-fetch result into its data, or throws the typed ApiError for its status with
 * the provider's parsed error body attached (`error.body`, credentials redacted). The data carries
 * the call's request id, retry count and idempotency key (read them with `getResponseMeta`).
 */
export function unwrap<TData, TError>(provider: string, result: FetchResult<TData, TError>): TData {
  const { response } = result;
  const meta = getTransportMeta(response);
  const context = {
    provider,
    retryCount: meta?.retryCount,
    idempotencyKey: meta?.idempotencyKey,
    retryAfterMs: meta?.retryAfterMs,
    safeToRepeat: meta?.safeToRepeat,
  };
  // The transport's copy of the response already carries redacted headers.
  const { headers } = response;
  if (!response.ok || result.error !== undefined) {
    const body = redactValue(result.error, meta?.secrets ?? []);
    throw apiErrorFor(response.status, body, headers, context) as ApiError<TError>;
  }
  if (result.data === undefined && response.status !== 204) {
    throw new InvalidResponseError({
      provider,
      status: response.status,
      body: "",
      headers,
      requestId: requestIdFrom(headers),
      retryCount: context.retryCount,
      idempotencyKey: context.idempotencyKey,
      message: `${provider} responded ${response.status} with an empty body where JSON was expected`,
    });
  }
  return attachResponseMeta(result.data as TData, {
    status: response.status,
    requestId: requestIdFrom(headers),
    retryCount: context.retryCount ?? 0,
    idempotencyKey: context.idempotencyKey,
    retryAfterMs: undefined,
  });
}
