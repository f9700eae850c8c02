// @verifetch/core/session — the contract between the `verifetch` facade and provider adapters (as
// `@ai-sdk/provider` is for the Vercel AI SDK): each provider package's adapter implements
// SessionProvider, and the facade only ever talks to adapters.
export type { Outcome, OutcomeMapping, OutcomeReason } from "./session-outcome.ts";
export {
  type CreateSessionInput,
  type HostedSession,
  type ProviderSessionInput,
  type RequirableSessionField,
  type ResultProvider,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionOutcome,
  type SessionPerson,
  type SessionProvider,
  type SessionProviderOptions,
  type SessionProviderRaw,
  type SessionProviderRequired,
  type UnsentField,
  type WaitForOutcomeOptions,
  type WebhookEvent,
  type WebhookProvider,
  type WebhookRequest,
} from "./session-provider.ts";
