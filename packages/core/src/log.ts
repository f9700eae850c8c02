/** Log levels, from silent to most verbose. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console-like level methods (console, pino, winston…). */
export interface Logger {
  error(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  debug(message: string, data?: Record<string, unknown>): void;
}

/** Writes one log line at a level (dropped when above the configured level). */
export type Log = (level: Exclude<LogLevel, "off">, message: string, data?: Record<string, unknown>) => void;

const LEVELS: LogLevel[] = ["off", "error", "warn", "info", "debug"];

/** A log function that drops lines above `level`; silent when no logger and no level are given. */
export function leveledLog(logger: Logger | undefined, level: LogLevel | undefined): Log {
  const max = LEVELS.indexOf(level ?? (logger ? "warn" : "off"));
  return (at, message, data) => {
    if (LEVELS.indexOf(at) <= max) (logger ?? console)[at](message, data);
  };
}
