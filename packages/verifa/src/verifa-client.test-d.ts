import { isApiError } from "@verifetch/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CreateSessionResponse,
  createVerifa,
  type Session,
  type SessionResult,
  type SessionStatus,
  type VerifaErrorBody,
  verifaApiClient,
} from "./index.ts";

const verifa = createVerifa({ apiKey: "vk_sandbox_x" });

describe("@verifetch/verifa types", () => {
  it("returns typed data", () => {
    expectTypeOf(verifa.createSession).returns.resolves.toEqualTypeOf<CreateSessionResponse>();
    expectTypeOf(verifa.getSession).returns.resolves.toEqualTypeOf<Session>();
    expectTypeOf(verifa.getSessionResult).returns.resolves.toEqualTypeOf<SessionResult>();
    // Verifa's reference marks no response field required, and its guides' examples omit some.
    expectTypeOf<CreateSessionResponse["capture_url"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CreateSessionResponse["external_ref"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<"pending">().toExtend<SessionStatus>();
    expectTypeOf(verifa.environment).toEqualTypeOf<"sandbox" | "live">();
  });

  it("accepts an empty body and rejects unknown or mistyped fields", () => {
    verifa.createSession();
    verifa.createSession({ external_ref: "u", country: "GB" });
    // @ts-expect-error request bodies are snake_case: externalRef is not a field
    verifa.createSession({ externalRef: "u" });
    // @ts-expect-error checks is a list of strings
    verifa.createSession({ checks: "document" });
  });

  it("types verifaApiClient's data and provider error body", async () => {
    const result = await verifaApiClient(verifa).GET("/api/v1/sessions/{session_id}", {
      params: { path: { session_id: "s" } },
    });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<VerifaErrorBody>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<Session>();
    }
    // @ts-expect-error the spec has no such path
    verifaApiClient(verifa).GET("/api/v1/sessions");
  });

  it("types the provider error body", () => {
    expectTypeOf<VerifaErrorBody>().toEqualTypeOf<{ error: string; detail: string; status_code: number }>();
  });
  it('isApiError(error, "verifa") types the body as the spec error body (or raw text, or nothing)', () => {
    const error: unknown = new Error("x");
    if (isApiError(error, "verifa")) {
      expectTypeOf(error.body).toEqualTypeOf<VerifaErrorBody | string | undefined>();
      expectTypeOf(error.provider).toEqualTypeOf<"verifa">();
    }
  });
  it("accepts possibly-undefined options (exactOptionalPropertyTypes is on in this workspace)", () => {
    const env: Record<string, string | undefined> = {};
    createVerifa({
      apiKey: env.VERIFA_API_KEY,
      baseUrl: env.VERIFA_BASE_URL,
      webhookSecret: env.SECRET,
      maxRetries: undefined,
    });
    verifa.getSession("s", { signal: undefined, timeoutMs: undefined, idempotencyKey: undefined });
  });
});
