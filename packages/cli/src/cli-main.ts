import { errorJson, errorLine, exitCodeFor, UsageError } from "./cli-errors.ts";
import { mainHelp, sessionHelp, webhookHelp } from "./cli-help.ts";
import { providersList } from "./cli-providers-list.ts";
import { sessionCreate } from "./cli-session-create.ts";
import { sessionGet } from "./cli-session-get.ts";
import { webhookVerify } from "./cli-webhook-verify.ts";
import { VERSION } from "./version.ts";

const HELP = new Set(["-h", "--help"]);

/**
 * Runs the command line `args` (without `node` and the script) and returns the exit code: 0 on
 * success, 2 for a usage error, 1 for any other failure, 130 when interrupted. A failure is one
 * line on stderr — as JSON when `--json` was asked for.
 */
export async function main(args: readonly string[]): Promise<number> {
  try {
    return await dispatch(args);
  } catch (error) {
    if (wantsJson(args)) process.stderr.write(`${errorJson(error)}\n`);
    else if (error instanceof UsageError && error.usage !== undefined) process.stderr.write(error.usage);
    else process.stderr.write(`${errorLine(error)}\n`);
    return exitCodeFor(error);
  }
}

/** Whether `--json` is among the flags (before a `--`), even when the rest of the line is wrong. */
function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}

async function dispatch(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError("a command is required (see verifetch --help)", mainHelp());
  if (HELP.has(command) || command === "help") {
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
    if (subcommand === undefined) {
      throw new UsageError("session needs a command: create or get (see verifetch session --help)", sessionHelp());
    }
    if (HELP.has(subcommand)) {
      process.stdout.write(sessionHelp());
      return 0;
    }
    if (subcommand === "create") return sessionCreate(options);
    if (subcommand === "get") return sessionGet(options);
    throw new UsageError(`unknown command "session ${subcommand}" (see verifetch session --help)`);
  }
  if (command === "webhook") {
    const [subcommand, ...options] = rest;
    if (subcommand === undefined) {
      throw new UsageError("webhook needs a command: verify (see verifetch webhook --help)", webhookHelp());
    }
    if (HELP.has(subcommand)) {
      process.stdout.write(webhookHelp());
      return 0;
    }
    if (subcommand === "verify") return webhookVerify(options);
    throw new UsageError(`unknown command "webhook ${subcommand}" (see verifetch webhook --help)`);
  }
  const what = command.startsWith("-") ? "option" : "command";
  throw new UsageError(`unknown ${what} ${JSON.stringify(command)} (see verifetch --help)`);
}
