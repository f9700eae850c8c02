import { createHmac } from "node:crypto";
import { resolve } from "node:path";
import { WebhookVerificationError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { readVendorExamples, verbatimOf } from "../../../tools/spec-lint/src/vendor-examples.ts";
import { outcomeCases, webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { veriffShapedSessionCases } from "../../../tools/vitest/veriff-shaped-session-suite.ts";
import { createVeriff, veriffAdapterDescriptor, veriffDescriptor, veriffSessions, veriffWebhooks } from "./index.ts";

const apiKey = "0b6d7f3e-1111-4222-8333-944455556666";
const sharedSecret = "4f0b1b2c-aaaa-4bbb-8ccc-dddddddddddd";
const sessionId = "12df6045-3846-3e45-946a-14fa6136d78b";
const _now = Date.parse("2026-02-01T12:00:00Z");

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

veriffShapedSessionCases({
  descriptor: veriffDescriptor,
  create: (options) => createVeriff(options),
  sessions: (client) => veriffSessions(client),
  apiKey,
  created,
  mockUrl: /^https:\/\/alchemy\.veriff\.com\/v\//,
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

describe("veriffWebhooks(veriff).verifyWebhook", () => {
  // Computed independently of the package (node:crypto, not WebCrypto), as Veriff documents it:
  // the hex HMAC-SHA256 of the raw body keyed with the integration's shared secret.
  const sign = (payload: string, key = sharedSecret) => createHmac("sha256", key).update(payload).digest("hex");
  const webhooks = (secret: string | null = sharedSecret) =>
    veriffWebhooks(createVeriff({ apiKey, ...(secret !== null && { sharedSecret: secret }) }));

  it("normalizes a decision without vendorData to a null reference", async () => {
    const body = JSON.stringify({ status: "success", verification: { id: sessionId, code: 9102, status: "declined" } });
    const event = await webhooks().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
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
    const event = await webhooks().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toEqual({
      provider: "veriff",
      type: "submitted",
      sessionId,
      reference: "user_1",
      status: null,
      outcome: "unknown",
      terminal: false,
      reasons: [],
      // An event webhook carries no event id: the same bytes, the same key.
      deliveryKey: expect.stringMatching(/^veriff:sha256:[0-9a-f]{64}$/),
      occurredAt: null,
      raw: JSON.parse(body),
    });
  });

  // The vendors' published deliveries (specs/examples), signed byte for byte as Veriff signs.
  const published = (id: string) => {
    const example = readVendorExamples(resolve(import.meta.dirname, "../../..")).find((found) => found.id === id);
    const text = example?.request && verbatimOf(example.request).text;
    if (text === undefined) throw new Error(`specs/examples/${id}.yaml has no published text`);
    return text;
  };

  it("reads Veriff's published event sample as a `submitted` event, which decides nothing", async () => {
    const body = published("veriff/event-webhook-submitted");
    const event = await webhooks().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toMatchObject({
      type: "submitted",
      sessionId: "f04bdb47-d3be-4b28-b028-a652feb060b5",
      reference: "12345678",
      status: null,
      outcome: "unknown",
      terminal: false,
    });
  });

  // EarthID publishes Veriff's decision payload (its own deliveries cannot be verified): the
  // shared mapping reads that sample, signed as Veriff signs, as the approval it is.
  it("reads the published decision sample as approved, with its decision time", async () => {
    const body = published("earthid/decision-webhook-receiving-decisions");
    const event = await webhooks().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toMatchObject({
      type: "decision",
      sessionId: "12df6045-3846-3e45-946a-14fa6136d78b",
      reference: "12345678",
      status: "approved",
      outcome: "approved",
      terminal: true,
      reasons: [],
      occurredAt: new Date("2019-11-06T07:18:36.916Z"),
    });
  });

  it("keeps another authentic webhook type as `unknown`", async () => {
    const body = JSON.stringify({ checkType: "initial_result", matchStatus: "no_match" });
    const event = await webhooks().verifyWebhook({ headers: { "x-hmac-signature": sign(body) }, rawBody: body });
    expect(event).toMatchObject({ type: "unknown", sessionId: null, reference: null, status: null });
  });

  it.each([["a JSON body that is not an object", { "x-hmac-signature": sign("[1]") }, "[1]", /not a JSON object/]])(
    "refuses %s",
    async (_name, headers, rawBody, message) => {
      const error = await webhooks()
        .verifyWebhook({ headers, rawBody })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as Error).message).toMatch(message);
    },
  );
});

webhookCases({
  adapter: veriffAdapterDescriptor,
  webhooks: (secret) => veriffWebhooks(createVeriff({ apiKey, ...(secret !== null && { sharedSecret: secret }) })),
  body: decisionBody,
  outcomes: outcomeCases(decisionBody, "approved", [
    ["approved", "approved", true],
    ["declined", "declined", true],
    ["resubmission_requested", "resubmission_requested", false],
    ["expired", "expired", true],
    ["abandoned", "abandoned", true],
    ["review", "review", false],
    ["not_a_status", "unknown", false],
  ]),
  event: {
    provider: "veriff",
    type: "decision",
    sessionId,
    reference: "user_1",
    status: "approved",
    outcome: "approved",
    terminal: true,
    occurredAt: new Date("2026-02-01T12:10:00Z"),
    raw: JSON.parse(decisionBody),
  },
});
