import { ConfigurationError } from "./error-classes.ts";

/** Reads an environment variable where the runtime has them (Node, Bun, Deno's node compat); never throws. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name]?.trim() || undefined;
}

/** Where a required setting comes from, for loading and for the error message when it is missing. */
export interface SettingSource {
  /** The value passed in code, if any; it wins over the environment. */
  value: string | undefined;
  /** The option name, e.g. `"apiKey"`. */
  option: string;
  /** The environment variable read when the option is not set, e.g. `"COMPLYCUBE_API_KEY"`. */
  envVar: string;
  /** What the setting is, for the message, e.g. `"ComplyCube API key"`. */
  description: string;
}

/**
 * Returns the setting from the option or, failing that, the environment; a value that is not a
 * non-blank string is a ConfigurationError naming the option and the variable. Call it at request time,
 * not at construction, so creating a client never throws for a key that is only needed later.
 */
export function loadSetting(source: SettingSource): string {
  // A plain-JavaScript caller can pass anything: only a non-blank string is a setting (never
  // `String(123)` or "[object Object]" as a key or a webhook secret).
  const value: unknown = source.value ?? readEnv(source.envVar);
  if (typeof value !== "string" || !value.trim()) {
    throw new ConfigurationError(
      // "set X", not "the X environment variable": on Workers X is a binding, and passing it as the
      // option (`apiKey: env.X`) is the other half of the sentence.
      `${source.description} missing: pass \`${source.option}\` (a non-blank string) or set ${source.envVar}`,
      { option: source.option, envVar: source.envVar },
    );
  }
  return value;
}
