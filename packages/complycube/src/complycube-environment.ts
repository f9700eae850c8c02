import { ConfigurationError } from "@verifetch/core";

/** ComplyCube's two environments; the API key decides which one a call acts on. */
export type ComplyCubeEnvironment = "sandbox" | "live";

/** Reads the environment from a ComplyCube key: `test_…` is the sandbox ("Test"), `live_…` is live. */
export function complyCubeEnvironment(apiKey: string): ComplyCubeEnvironment {
  if (apiKey.startsWith("test_")) return "sandbox";
  if (apiKey.startsWith("live_")) return "live";
  throw new ConfigurationError(
    "The ComplyCube API key is not a ComplyCube key: it must start with `test_` (sandbox) or `live_` (live).",
    { option: "apiKey", envVar: "COMPLYCUBE_API_KEY" },
  );
}
