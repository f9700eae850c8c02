/** The generated OpenAPI types of `specs/veriff.yaml`, for typing raw `client` calls. */
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
} from "./veriff-client.ts";
export { VERSION } from "./version.ts";
