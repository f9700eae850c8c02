import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { credentialCases, outcomeCases, webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import {
  createStripeIdentity,
  STRIPE_IDENTITY_SESSION_TTL_MS,
  stripeIdentityAdapterDescriptor,
  stripeIdentityDescriptor,
  stripeIdentitySessions,
  stripeIdentityWebhooks,
} from "./index.ts";

const created = {
  id: "vs_1",
  object: "identity.verification_session",
  created: 1722000000,
  livemode: false,
  metadata: {},
  status: "requires_input",
  type: "document",
  url: "https://verify.stripe.com/start/test_1",
};

/** A facade adapter over a client whose fetch records the form body and answers `answer`. */
function adapter(answer: unknown = created) {
  const bodies: string[] = [];
  const client = createStripeIdentity({
    apiKey: "sk_test_1",
    fetch: async (request) => {
      bodies.push(await request.text());
      return Response.json(answer);
    },
  });
  return { sessions: stripeIdentitySessions(client), bodies };
}

describe("stripeIdentitySessions: the unified input as Stripe's form fields", () => {
  it("sends reference, redirect URL, metadata, email and the document options; reports what Stripe has no place for", async () => {
    const { sessions, bodies } = adapter();
    const session = await sessions.createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/done",
      cancelUrl: "https://app.example/cancel",
      country: "GB",
      metadata: { plan: "pro" },
      person: { email: "a@example.com", firstName: "Ada" },
      providerOptions: { "stripe-identity": { allowedTypes: ["passport"], requireMatchingSelfie: true } },
    });
    expect(bodies[0]).toBe(
      "type=document&client_reference_id=user_1&return_url=https%3A%2F%2Fapp.example%2Fdone&metadata[plan]=pro" +
        "&options[document][allowed_types][0]=passport&options[document][require_matching_selfie]=true" +
        "&provided_details[email]=a%40example.com",
    );
    expect(session).toMatchObject({
      provider: "stripe-identity",
      id: "vs_1",
      url: "https://verify.stripe.com/start/test_1",
      status: "requires_input",
      sandbox: true,
    });
    expect(session.unsentFields.map((field) => field.field).sort()).toEqual(
      ["cancelUrl", "country", "person.firstName"].sort(),
    );
    expect(new Date(session.expiresAt ?? 0).getTime() - Date.now()).toBeGreaterThan(
      STRIPE_IDENTITY_SESSION_TTL_MS - 60_000,
    );
  });

  it("a Dashboard flow replaces `type`; an id_number check is sent as asked", async () => {
    const flow = adapter();
    await flow.sessions.createSession({
      reference: "u",
      providerOptions: { "stripe-identity": { verificationFlow: "vf_1" } },
    });
    expect(flow.bodies[0]).toBe("verification_flow=vf_1&client_reference_id=u");
    const idNumber = adapter();
    await idNumber.sessions.createSession({
      reference: "u",
      providerOptions: { "stripe-identity": { type: "id_number" } },
    });
    expect(idNumber.bodies[0]).toBe("type=id_number&client_reference_id=u");
  });

  it("refuses both `type` and `verificationFlow`, an unknown type and a bad document type, before any request", async () => {
    const { sessions, bodies } = adapter();
    const both = { "stripe-identity": { type: "document" as const, verificationFlow: "vf_1" } };
    await expect(sessions.createSession({ reference: "u", providerOptions: both })).rejects.toThrow(
      /providerOptions\.stripe-identity\.verificationFlow/,
    );
    const badType = { "stripe-identity": { type: "selfie" as "document" } };
    await expect(sessions.createSession({ reference: "u", providerOptions: badType })).rejects.toThrow(
      InputValidationError,
    );
    const badDoc = { "stripe-identity": { allowedTypes: ["visa" as "passport"] } };
    await expect(sessions.createSession({ reference: "u", providerOptions: badDoc })).rejects.toThrow(
      /providerOptions\.stripe-identity\.allowedTypes\[0\]/,
    );
    expect(bodies).toEqual([]);
  });

  it("a live-mode answer is not a sandbox session", async () => {
    const { sessions } = adapter({ ...created, livemode: true });
    expect((await sessions.createSession({ reference: "u" })).sandbox).toBe(false);
  });
});

const webhookNow = 1_722_000_300_000;
const verifiedEvent = {
  id: "evt_1",
  object: "event",
  created: 1722000300,
  livemode: false,
  type: "identity.verification_session.verified",
  data: { object: { ...created, client_reference_id: "user_1", status: "verified", url: null } },
};

webhookCases({
  adapter: stripeIdentityAdapterDescriptor,
  webhooks: (webhookSecret) =>
    stripeIdentityWebhooks(
      createStripeIdentity({
        apiKey: "sk_test_1",
        ...(webhookSecret !== null && { webhookSecret }),
        clock: { now: () => webhookNow },
      }),
    ),
  body: JSON.stringify(verifiedEvent),
  outcomes: outcomeCases(JSON.stringify(verifiedEvent), "verified", [
    ["verified", "approved", true],
    ["canceled", "abandoned", true],
    ["requires_input", "pending", false],
    ["processing", "pending", false],
    ["not_a_status", "unknown", false],
  ]),
  nowMs: webhookNow,
  event: {
    provider: "stripe-identity",
    type: "identity.verification_session.verified",
    sessionId: "vs_1",
    reference: "user_1",
    status: "verified",
    outcome: "approved",
    terminal: true,
    deliveryKey: "stripe-identity:evt_1",
    occurredAt: new Date("2024-07-26T13:25:00Z"),
    raw: verifiedEvent,
  },
});

credentialCases({
  descriptor: stripeIdentityDescriptor,
  create: (fetch) => createStripeIdentity({ fetch }),
  call: (client) => client.getVerificationSession("vs_1"),
  response: created,
});

it("refuses a verified body that is no event (no `type`); a non-session event maps to nulls", async () => {
  const { createHmac } = await import("node:crypto");
  const t = Math.floor(webhookNow / 1000);
  const webhooks = stripeIdentityWebhooks(
    createStripeIdentity({ apiKey: "sk_test_1", webhookSecret: "whsec_x", clock: { now: () => webhookNow } }),
  );
  const deliver = (body: string) =>
    webhooks.verifyWebhook({
      headers: {
        "Stripe-Signature": `t=${t},v1=${createHmac("sha256", "whsec_x").update(`${t}.${body}`).digest("hex")}`,
      },
      rawBody: body,
    });
  await expect(deliver(JSON.stringify({ id: "evt_2", data: {} }))).rejects.toThrow(WebhookVerificationError);
  expect(await deliver(JSON.stringify({ id: "evt_3", type: "identity.verification_session.created" }))).toMatchObject({
    type: "identity.verification_session.created",
    sessionId: null,
    reference: null,
    status: null,
  });
});
