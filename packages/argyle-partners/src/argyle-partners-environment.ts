import type { Environment } from "@verifetch/core";
import { resolveHostEnvironment } from "@verifetch/core/provider";

/** The Partners API's two environments. The host decides which one a call acts on; keys carry no prefix. */
export type ArgylePartnersEnvironment = Environment;

/**
 * The API host per environment; paths carry `/partners/v2` on both. The partner docs only show the
 * sandbox host: production is inferred from the Verifications API's environment table.
 */
export const ARGYLE_PARTNERS_HOSTS = {
  sandbox: "https://api-sandbox.argyle.com",
  live: "https://api.argyle.com",
} as const satisfies Record<ArgylePartnersEnvironment, string>;

/**
 * Resolves the base URL and environment from the options. Sandbox is the default because
 * production is never a guess; a `baseUrl` that is one Argyle host with an `environment` naming the
 * other throws ConfigurationError here, before any request.
 */
export function resolveArgylePartnersEnvironment(options: {
  baseUrl?: string | undefined;
  environment?: ArgylePartnersEnvironment | undefined;
}): { baseUrl: string; environment: ArgylePartnersEnvironment } {
  return resolveHostEnvironment({
    provider: "Argyle Partners",
    hosts: ARGYLE_PARTNERS_HOSTS,
    baseUrl: options.baseUrl,
    environment: options.environment,
  });
}
