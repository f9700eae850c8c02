import {
  ConfigurationError,
  type CreateSessionInput,
  type HostedSession,
  VerifetchError,
  type WebhookEvent,
  type WebhookRequest,
} from "@verifetch/core";
import { isRecord } from "@verifetch/core/provider";
import {
  type RequirableSessionField,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  type SessionProviderRequired,
} from "@verifetch/core/session";
import { AllProvidersFailedError, NoSuchProviderError, type ProviderAttempt } from "./verifetch-errors.ts";

/** Any provider adapter (`complyCubeSessions(complycube)`, `verifaSessions(verifa)`, …). */
// biome-ignore lint/suspicious/noExplicitAny: the options type is contravariant; `any` lets every adapter fit.
export type AnySessionProvider = SessionProvider<string, any, unknown, unknown, any>;

/** Adapters keyed by their provider name. */
export type ProviderMap = Record<string, AnySessionProvider>;

/** The provider-only options type of an adapter. */
export type OptionsOf<T> =
  T extends SessionProvider<string, infer O, unknown, unknown, RequirableSessionField> ? O : never;
/** The raw session response type of an adapter. */
export type RawOf<T> = T extends SessionProvider<string, object, infer R, unknown, RequirableSessionField> ? R : never;
/** The raw webhook payload type of an adapter. */
export type EventOf<T> =
  T extends SessionProvider<string, object, unknown, infer E, RequirableSessionField> ? E : never;

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
export type WebhookEventFor<P extends ProviderMap, K extends keyof P> = K extends keyof P & string
  ? WebhookEvent<K, EventOf<P[K]>>
  : never;

/** Options of {@link createVerifetch}. */
export interface VerifetchOptions<P extends ProviderMap> {
  /** Provider adapters keyed by provider name: `{ verifa: verifaSessions(verifa), complycube: complyCubeSessions(complycube) }`. */
  providers: P;
}

/** One interface over a set of providers. */
export interface Verifetch<P extends ProviderMap> {
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
  /** Verifies a webhook with the provider's documented signature scheme and normalizes it. */
  verifyWebhook<K extends keyof P & string>(provider: K, request: WebhookRequest): Promise<WebhookEventFor<P, K>>;
}

/** Creates the facade over the given provider adapters. */
export function createVerifetch<P extends ProviderMap>(options: VerifetchOptions<P>): Verifetch<P> {
  const given: unknown = (options as VerifetchOptions<P> | undefined)?.providers;
  const providers = (isRecord(given) ? given : {}) as ProviderMap;
  const names = Object.keys(providers) as (keyof P & string)[];
  if (names.length === 0) {
    throw new ConfigurationError("createVerifetch needs { providers }: adapters keyed by provider name", {
      option: "providers",
    });
  }
  for (const name of names) {
    const adapter = providers[name];
    const option = `providers.${name}`;
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
  const adapterFor = (name: string): AnySessionProvider => {
    const adapter = Object.hasOwn(providers, name) ? providers[name] : undefined;
    if (!adapter) throw new NoSuchProviderError(String(name), names);
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
      const adapters = [...new Set(order)].map(adapterFor);
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
    async verifyWebhook<K extends keyof P & string>(
      provider: K,
      request: WebhookRequest,
    ): Promise<WebhookEventFor<P, K>> {
      return (await adapterFor(provider).verifyWebhook(request)) as WebhookEventFor<P, K>;
    },
  };
}
