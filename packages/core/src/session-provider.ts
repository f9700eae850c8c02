// The contract between the `verifetch` facade and provider packages (as `@ai-sdk/provider` is for
// the Vercel AI SDK): each provider package exports an adapter implementing SessionProvider, and the
// facade only ever talks to adapters. Versioned so the facade can adapt to older adapters later.

import type { Outcome, OutcomeReason } from "./session-outcome.ts";

/**
 * The version of the contract this package defines (v4: result adapters, and webhook events carry
 * `reasons`, `deliveryKey` and `occurredAt`).
 */
export const SESSION_PROVIDER_SPECIFICATION_VERSION = "v4";

/** The person being verified, as far as the caller knows them. */
export interface SessionPerson {
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  /** `YYYY-MM-DD`. */
  dateOfBirth?: string | undefined;
}

/** What every provider's "create a hosted session" call shares, plus per-provider options. */
export interface CreateSessionInput<TProviderOptions extends object = Record<string, unknown>> {
  /** Your reference for the user or transaction (returned in webhooks where the provider supports it). */
  reference: string;
  /** Where the provider sends the user when they finish. Must be https. */
  redirectUrl?: string | undefined;
  /** Where the provider sends the user when they cancel, where supported. Must be https. */
  cancelUrl?: string | undefined;
  /** UI language, lowercase ISO 639-1 (`"en"`); refused for providers that take none. */
  language?: string | undefined;
  /** ISO 3166-1 alpha-2 country, upper case (`"GB"`). */
  country?: string | undefined;
  person?: SessionPerson | undefined;
  /** String key/values attached to the session where the provider supports metadata. */
  metadata?: Record<string, string> | undefined;
  /** Idempotency key, for providers that honour one (others refuse it). */
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Options only one provider understands, keyed by provider name: `{ complycube: { clientId } }`. */
  providerOptions?: TProviderOptions | undefined;
}

/**
 * A shared input field that was not sent to the provider because it has no place for it (a cancel
 * URL for a provider without one, a language it does not offer, …). Reported, never an error, so
 * one input serves every provider of a fallback list.
 */
export interface UnsentField {
  /** The input field, e.g. `"cancelUrl"` or `"person.phone"`. */
  field: string;
  /** Why the provider did not get it, e.g. `"Verifa has no cancel URL"`. */
  reason: string;
}

/** A created hosted session, the same shape for every provider. */
export interface HostedSession<TProvider extends string = string, TRaw = unknown> {
  provider: TProvider;
  /** The provider's session id (see each provider's README for what it is where none exists). */
  id: string;
  /** The URL to send the user to. */
  url: string;
  /** When the URL stops working, when the provider documents it; null when unknown. */
  expiresAt: Date | null;
  /** Whether this is a sandbox session; null when the provider does not say. */
  sandbox: boolean | null;
  /** The provider's status of the new session (e.g. `"created"`, `"pending"`). */
  status: string;
  /** The provider's own response. */
  raw: TRaw;
  /** Shared input fields this provider has no place for, which were therefore not sent. */
  unsentFields: readonly UnsentField[];
}

/** A webhook delivery as received: the raw body exactly as sent (signatures cover the bytes). */
export interface WebhookRequest {
  headers: Headers | Record<string, string | string[] | undefined>;
  rawBody: string | Uint8Array;
}

/** A verified webhook event, the same shape for every provider. */
export interface WebhookEvent<TProvider extends string = string, TRaw = unknown> {
  provider: TProvider;
  /** The provider's event type, e.g. `"session.approved"`. */
  type: string;
  /** The session (or verification) the event is about, when the event names one. */
  sessionId: string | null;
  /** Your reference, when the event carries it. */
  reference: string | null;
  /** The provider's status carried by the event, when there is one. */
  status: string | null;
  /**
   * What `status` means, from the provider's documented mapping (its README's "Outcomes" table):
   * `unknown` when the event carries no status or one that alone does not decide. Never act on
   * `unknown` as a success; re-fetch the outcome.
   */
  outcome: Outcome;
  /** Whether `outcome` is final (`approved`, `declined`, `completed`, `expired`, `abandoned`). */
  terminal: boolean;
  /** The provider's reasons for the outcome carried by the event (codes and texts, as documented). */
  reasons: readonly OutcomeReason[];
  /**
   * The same for every delivery of this event, for de-duplication: `<provider>:<event id>` where the
   * provider sends an event id, else `<provider>:sha256:<hex>` of the body (a re-sent delivery has
   * the same bytes).
   */
  deliveryKey: string;
  /** When the event happened, when the payload says; null otherwise. */
  occurredAt: Date | null;
  /** The parsed event body. */
  raw: TRaw;
}

/** A session's outcome read back from the provider, the same shape for every provider. */
export interface SessionOutcome<TProvider extends string = string, TRaw = unknown> {
  provider: TProvider;
  sessionId: string;
  /** What the provider's status means; `unknown` is never a success. */
  outcome: Outcome;
  /** Whether `outcome` is final (`approved`, `declined`, `completed`, `expired`, `abandoned`). */
  terminal: boolean;
  /** The provider's raw status; null when it has none yet. */
  status: string | null;
  /** The provider's reasons (codes and texts, as documented); empty when it gives none. */
  reasons: readonly OutcomeReason[];
  /** The provider's own answer. */
  raw: TRaw;
}

/** Options of `waitForOutcome`. */
export interface WaitForOutcomeOptions {
  signal?: AbortSignal | undefined;
  /** When to give up (a Date or epoch ms; default: 10 minutes from the call): OutcomeTimeoutError. */
  deadline?: Date | number | undefined;
  /** The first wait between reads, in ms (default 2000); it grows by half each read, up to `maxIntervalMs`. */
  intervalMs?: number | undefined;
  /** The longest wait between reads, in ms (default 30 000). */
  maxIntervalMs?: number | undefined;
  /** Called with each outcome read that does not end the wait (e.g. to log progress). */
  onPoll?: ((outcome: SessionOutcome) => void) | undefined;
}

/**
 * What a provider package implements for the facade's result side (`verifaResults(client)`): reading
 * a session and its outcome back with the operation the provider documents for it.
 */
export interface ResultProvider<TProvider extends string = string, TRaw = unknown> {
  readonly specificationVersion: typeof SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider: TProvider;
  /** The operation that reads the outcome; null when the provider documents none (every read then throws OutcomeUnavailableError). */
  readonly readOperation: string | null;
  /** The provider's own answer for session `id`. */
  getSession(id: string, options?: { signal?: AbortSignal | undefined }): Promise<TRaw>;
  /** Session `id`'s outcome, read now. */
  getOutcome(id: string, options?: { signal?: AbortSignal | undefined }): Promise<SessionOutcome<TProvider, TRaw>>;
  /**
   * Reads session `id`'s outcome until it is terminal, waiting longer between reads (and as long as
   * a 429 or 503 asks); a transient failure is read again, any other is thrown.
   */
  waitForOutcome(id: string, options?: WaitForOutcomeOptions): Promise<SessionOutcome<TProvider, TRaw>>;
}

/** Shared input fields a provider can require (`createSession` refuses the input without them). */
export type RequirableSessionField = "redirectUrl" | "cancelUrl";

/** The input a provider accepts: the shared fields (its required ones made required) and its options. */
export type ProviderSessionInput<
  TProvider extends string,
  TOptions extends object,
  TRequired extends RequirableSessionField = never,
> = CreateSessionInput<{ [K in TProvider]?: TOptions }> & { [K in TRequired]-?: NonNullable<CreateSessionInput[K]> };

/**
 * What a provider package implements for the facade. `TRequired` names the shared fields it cannot do
 * without; left out, it admits any (so a bare `SessionProvider` fits every adapter) — the facade reads
 * what an adapter really requires from its `requiredFields`.
 */
export interface SessionProvider<
  TProvider extends string = string,
  TOptions extends object = Record<string, unknown>,
  TRaw = unknown,
  TRequired extends RequirableSessionField = RequirableSessionField,
> {
  readonly specificationVersion: typeof SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider: TProvider;
  /** Languages the hosted flow accepts (lowercase ISO 639-1); null when the provider takes none. */
  readonly languages: readonly string[] | null;
  /** Shared fields this provider cannot do without (an input without them is refused, and does not type-check). */
  readonly requiredFields: readonly TRequired[];
  /**
   * Checks the input (shared fields and this provider's options) without sending anything: throws
   * InputValidationError for a malformed value, returns the shared fields it would not send.
   */
  validate(input: ProviderSessionInput<TProvider, TOptions, TRequired>): readonly UnsentField[];
  /** Creates a hosted session (validating first). */
  createSession(input: ProviderSessionInput<TProvider, TOptions, TRequired>): Promise<HostedSession<TProvider, TRaw>>;
}

/**
 * What a provider package implements for the facade's webhook side (`verifaWebhooks(client)`), apart
 * from the session side: a route that only creates sessions bundles no signature code, and a webhook
 * route needs nothing that creates them.
 */
export interface WebhookProvider<TProvider extends string = string, TEventRaw = unknown> {
  readonly specificationVersion: typeof SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider: TProvider;
  /** Verifies a webhook's signature with the provider's documented scheme and parses it. */
  verifyWebhook(request: WebhookRequest): Promise<WebhookEvent<TProvider, TEventRaw>>;
}

/** The per-provider options type of an adapter. */
export type SessionProviderOptions<T> =
  T extends SessionProvider<string, infer O, unknown, RequirableSessionField> ? O : never;
/** The raw session type of an adapter. */
export type SessionProviderRaw<T> =
  T extends SessionProvider<string, object, infer R, RequirableSessionField> ? R : never;
/**
 * The shared fields an adapter requires (`never` when it requires none). Read from its
 * `requiredFields` tuple; a loosely typed adapter (a plain array, or `any`) requires nothing at
 * compile time — validation still runs.
 */
export type SessionProviderRequired<T> = T extends { readonly requiredFields: infer L extends readonly unknown[] }
  ? number extends L["length"]
    ? never
    : L[number] & RequirableSessionField
  : never;
