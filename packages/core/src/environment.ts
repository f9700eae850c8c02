import { ConfigurationError } from "./error-classes.ts";

/** A provider environment: test data and no billing, or the real thing. */
export type Environment = "sandbox" | "live";

/** How a provider whose environments are separate hosts is configured. */
export interface HostEnvironmentConfig {
  /** Provider display name for messages, e.g. `"Argyle"`. */
  provider: string;
  /** The documented host of each environment. */
  hosts: Record<Environment, string>;
  /** The environment the caller asked for. Defaults to `"sandbox"`: production is never a guess. */
  environment?: Environment | undefined;
  /** A base URL override (mock server, proxy, or one of `hosts`). */
  baseUrl?: string | undefined;
}

/**
 * Picks the base URL and environment for a provider whose host decides the environment. A base URL
 * that is one provider host but an `environment` that names the other is refused before any
 * request (a key for one environment is rejected by the other's host anyway, with a vaguer error).
 */
export function resolveHostEnvironment(config: HostEnvironmentConfig): { baseUrl: string; environment: Environment } {
  const requested = config.environment;
  if (requested !== undefined && requested !== "sandbox" && requested !== "live") {
    throw new ConfigurationError(`environment must be "sandbox" or "live", not ${JSON.stringify(requested)}`, {
      option: "environment",
    });
  }
  if (config.baseUrl === undefined) {
    const environment = requested ?? "sandbox";
    return { baseUrl: config.hosts[environment], environment };
  }
  const origin = safeOrigin(config.baseUrl);
  const hostEnvironment = (Object.keys(config.hosts) as Environment[]).find(
    (environment) => safeOrigin(config.hosts[environment]) === origin,
  );
  if (hostEnvironment && requested && hostEnvironment !== requested) {
    throw new ConfigurationError(
      `${config.provider}: baseUrl ${origin} is the ${hostEnvironment} host but environment is "${requested}"; ` +
        `use ${config.hosts[requested]} or drop one of the two options.`,
      { option: "environment" },
    );
  }
  return { baseUrl: config.baseUrl, environment: hostEnvironment ?? requested ?? "sandbox" };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** How a provider whose API key's prefix decides the environment names its keys. */
export interface KeyPrefixEnvironmentConfig {
  /** Provider display name for messages, e.g. `"Verifa"`. */
  provider: string;
  /** The option and the environment variable the key comes from, for messages. */
  option: string;
  envVar: string;
  /** Key prefixes of each environment, e.g. `{ sandbox: ["vk_sandbox_"], live: ["vk_live_"] }`. */
  prefixes: Record<Environment, readonly string[]>;
  /** Prefixes of keys that must not be used here, each with why (e.g. a publishable key). */
  refused?: Readonly<Record<string, string>> | undefined;
}

/**
 * The environment an API key acts on, from its prefix. A key of a refused kind, or of no known
 * prefix, is a ConfigurationError (naming the option and variable, never the key) before any request.
 */
export function keyPrefixEnvironment(key: string, config: KeyPrefixEnvironmentConfig): Environment {
  const { provider, prefixes, option, envVar } = config;
  const has = (prefix: string) => key.startsWith(prefix);
  const environment = (["sandbox", "live"] as const).find((name) => prefixes[name].some(has));
  if (environment) return environment;
  const refused = Object.entries(config.refused ?? {}).find(([prefix]) => has(prefix));
  throw new ConfigurationError(
    `The ${provider} ${option} ${
      refused
        ? `is a ${refused[0]}… key: ${refused[1]}`
        : `must start with ${prefixes.sandbox.join(" or ")} (sandbox) or ${prefixes.live.join(" or ")} (live)`
    }`,
    { option, envVar },
  );
}
