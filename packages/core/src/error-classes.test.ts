import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConnectionError,
  InternalServerError,
  isApiError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  VerifetchError,
} from "./error-classes.ts";

const init = (status: number, body: unknown = { message: "nope" }) => ({
  provider: "acme",
  status,
  body,
  headers: new Headers({ "x-request-id": "req_1" }),
});

describe("error hierarchy", () => {
  it("names every class and keeps instanceof and isInstance in step", () => {
    const error = new BadRequestError(init(400));
    expect(error.name).toBe("BadRequestError");
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(VerifetchError);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(ApiError.isInstance(error)).toBe(true);
    expect(VerifetchError.isInstance(error)).toBe(true);
    expect(NotFoundError.isInstance(error)).toBe(false);
    expect(ConnectionError.isInstance(error)).toBe(false);
    expect(VerifetchError.isInstance(new Error("plain"))).toBe(false);
    expect(VerifetchError.isInstance(null)).toBe(false);
  });

  it("recognises errors from a second copy of the module (duplicate installs)", async () => {
    // A query string makes the module runner load a second, independent copy of the module.
    const secondCopy = "./error-classes.ts?duplicate-install";
    const copy = (await import(/* @vite-ignore */ secondCopy)) as typeof import("./error-classes.ts");
    expect(copy.BadRequestError).not.toBe(BadRequestError);
    const foreign = new copy.BadRequestError(init(400));
    expect(foreign instanceof BadRequestError).toBe(false);
    expect(BadRequestError.isInstance(foreign)).toBe(true);
    expect(ApiError.isInstance(foreign)).toBe(true);
    expect(AuthenticationError.isInstance(foreign)).toBe(false);
  });

  it("isApiError tells an ApiError of the named provider from anything else", () => {
    const error = new NotFoundError({ provider: "acme", status: 404, body: { code: "x" }, headers: new Headers() });
    expect(isApiError(error, "acme")).toBe(true);
    expect(isApiError(error, "other")).toBe(false);
    expect(isApiError(new TimeoutError("slow", { provider: "acme" }), "acme")).toBe(false);
    expect(isApiError(new Error("x"), "acme")).toBe(false);
  });

  it("builds the message from the provider body, whatever its shape", () => {
    expect(new ApiError(init(400, { message: "'clientId' is invalid" })).message).toBe(
      "acme responded 400: 'clientId' is invalid",
    );
    expect(new ApiError(init(404, { error: "not_found", detail: "Session not found." })).message).toBe(
      "acme responded 404: Session not found.",
    );
    expect(new ApiError(init(502, "<html>Bad gateway</html>")).message).toBe(
      "acme responded 502: <html>Bad gateway</html>",
    );
    expect(new ApiError(init(500, "")).message).toBe("acme responded 500 with no error message");
  });

  it("marks retryable statuses and connection failures", () => {
    expect(new InternalServerError(init(503)).isRetryable).toBe(true);
    expect(new RateLimitError(init(429)).isRetryable).toBe(true);
    expect(new ApiError(init(408)).isRetryable).toBe(true);
    expect(new BadRequestError(init(400)).isRetryable).toBe(false);
    expect(new TimeoutError("timed out", { provider: "acme" }).isRetryable).toBe(true);
    expect(TimeoutError.isInstance(new TimeoutError("t", { provider: "acme" }))).toBe(true);
    expect(ConnectionError.isInstance(new TimeoutError("t", { provider: "acme" }))).toBe(true);
    expect(new ConfigurationError("missing").isRetryable).toBe(false);
  });

  it("serializes to a plain object with the API fields", () => {
    const error = new RateLimitError({ ...init(429), retryCount: 2, retryAfterMs: 1200 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "RateLimitError",
      message: "acme responded 429: nope",
      isRetryable: true,
      isSafeToRetry: false,
      provider: "acme",
      status: 429,
      body: { message: "nope" },
      retryCount: 2,
      retryAfterMs: 1200,
    });
  });
});
