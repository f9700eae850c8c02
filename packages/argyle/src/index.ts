export {
  ARGYLE_SESSION_TTL_MS,
  Argyle,
  type ArgyleApiClient,
  type ArgyleErrorBody,
  type ArgyleOptions,
  argyleApiClient,
  type CreateSessionRequest,
  type CreateUserRequest,
  type CreateUserResponse,
  type CreateVerificationRequest,
  createArgyle,
  type ListVerificationsQuery,
  type RefreshVerificationRequest,
  type ReportType,
  type Session,
  type UpdateVerificationRequest,
  type Verification,
  type VerificationListPage,
  type VerificationState,
  type VerificationStatusCode,
} from "./argyle-client.ts";
export { ARGYLE_HOSTS, type ArgyleEnvironment } from "./argyle-environment.ts";
export { type ArgyleSessionOptions, ArgyleSessions, argyleSessions } from "./argyle-sessions.ts";
export { ARGYLE_SIGNATURE_HEADER, type ArgyleWebhookPayload, verifyArgyleWebhook } from "./argyle-webhook.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";
