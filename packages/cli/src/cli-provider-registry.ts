// What drives any provider package from the generated registry (generated/providers.ts) and its
// descriptor alone: the environment variables a package reads, client options that reach a mock,
// and a session input made from the spec's own create-session example. Runtime-neutral (no Node
// built-in), so the demo and the runtime tier (workerd, Deno, Bun) drive every provider with it too.
import { type CreateSessionInput, InputValidationError } from "@verifetch/core";
import type { RegistryDescriptor, RegistryEntry } from "./generated/providers.ts";

/** An environment variable a provider package reads. */
export interface ProviderEnvVar {
  name: string;
  /**
   * `"api-key"`: a credential creating a session needs; `"webhook-secret"`: needed to verify
   * webhooks; `"credential"`: a credential only other operations need.
   */
  purpose: "api-key" | "webhook-secret" | "credential";
}

/** What a session input is validated by: a facade adapter. */
export interface ValidatingAdapter {
  readonly requiredFields?: readonly string[];
  validate(input: CreateSessionInput): unknown;
}

/** The variables a provider package reads, from its descriptor: its credentials, then its webhook secret. */
export function providerEnvVars(entry: RegistryEntry, descriptor: RegistryDescriptor): ProviderEnvVar[] {
  const secret = descriptor.adapter.webhook.secret;
  const variables: ProviderEnvVar[] = descriptor.credentials.map((credential) => ({
    name: credential.envVar,
    purpose: entry.sessionCredentials.includes(credential.option)
      ? "api-key"
      : credential.option === secret?.option
        ? "webhook-secret"
        : "credential",
  }));
  if (secret && !variables.some((variable) => variable.name === secret.envVar)) {
    variables.push({ name: secret.envVar, purpose: "webhook-secret" });
  }
  return variables;
}

/** Whether the package picks its host by an `environment` option (sandbox or live). */
export function picksHostByEnvironment(descriptor: RegistryDescriptor): boolean {
  return descriptor.environments.decidedBy === "host";
}

/**
 * Client options that reach a mock at `baseUrl`: a dummy value for every credential, the one whose
 * prefix decides the environment starting with the first sandbox prefix (so the client's own key
 * check passes); Prism accepts any value. The webhook secret is a dummy too, when it is an option of
 * its own.
 */
export function mockClientOptions(
  descriptor: RegistryDescriptor,
  baseUrl: string,
  tag = "mock",
): Record<string, string> {
  const { environments } = descriptor;
  const prefix = environments.keyPrefixes?.sandbox[0] ?? "";
  const options: Record<string, string> = { baseUrl };
  for (const credential of descriptor.credentials) {
    options[credential.option] =
      credential.option === environments.credential ? `${prefix}${tag}` : `${tag}-${credential.option}`;
  }
  const secret = descriptor.adapter.webhook.secret;
  if (secret && options[secret.option] === undefined) options[secret.option] = `${tag}-${secret.option}`;
  return options;
}

/** Example values of the shared fields an adapter may require (`requiredFields`). */
const REQUIRED_EXAMPLES: Record<string, string> = { cancelUrl: "https://app.example/cancelled" };

/**
 * A session input `adapter` accepts, made from the spec: the reference and redirect URL, the shared
 * fields the adapter requires, and as `providerOptions` what the adapter knows of the create
 * operation's documented request example — its fields and those of its nested objects (Argyle's
 * `configuration`, Veriff's `verification`), camelCased, with each field the adapter refuses as
 * unknown dropped. Any other refusal (a value the adapter rejects, a required option the example
 * lacks) is thrown: the spec's example and the adapter disagree.
 */
export function exampleSessionInput(entry: RegistryEntry, adapter: ValidatingAdapter): CreateSessionInput {
  const options = optionCandidates(entry.requestExample);
  const shared: CreateSessionInput = { reference: "user_123", redirectUrl: "https://app.example/done" };
  for (const field of adapter.requiredFields ?? []) {
    const example = REQUIRED_EXAMPLES[field];
    if (example !== undefined) Object.assign(shared, { [field]: example });
  }
  for (;;) {
    const input = withOptions(shared, entry.name, options);
    try {
      adapter.validate(input);
      return input;
    } catch (error) {
      const key = unknownOption(error, entry.name);
      if (key === undefined || !(key in options)) throw error;
      delete options[key];
    }
  }
}

/**
 * The smallest input `adapter` accepts on the way to `input`: its provider options without each
 * one that can go (in order), as the CLI's help shows them. `required` lists the options kept.
 */
export function minimalSessionInput(
  entry: RegistryEntry,
  adapter: ValidatingAdapter,
  input: CreateSessionInput,
): { input: CreateSessionInput; required: string[] } {
  const options = { ...(input.providerOptions?.[entry.name] as Record<string, unknown> | undefined) };
  const { providerOptions: _, ...shared } = input;
  for (const key of Object.keys(options)) {
    const { [key]: _dropped, ...without } = options;
    try {
      adapter.validate(withOptions(shared, entry.name, without));
      delete options[key];
    } catch {
      // Needed (alone, or as the one of a pair the example chose).
    }
  }
  return { input: withOptions(shared, entry.name, options), required: Object.keys(options) };
}

/**
 * The `verifetch session create` flags of an input: the shared fields, then one `--option key=value`
 * per provider option (a value the CLI would read back differently is given as JSON).
 */
export function sessionCreateFlags(entry: RegistryEntry, input: CreateSessionInput): string[] {
  const flags = ["--reference", input.reference];
  if (input.redirectUrl !== undefined) flags.push("--redirect-url", input.redirectUrl);
  if (input.cancelUrl !== undefined) flags.push("--cancel-url", input.cancelUrl);
  const options = (input.providerOptions?.[entry.name] ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    const text = typeof value === "string" && !parsesAsJson(value) ? value : JSON.stringify(value);
    flags.push("--option", `${key}=${text}`);
  }
  return flags;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function withOptions(shared: CreateSessionInput, name: string, options: Record<string, unknown>): CreateSessionInput {
  return Object.keys(options).length > 0 ? { ...shared, providerOptions: { [name]: { ...options } } } : { ...shared };
}

/** The option `error` refuses as unknown (`providerOptions.<name>.<key>: is not a known option …`). */
function unknownOption(error: unknown, name: string): string | undefined {
  if (!InputValidationError.isInstance(error) || !error.message.includes("is not a known option")) return undefined;
  const prefix = `providerOptions.${name}.`;
  return error.field.startsWith(prefix) && !error.field.includes(".", prefix.length)
    ? error.field.slice(prefix.length)
    : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const camelCase = (key: string) => key.replace(/[_-]+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The example's fields and its nested objects' fields at any depth (a JSON:API body nests them under
 * `data.attributes`), camelCased; a shallower field wins a clash.
 */
function optionCandidates(example: unknown): Record<string, unknown> {
  if (!isRecord(example)) return {};
  const nested = Object.values(example)
    .filter(isRecord)
    .flatMap((value) => Object.entries(optionCandidates(value)));
  return Object.fromEntries([
    ...nested,
    ...Object.entries(example).map(([key, value]) => [camelCase(key), value] as const),
  ]);
}
