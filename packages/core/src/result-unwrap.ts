import type { ApiError } from "./error-classes.ts";
import { apiErrorFor } from "./error-from-response.ts";

/** The shape openapi-fetch resolves with. */
export interface FetchResult<TData, TError> {
  data?: TData;
  error?: TError;
  response: Response;
}

/**
 * Turns an openapi-fetch result into its data, or throws the typed ApiError for its status with
 * the provider's parsed error body attached (`error.body`).
 */
export function unwrap<TData, TError>(provider: string, result: FetchResult<TData, TError>): TData {
  const { response } = result;
  if (!response.ok || result.error !== undefined) {
    throw apiErrorFor(response.status, result.error, response.headers, { provider }) as ApiError<TError>;
  }
  return result.data as TData;
}
