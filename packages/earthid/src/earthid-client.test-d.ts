import { type ApiError, type HostedSession, isApiError, type WebhookEvent } from "@verifetch/core";
import type { SessionProvider, SessionProviderOptions, SessionProviderRaw } from "@verifetch/core/session";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CreateSessionRequest,
  createEarthId,
  type Decision,
  type DecisionResponse,
  type EARTHID_SESSION_TTL_MS,
  type EarthId,
  type EarthIdErrorBody,
  type EarthIdSessionOptions,
  type EarthIdSessions,
  type EarthIdWebhookPayload,
  earthIdApiClient,
  earthIdSessions,
  earthIdWebhooks,
  type Session,
  type SessionResponse,
  type VeriffDecisionWebhookPayload,
} from "./index.ts";

const earthid = createEarthId({ apiKey: "k" });

describe("@verifetch/earthid types", () => {
  it("returns typed data from the convenience methods", () => {
    expectTypeOf(createEarthId).returns.toEqualTypeOf<EarthId>();
    expectTypeOf(earthid.createSession).returns.resolves.toEqualTypeOf<SessionResponse>();
    // Veriff (whose shapes EarthID mirrors) marks no response field required.
    expectTypeOf<SessionResponse["verification"]>().toEqualTypeOf<Session | undefined>();
    expectTypeOf<Session["url"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Session["vendorData"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf(earthid.getDecision).returns.resolves.toEqualTypeOf<DecisionResponse>();
    expectTypeOf<DecisionResponse["verification"]>().toEqualTypeOf<Decision | null | undefined>();
    expectTypeOf<Decision["code"]>().toEqualTypeOf<9001 | 9102 | 9103 | 9104 | 9121 | undefined>();
    expectTypeOf<typeof EARTHID_SESSION_TTL_MS>().toEqualTypeOf<604_800_000>();
  });

  it("has no guessed environment", () => {
    // @ts-expect-error EarthID documents no sandbox host or key prefixes, so there is no environment
    earthid.environment;
    // @ts-expect-error no environment option either
    createEarthId({ apiKey: "k", environment: "sandbox" });
  });

  it("accepts the documented request shapes and rejects wrong ones", () => {
    expectTypeOf({ verification: {} }).toExtend<CreateSessionRequest>();
    expectTypeOf({
      verification: { callback: "https://a.example", person: { firstName: "J" }, vendorData: "u" },
    }).toExtend<CreateSessionRequest>();
    // @ts-expect-error verification is required
    earthid.createSession({});
    // @ts-expect-error maritalStatus is an enum
    earthid.createSession({ verification: { person: { maritalStatus: "complicated" } } });
    // @ts-expect-error unknown fields are refused (additionalProperties: false)
    earthid.createSession({ verification: { nickname: "J" } });
    // @ts-expect-error the session id is a string
    earthid.getDecision(42);
  });

  it("types earthIdApiClient's data and provider error body", async () => {
    const result = await earthIdApiClient(earthid).GET("/earthid/api/{sessionId}/decision", {
      params: { path: { sessionId: "s" } },
    });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<EarthIdErrorBody>();
      expectTypeOf(result.error.status).toEqualTypeOf<"fail" | undefined>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<DecisionResponse>();
    }
    // @ts-expect-error the spec has no such path
    earthIdApiClient(earthid).GET("/earthid/api/sessions");
  });

  it("exposes the parsed provider body on ApiError", () => {
    expectTypeOf<ApiError<EarthIdErrorBody>["body"]["message"]>().toEqualTypeOf<string | undefined>();
  });

  it("exposes a typed facade adapter", () => {
    expectTypeOf(earthIdSessions(earthid)).toEqualTypeOf<EarthIdSessions>();
    expectTypeOf(earthIdSessions(earthid)).toExtend<
      SessionProvider<"earthid", EarthIdSessionOptions, SessionResponse>
    >();
    expectTypeOf<SessionProviderOptions<EarthIdSessions>>().toEqualTypeOf<EarthIdSessionOptions>();
    expectTypeOf<SessionProviderRaw<EarthIdSessions>>().toEqualTypeOf<SessionResponse>();
    expectTypeOf(earthIdSessions(earthid).createSession).returns.resolves.toEqualTypeOf<
      HostedSession<"earthid", SessionResponse>
    >();
    expectTypeOf(earthIdWebhooks(earthid).verifyWebhook).returns.resolves.toEqualTypeOf<
      WebhookEvent<"earthid", EarthIdWebhookPayload>
    >();
    expectTypeOf<VeriffDecisionWebhookPayload["verification"]>().toEqualTypeOf<Decision>();
    earthIdSessions(earthid).validate({
      reference: "u",
      providerOptions: {
        earthid: {
          document: { type: "PASSPORT", number: "AB1", country: "EE" },
          endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
          consents: [{ type: "ine", approved: true }],
          address: { fullAddress: "1 Example St" },
        },
      },
    });
    const notBoolean = { consents: [{ type: "ine", approved: "yes" }] };
    // @ts-expect-error consents[].approved is a boolean
    earthIdSessions(earthid).validate({ reference: "u", providerOptions: { earthid: notBoolean } });
    // @ts-expect-error options are keyed by provider: Veriff's key is not EarthID's
    earthIdSessions(earthid).validate({ reference: "u", providerOptions: { veriff: { endUserId: "x" } } });
    // @ts-expect-error address is { fullAddress }
    earthIdSessions(earthid).validate({ reference: "u", providerOptions: { earthid: { address: "1 Example St" } } });
  });
  it('isApiError(error, "earthid") types the body as the spec error body (or raw text, or nothing)', () => {
    const error: unknown = new Error("x");
    if (isApiError(error, "earthid")) {
      expectTypeOf(error.body).toEqualTypeOf<EarthIdErrorBody | string | undefined>();
      expectTypeOf(error.provider).toEqualTypeOf<"earthid">();
    }
  });
});
