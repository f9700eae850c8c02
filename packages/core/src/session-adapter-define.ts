// The engine of every provider's facade session adapter: a provider states only its truth — which
// shared fields it carries, its own options, how the unified input becomes its request and how its
// answer becomes a HostedSession — and gets the SessionProvider. Webhooks are the other half
// (`defineWebhookAdapter`), built apart so a create-session route bundles no signature code.
import { checkSchema, type InputSchema } from "./option-check.ts";
import { type SessionInputRules, validateSessionInput } from "./session-input-validate.ts";
import {
  type HostedSession,
  type ProviderSessionInput,
  type RequirableSessionField,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  type UnsentField,
} from "./session-provider.ts";
import { transportOf } from "./transport-create.ts";
import type { WebhookScheme } from "./webhook-verify.ts";

/** What the facade adapter needs of a provider's generated descriptor. */
export interface AdapterDescriptor<TProvider extends string = string> {
  readonly provider: TProvider;
  /** Display name for messages, e.g. `"Verifa"`. */
  readonly title: string;
  readonly session: {
    /** How long a created session's URL works, when the provider documents it. */
    readonly ttlMs: number | null;
  };
  readonly webhook: WebhookScheme & {
    /** Where the webhook secret comes from (absent for a scheme of `none`). */
    readonly secret?: { readonly option: string; readonly envVar: string; readonly description: string };
  };
}

/** The call options an adapter passes on to the provider's create method. */
export interface AdapterCallOptions {
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
}

/** The normalized session a provider's answer maps to (expiry defaults to the documented lifetime). */
export interface AdapterSession {
  id: string;
  url: string;
  status: string;
  /** When the URL stops working; omitted: the request time plus the documented lifetime, if any. */
  expiresAt?: string | Date | null | undefined;
  /** Whether this is a sandbox session; null when the provider does not say. */
  sandbox: boolean | null;
}

/** What a provider states about its adapter: the mapping between the unified shapes and its own. */
export interface SessionAdapterMapping<
  TClient,
  TProvider extends string,
  TOptions extends object,
  TRaw,
  TRequired extends RequirableSessionField,
> {
  /** The ISO 639-1 languages its hosted flow offers, in any case (the spec's own values); null when it takes none. */
  languages: readonly string[] | null;
  /** The shared fields it carries, and the ones it cannot do without (`required`, as a tuple). */
  input: Omit<SessionInputRules, "provider" | "languages" | "required"> & { required?: readonly TRequired[] };
  /**
   * Its own options (`providerOptions.<provider>`), checked with field paths before any request: a
   * schema, or one chosen from the options given (ComplyCube's two request variants).
   */
  options?: InputSchema | ((options: unknown) => InputSchema) | undefined;
  /** Checks beyond the schemas (may report more unsent fields); throws InputValidationError. */
  // Typed without TOptions: an unannotated `check` placed before `create` would otherwise fix the
  // options type to `object` before `create`'s annotation is read.
  check?(input: ProviderSessionInput<TProvider, object, TRequired>, unsent: UnsentField[]): void;
  /** Sends the create call with the unified input (validated) and the call options. */
  create(
    client: TClient,
    input: ProviderSessionInput<TProvider, TOptions, TRequired>,
    options: TOptions | undefined,
    call: AdapterCallOptions,
    unsent: readonly UnsentField[],
  ): Promise<TRaw>;
  /** The normalized session from the provider's answer (and the input it answered). */
  session(
    raw: TRaw,
    client: TClient,
    input: ProviderSessionInput<TProvider, TOptions, TRequired>,
    options: TOptions | undefined,
  ): AdapterSession;
}

/** The facade adapter `defineSessionAdapter` builds for a client. */
export type SessionAdapter<
  TProvider extends string,
  TOptions extends object,
  TRaw,
  TRequired extends RequirableSessionField,
> = SessionProvider<TProvider, TOptions, TRaw, TRequired> & {
  readonly requiredFields: readonly TRequired[];
};

/**
 * Builds a provider's facade adapter factory (`verifaSessions(client)`) from its descriptor and its
 * mapping. The adapter validates the shared input and the provider's options before any request,
 * never sends a field the provider has no place for (it reports it in `unsentFields`), refuses a
 * created session without its id or URL, and fills `expiresAt` from the documented lifetime.
 */
export function defineSessionAdapter<
  TClient extends object,
  TProvider extends string,
  TOptions extends object,
  TRaw,
  const TRequired extends RequirableSessionField = never,
>(
  descriptor: AdapterDescriptor<TProvider>,
  mapping: SessionAdapterMapping<TClient, TProvider, TOptions, TRaw, TRequired>,
): (client: TClient) => SessionAdapter<TProvider, TOptions, TRaw, TRequired> {
  const { provider, title } = descriptor;
  const field = `providerOptions.${provider}`;
  // Lower-cased here, not at the call site: an argument computed there would keep the whole pure
  // `defineSessionAdapter(…)` call in bundles that never use the adapter.
  const languages = mapping.languages?.map((language) => language.toLowerCase()) ?? null;
  return (client) => {
    const now = transportOf(client).clock.now;
    const validate = (input: ProviderSessionInput<TProvider, TOptions, TRequired>): UnsentField[] => {
      const unsent = validateSessionInput(input, {
        ...mapping.input,
        provider: title,
        languages,
      });
      const options = (input.providerOptions as Record<string, unknown> | undefined)?.[provider];
      const schema = typeof mapping.options === "function" ? mapping.options(options) : mapping.options;
      if (schema && (options !== undefined || schema.required)) checkSchema(options, schema, field);
      mapping.check?.(input, unsent);
      return unsent;
    };
    return {
      specificationVersion: SESSION_PROVIDER_SPECIFICATION_VERSION,
      provider,
      languages,
      requiredFields: mapping.input.required ?? [],
      validate,
      async createSession(input): Promise<HostedSession<TProvider, TRaw>> {
        const unsentFields = validate(input);
        // Taken before the request: a lifetime starts when the provider creates the session, so
        // an expiry computed from this is never later than the real one.
        const requestedAt = now();
        const options = (input.providerOptions as Record<string, TOptions | undefined> | undefined)?.[provider];
        // A key the provider does not honour was reported unsent by validation.
        const call: AdapterCallOptions = {
          signal: input.signal,
          idempotencyKey: mapping.input.idempotencyKey ? input.idempotencyKey : undefined,
        };
        const raw = await mapping.create(client, input, options, call, unsentFields);
        const { expiresAt, ...session } = mapping.session(raw, client, input, options);
        const ttl = descriptor.session.ttlMs;
        return {
          provider,
          ...session,
          expiresAt: expiresAt != null ? new Date(expiresAt) : ttl === null ? null : new Date(requestedAt + ttl),
          raw,
          unsentFields,
        };
      },
    };
  };
}
