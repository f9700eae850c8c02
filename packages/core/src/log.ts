/** Log levels, from silent to most verbose. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console-like level methods (console, pino, winston…). */
export interface Logger {
  error(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  debug(message: string, data?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A logger that drops messages above `level`; silent when no logger and no level are given. */
export function leveledLogger(logger: Logger | undefined, level: LogLevel | undefined): Logger {
  const effective = level ?? (logger ? "warn" : "off");
  const sink = logger ?? console;
  const at =
    (name: Exclude<LogLevel, "off">) =>
    (message: string, data?: Record<string, unknown>): void => {
      if (RANK[name] <= RANK[effective]) sink[name](message, data);
    };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
