import { UsageError } from "./cli-errors.ts";
import { providersHelp } from "./cli-help.ts";
import { parseCommandArgs } from "./cli-parse.ts";
import { isEnvSet, loadProviders } from "./cli-providers.ts";

const PURPOSE = { "api-key": "API key", "webhook-secret": "webhook secret", credential: "credential" } as const;

/**
 * `verifetch providers`: returns the exit code. Prints whether variables are set, never their
 * values. Loads every provider package: what each reads is in its descriptor.
 */
export async function providersList(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("providers", args, {
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(providersHelp());
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`providers takes no arguments; unexpected ${JSON.stringify(positionals[0])}`);

  const rows = (await loadProviders()).map((provider) => {
    const env = provider.envVars.map((envVar) => ({ ...envVar, set: isEnvSet(envVar.name) }));
    const live = env.filter((envVar) => envVar.purpose === "api-key").every((envVar) => envVar.set);
    return {
      provider: provider.name,
      title: provider.title,
      package: provider.packageName,
      live,
      env,
      ...(provider.note !== undefined && { note: provider.note }),
    };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }

  const lines = [["PROVIDER", "ENVIRONMENT VARIABLE", "PURPOSE", "SET"]];
  for (const row of rows) {
    for (const [index, envVar] of row.env.entries()) {
      lines.push([index === 0 ? row.provider : "", envVar.name, PURPOSE[envVar.purpose], envVar.set ? "yes" : "no"]);
    }
  }
  const widths = lines[0]?.map((_, column) => Math.max(...lines.map((line) => line[column]?.length ?? 0))) ?? [];
  const table = lines.map((line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  const live = rows.filter((row) => row.live).map((row) => row.provider);
  const notes = rows.flatMap((row) => (row.note ? [`${row.provider}: ${row.note}.`] : []));
  process.stdout.write(
    `${table.join("\n")}\n\n` +
      notes.map((note) => `${note}\n`).join("") +
      `Sessions are created for real with: ${live.length > 0 ? live.join(", ") : "none (no API keys set)"}.\n` +
      "Any provider works against a local mock with --mock (needs @verifetch/testing).\n",
  );
  return 0;
}
