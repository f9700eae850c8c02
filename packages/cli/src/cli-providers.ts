// The six providers the CLI knows: their package, the environment variables their clients read, the
// options the mocks need, and how to build a client — with keys from the environment, or with
// dummy credentials against a Prism mock. Provider packages are imported lazily, so a command only
// loads the one it uses.
import { createRequire } from "node:module";
import type { AnySessionProvider } from "verifetch";
import { CliError } from "./cli-errors.ts";

/** An environment variable a provider package reads. */
export interface ProviderEnvVar {
  name: string;
  /** `"api-key"`: needed to create sessions for real; `"webhook-secret"`: needed to verify webhooks. */
  purpose: "api-key" | "webhook-secret";
}

/** Argyle's two hosts; the other providers derive sandbox vs live from the key or the integration. */
export type HostEnvironment = "sandbox" | "live";

/**
 * Where a client's requests go: the provider's real API (keys from the environment) or a mock.
 * `environment` is passed to providers that pick a host by it (Argyle; `environments: true`).
 */
export type ClientTarget = ({ kind: "live" } | { kind: "mock"; baseUrl: string }) & { environment?: HostEnvironment };

/** One provider the CLI can drive. */
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
  /** What `providerOptions` the provider needs, for help texts; empty when none. */
  requiredOptions: string;
  /** A `session create` line that works against the mock, for help texts and the README. */
  mockExample: string;
  /** Builds the provider's client and its facade adapter (`complyCubeSessions(client)`, …). Never sends a request. */
  createSessions(target: ClientTarget): Promise<unknown>;
}

const apiKey = (name: string): ProviderEnvVar => ({ name, purpose: "api-key" });
const webhookSecret = (name: string): ProviderEnvVar => ({ name, purpose: "webhook-secret" });

// Dummy credentials for the mock: Prism only checks that the auth header is present, and each value
// passes its package's own key checks (ComplyCube's `test_` prefix, Verifa's `vk_sandbox_`).
const MOCK_ARGYLE = { apiKeyId: "mock-key-id", apiKeySecret: "mock-key-secret" };
/** Argyle's client options for a target: the mock's URL and dummy keys, and the chosen host environment. */
function argyleTarget(target: ClientTarget) {
  return {
    ...(target.kind === "mock" && { ...MOCK_ARGYLE, baseUrl: target.baseUrl }),
    ...(target.environment !== undefined && { environment: target.environment }),
  };
}

const ARGYLE_VERIFICATION = "--option verification=43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";

export const PROVIDERS: readonly CliProvider[] = [
  {
    name: "complycube",
    title: "ComplyCube",
    packageName: "@verifetch/complycube",
    envVars: [apiKey("COMPLYCUBE_API_KEY"), webhookSecret("COMPLYCUBE_WEBHOOK_SECRET")],
    environments: false,
    requiredOptions: "clientId, plus checkTypes or workflowTemplateId; --redirect-url and --cancel-url",
    mockExample:
      "verifetch session create complycube --mock --reference user_123 --redirect-url https://app.example/done --cancel-url https://app.example/cancelled --option clientId=5eb04fcd0f3e360008035eb1 --option 'checkTypes=[\"document_check\"]'",
    async createSessions(target) {
      const { createComplyCube, complyCubeSessions } = await import("@verifetch/complycube");
      return complyCubeSessions(
        createComplyCube(target.kind === "mock" ? { apiKey: "test_mock", baseUrl: target.baseUrl } : {}),
      );
    },
  },
  {
    name: "argyle",
    title: "Argyle",
    packageName: "@verifetch/argyle",
    envVars: [apiKey("ARGYLE_API_KEY_ID"), apiKey("ARGYLE_API_KEY_SECRET"), webhookSecret("ARGYLE_WEBHOOK_SECRET")],
    environments: true,
    requiredOptions: "verification (the id of an Argyle verification)",
    mockExample: `verifetch session create argyle --mock --reference user_123 ${ARGYLE_VERIFICATION}`,
    async createSessions(target) {
      const { createArgyle, argyleSessions } = await import("@verifetch/argyle");
      return argyleSessions(createArgyle(argyleTarget(target)));
    },
  },
  {
    name: "argyle-partners",
    title: "Argyle Partners",
    packageName: "@verifetch/argyle-partners",
    envVars: [apiKey("ARGYLE_API_KEY_ID"), apiKey("ARGYLE_API_KEY_SECRET"), webhookSecret("ARGYLE_WEBHOOK_SECRET")],
    environments: true,
    requiredOptions: "verification (the id of an Argyle verification)",
    mockExample: `verifetch session create argyle-partners --mock --reference user_123 ${ARGYLE_VERIFICATION}`,
    async createSessions(target) {
      const { createArgylePartners, argylePartnersSessions } = await import("@verifetch/argyle-partners");
      return argylePartnersSessions(createArgylePartners(argyleTarget(target)));
    },
  },
  {
    name: "verifa",
    title: "Verifa",
    packageName: "@verifetch/verifa",
    envVars: [apiKey("VERIFA_API_KEY"), webhookSecret("VERIFA_WEBHOOK_SECRET")],
    environments: false,
    requiredOptions: "",
    mockExample: "verifetch session create verifa --mock --reference user_123 --redirect-url https://app.example/done",
    async createSessions(target) {
      const { createVerifa, verifaSessions } = await import("@verifetch/verifa");
      return verifaSessions(
        createVerifa(target.kind === "mock" ? { apiKey: "vk_sandbox_mock", baseUrl: target.baseUrl } : {}),
      );
    },
  },
  {
    name: "earthid",
    title: "EarthID",
    packageName: "@verifetch/earthid",
    envVars: [apiKey("EARTHID_API_KEY")],
    note: "no webhook secret: EarthID documents no webhook signature, so deliveries cannot be verified",
    environments: false,
    requiredOptions: "",
    mockExample: "verifetch session create earthid --mock --reference user_123 --redirect-url https://app.example/done",
    async createSessions(target) {
      const { createEarthId, earthIdSessions } = await import("@verifetch/earthid");
      return earthIdSessions(
        createEarthId(target.kind === "mock" ? { apiKey: "mock-earthid-key", baseUrl: target.baseUrl } : {}),
      );
    },
  },
  {
    name: "veriff",
    title: "Veriff",
    packageName: "@verifetch/veriff",
    envVars: [apiKey("VERIFF_API_KEY"), webhookSecret("VERIFF_SHARED_SECRET")],
    environments: false,
    requiredOptions: "",
    mockExample: "verifetch session create veriff --mock --reference user_123 --redirect-url https://app.example/done",
    async createSessions(target) {
      const { createVeriff, veriffSessions } = await import("@verifetch/veriff");
      return veriffSessions(
        createVeriff(target.kind === "mock" ? { apiKey: "mock-veriff-key", baseUrl: target.baseUrl } : {}),
      );
    },
  },
];

/** The provider called `name`, or undefined. */
export function findProvider(name: string): CliProvider | undefined {
  return PROVIDERS.find((provider) => provider.name === name);
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
export function sessionsOf(sessions: unknown, provider: CliProvider): AnySessionProvider {
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
