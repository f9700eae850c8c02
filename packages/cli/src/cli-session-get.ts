// `verifetch session get <provider> <id>`: reads a session's outcome back with the operation its
// spec documents for it (the package's result adapter), against the real API or a mock.
import type { parseArgs } from "node:util";
import type { SessionOutcome } from "@verifetch/core";
import type { ResultProvider } from "@verifetch/core/session";
import { NoSuchProviderError } from "verifetch";
import { CliError, UsageError } from "./cli-errors.ts";
import { sessionGetHelp } from "./cli-help.ts";
import { parseCommandArgs } from "./cli-parse.ts";
import { type CliProvider, clientFor, findProvider, loadProviders, PROVIDER_NAMES } from "./cli-providers.ts";
import { hostEnvironment, onTarget, withInterrupts } from "./cli-session-create.ts";

const OPTIONS = {
  environment: { type: "string" },
  mock: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** `verifetch session get <provider> <id>`: returns the exit code. */
export async function sessionGet(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("session get", args, OPTIONS);
  if (values.help) {
    process.stdout.write(sessionGetHelp(await loadProviders()));
    return 0;
  }
  const [name, id, ...extra] = positionals;
  const known = [...PROVIDER_NAMES];
  if (name === undefined) {
    throw new UsageError(
      `session get needs a provider and an id: ${known.join(", ")} (see verifetch session get --help)`,
    );
  }
  if (id === undefined || id.trim() === "") {
    throw new UsageError(
      "session get needs the session id, as session create printed it (see verifetch session get --help)",
    );
  }
  if (extra.length > 0)
    throw new UsageError(`session get takes a provider and an id; unexpected ${JSON.stringify(extra[0])}`);
  const provider = await findProvider(name);
  if (!provider) throw new NoSuchProviderError(name, known);
  const { readOperation } = provider.entry;
  if (readOperation === null) {
    throw new CliError(
      "NoSessionReadError",
      `${provider.title} documents no operation that reads a session back (its spec lists none in x-verifetch-session.outcome); learn the outcome from its webhooks`,
    );
  }
  const environment = await hostEnvironment(provider, values.environment);
  const mock = values.mock === true;
  const read = await withInterrupts((signal) =>
    onTarget(provider, { mock, args, signal, subcommand: ["session", "get"] }, (target) => {
      const client = clientFor(provider, { ...target, ...(environment && { environment }) });
      return (provider.module.createResults(client) as ResultProvider).getOutcome(id, { signal });
    }),
  );
  const { outcome, terminal, status, reasons, raw: result } = read;
  const answer = { provider: provider.name, id, operation: readOperation, outcome, terminal, status, reasons, result };
  process.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : describeRead(provider, read, mock));
  return 0;
}

/** `<title> <operation>(<id>)`, the outcome and its reasons, and the provider's answer as indented JSON. */
function describeRead(provider: CliProvider, read: SessionOutcome, mock: boolean): string {
  const { sessionId, outcome, terminal, status, reasons, raw } = read;
  return [
    `${provider.title} ${provider.entry.readOperation}(${sessionId})${mock ? " (mock)" : ""}`,
    `outcome: ${outcome}${terminal ? " (final)" : ""}, status ${status === null ? "none yet" : JSON.stringify(status)}`,
    ...reasons.map((reason) => `reason: ${[reason.code, reason.text].filter((part) => part !== null).join(" ")}`),
    JSON.stringify(raw, null, 2),
    "",
  ].join("\n");
}
