import { InputValidationError } from "@verifetch/core";
import { NoSuchProviderError } from "verifetch";

/** An error the CLI raises itself; `name` is what the one-line message starts with. */
export class CliError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Bad command-line input: an unknown command or flag, a missing, repeated or malformed value. */
export class UsageError extends CliError {
  /** Printed to stderr instead of the one-line message (when no command was given at all). */
  readonly usage: string | undefined;

  constructor(message: string, usage?: string) {
    super("UsageError", message);
    this.usage = usage;
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

/** Exit status for a usage error (the shell convention: the command line itself is wrong). */
export const EXIT_USAGE = 2;
/** Exit status for a failure while running a well-formed command (a provider error, a missing key, …). */
export const EXIT_FAILURE = 1;
/** Exit status after SIGINT/SIGTERM (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/**
 * 2 when the command line is wrong — unknown command or flag, repeated or missing flag, unknown
 * provider, a flag value the provider's adapter refuses — all found before anything runs; 130 when
 * interrupted; 1 for every other failure.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof InterruptedError) return EXIT_INTERRUPTED;
  if (error instanceof UsageError || NoSuchProviderError.isInstance(error) || InputValidationError.isInstance(error)) {
    return EXIT_USAGE;
  }
  return EXIT_FAILURE;
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

/**
 * The failure as one line of JSON, for `--json`: `{"error":{"name":…,"message":…},"exitCode":n}`.
 * verifetch's errors add the fields of their own secret-free `toJSON` (provider, status, body, …).
 */
export function errorJson(error: unknown): string {
  const own = hasToJSON(error) ? error.toJSON() : {};
  const described =
    error instanceof Error
      ? { name: error.name || "Error", message: error.message }
      : { name: "Error", message: String(error) };
  return JSON.stringify({ error: { ...own, ...described }, exitCode: exitCodeFor(error) });
}

function hasToJSON(error: unknown): error is { toJSON(): Record<string, unknown> } {
  return typeof error === "object" && error !== null && typeof (error as { toJSON?: unknown }).toJSON === "function";
}
