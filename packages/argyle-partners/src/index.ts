export {
  ARGYLE_PARTNERS_SESSION_TTL_MS,
  ArgylePartners,
  type ArgylePartnersApiClient,
  type ArgylePartnersErrorBody,
  type ArgylePartnersOptions,
  argylePartnersApiClient,
  type CreateSessionRequest,
  type CreateUserRequest,
  type CreateUserResponse,
  type CreateVerificationRequest,
  createArgylePartners,
  type ListVerificationsQuery,
  type ReportType,
  type Session,
  type Verification,
  type VerificationListPage,
  type VerificationState,
  type VerificationStatusCode,
} from "./argyle-partners-client.ts";
export { ARGYLE_PARTNERS_HOSTS, type ArgylePartnersEnvironment } from "./argyle-partners-environment.ts";
export {
  type ArgylePartnersSessionOptions,
  ArgylePartnersSessions,
  argylePartnersSessions,
} from "./argyle-partners-sessions.ts";
export {
  ARGYLE_PARTNERS_SIGNATURE_HEADER,
  type ArgylePartnersWebhookPayload,
  verifyArgylePartnersWebhook,
} from "./argyle-partners-webhook.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";
