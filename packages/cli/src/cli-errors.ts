/** An error the CLI raises itself; `name` is what the one-line message starts with. */
export class CliError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Bad command-line input: an unknown command or flag, a missing or malformed value. */
export class UsageError extends CliError {
  constructor(message: string) {
    super("UsageError", message);
  }
}

/** The command was stopped by SIGINT/SIGTERM. */
export class InterruptedError extends CliError {
  readonly signal: NodeJS.Signals;

  constructor(signal: NodeJS.Signals) {
    super("InterruptedError", `stopped by ${signal}`);
    this.signal = signal;
  }
}

/**
 * The one line printed for a failure: the error's class name and the first line of its message —
 * never a stack trace. Messages come from verifetch's errors, which never contain secrets.
 */
export function errorLine(error: unknown): string {
  const name = error instanceof Error && error.name ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split(/\r?\n/, 1)[0]?.trim() || "(no message)";
  return `${name}: ${firstLine}`;
}
