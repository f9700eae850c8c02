import { errorLine, InterruptedError, UsageError } from "./cli-errors.ts";
import { mainHelp, sessionHelp } from "./cli-help.ts";
import { providersList } from "./cli-providers-list.ts";
import { sessionCreate } from "./cli-session-create.ts";
import { VERSION } from "./version.ts";

const HELP = new Set(["-h", "--help"]);

/** Runs the command line `args` (without `node` and the script) and returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  try {
    return await dispatch(args);
  } catch (error) {
    process.stderr.write(`${errorLine(error)}\n`);
    return error instanceof InterruptedError ? 130 : 1;
  }
}

async function dispatch(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || HELP.has(command) || command === "help") {
    process.stdout.write(mainHelp());
    return 0;
  }
  if (command === "-v" || command === "--version") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === "providers") return providersList(rest);
  if (command === "session") {
    const [subcommand, ...options] = rest;
    if (subcommand === undefined || HELP.has(subcommand)) {
      process.stdout.write(sessionHelp());
      return 0;
    }
    if (subcommand === "create") return sessionCreate(options);
    throw new UsageError(`unknown command "session ${subcommand}" (see verifetch session --help)`);
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)} (see verifetch --help)`);
}
