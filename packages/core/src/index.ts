export { basicAuthorization } from "./auth-basic.ts";
export { assertSafeBaseUrl, isLoopbackHost } from "./base-url.ts";
export {
  type ApiClientConfig,
  type CallOptions,
  createApiClient,
  type ProviderClientOptions,
} from "./client-create.ts";
export { type ClientFetchConfig, createClientFetch, type FetchLike } from "./client-fetch.ts";
export { type HmacAlgorithm, hmacHex, timingSafeEqual } from "./crypto-hmac.ts";
export { type Environment, type HostEnvironmentConfig, resolveHostEnvironment } from "./environment.ts";
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InputValidationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  VerifetchError,
} from "./error-classes.ts";
export { apiErrorFor, type ErrorContext, requestIdFrom } from "./error-from-response.ts";
export { type CursorPage, iterateCursorPages } from "./pagination-cursor.ts";
export { type FetchResult, unwrap } from "./result-unwrap.ts";
export { loadSetting, readEnv, type SettingSource } from "./setting-load.ts";
