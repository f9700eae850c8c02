import { describe, expect, it } from "vitest";
import { type Logger, logResponses } from "./log.ts";
import type { ResponseEvent } from "./transport-types.ts";

const base = { provider: "verifa", method: "POST", path: "/api/v1/sessions", idempotencyKey: undefined };
const attempt = (fields: Partial<ResponseEvent>): ResponseEvent => ({
  ...base,
  attempt: 1,
  status: 200,
  elapsedMs: 5,
  error: undefined,
  willRetry: false,
  ...fields,
});

function recorder() {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  const logger: Logger = { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
  return { lines, logger };
}

describe("logResponses", () => {
  it("logs a retry at info and a final error status at warn, naming the call", () => {
    const { lines, logger } = recorder();
    const log = logResponses(logger, "info");
    log(attempt({ status: 503, willRetry: true }));
    log(attempt({ status: undefined, error: "connection failed (ECONNRESET)", willRetry: true }));
    log(attempt({ status: 422 }));
    log(attempt({ status: 201 }));
    expect(lines).toEqual([
      "info verifa POST /api/v1/sessions: 503; retrying",
      "info verifa POST /api/v1/sessions: connection failed (ECONNRESET); retrying",
      "warn verifa POST /api/v1/sessions: 422",
    ]);
  });

  it("defaults to warn: retries are not logged, final errors are", () => {
    const { lines, logger } = recorder();
    const log = logResponses(logger);
    log(attempt({ status: 503, willRetry: true }));
    log(attempt({ status: 503 }));
    expect(lines).toEqual(["warn verifa POST /api/v1/sessions: 503"]);
  });

  it("logs nothing at off or error", () => {
    const { lines, logger } = recorder();
    for (const level of ["off", "error"] as const) {
      logResponses(logger, level)(attempt({ status: 500 }));
      logResponses(logger, level)(attempt({ status: 500, willRetry: true }));
    }
    expect(lines).toEqual([]);
  });
});
