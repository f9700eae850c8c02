import type { parseArgs } from "node:util";
import type { MockServer } from "@verifetch/testing";
import {
  type AnySessionProvider,
  type CreateSessionInput,
  createVerifetch,
  type HostedSession,
  NoSuchProviderError,
} from "verifetch";
import { parseMetadata, parseProviderOptions } from "./cli-args.ts";
import { CliError, InterruptedError, UsageError } from "./cli-errors.ts";
import { sessionCreateHelp } from "./cli-help.ts";
import { parseCommandArgs } from "./cli-parse.ts";
import {
  type ClientTarget,
  type CliProvider,
  findProvider,
  type HostEnvironment,
  isEnvSet,
  loadProviders,
  mockSpecPath,
  PROVIDER_NAMES,
  sessionsFor,
  shellQuote,
} from "./cli-providers.ts";
import { renderQrCode } from "./cli-qr.ts";

/** How long `--mock` waits for Prism to answer before giving up. */
export const MOCK_READY_TIMEOUT_MS = 20_000;

const OPTIONS = {
  reference: { type: "string", short: "r" },
  "redirect-url": { type: "string" },
  "cancel-url": { type: "string" },
  country: { type: "string" },
  language: { type: "string" },
  metadata: { type: "string", multiple: true },
  "idempotency-key": { type: "string" },
  environment: { type: "string" },
  option: { type: "string", short: "o", multiple: true },
  mock: { type: "boolean" },
  json: { type: "boolean" },
  "no-qr": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>["options"];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** `verifetch session create <provider> …`: returns the exit code. */
export async function sessionCreate(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("session create", args, OPTIONS);
  if (values.help) {
    process.stdout.write(sessionCreateHelp(await loadProviders()));
    return 0;
  }
  const [name, ...extra] = positionals;
  const known = [...PROVIDER_NAMES];
  if (name === undefined) {
    throw new UsageError(`session create needs a provider: ${known.join(", ")} (see verifetch session create --help)`);
  }
  if (extra.length > 0) {
    throw new UsageError(`session create takes one provider; unexpected ${JSON.stringify(extra[0])}`);
  }
  const provider = await findProvider(name);
  if (!provider) throw new NoSuchProviderError(name, known);
  const input = sessionInput(provider, values);
  const environment = await hostEnvironment(provider, values.environment);

  const session = await withInterrupts((signal) =>
    createSession(provider, { ...input, signal }, { mock: values.mock === true, environment, args }),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(session, null, 2)}\n`);
  } else {
    process.stdout.write(describeSession(session, values.mock === true));
    if (!values["no-qr"]) process.stdout.write(`\n${renderQrCode(session.url)}\n`);
  }
  return 0;
}

/** The unified input from the flags (validated by the provider's adapter, not here). */
function sessionInput(provider: CliProvider, values: Values): CreateSessionInput {
  if (values.reference === undefined) {
    throw new UsageError(
      "--reference is required: your reference for the user or transaction (see verifetch session create --help)",
    );
  }
  const options = parseProviderOptions(values.option ?? []);
  const metadata = parseMetadata(values.metadata ?? []);
  return {
    reference: values.reference,
    ...(values["redirect-url"] !== undefined && { redirectUrl: values["redirect-url"] }),
    ...(values["cancel-url"] !== undefined && { cancelUrl: values["cancel-url"] }),
    ...(values.country !== undefined && { country: values.country }),
    ...(values.language !== undefined && { language: values.language }),
    ...(Object.keys(metadata).length > 0 && { metadata }),
    ...(values["idempotency-key"] !== undefined && { idempotencyKey: values["idempotency-key"] }),
    ...(Object.keys(options).length > 0 && { providerOptions: { [provider.name]: options } }),
  };
}

/** `--environment`, for the providers whose package picks its host by it (Argyle). */
export async function hostEnvironment(
  provider: CliProvider,
  value: string | undefined,
): Promise<HostEnvironment | undefined> {
  if (value === undefined) return undefined;
  if (!provider.environments) {
    const which = (await loadProviders()).filter((p) => p.environments).map((p) => p.name);
    throw new UsageError(
      `--environment applies to ${which.length > 0 ? which.join(" and ") : "no provider"} only; ${provider.name} tells sandbox from live by its API key or integration`,
    );
  }
  if (value !== "sandbox" && value !== "live") {
    throw new UsageError(`--environment must be sandbox or live (got ${JSON.stringify(value)})`);
  }
  return value;
}

async function createSession(
  provider: CliProvider,
  input: CreateSessionInput,
  { mock, environment, args }: { mock: boolean; environment: HostEnvironment | undefined; args: readonly string[] },
): Promise<HostedSession> {
  const env = environment === undefined ? {} : { environment };
  // Refuse bad input before anything else — before asking for keys or spawning Prism. Validation
  // is local, so a client with the mock's dummy keys pointed at an unused loopback address does it.
  sessionsFor(provider, { kind: "mock", baseUrl: "http://127.0.0.1:9" }).validate(input);
  return onTarget(provider, { mock, args, signal: input.signal }, (target) =>
    create(provider, sessionsFor(provider, { ...target, ...env }), input),
  );
}

/**
 * Runs `task` against the provider's real API (its keys checked first) or, with `mock`, against a
 * Prism mock of its spec that is always stopped afterwards: after success, provider errors and
 * interrupts. `subcommand` is what the install hint repeats when the mock package is missing.
 */
export async function onTarget<T>(
  provider: CliProvider,
  {
    mock,
    args,
    signal,
    subcommand,
  }: {
    mock: boolean;
    args: readonly string[];
    signal?: AbortSignal | undefined;
    subcommand?: readonly string[] | undefined;
    environment?: HostEnvironment | undefined;
  },
  task: (target: ClientTarget) => Promise<T>,
): Promise<T> {
  if (!mock) {
    requireApiKeys(provider);
    return task({ kind: "live" });
  }
  const { startMock } = await loadTesting(args, subcommand);
  let server: MockServer | undefined;
  try {
    server = await startMock(mockSpecPath(provider), { readyTimeoutMs: MOCK_READY_TIMEOUT_MS });
    signal?.throwIfAborted();
    return await task({ kind: "mock", baseUrl: server.baseUrl });
  } finally {
    await server?.stop();
  }
}

/**
 * @verifetch/testing (Prism and its ~180 packages) is an optional peer dependency: only `--mock`
 * needs it, so it is installed by those who ask for it. Without it, say how to get it — the same
 * command, with the package alongside.
 */
async function loadTesting(
  args: readonly string[],
  subcommand: readonly string[] = ["session", "create"],
): Promise<typeof import("@verifetch/testing")> {
  try {
    return await import("@verifetch/testing");
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== "ERR_MODULE_NOT_FOUND" || !String(error).includes("'@verifetch/testing'")) throw error;
    const command = ["npx", "-p", "@verifetch/cli", "-p", "@verifetch/testing", "verifetch", ...subcommand];
    throw new CliError(
      "MockUnavailableError",
      `--mock needs @verifetch/testing (the Prism mock server), which is not installed next to @verifetch/cli; run: ${[...command, ...args].map(shellQuote).join(" ")} (or install @verifetch/testing where @verifetch/cli is installed)`,
    );
  }
}

/** The CLI takes keys only from the environment: say which variables are missing, in CLI terms. */
function requireApiKeys(provider: CliProvider): void {
  const missing = provider.envVars.filter((envVar) => envVar.purpose === "api-key" && !isEnvSet(envVar.name));
  if (missing.length === 0) return;
  const names = missing.map((envVar) => envVar.name).join(" and ");
  throw new CliError(
    "ConfigurationError",
    `${names} ${missing.length > 1 ? "are" : "is"} not set: ${provider.name} reads its API key from the environment (or add --mock to use a local mock)`,
  );
}

async function create(
  provider: CliProvider,
  sessions: AnySessionProvider,
  input: CreateSessionInput,
): Promise<HostedSession> {
  const verifetch = createVerifetch({ providers: { [provider.name]: sessions } });
  // The CLI builds its input from flags: the adapter validates it whatever its static type.
  return verifetch.createSession(provider.name, input as Parameters<typeof verifetch.createSession>[1]);
}

/**
 * Runs `task` with an AbortSignal that SIGINT/SIGTERM abort, so the request is cancelled and the
 * mock stopped (by `task`'s own cleanup) before the command exits with InterruptedError. A second
 * signal exits at once; the mock's own exit hook still kills Prism then.
 */
export async function withInterrupts<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(130);
    received = signal;
    controller.abort(new InterruptedError(signal));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await task(controller.signal);
  } catch (error) {
    // Whatever the interrupt caused (an AbortError, Prism killed by the terminal's Ctrl-C), report the interrupt.
    if (received) throw new InterruptedError(received);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function describeSession(session: HostedSession, mock: boolean): string {
  const expires = session.expiresAt ? session.expiresAt.toISOString() : "not known (the provider does not say)";
  const sandbox = session.sandbox === null ? "not known (the provider does not say)" : session.sandbox ? "yes" : "no";
  const rows: [string, string][] = [
    ["provider", `${session.provider}${mock ? " (mock)" : ""}`],
    ["id", session.id],
    ["status", session.status],
    ["expires", expires],
    ["sandbox", sandbox],
  ];
  return `${session.url}\n\n${rows.map(([label, value]) => `  ${label.padEnd(9)} ${value}`).join("\n")}\n`;
}
