import { ConfigurationError, type Environment } from "@verifetch/core";

/**
 * Reads the environment from a Verifa secret key: `vk_sandbox_…` is sandbox, `vk_live_…` is live
 * (one host serves both). Publishable keys (`vk_pub_…`) are for browsers and may only create
 * sessions, so a server client refuses them rather than fail on every other call.
 */
export function verifaEnvironment(apiKey: string): Environment {
  if (apiKey.startsWith("vk_sandbox_")) return "sandbox";
  if (apiKey.startsWith("vk_live_")) return "live";
  if (apiKey.startsWith("vk_pub_")) {
    throw new ConfigurationError(
      "The Verifa key is a publishable key (vk_pub_…), meant for browsers and limited to creating sessions; use a secret key (vk_sandbox_… or vk_live_…) on the server.",
      { option: "apiKey", envVar: "VERIFA_API_KEY" },
    );
  }
  throw new ConfigurationError(
    "The Verifa API key is not a Verifa secret key: it must start with `vk_sandbox_` (sandbox) or `vk_live_` (live).",
    { option: "apiKey", envVar: "VERIFA_API_KEY" },
  );
}
