import {
  ConfigurationError,
  type CreateSessionInput,
  type HostedSession,
  type SessionOutcome,
  VerifetchError,
  type WaitForOutcomeOptions,
  type WebhookEvent,
  type WebhookRequest,
} from "@verifetch/core";
import { isRecord } from "@verifetch/core/provider";
import {
  type RequirableSessionField,
  type ResultProvider,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  type SessionProviderRequired,
  type WebhookProvider,
} from "@verifetch/core/session";
import { AllProvidersFailedError, NoSuchProviderError, type ProviderAttempt } from "./verifetch-errors.ts";

/** Any provider adapter (`complyCubeSessions(complycube)`, `verifaSessions(verifa)`, …). */
// biome-ignore lint/suspicious/noExplicitAny: the options type is contravariant; `any` lets every adapter fit.
export type AnySessionProvider = SessionProvider<string, any, unknown, any>;

/** Adapters keyed by their provider name. */
export type ProviderMap = Record<string, AnySessionProvider>;

/** Webhook adapters keyed by their provider name (`{ verifa: verifaWebhooks(verifa) }`). */
export type WebhookMap = Record<string, WebhookProvider>;

/** No adapters of a kind: the default of `webhooks` and `results` when none are registered. */
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty map (`keyof {}` is never).
export type NoAdapters = {};

/** Result adapters keyed by their provider name (`{ verifa: verifaResults(verifa) }`). */
export type ResultMap = Record<string, ResultProvider>;

/** The provider-only options type of an adapter. */
export type OptionsOf<T> = T extends SessionProvider<string, infer O, unknown, RequirableSessionField> ? O : never;
/** The raw session response type of an adapter. */
export type RawOf<T> = T extends SessionProvider<string, object, infer R, RequirableSessionField> ? R : never;
/** The raw answer type of a result adapter (what `getSession` returns). */
export type ReadOf<T> = T extends ResultProvider<string, infer R> ? R : never;
/** The raw webhook payload type of a webhook adapter. */
export type EventOf<T> = T extends WebhookProvider<string, infer E> ? E : never;

// `{} extends Pick<T, K>` holds exactly when K is optional, and — unlike a Required<> comparison —
// treats `any` options (a generic provider map) as needing nothing.
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty object type this test needs.
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
/** Providers among `K` whose options have required fields. */
type NeedsOptions<P extends ProviderMap, K extends keyof P> = {
  [Q in K]: [RequiredKeys<OptionsOf<P[Q]>>] extends [never] ? never : Q;
}[K];

/** `providerOptions`: required for the chosen providers that need options, optional otherwise. */
export type ProviderOptionsFor<P extends ProviderMap, K extends keyof P> = {
  [Q in NeedsOptions<P, K>]: OptionsOf<P[Q]>;
} & {
  [Q in Exclude<keyof P, NeedsOptions<P, K>>]?: OptionsOf<P[Q]>;
};

/**
 * The input of `createSession` for provider(s) `K`: shared fields (those any of them requires made
 * required, e.g. ComplyCube's `redirectUrl` and `cancelUrl`) plus their typed `providerOptions`.
 */
export type SessionInputFor<P extends ProviderMap, K extends keyof P> = Omit<CreateSessionInput, "providerOptions"> & {
  [F in SessionProviderRequired<P[K]>]-?: NonNullable<CreateSessionInput[F]>;
} & ([NeedsOptions<P, K>] extends [never]
    ? { providerOptions?: ProviderOptionsFor<P, K> }
    : { providerOptions: ProviderOptionsFor<P, K> });

/** The session `createSession` returns for provider(s) `K` (a union over a fallback list). */
export type SessionFor<P extends ProviderMap, K extends keyof P> = K extends keyof P & string
  ? HostedSession<K, RawOf<P[K]>>
  : never;

/** The webhook event `verifyWebhook` returns for provider `K`. */
export type WebhookEventFor<W extends WebhookMap, K extends keyof W> = K extends keyof W & string
  ? WebhookEvent<K, EventOf<W[K]>>
  : never;

/** The outcome `getOutcome` and `waitForOutcome` return for provider `K`. */
export type OutcomeFor<R extends ResultMap, K extends keyof R> = K extends keyof R & string
  ? SessionOutcome<K, ReadOf<R[K]>>
  : never;

/** Options of {@link createVerifetch}. */
export interface VerifetchOptions<
  P extends ProviderMap,
  W extends WebhookMap = NoAdapters,
  R extends ResultMap = NoAdapters,
> {
  /** Provider adapters keyed by provider name: `{ verifa: verifaSessions(verifa), complycube: complyCubeSessions(complycube) }`. */
  providers: P;
  /**
   * Webhook adapters keyed by provider name, for `verifyWebhook`: `{ verifa: verifaWebhooks(verifa) }`.
   * Apart from `providers`, so a route that only creates sessions bundles no signature code.
   */
  webhooks?: W | undefined;
  /**
   * Result adapters keyed by provider name, for `getSession`, `getOutcome` and `waitForOutcome`:
   * `{ verifa: verifaResults(verifa) }`. Apart, so neither a create nor a webhook route bundles the polling code.
   */
  results?: R | undefined;
}

/** One interface over a set of providers. */
export interface Verifetch<P extends ProviderMap, W extends WebhookMap = NoAdapters, R extends ResultMap = NoAdapters> {
  /** The configured provider names. */
  readonly providers: readonly (keyof P & string)[];
  /**
   * Creates a hosted session with one provider, or with the first of an ordered fallback list that
   * succeeds (a provider named twice is tried once). The input is validated for every listed
   * provider before any request; a shared field a provider has no place for is not sent to it and
   * is listed in the session's `unsentFields`. The next provider is tried only after a retryable
   * failure (connection, timeout, 429, 5xx) — never after a 4xx; when all fail,
   * AllProvidersFailedError lists every attempt.
   */
  createSession<K extends keyof P & string>(
    provider: K | readonly K[],
    input: SessionInputFor<P, K>,
  ): Promise<SessionFor<P, K>>;
  /**
   * Verifies a webhook with the provider's documented signature scheme and normalizes it, through
   * the adapter registered in `webhooks` (NoSuchProviderError for a provider not registered there).
   */
  verifyWebhook<K extends keyof W & string>(provider: K, request: WebhookRequest): Promise<WebhookEventFor<W, K>>;
  /**
   * The provider's own answer for session `id`, read with the operation it documents for it (through
   * the adapter registered in `results`); OutcomeUnavailableError where it documents none.
   */
  getSession<K extends keyof R & string>(
    provider: K,
    id: string,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<ReadOf<R[K]>>;
  /** Session `id`'s outcome, read now: the same shape for every provider. */
  getOutcome<K extends keyof R & string>(
    provider: K,
    id: string,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<OutcomeFor<R, K>>;
  /**
   * Reads session `id`'s outcome until it is terminal, waiting longer between reads (and as long as
   * a 429 or 503 asks), until `deadline` (default 10 minutes: OutcomeTimeoutError) or `signal` aborts.
   */
  waitForOutcome<K extends keyof R & string>(
    provider: K,
    id: string,
    options?: WaitForOutcomeOptions,
  ): Promise<OutcomeFor<R, K>>;
}

/** Creates the facade over the given provider adapters (and webhook and result adapters). */
export function createVerifetch<
  P extends ProviderMap,
  W extends WebhookMap = NoAdapters,
  R extends ResultMap = NoAdapters,
>(options: VerifetchOptions<P, W, R>): Verifetch<P, W, R> {
  const providers = adapterRecord<AnySessionProvider>(options, "providers");
  const webhooks = adapterRecord<WebhookProvider>(options, "webhooks");
  const results = adapterRecord<ResultProvider>(options, "results");
  const names = Object.keys(providers) as (keyof P & string)[];
  // A webhook or polling route may register only those adapters.
  if (names.length + Object.keys(webhooks).length + Object.keys(results).length === 0) {
    throw new ConfigurationError(
      "createVerifetch needs { providers }: adapters keyed by provider name (or { webhooks } / { results })",
      { option: "providers" },
    );
  }
  const adapterFor = <T>(record: Record<string, T>, name: string): T => {
    const adapter = Object.hasOwn(record, name) ? record[name] : undefined;
    if (!adapter) throw new NoSuchProviderError(String(name), Object.keys(record));
    return adapter;
  };

  return {
    providers: names,
    async createSession<K extends keyof P & string>(
      provider: K | readonly K[],
      input: SessionInputFor<P, K>,
    ): Promise<SessionFor<P, K>> {
      const order: readonly K[] = typeof provider === "string" ? [provider as K] : (provider as readonly K[]);
      if (!Array.isArray(order) || order.length === 0) {
        throw new ConfigurationError("createSession needs a provider or a non-empty list of them");
      }
      // Each provider once: `[preferred, ...vf.providers]` names one twice, and trying it again
      // could re-send a create that already reached it.
      const adapters = [...new Set(order)].map((name) => adapterFor(providers, name));
      for (const adapter of adapters) adapter.validate(input);
      const attempts: ProviderAttempt[] = [];
      for (const adapter of adapters) {
        try {
          return (await adapter.createSession(input)) as SessionFor<P, K>;
        } catch (error) {
          if (!VerifetchError.isInstance(error)) throw error;
          attempts.push({ provider: adapter.provider, error });
          // A 4xx or an invalid input would fail the same way elsewhere, or means the caller must act.
          if (!error.isRetryable || input.signal?.aborted) break;
        }
      }
      const [first, second] = attempts;
      throw first && !second ? first.error : new AllProvidersFailedError(attempts);
    },
    async verifyWebhook<K extends keyof W & string>(
      provider: K,
      request: WebhookRequest,
    ): Promise<WebhookEventFor<W, K>> {
      return (await adapterFor(webhooks, provider).verifyWebhook(request)) as WebhookEventFor<W, K>;
    },
    getSession: async (provider, id, callOptions) =>
      (await adapterFor(results, provider).getSession(id, callOptions)) as never,
    getOutcome: async (provider, id, callOptions) =>
      (await adapterFor(results, provider).getOutcome(id, callOptions)) as never,
    waitForOutcome: async (provider, id, waitOptions) =>
      (await adapterFor(results, provider).waitForOutcome(id, waitOptions)) as never,
  };
}

/**
 * `options[key]` (`{}` when absent), each adapter checked: it implements this version of the
 * session contract and is registered under its own provider name.
 */
function adapterRecord<T extends { specificationVersion: string; provider: string }>(
  options: unknown,
  key: "providers" | "webhooks" | "results",
): Record<string, T> {
  const given = (options as Record<string, unknown> | undefined)?.[key];
  const record = (isRecord(given) ? given : {}) as Record<string, T>;
  for (const [name, adapter] of Object.entries(record)) {
    const option = `${key}.${name}`;
    if (adapter?.specificationVersion !== SESSION_PROVIDER_SPECIFICATION_VERSION) {
      throw new ConfigurationError(
        `${option} implements session contract ${String(adapter?.specificationVersion)}, not ${SESSION_PROVIDER_SPECIFICATION_VERSION}: update it or verifetch`,
        { option },
      );
    }
    if (adapter.provider !== name) {
      throw new ConfigurationError(
        `${option} is the ${adapter.provider} adapter; register it as "${adapter.provider}"`,
        {
          option,
        },
      );
    }
  }
  return record;
}
