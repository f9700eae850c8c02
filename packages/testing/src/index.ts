export { findFreePort } from "./mock-port.ts";
export { type MockServer, type StartMockOptions, startMock } from "./mock-server.ts";
export { PROVIDER_NAMES, type ResolveSpecOptions, resolveSpec } from "./mock-spec-resolve.ts";
export { describeViolation, type MockViolation } from "./mock-violations.ts";
export { type WebhookExampleDescriptor, webhookEventFor } from "./webhook-event-example.ts";
export {
  type SignableDescriptor,
  type SignableWebhookScheme,
  type SignedWebhook,
  type SignWebhookOptions,
  signWebhook,
} from "./webhook-sign.ts";
