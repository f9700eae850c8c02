import { createHmac } from "node:crypto";
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createVeriff, veriffAdapterDescriptor, veriffSessions } from "./index.ts";

const apiKey = "0b6d7f3e-1111-4222-8333-944455556666";
const sharedSecret = "4f0b1b2c-aaaa-4bbb-8ccc-dddddddddddd";
const sessionId = "12df6045-3846-3e45-946a-14fa6136d78b";
const now = Date.parse("2026-02-01T12:00:00Z");

const created = {
  status: "success",
  verification: {
    id: sessionId,
    url: "https://alchemy.veriff.com/v/eyJ",
    vendorData: "user_1",
    host: "https://alchemy.veriff.com",
    status: "created",
    sessionToken: "eyJ",
  },
};

function fakeFetch() {
  return vi.fn(async (_request: Request) => Response.json(created, { status: 201 }));
}

describe("veriffSessions(veriff) (facade adapter)", () => {
  beforeEach(() => {
    vi.stubEnv("VERIFF_API_KEY", "");
    vi.stubEnv("VERIFF_SHARED_SECRET", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("maps the unified input to Veriff's verification object and the response to a HostedSession", async () => {
    const fetch = fakeFetch();
    const veriff = createVeriff({ apiKey, fetch, clock: { now: () => now } });
    const session = await veriffSessions(veriff).createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/done",
      country: "GB",
      metadata: { plan: "pro" },
      person: {
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@example.com",
        phone: "+441234567890",
        dateOfBirth: "1815-12-10",
      },
      providerOptions: {
        veriff: {
          document: { type: "PASSPORT", number: "AB1234567" },
          endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
          consents: [{ type: "ine", approved: true }],
          address: { fullAddress: "1 Example Street, London" },
        },
      },
    });
    expect(session).toEqual({
      provider: "veriff",
      id: sessionId,
      url: "https://alchemy.veriff.com/v/eyJ",
      expiresAt: new Date("2026-02-08T12:00:00Z"),
      sandbox: null,
      status: "created",
      raw: created,
      unsentFields: [{ field: "metadata", reason: "Veriff takes no metadata" }],
    });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://stationapi.veriff.com/v1/sessions");
    // metadata is not sent: Veriff has no such field.
    expect(await request?.json()).toEqual({
      verification: {
        vendorData: "user_1",
        callback: "https://app.example/done",
        person: {
          firstName: "Ada",
          lastName: "Lovelace",
          email: "ada@example.com",
          phoneNumber: "+441234567890",
          dateOfBirth: "1815-12-10",
        },
        document: { country: "GB", type: "PASSPORT", number: "AB1234567" },
        address: { fullAddress: "1 Example Street, London" },
        endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
        consents: [{ type: "ine", approved: true }],
      },
    });
  });

  it("sends only the reference for a minimal input", async () => {
    const fetch = fakeFetch();
    await veriffSessions(createVeriff({ apiKey, fetch })).createSession({ reference: "user_1" });
    expect(await fetch.mock.calls[0]?.[0].json()).toEqual({ verification: { vendorData: "user_1" } });
  });

  it("lets providerOptions.veriff.document.country win over the unified country", async () => {
    const fetch = fakeFetch();
    await veriffSessions(createVeriff({ apiKey, fetch })).createSession({
      reference: "user_1",
      country: "GB",
      providerOptions: { veriff: { document: { country: "EE", type: "ID_CARD" } } },
    });
    expect(await fetch.mock.calls[0]?.[0].json()).toEqual({
      verification: { vendorData: "user_1", document: { country: "EE", type: "ID_CARD" } },
    });
  });

  it("takes expiresAt from the 7-day token lifetime measured before the request", async () => {
    let clock = now;
    const fetch = vi.fn(async () => {
      clock += 5_000;
      return Response.json(created, { status: 201 });
    });
    const session = await veriffSessions(createVeriff({ apiKey, fetch, clock: { now: () => clock } })).createSession({
      reference: "user_1",
    });
    expect(session.expiresAt).toEqual(new Date(now + 7 * 24 * 60 * 60 * 1000));
  });

  it("does not send, and reports, a language, cancel URL or idempotency key (Veriff takes none)", async () => {
    const fetch = fakeFetch();
    const session = await veriffSessions(createVeriff({ apiKey, fetch })).createSession({
      reference: "u",
      language: "en",
      cancelUrl: "https://a.example/cancel",
      idempotencyKey: "order-7",
    });
    expect(session.unsentFields.map((entry) => entry.field)).toEqual(["cancelUrl", "idempotencyKey", "language"]);
    const request = fetch.mock.calls[0]?.[0];
    expect(await request?.json()).toEqual({ verification: { vendorData: "u" } });
    expect(request?.headers.get("Idempotency-Key")).toBeNull();
  });

  it.each([
    [{ reference: "u", language: "english" }, "language"],
    [{ reference: "u", redirectUrl: "http://a.example" }, "redirectUrl"],
    [{ reference: "u", country: "UK" }, "country"],
    [{ reference: "" }, "reference"],
    [{ reference: "x".repeat(1001) }, "reference"],
    [{ reference: "u", idempotencyKey: 7 }, "idempotencyKey"],
    [{ reference: "u", person: { dateOfBirth: "10/12/1815" } }, "person.dateOfBirth"],
    [{ reference: "u", providerOptions: { veriff: "passport" } }, "providerOptions.veriff"],
    [{ reference: "u", providerOptions: { veriff: { workflowId: "w" } } }, "providerOptions.veriff.workflowId"],
    [{ reference: "u", providerOptions: { veriff: { document: "PASSPORT" } } }, "providerOptions.veriff.document"],
    [
      { reference: "u", providerOptions: { veriff: { document: { idCardType: "CC" } } } },
      "providerOptions.veriff.document.idCardType",
    ],
    [
      { reference: "u", providerOptions: { veriff: { document: { type: 1 } } } },
      "providerOptions.veriff.document.type",
    ],
    [
      { reference: "u", providerOptions: { veriff: { document: { number: "AB-123" } } } },
      "providerOptions.veriff.document.number",
    ],
    [
      { reference: "u", providerOptions: { veriff: { document: { country: "Estonia" } } } },
      "providerOptions.veriff.document.country",
    ],
    [{ reference: "u", providerOptions: { veriff: { endUserId: "user-1" } } }, "providerOptions.veriff.endUserId"],
    [{ reference: "u", providerOptions: { veriff: { consents: { type: "ine" } } } }, "providerOptions.veriff.consents"],
    [{ reference: "u", providerOptions: { veriff: { consents: ["ine"] } } }, "providerOptions.veriff.consents[0]"],
    [
      { reference: "u", providerOptions: { veriff: { consents: [{ approved: true }] } } },
      "providerOptions.veriff.consents[0].type",
    ],
    [
      { reference: "u", providerOptions: { veriff: { consents: [{ type: "ine", approved: "yes" }] } } },
      "providerOptions.veriff.consents[0].approved",
    ],
    [{ reference: "u", providerOptions: { veriff: { address: "1 Example St" } } }, "providerOptions.veriff.address"],
    [
      { reference: "u", providerOptions: { veriff: { address: { fullAddress: "" } } } },
      "providerOptions.veriff.address.fullAddress",
    ],
    [
      { reference: "u", providerOptions: { veriff: { address: { street: "1 Example St" } } } },
      "providerOptions.veriff.address.street",
    ],
  ])("refuses %j before any request", async (input, field) => {
    const fetch = vi.fn();
    const veriff = createVeriff({ apiKey, fetch });
    // Some inputs are deliberately ill-typed: validation is for JavaScript callers too.
    const error = await veriffSessions(veriff)
      .createSession(input as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field });
    expect(fetch).not.toHaveBeenCalled();
    expect(() => veriffSessions(veriff).validate(input as never)).toThrow(InputValidationError);
  });

  it("accepts a 1000-character reference", () => {
    expect(() => veriffSessions(createVeriff({ apiKey })).validate({ reference: "x".repeat(1000) })).not.toThrow();
  });

  it("declares the contract", () => {
    const sessions = veriffSessions(createVeriff({ apiKey }));
    expect(sessions).toMatchObject({ specificationVersion: "v1", provider: "veriff", languages: null });
  });

  it("creates a session through the Prism mock", async () => {
    const veriff = createVeriff({ apiKey, baseUrl: mockBaseUrl("veriff"), clock: { now: () => now } });
    const session = await veriffSessions(veriff).createSession({
      reference: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
      redirectUrl: "https://www.example.com/verification-done",
      country: "EE",
      person: { firstName: "John", lastName: "Smith" },
      providerOptions: { veriff: { document: { type: "PASSPORT" } } },
    });
    expect(session).toMatchObject({
      provider: "veriff",
      id: sessionId,
      sandbox: null,
      status: "created",
      expiresAt: new Date("2026-02-08T12:00:00Z"),
    });
    expect(session.url).toMatch(/^https:\/\/alchemy\.veriff\.com\/v\//);
    expect(session.raw.verification?.sessionToken).toBeTypeOf("string");
  });
});

/** An authentic delivery (an approved decision). */
const decisionBody = JSON.stringify({
  status: "success",
  verification: {
    id: sessionId,
    code: 9001,
    status: "approved",
    vendorData: "user_1",
    person: { firstName: "John", lastName: "Smith" },
    document: { number: "B01234567", country: "EE" },
    decisionTime: "2026-02-01T12:10:00.000Z",
    acceptanceTime: "2026-02-01T12:00:00.000Z",
  },
  technicalData: { ip: "203.0.113.7" },
});

describe("veriffSessions(veriff).verifyWebhook", () => {
  // Computed independently of the package (node:crypto, not WebCrypto), as Veriff documents it:
  // the hex HMAC-SHA256 of the raw body keyed with the integration's shared secret.
  const sign = (payload: string, key = sharedSecret) => createHmac("sha256", key).update(payload).digest("hex");
  const sessions = (secret: string | null = sharedSecret) =>
    veriffSessions(createVeriff({ apiKey, ...(secret !== null && { sharedSecret: secret }) }));

  it("normalizes a decision without vendorData to a null reference", async () => {
    const body = JSON.stringify({ status: "success", verification: { id: sessionId, code: 9102, status: "declined" } });
    const event = await sessions().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toMatchObject({ type: "decision", sessionId, reference: null, status: "declined" });
  });

  it("normalizes an event webhook by its action", async () => {
    const body = JSON.stringify({
      id: sessionId,
      attemptId: "f5c0b2a1-1234-4a5b-8c9d-0e1f2a3b4c5d",
      feature: "selfid",
      code: 7002,
      action: "submitted",
      vendorData: "user_1",
      endUserId: null,
    });
    const event = await sessions().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toEqual({
      provider: "veriff",
      type: "submitted",
      sessionId,
      reference: "user_1",
      status: null,
      raw: JSON.parse(body),
    });
  });

  it("keeps another authentic webhook type as `unknown`", async () => {
    const body = JSON.stringify({ checkType: "initial_result", matchStatus: "no_match" });
    const event = await sessions().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toMatchObject({ type: "unknown", sessionId: null, reference: null, status: null });
  });

  it.each([["a JSON body that is not an object", { "x-hmac-signature": sign("[1]") }, "[1]", /not a JSON object/]])(
    "refuses %s",
    async (_name, headers, rawBody, message) => {
      const error = await sessions()
        .verifyWebhook({ headers, rawBody })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as Error).message).toMatch(message);
    },
  );
});

webhookCases({
  adapter: veriffAdapterDescriptor,
  sessions: (secret) => veriffSessions(createVeriff({ apiKey, ...(secret !== null && { sharedSecret: secret }) })),
  body: decisionBody,
  event: {
    provider: "veriff",
    type: "decision",
    sessionId,
    reference: "user_1",
    status: "approved",
    raw: JSON.parse(decisionBody),
  },
});
