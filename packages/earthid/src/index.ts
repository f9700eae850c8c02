export {
  type CreateSessionRequest,
  type CreateSessionResponse,
  createEarthId,
  type Decision,
  type DecisionResponse,
  EARTHID_BASE_URL,
  EARTHID_SESSION_TTL_MS,
  EarthId,
  type EarthIdApiClient,
  type EarthIdErrorBody,
  type EarthIdOptions,
  earthIdApiClient,
  type Session,
} from "./earthid-client.ts";
export {
  EARTHID_MAX_VENDOR_DATA_LENGTH,
  type EarthIdSessionOptions,
  EarthIdSessions,
  earthIdSessions,
} from "./earthid-sessions.ts";
export type { EarthIdWebhookPayload } from "./earthid-webhook.ts";
/** The generated OpenAPI types of `specs/earthid.yaml`, for typing `earthIdApiClient` calls. */
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";
