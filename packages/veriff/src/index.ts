/** The generated OpenAPI types of `specs/veriff.yaml`, for typing `veriffApiClient` calls. */
export type { components, operations, paths } from "./generated/openapi.ts";
export {
  type CreateSessionRequest,
  type CreateSessionResponse,
  createVeriff,
  type Decision,
  type DecisionResponse,
  type Session,
  type UpdateSessionRequest,
  type UpdateSessionResponse,
  VERIFF_BASE_URL,
  VERIFF_SESSION_TTL_MS,
  Veriff,
  type VeriffApiClient,
  type VeriffErrorBody,
  type VeriffOptions,
  veriffApiClient,
} from "./veriff-client.ts";
export {
  VERIFF_MAX_VENDOR_DATA_LENGTH,
  type VeriffSessionOptions,
  VeriffSessions,
  veriffSessions,
} from "./veriff-sessions.ts";
export {
  VERIFF_WEBHOOK_SIGNATURE_HEADER,
  VERIFF_WEBHOOK_SIGNATURE_HEADER_VRF,
  type VeriffDecisionWebhookPayload,
  type VeriffEventWebhookPayload,
  type VeriffWebhookPayload,
  verifyVeriffWebhook,
} from "./veriff-webhook.ts";
export { VERSION } from "./version.ts";
