export type { CreateSessionInput, HostedSession, SessionPerson, WebhookEvent, WebhookRequest } from "@verifetch/core";
export type { SessionProvider } from "@verifetch/core/session";
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
