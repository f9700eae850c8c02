import { describe, expect, it } from "vitest";
import { hmacHex, sha256Hex, utf8 } from "./crypto-hmac.ts";
import type { AdapterDescriptor } from "./session-adapter-define.ts";
import type { OutcomeMapping } from "./session-outcome.ts";
import { createTransport } from "./transport-create.ts";
import { defineWebhookAdapter } from "./webhook-adapter-define.ts";

const descriptor: AdapterDescriptor<"acme"> = {
  provider: "acme",
  title: "Acme",
  session: { ttlMs: null },
  webhook: {
    scheme: "body-hmac",
    headers: ["x-acme-signature"],
    algorithm: "SHA-256",
    secret: { option: "webhookSecret", envVar: "ACME_WEBHOOK_SECRET", description: "Acme webhook secret" },
  },
};
const outcomes: OutcomeMapping = {
  source: "test",
  field: "data.status",
  statuses: { passed: "approved", failed: "declined" },
  webhook: {
    deliveryKey: "/id",
    occurredAt: "/created",
    reasons: [{ code: "/data/error/code", text: "/data/error/text" }],
  },
};

const { webhook: _webhook, ...withoutFacts } = outcomes;

function webhooksFor(mapping: OutcomeMapping) {
  const client = {};
  createTransport(client, {
    packageName: "acme",
    version: "0",
    baseUrl: "https://api.acme.test",
    authenticate: () => [],
    options: { webhookSecret: "whsec" } as object,
  });
  return defineWebhookAdapter(descriptor, mapping, (payload) => {
    const body = payload as { type: string; data: { id: string; status: string } };
    return { type: body.type, sessionId: body.data.id, reference: null, status: body.data.status, raw: body };
  })(client);
}

async function delivery(body: unknown) {
  const rawBody = JSON.stringify(body);
  return { rawBody, headers: { "x-acme-signature": await hmacHex("SHA-256", "whsec", rawBody) } };
}

describe("defineWebhookAdapter", () => {
  it("reads the delivery key, time and reasons with the spec's pointers", async () => {
    const body = {
      id: "evt_1",
      type: "session.failed",
      created: 1_764_842_400,
      data: { id: "s_1", status: "failed", error: { code: "doc_expired", text: "The document has expired." } },
    };
    const event = await webhooksFor(outcomes).verifyWebhook(await delivery(body));
    expect(event).toEqual({
      provider: "acme",
      type: "session.failed",
      sessionId: "s_1",
      reference: null,
      status: "failed",
      outcome: "declined",
      terminal: true,
      reasons: [{ code: "doc_expired", text: "The document has expired." }],
      deliveryKey: "acme:evt_1",
      occurredAt: new Date(1_764_842_400_000),
      raw: body,
    });
    const iso = await webhooksFor(outcomes).verifyWebhook(await delivery({ ...body, created: "2026-12-04T10:00:00Z" }));
    expect(iso.occurredAt).toEqual(new Date("2026-12-04T10:00:00Z"));
    const nonsense = await webhooksFor(outcomes).verifyWebhook(await delivery({ ...body, created: "yesterday" }));
    expect(nonsense.occurredAt).toBeNull();
  });

  it("keys a delivery without an event id by its body's SHA-256: the same bytes, the same key", async () => {
    const body = { type: "session.passed", data: { id: "s_1", status: "passed" } };
    const first = await delivery(body);
    const webhooks = webhooksFor(withoutFacts);
    const event = await webhooks.verifyWebhook(first);
    expect(event.deliveryKey).toBe(`acme:sha256:${await sha256Hex(utf8(first.rawBody))}`);
    expect((await webhooks.verifyWebhook(await delivery(body))).deliveryKey).toBe(event.deliveryKey);
    expect((await webhooks.verifyWebhook(await delivery({ ...body, n: 1 }))).deliveryKey).not.toBe(event.deliveryKey);
    expect(event).toMatchObject({ reasons: [], occurredAt: null, outcome: "approved" });
  });
});
