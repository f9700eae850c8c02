export type {
  CreateSessionInput,
  HostedSession,
  SessionPerson,
  SessionProvider,
  WebhookEvent,
  WebhookRequest,
} from "@verifetch/core";
export {
  type AnySessionProvider,
  createVerifetch,
  type EventOf,
  type OptionsOf,
  type ProviderMap,
  type ProviderOptionsFor,
  type RawOf,
  type SessionFor,
  type SessionInputFor,
  type Verifetch,
  type VerifetchOptions,
  type WebhookEventFor,
} from "./verifetch-create.ts";
export { AllProvidersFailedError, NoSuchProviderError, type ProviderAttempt } from "./verifetch-errors.ts";
