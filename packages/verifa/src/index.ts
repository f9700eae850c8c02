export type { components, operations, paths } from "./generated/openapi.ts";
export {
  type CreateSessionRequest,
  type CreateSessionResponse,
  createVerifa,
  type ExpiredSession,
  type Session,
  type SessionResult,
  type SessionStatus,
  VERIFA_API_VERSION,
  VERIFA_BASE_URL,
  VERIFA_SESSION_TTL_MS,
  Verifa,
  type VerifaApiClient,
  type VerifaErrorBody,
  type VerifaOptions,
  verifaApiClient,
} from "./verifa-client.ts";
export { verifaEnvironment } from "./verifa-environment.ts";
export { type VerifaSessionOptions, VerifaSessions, verifaSessions } from "./verifa-sessions.ts";
export { VERIFA_WEBHOOK_TOLERANCE_SECONDS, type VerifaWebhookPayload, verifyVerifaWebhook } from "./verifa-webhook.ts";
export { VERSION } from "./version.ts";
