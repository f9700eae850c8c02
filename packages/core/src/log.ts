// Logging is opt-in and lives outside the transport: a client that logs nothing carries no logging
// code. `logResponses` turns the transport's `onResponse` hook into log lines.
import type { ResponseEvent } from "./transport-types.ts";

/** Log levels, from silent to most verbose. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console-like level methods (console, pino, winston…). */
export interface Logger {
  error(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  debug(message: string, data?: Record<string, unknown>): void;
}

const LEVELS: LogLevel[] = ["off", "error", "warn", "info", "debug"];

/**
 * An `onResponse` hook that logs each attempt's outcome up to `level` (default `"warn"`): a retry at
 * `info` (`verifa POST /api/v1/sessions: 503; retrying`), a final error status at `warn`. Lines
 * carry the event (method, path, attempt, status, idempotency key), never credentials or bodies.
 * `createVerifa({ onResponse: logResponses(console, "info") })`.
 */
export function logResponses(logger: Logger = console, level: LogLevel = "warn"): (event: ResponseEvent) => void {
  const max = LEVELS.indexOf(level);
  return (event) => {
    const { provider, method, path, status, error } = event;
    const at = event.willRetry ? "info" : status === undefined || status < 400 ? undefined : "warn";
    if (at && LEVELS.indexOf(at) <= max) {
      logger[at](`${provider} ${method} ${path}: ${error ?? status}${event.willRetry ? "; retrying" : ""}`, {
        ...event,
      });
    }
  };
}
