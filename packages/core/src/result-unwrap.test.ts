import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./error-classes.ts";
import { unwrap } from "./result-unwrap.ts";

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe("unwrap", () => {
  it("returns data for a 2xx", () => {
    expect(unwrap("acme", { data: { id: 1 }, response: response(200) })).toEqual({ id: 1 });
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [402, ApiError],
  ])("throws the typed error for %i with the parsed body", (status, ErrorClass) => {
    const body = { type: "invalid_request", message: "bad", param: "clientId" };
    let thrown: unknown;
    try {
      unwrap("acme", { error: body, response: response(status, { "x-request-id": "req_42" }) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ErrorClass);
    expect(thrown).toMatchObject({ provider: "acme", status, body, requestId: "req_42" });
  });
});
