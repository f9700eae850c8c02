// @verifetch/core for users of the provider packages: the error hierarchy, call facts, and the types
// that options, inputs and results are made of. Provider authors use `@verifetch/core/provider`;
// the facade's contract with provider adapters is `@verifetch/core/session`.
export type { Clock } from "./clock.ts";
export type { Environment } from "./environment.ts";
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
export { type Logger, type LogLevel, logResponses } from "./log.ts";
export { getResponseMeta, type ResponseMeta } from "./response-meta.ts";
export { OutcomeTimeoutError, OutcomeUnavailableError } from "./result-errors.ts";
export { DEFAULT_RETRY_SETTINGS, type RetryOverrides, type RetrySettings } from "./retry-settings.ts";
export { REDACTED } from "./secret-redact.ts";
export {
  isTerminalOutcome,
  OUTCOMES,
  type Outcome,
  type OutcomeMapping,
  type OutcomeReason,
} from "./session-outcome.ts";
export type {
  CreateSessionInput,
  HostedSession,
  SessionOutcome,
  SessionPerson,
  UnsentField,
  WaitForOutcomeOptions,
  WebhookEvent,
  WebhookRequest,
} from "./session-provider.ts";
export type { ProviderClientOptions } from "./transport-create.ts";
export type { CallOptions, FetchLike, RequestEvent, ResponseEvent } from "./transport-types.ts";
export { decideWebhookUpdate, type StoredOutcome, type WebhookUpdateDecision } from "./webhook-update-decide.ts";
