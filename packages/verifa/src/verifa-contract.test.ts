// Contract tests: the client against a Prism mock built from specs/verifa.yaml.
import { type ApiError, AuthenticationError, type RateLimitError, UnprocessableEntityError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import {
  coversEveryOperation,
  declaredErrorCases,
  type OperationCall,
  SUCCESS,
} from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { type CreateSessionRequest, createVerifa } from "./index.ts";

const baseUrl = mockBaseUrl("verifa");
const verifa = createVerifa({ apiKey: "vk_sandbox_contract", baseUrl });

const calls = {
  createSession: (call) => verifa.createSession({ external_ref: "user_1" }, call),
  getSession: (call) => verifa.getSession("session_abc123", call),
  expireSession: (call) => verifa.expireSession("session_abc123", call),
  getSessionResult: (call) => verifa.getSessionResult("session_abc123", call),
} satisfies Record<string, OperationCall>;

describe("Verifa contract (Prism)", () => {
  it("createSession returns a sandbox session with a capture URL (headers pass the spec's validation)", async () => {
    const session = await verifa.createSession({
      external_ref: "user_abc123",
      country: "US",
      workflow_id: "workflow_custom_kyc",
      metadata: { plan: "premium" },
      redirect_url: "https://your-app.com/verify/complete",
      checks: ["document", "selfie"],
    });
    expect(session).toMatchObject({ id: "session_abc123", status: "pending", is_sandbox: true });
    expect(session.capture_url).toMatch(/^https:\/\/app\.withverifa\.com\/verify\//);
  });

  it("getSession, expireSession and getSessionResult return their documented shapes", async () => {
    expect((await calls.getSession(SUCCESS)) as object).toMatchObject({ id: "session_abc123" });
    expect((await calls.expireSession(SUCCESS)) as object).toMatchObject({ id: "session_abc123", status: "expired" });
    expect((await calls.getSessionResult(SUCCESS)) as object).toMatchObject({ session_id: "session_abc123" });
  });

  coversEveryOperation("verifa", calls);
  declaredErrorCases("verifa", calls, (body, status) => {
    expect(body).toEqual({ error: expect.any(String), detail: expect.any(String), status_code: status });
  });

  it("a 429 carries the documented Retry-After and rate-limit headers", async () => {
    const error = (await calls
      .createSession({ headers: { Prefer: "code=429" }, maxRetries: 0 })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.headers.get("Retry-After")).toBe("12");
    expect(error.retryAfterMs).toBe(12_000);
    expect(error.headers.get("X-RateLimit-Reset")).toBe("1738368012");
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createVerifa({
      apiKey: "vk_sandbox_contract",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("X-API-Key");
        return fetch(request);
      },
    });
    await expect(anonymous.createSession()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("an invalid request (3-letter country, unknown field) is rejected by the spec", async () => {
    const invalid = { country: "USA", externalRef: "camelCase" } as unknown as CreateSessionRequest;
    const error = (await verifa.createSession(invalid).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.headers.get("sl-violations")).toContain("country");
  });
});
