// @verifetch/core/provider — the kit a provider package is built from (most of it by codegen): the
// transport and operation caller, settings, environments, request signing, webhook schemes, input
// schemas, cursor pagination and the facade adapter engine. Users need none of it.
export { basicAuthorization, setBasicAuthorization } from "./auth-basic.ts";
export { assertSafeBaseUrl, isLoopbackHost } from "./base-url.ts";
export { type Clock, systemClock } from "./clock.ts";
export { type HmacAlgorithm, hmacHex, hmacVerifyHex, timingSafeEqual, utf8 } from "./crypto-hmac.ts";
export {
  type Environment,
  type HostEnvironmentConfig,
  type KeyPrefixEnvironmentConfig,
  keyPrefixEnvironment,
  resolveHostEnvironment,
} from "./environment.ts";
export { apiErrorFor, type ErrorContext, requestIdFrom } from "./error-from-response.ts";
export { FORM_CONTENT_TYPE, formBody } from "./form-body.ts";
export { idempotencyKeys } from "./idempotency-keys.ts";
export {
  ALPHANUMERIC_FORMAT,
  DATE_FORMAT,
  HTTPS_URL_FORMAT,
  type InputFormat,
  ISO_COUNTRY_FORMAT,
  ISO_LANGUAGE_FORMAT,
  isCalendarDate,
  isCountryCode,
  UUID_FORMAT,
} from "./input-format.ts";
export { openApiClientOf } from "./openapi-client.ts";
export {
  callOperation,
  type HttpMethod,
  type OperationCaller,
  type OperationInit,
  operationCaller,
} from "./operation-call.ts";
export { checkSchema, type InputSchema, isRecord } from "./option-check.ts";
export { type CursorPagination, iterateCursorPages } from "./pagination-cursor.ts";
export { queryString } from "./query-string.ts";
export { type RequestSignature, signRequest } from "./request-signature.ts";
export {
  defineResultAdapter,
  type ResultRead,
  type ResultStatusOf,
} from "./result-adapter-define.ts";
export { failedBeforeSending } from "./retry-policy.ts";
export { sendWithRetries } from "./retry-send.ts";
export { resolveRetrySettings } from "./retry-settings.ts";
export {
  type AdapterCallOptions,
  type AdapterDescriptor,
  type AdapterSession,
  defineSessionAdapter,
  type SessionAdapter,
  type SessionAdapterMapping,
} from "./session-adapter-define.ts";
export { type SessionInputRules, validateSessionInput } from "./session-input-validate.ts";
export type {
  Outcome,
  OutcomeMapping,
  OutcomeRead,
  OutcomeReason,
  OutcomeWebhookFacts,
  ReasonPointers,
} from "./session-outcome.ts";
export type { ResultProvider, WebhookProvider } from "./session-provider.ts";
export { loadSetting, readEnv, type SettingSource } from "./setting-load.ts";
export { createTransport, type TransportConfig, transportOf } from "./transport-create.ts";
export type {
  Authenticate,
  Exchange,
  IdempotencyConfig,
  OutgoingRequest,
  QueryString,
  Transport,
  TransportMeta,
} from "./transport-types.ts";
export { defineWebhookAdapter, type WebhookEventMapping } from "./webhook-adapter-define.ts";
export {
  type BodyHmacScheme,
  parseWebhookJson,
  type TimestampedHmacFacts,
  type TimestampedHmacScheme,
  timestampedHmac,
  verifyBodyHmac,
  verifyWebhookSignature,
  type WebhookScheme,
  webhookBytes,
  webhookHeader,
  webhookSecret,
} from "./webhook-verify.ts";
