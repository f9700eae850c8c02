export { basicAuthorization, setBasicAuthorization } from "./auth-basic.ts";
export { assertSafeBaseUrl, isLoopbackHost } from "./base-url.ts";
export { type HmacAlgorithm, hmacHex, timingSafeEqual, utf8 } from "./crypto-hmac.ts";
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
  InvalidResponseError,
  isApiError,
  NotFoundError,
  PermissionDeniedError,
  type ProviderErrorBodies,
  type ProviderErrorBody,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  VerifetchError,
  WebhookVerificationError,
} from "./error-classes.ts";
export { apiErrorFor, type ErrorContext, requestIdFrom } from "./error-from-response.ts";
export { INPUT_FORMATS, isCalendarDate, isCountryCode } from "./input-format.ts";
export type { Logger, LogLevel } from "./log.ts";
export { openApiClientOf } from "./openapi-client.ts";
export {
  callOperation,
  type HttpMethod,
  type OperationCaller,
  type OperationInit,
  operationCaller,
} from "./operation-call.ts";
export { checkOptionRecord, checkSchema, type InputSchema, isRecord } from "./option-check.ts";
export { type CursorPage, iterateCursorPages } from "./pagination-cursor.ts";
export { getResponseMeta, type ResponseMeta } from "./response-meta.ts";
export { type FetchResult, unwrap } from "./result-unwrap.ts";
export {
  type Authenticate,
  type Clock,
  DEFAULT_RETRY_SETTINGS,
  type Exchange,
  type FetchLike,
  type OutgoingRequest,
  type RequestEvent,
  type ResponseEvent,
  type RetryOverrides,
  type RetrySettings,
  sendWithRetries,
  type Transport,
  type TransportMeta,
} from "./retry-send.ts";
export { REDACTED } from "./secret-redact.ts";
export { type SessionInputRules, validateSessionInput } from "./session-input-validate.ts";
export {
  type CreateSessionInput,
  type HostedSession,
  type ProviderSessionInput,
  type RequirableSessionField,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionPerson,
  type SessionProvider,
  type SessionProviderOptions,
  type SessionProviderRaw,
  type SessionProviderRequired,
  type UnsentField,
  type WebhookEvent,
  type WebhookRequest,
} from "./session-provider.ts";
export { type SessionSettings, sessionSettingsOf, setSessionSettings } from "./session-settings.ts";
export { loadSetting, readEnv, type SettingSource } from "./setting-load.ts";
export {
  type CallOptions,
  createTransport,
  type ProviderClientOptions,
  type TransportConfig,
  transportOf,
} from "./transport-create.ts";
export {
  type BodyHmacScheme,
  parseWebhookJson,
  verifyBodyHmac,
  webhookBytes,
  webhookHeader,
  webhookSecret,
} from "./webhook-verify.ts";
