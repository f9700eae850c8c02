// The providers the CLI knows: every provider package of the generated registry (one per spec), each
// loaded only when a command needs it. What the CLI says about a provider — its variables, whether it
// picks a host by `--environment`, the options a session needs — comes from the package's descriptor
// and the spec's examples, never from a list kept here.
import { createRequire } from "node:module";
import type { WebhookProvider } from "@verifetch/core/session";
import type { AnySessionProvider } from "verifetch";
import { CliError } from "./cli-errors.ts";
import {
  exampleSessionInput,
  minimalSessionInput,
  mockClientOptions,
  type ProviderEnvVar,
  picksHostByEnvironment,
  providerEnvVars,
  sessionCreateFlags,
} from "./cli-provider-registry.ts";
import { PROVIDERS, type ProviderModule, type RegistryEntry } from "./generated/providers.ts";

export type { ProviderEnvVar } from "./cli-provider-registry.ts";

/** The environment a host-picking package is told to use (`--environment`). */
export type HostEnvironment = "sandbox" | "live";

/**
 * Where a client's requests go: the provider's real API (keys from the environment) or a mock.
 * `environment` is passed to packages that pick a host by it.
 */
export type ClientTarget = ({ kind: "live" } | { kind: "mock"; baseUrl: string }) & { environment?: HostEnvironment };

/** A provider package, loaded, as the CLI drives it. */
export interface CliProvider {
  name: string;
  /** Display name, e.g. `"ComplyCube"`. */
  title: string;
  packageName: string;
  envVars: readonly ProviderEnvVar[];
  /** Anything else `verifetch providers` should say about the provider's configuration. */
  note?: string;
  /** Whether the package takes an `environment` option (`--environment`). */
  environments: boolean;
  readonly entry: RegistryEntry;
  readonly module: ProviderModule;
}

/** The names of every provider, without loading any package. */
export const PROVIDER_NAMES: readonly string[] = PROVIDERS.map((entry) => entry.name);

/** Loads the provider called `name`, or undefined when there is none. */
export async function findProvider(name: string): Promise<CliProvider | undefined> {
  const entry = PROVIDERS.find((candidate) => candidate.name === name);
  return entry && loadProvider(entry);
}

/** Loads every provider package. */
export function loadProviders(): Promise<CliProvider[]> {
  return Promise.all(PROVIDERS.map(loadProvider));
}

async function loadProvider(entry: RegistryEntry): Promise<CliProvider> {
  const module = await entry.load();
  const { descriptor } = module;
  const webhook = descriptor.adapter.webhook;
  return {
    name: entry.name,
    title: descriptor.adapter.title,
    packageName: entry.packageName,
    envVars: providerEnvVars(entry, descriptor),
    ...(webhook.scheme === "none" && {
      note: `no webhook secret: ${descriptor.adapter.title} documents no webhook signature, so deliveries cannot be verified`,
    }),
    environments: picksHostByEnvironment(descriptor),
    entry,
    module,
  };
}

/**
 * The provider's client for `target`: keys from the environment, or dummy keys (from the
 * descriptor's key prefixes) against a mock. Never sends a request.
 */
export function clientFor(provider: CliProvider, target: ClientTarget): object {
  const options = {
    ...(target.kind === "mock" && mockClientOptions(provider.module.descriptor, target.baseUrl)),
    ...(target.environment !== undefined && { environment: target.environment }),
  };
  return provider.module.createClient(options);
}

/** The provider's facade adapter of the client for `target` (see {@link clientFor}). */
export function sessionsFor(provider: CliProvider, target: ClientTarget): AnySessionProvider {
  return sessionsOf(provider.module.createSessions(clientFor(provider, target)), provider);
}

/**
 * The provider's webhook adapter: a client with no API key (verifying sends nothing) and, when
 * given, `secret` as the package's webhook-secret option; without it the adapter reads the
 * descriptor's variable, as it does in an application.
 */
export function webhooksFor(provider: CliProvider, secret?: string): WebhookProvider {
  const option = provider.module.descriptor.adapter.webhook.secret?.option;
  const options = option !== undefined && secret !== undefined ? { [option]: secret } : {};
  const adapter = provider.module.createWebhooks(provider.module.createClient(options)) as Partial<WebhookProvider>;
  if (typeof adapter?.verifyWebhook !== "function") {
    throw new CliError(
      "AdapterMissingError",
      `the installed ${provider.packageName} has no webhook adapter; update it to a version that has one`,
    );
  }
  return adapter as WebhookProvider;
}

/**
 * A `session create` line that works against the mock, the provider options it needs and the
 * shared flags the provider requires: the spec's create example, cut down to what the adapter
 * requires.
 */
export function mockExample(provider: CliProvider): {
  command: string;
  args: string[];
  requiredOptions: string[];
  requiredFlags: string[];
} {
  const adapter = sessionsFor(provider, { kind: "mock", baseUrl: "http://127.0.0.1:9" });
  const { input, required } = minimalSessionInput(
    provider.entry,
    adapter,
    exampleSessionInput(provider.entry, adapter),
  );
  const args = ["session", "create", provider.name, "--mock", ...sessionCreateFlags(provider.entry, input)];
  return {
    command: ["verifetch", ...args.map(shellQuote)].join(" "),
    args,
    requiredOptions: required,
    requiredFlags: adapter.requiredFields.map(
      (field) => `--${field.replace(/[A-Z]/g, (c: string) => `-${c.toLowerCase()}`)}`,
    ),
  };
}

/** `value` as one word for a POSIX shell: as is when safe, else single-quoted. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'"'"'`)}'`;
}

/** Whether an environment variable is set the way the provider packages read it (non-blank). */
export function isEnvSet(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[name];
  return value !== undefined && value.trim() !== "";
}

/**
 * The spec shipped in the provider package the CLI itself depends on — resolved from this file's
 * location, not the working directory, so `--mock` works wherever the command is run.
 */
export function mockSpecPath(provider: CliProvider): string {
  return createRequire(import.meta.url).resolve(`${provider.packageName}/openapi.yaml`);
}

/** A provider package's facade adapter, checked against the contract at run time. */
export function sessionsOf(sessions: unknown, provider: Pick<CliProvider, "packageName">): AnySessionProvider {
  const adapter = sessions as Partial<AnySessionProvider> | null | undefined;
  if (
    typeof adapter !== "object" ||
    adapter === null ||
    typeof adapter.createSession !== "function" ||
    typeof adapter.validate !== "function"
  ) {
    throw new CliError(
      "AdapterMissingError",
      `the installed ${provider.packageName} has no session adapter; update it to a version that has one`,
    );
  }
  return adapter as AnySessionProvider;
}
