import type { Environment } from "@verifetch/core";
import { resolveHostEnvironment } from "@verifetch/core/provider";

/** Argyle's two environments. The host decides which one a call acts on; API keys carry no prefix. */
export type ArgyleEnvironment = Environment;

/** Argyle's documented API host per environment; paths carry `/v2` on both (there is no sandbox path). */
export const ARGYLE_HOSTS = {
  sandbox: "https://api-sandbox.argyle.com",
  live: "https://api.argyle.com",
} as const satisfies Record<ArgyleEnvironment, string>;

/**
 * Resolves the base URL and environment from the options. Sandbox is the default because
 * production is never a guess; a `baseUrl` that is one Argyle host with an `environment` naming the
 * other throws ConfigurationError here, before any request.
 */
export function resolveArgyleEnvironment(options: {
  baseUrl?: string | undefined;
  environment?: ArgyleEnvironment | undefined;
}): {
  baseUrl: string;
  environment: ArgyleEnvironment;
} {
  return resolveHostEnvironment({
    provider: "Argyle",
    hosts: ARGYLE_HOSTS,
    baseUrl: options.baseUrl,
    environment: options.environment,
  });
}
