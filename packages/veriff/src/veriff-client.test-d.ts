import { type ApiError, type HostedSession, isApiError, type WebhookEvent } from "@verifetch/core";
import type { SessionProvider, SessionProviderOptions, SessionProviderRaw } from "@verifetch/core/session";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CreateSessionRequest,
  createVeriff,
  type Decision,
  type DecisionResponse,
  type Session,
  type SessionResponse,
  type UpdateSessionRequest,
  type VERIFF_SESSION_TTL_MS,
  type Veriff,
  type VeriffErrorBody,
  type VeriffSessionOptions,
  type VeriffSessions,
  type VeriffWebhookPayload,
  veriffApiClient,
  veriffSessions,
  veriffWebhooks,
} from "./index.ts";

const veriff = createVeriff({ apiKey: "k", sharedSecret: "s" });

describe("@verifetch/veriff types", () => {
  it("returns typed data from the convenience methods", () => {
    expectTypeOf(createVeriff).returns.toEqualTypeOf<Veriff>();
    expectTypeOf(veriff.createSession).returns.resolves.toEqualTypeOf<SessionResponse>();
    expectTypeOf(veriff.updateSession).returns.resolves.toEqualTypeOf<SessionResponse>();
    // Veriff marks no response field required ("fields may be null, empty, or omitted").
    expectTypeOf<SessionResponse["verification"]>().toEqualTypeOf<Session | undefined>();
    expectTypeOf<Session["sessionToken"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(veriff.getDecision).returns.resolves.toEqualTypeOf<DecisionResponse>();
    expectTypeOf<DecisionResponse["verification"]>().toEqualTypeOf<Decision | null | undefined>();
    expectTypeOf<Decision["status"]>().toEqualTypeOf<
      "approved" | "declined" | "resubmission_requested" | "expired" | "abandoned" | "review" | undefined
    >();
    // The decision-codes table sends reasonCode "in verification.reasonCode string".
    expectTypeOf<Decision["reasonCode"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<typeof VERIFF_SESSION_TTL_MS>().toEqualTypeOf<604_800_000>();
  });

  it("has no guessed environment", () => {
    // @ts-expect-error test vs live is a property of the integration, not of the key or host
    veriff.environment;
    // @ts-expect-error no environment option either
    createVeriff({ apiKey: "k", environment: "live" });
  });

  it("accepts only the documented update", () => {
    expectTypeOf({ verification: { status: "submitted" as const } }).toExtend<UpdateSessionRequest>();
    // @ts-expect-error the only documented update is status "submitted"
    veriff.updateSession("s", { verification: { status: "approved" } });
    // @ts-expect-error the session id comes first
    veriff.updateSession({ verification: { status: "submitted" } });
  });

  it("rejects wrong create bodies", () => {
    expectTypeOf({ verification: {} }).toExtend<CreateSessionRequest>();
    // @ts-expect-error verification is required
    veriff.createSession({});
    // @ts-expect-error consents[].approved is a boolean
    veriff.createSession({ verification: { consents: [{ type: "ine", approved: "yes" }] } });
  });

  it("types the raw client's data and provider error body", async () => {
    const result = await veriffApiClient(veriff).PATCH("/v1/sessions/{sessionId}", {
      params: { path: { sessionId: "s" } },
      body: { verification: { status: "submitted" } },
    });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<VeriffErrorBody>();
      // Veriff's reference cuts the type off ("str…") and a third-party spec says integer: both are typed.
      expectTypeOf(result.error.code).toEqualTypeOf<string | number | undefined>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<SessionResponse>();
    }
    // @ts-expect-error DELETE is not modelled (not enabled by default)
    veriffApiClient(veriff).DELETE("/v1/sessions/{sessionId}", { params: { path: { sessionId: "s" } } });
  });

  it("exposes the parsed provider body on ApiError", () => {
    expectTypeOf<ApiError<VeriffErrorBody>["body"]["status"]>().toEqualTypeOf<"fail" | undefined>();
  });

  it("exposes a typed facade adapter", () => {
    expectTypeOf(veriffSessions(veriff)).toEqualTypeOf<VeriffSessions>();
    expectTypeOf(veriffSessions(veriff)).toExtend<SessionProvider<"veriff", VeriffSessionOptions, SessionResponse>>();
    expectTypeOf<SessionProviderOptions<VeriffSessions>>().toEqualTypeOf<VeriffSessionOptions>();
    expectTypeOf<SessionProviderRaw<VeriffSessions>>().toEqualTypeOf<SessionResponse>();
    expectTypeOf(veriffSessions(veriff).createSession).returns.resolves.toEqualTypeOf<
      HostedSession<"veriff", SessionResponse>
    >();
    expectTypeOf(veriffWebhooks(veriff).verifyWebhook).returns.resolves.toEqualTypeOf<
      WebhookEvent<"veriff", VeriffWebhookPayload>
    >();
    veriffSessions(veriff).validate({
      reference: "u",
      providerOptions: {
        veriff: {
          document: { type: "PASSPORT", number: "AB1", country: "EE" },
          endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
          consents: [{ type: "ine", approved: true }],
          address: { fullAddress: "1 Example St" },
        },
      },
    });
    const notBoolean = { consents: [{ type: "ine", approved: "yes" }] };
    // @ts-expect-error consents[].approved is a boolean
    veriffSessions(veriff).validate({ reference: "u", providerOptions: { veriff: notBoolean } });
    // @ts-expect-error options are keyed by provider: verifa's options are not Veriff's
    veriffSessions(veriff).validate({ reference: "u", providerOptions: { verifa: { workflowId: "w" } } });
    // @ts-expect-error address is { fullAddress }
    veriffSessions(veriff).validate({ reference: "u", providerOptions: { veriff: { address: "1 Example St" } } });
  });
  it('isApiError(error, "veriff") types the body as the spec error body (or raw text, or nothing)', () => {
    const error: unknown = new Error("x");
    if (isApiError(error, "veriff")) {
      expectTypeOf(error.body).toEqualTypeOf<VeriffErrorBody | string | undefined>();
      expectTypeOf(error.provider).toEqualTypeOf<"veriff">();
    }
  });
});
