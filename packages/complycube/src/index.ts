export {
  type CheckType,
  type Client,
  COMPLYCUBE_BASE_URL,
  ComplyCube,
  type ComplyCubeApiClient,
  type ComplyCubeErrorBody,
  type ComplyCubeOptions,
  type CreateClientRequest,
  type CreateFlowSessionRequest,
  complyCubeApiClient,
  createComplyCube,
  type FlowSession,
} from "./complycube-client.ts";
export { type ComplyCubeEnvironment, complyCubeEnvironment } from "./complycube-environment.ts";
export {
  type ComplyCubeCheckSessionOptions,
  type ComplyCubeSessionOptions,
  ComplyCubeSessions,
  type ComplyCubeWorkflowSessionOptions,
  complyCubeSessions,
} from "./complycube-sessions.ts";
export {
  COMPLYCUBE_SIGNATURE_HEADER,
  type ComplyCubeWebhookPayload,
  verifyComplyCubeWebhook,
} from "./complycube-webhook.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";
