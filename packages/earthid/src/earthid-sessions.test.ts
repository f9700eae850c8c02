import { InputValidationError } from "@verifetch/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createEarthId, earthIdAdapterDescriptor, earthIdSessions } from "./index.ts";

const apiKey = "earthid-test-key";
const sessionId = "a66ad316-19c3-45e1-b592-de6498000000";
const now = Date.parse("2026-02-01T12:00:00Z");

const created = {
  status: "success",
  verification: {
    id: sessionId,
    url: "https://myearth.id/eyJ",
    vendorData: "user_1",
    host: "https://myearth.id/",
    status: "created",
    sessionToken: "eyJ",
  },
};

function fakeFetch() {
  return vi.fn(async (_request: Request) => Response.json(created, { status: 201 }));
}

describe("earthIdSessions(earthid) (facade adapter)", () => {
  beforeEach(() => {
    vi.stubEnv("EARTHID_API_KEY", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("maps the unified input to the Veriff-shaped verification object and the response to a HostedSession", async () => {
    const fetch = fakeFetch();
    const earthid = createEarthId({ apiKey, fetch, clock: { now: () => now } });
    const session = await earthIdSessions(earthid).createSession({
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
        earthid: {
          document: { type: "PASSPORT", number: "AB1234567" },
          endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
          consents: [{ type: "ine", approved: true }],
          address: { fullAddress: "1 Example Street, London" },
        },
      },
    });
    expect(session).toEqual({
      provider: "earthid",
      id: sessionId,
      url: "https://myearth.id/eyJ",
      expiresAt: new Date("2026-02-08T12:00:00Z"),
      sandbox: null,
      status: "created",
      raw: created,
      unsentFields: [{ field: "metadata", reason: "EarthID takes no metadata" }],
    });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://session.myearth.id/earthid/api/sessions");
    // metadata is not sent: there is no such field.
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
    await earthIdSessions(createEarthId({ apiKey, fetch })).createSession({ reference: "user_1" });
    expect(await fetch.mock.calls[0]?.[0].json()).toEqual({ verification: { vendorData: "user_1" } });
  });

  it("lets providerOptions.earthid.document.country win over the unified country", async () => {
    const fetch = fakeFetch();
    await earthIdSessions(createEarthId({ apiKey, fetch })).createSession({
      reference: "user_1",
      country: "GB",
      providerOptions: { earthid: { document: { country: "EE", type: "ID_CARD" } } },
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
    const session = await earthIdSessions(createEarthId({ apiKey, fetch, clock: { now: () => clock } })).createSession({
      reference: "user_1",
    });
    expect(session.expiresAt).toEqual(new Date(now + 7 * 24 * 60 * 60 * 1000));
  });

  it("does not send, and reports, a language, cancel URL or idempotency key (EarthID takes none)", async () => {
    const fetch = fakeFetch();
    const session = await earthIdSessions(createEarthId({ apiKey, fetch })).createSession({
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
    [{ reference: "u", providerOptions: { earthid: "passport" } }, "providerOptions.earthid"],
    [{ reference: "u", providerOptions: { earthid: { workflowId: "w" } } }, "providerOptions.earthid.workflowId"],
    [{ reference: "u", providerOptions: { earthid: { document: "PASSPORT" } } }, "providerOptions.earthid.document"],
    [
      { reference: "u", providerOptions: { earthid: { document: { idCardType: "CC" } } } },
      "providerOptions.earthid.document.idCardType",
    ],
    [
      { reference: "u", providerOptions: { earthid: { document: { type: 1 } } } },
      "providerOptions.earthid.document.type",
    ],
    [
      { reference: "u", providerOptions: { earthid: { document: { number: "AB-123" } } } },
      "providerOptions.earthid.document.number",
    ],
    [
      { reference: "u", providerOptions: { earthid: { document: { country: "Estonia" } } } },
      "providerOptions.earthid.document.country",
    ],
    [{ reference: "u", providerOptions: { earthid: { endUserId: "user-1" } } }, "providerOptions.earthid.endUserId"],
    [
      { reference: "u", providerOptions: { earthid: { consents: { type: "ine" } } } },
      "providerOptions.earthid.consents",
    ],
    [{ reference: "u", providerOptions: { earthid: { consents: ["ine"] } } }, "providerOptions.earthid.consents[0]"],
    [
      { reference: "u", providerOptions: { earthid: { consents: [{ approved: true }] } } },
      "providerOptions.earthid.consents[0].type",
    ],
    [
      { reference: "u", providerOptions: { earthid: { consents: [{ type: "ine", approved: "yes" }] } } },
      "providerOptions.earthid.consents[0].approved",
    ],
    [{ reference: "u", providerOptions: { earthid: { address: "1 Example St" } } }, "providerOptions.earthid.address"],
    [
      { reference: "u", providerOptions: { earthid: { address: { fullAddress: "" } } } },
      "providerOptions.earthid.address.fullAddress",
    ],
    [
      { reference: "u", providerOptions: { earthid: { address: { street: "1 Example St" } } } },
      "providerOptions.earthid.address.street",
    ],
  ])("refuses %j before any request", async (input, field) => {
    const fetch = vi.fn();
    const earthid = createEarthId({ apiKey, fetch });
    // Some inputs are deliberately ill-typed: validation is for JavaScript callers too.
    const error = await earthIdSessions(earthid)
      .createSession(input as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field });
    expect(fetch).not.toHaveBeenCalled();
    expect(() => earthIdSessions(earthid).validate(input as never)).toThrow(InputValidationError);
  });

  it("accepts a 1000-character reference", () => {
    expect(() => earthIdSessions(createEarthId({ apiKey })).validate({ reference: "x".repeat(1000) })).not.toThrow();
  });

  it("declares the contract", () => {
    const sessions = earthIdSessions(createEarthId({ apiKey }));
    expect(sessions).toMatchObject({ specificationVersion: "v1", provider: "earthid", languages: null });
  });

  it("creates a session through the Prism mock", async () => {
    const earthid = createEarthId({ apiKey, baseUrl: mockBaseUrl("earthid"), clock: { now: () => now } });
    const session = await earthIdSessions(earthid).createSession({
      reference: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
      redirectUrl: "https://www.example.com/verification-done",
      country: "EE",
      person: { firstName: "John", lastName: "Smith" },
      providerOptions: { earthid: { document: { type: "PASSPORT" } } },
    });
    expect(session).toMatchObject({
      provider: "earthid",
      id: sessionId,
      sandbox: null,
      status: "created",
      expiresAt: new Date("2026-02-08T12:00:00Z"),
    });
    expect(session.url).toBe("https://myearth.id/eyJhbGciOiJIUzI1NiIsInR5cCI");
    expect(session.raw.verification?.sessionToken).toBeTypeOf("string");
  });
});

// EarthID's documented decision webhook body: even a "valid" Veriff-style signature must not be accepted.
const decisionBody = JSON.stringify({
  status: "success",
  verification: { id: sessionId, code: 9001, status: "approved", vendorData: "user_1" },
  technicalData: { ip: "203.0.113.7" },
});

webhookCases({
  adapter: earthIdAdapterDescriptor,
  sessions: () => earthIdSessions(createEarthId()),
  body: decisionBody,
  event: null,
});
