import { InputValidationError, InvalidResponseError } from "@verifetch/core";
import { signWebhook } from "@verifetch/testing";
import { describe, expect, it, vi } from "vitest";
import { outcomeCases, webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createVerifa, verifaAdapterDescriptor, verifaSessions, verifaWebhooks } from "./index.ts";

const created = {
  id: "session_abc123",
  status: "pending",
  capture_url: "https://app.withverifa.com/verify/tok_1",
  is_sandbox: true,
  created_at: "2026-02-01T12:00:00Z",
  expires_at: "2026-02-01T12:20:00Z",
  external_ref: "user_1",
  qr_code_data_url: null,
  tags: [],
};

describe("verifaSessions(verifa) (facade adapter)", () => {
  it("maps the unified input to Verifa's fields and the response to a HostedSession", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json(created, { status: 201 }));
    const verifa = createVerifa({ apiKey: "vk_sandbox_1", fetch });
    const session = await verifaSessions(verifa).createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/done",
      country: "GB",
      metadata: { plan: "pro" },
      person: { firstName: "Ada" },
      idempotencyKey: "order-7",
      providerOptions: { verifa: { workflowId: "workflow_kyc", checks: ["document"] } },
    });
    expect(session).toEqual({
      provider: "verifa",
      id: "session_abc123",
      url: "https://app.withverifa.com/verify/tok_1",
      expiresAt: new Date("2026-02-01T12:20:00Z"),
      sandbox: true,
      status: "pending",
      raw: created,
      unsentFields: [{ field: "person.firstName", reason: "Verifa takes no firstName" }],
    });
    const request = fetch.mock.calls[0]?.[0];
    expect(await request?.json()).toEqual({
      external_ref: "user_1",
      redirect_url: "https://app.example/done",
      country: "GB",
      metadata: { plan: "pro" },
      workflow_id: "workflow_kyc",
      checks: ["document"],
    });
    expect(request?.headers.get("Idempotency-Key")).toBe("order-7");
  });

  it("does not send, and reports, a language or cancel URL (Verifa takes neither)", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json(created, { status: 201 }));
    const session = await verifaSessions(createVerifa({ apiKey: "vk_sandbox_1", fetch })).createSession({
      reference: "u",
      language: "en",
      cancelUrl: "https://a.example/cancel",
    });
    expect(session.unsentFields.map((entry) => entry.field)).toEqual(["cancelUrl", "language"]);
    expect(await fetch.mock.calls[0]?.[0].json()).toEqual({ external_ref: "u" });
  });

  it.each([
    [{ reference: "u", language: "EN" }, "language"],
    [{ reference: "u", cancelUrl: "https://a.example" }, "cancelURL"],
    [{ reference: "u", redirectUrl: "http://a.example" }, "redirectUrl"],
    [
      { reference: "u", providerOptions: { verifa: { checks: "document" as unknown as string[] } } },
      "providerOptions.verifa.checks",
    ],
    [{ reference: "u", providerOptions: { verifa: "kyc" } }, "providerOptions.verifa"],
    [{ reference: "u", providerOptions: { verifa: { workflow: "kyc" } } }, "providerOptions.verifa.workflow"],
    [{ reference: "u", providerOptions: { verifa: { workflowId: 7 } } }, "providerOptions.verifa.workflowId"],
    [
      { reference: "u", providerOptions: { verifa: JSON.parse('{"__proto__":{"checks":["x"]}}') } },
      "providerOptions.verifa.__proto__",
    ],
    [{ reference: "u", providerOptions: { verifa: { constructor: "x" } } }, "providerOptions.verifa.constructor"],
  ])("refuses %j before any request", async (input, field) => {
    const fetch = vi.fn();
    const actual = field === "cancelURL" ? { reference: "u", cancelURL: "https://a.example" } : input;
    const error = await verifaSessions(createVerifa({ apiKey: "vk_sandbox_1", fetch }))
      .createSession(actual as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field });
    expect(fetch).not.toHaveBeenCalled();
  });

  // The Web Capture Flow guide's response (no external_ref, no tags): the reference marks no field
  // required, so the adapter needs only what it hands on.
  it("accepts a response without the optional fields, as the Web Capture Flow guide shows one", async () => {
    const guide = {
      id: "session_abc123",
      status: "pending",
      capture_url: "https://app.withverifa.com/verify/tok_abc123...",
      qr_code_data_url: "data:image/png;base64,...",
      is_sandbox: false,
      created_at: "2026-02-01T12:00:00Z",
      expires_at: "2026-02-01T12:20:00Z",
    };
    const verifa = createVerifa({ apiKey: "vk_live_1", fetch: async () => Response.json(guide, { status: 201 }) });
    const session = await verifaSessions(verifa).createSession({ reference: "user_abc123" });
    expect(session).toMatchObject({ id: "session_abc123", url: guide.capture_url, sandbox: false, raw: guide });
  });

  it("without expires_at, is_sandbox and status, uses the documented 20 minutes, the key's environment and pending", async () => {
    const minimal = { id: "session_abc123", capture_url: "https://app.withverifa.com/verify/tok_1" };
    const verifa = createVerifa({
      apiKey: "vk_sandbox_1",
      clock: { now: () => Date.parse("2026-02-01T12:00:00Z") },
      fetch: async () => Response.json(minimal, { status: 201 }),
    });
    const session = await verifaSessions(verifa).createSession({ reference: "u" });
    expect(session).toMatchObject({ sandbox: true, status: "pending" });
    expect(session.expiresAt?.toISOString()).toBe("2026-02-01T12:20:00.000Z");
  });

  it.each([
    ["no id", { capture_url: "https://app.withverifa.com/verify/tok_1" }],
    ["no capture_url", { id: "session_abc123" }],
  ])("throws InvalidResponseError (not retryable) for a created session with %s", async (_case, body) => {
    const verifa = createVerifa({ apiKey: "vk_sandbox_1", fetch: async () => Response.json(body, { status: 201 }) });
    const error = await verifaSessions(verifa)
      .createSession({ reference: "u" })
      .catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: "verifa", status: 201, body });
  });

  it("creates a session through the Prism mock", async () => {
    const verifa = createVerifa({ apiKey: "vk_sandbox_1", baseUrl: mockBaseUrl("verifa") });
    const session = await verifaSessions(verifa).createSession({ reference: "user_abc123", country: "US" });
    expect(session).toMatchObject({ provider: "verifa", id: "session_abc123", sandbox: true, status: "pending" });
    expect(session.expiresAt?.toISOString()).toBe("2026-02-01T12:20:00.000Z");
  });
});

const webhookNow = Date.parse("2026-02-01T12:10:05Z");
/** An authentic delivery (an approved session). */
const approvedBody = JSON.stringify({
  event: "session.approved",
  data: { session_id: "session_abc123", external_ref: "user_1", status: "completed", is_sandbox: true },
  created_at: "2026-02-01T12:10:00Z",
});

webhookCases({
  adapter: verifaAdapterDescriptor,
  webhooks: (webhookSecret) =>
    verifaWebhooks(
      createVerifa({
        apiKey: "vk_sandbox_1",
        ...(webhookSecret !== null && { webhookSecret }),
        clock: { now: () => webhookNow },
      }),
    ),
  body: approvedBody,
  outcomes: outcomeCases(approvedBody, "completed", [
    ["approved", "approved", true],
    ["declined", "declined", true],
    ["expired", "expired", true],
    ["under_review", "review", false],
    ["completed", "unknown", false],
    ["failed", "unknown", false],
    ["not_a_status", "unknown", false],
  ]),
  nowMs: webhookNow,
  event: {
    provider: "verifa",
    type: "session.approved",
    sessionId: "session_abc123",
    reference: "user_1",
    status: "completed",
    outcome: "unknown",
    terminal: false,
    occurredAt: new Date("2026-02-01T12:10:00Z"),
    raw: JSON.parse(approvedBody),
  },
});

describe("verifaWebhooks(verifa): the tutorial's top-level layout", () => {
  // The Handling Webhook Events tutorial's layout: the session's fields beside `event`, and an
  // `idempotency_key` that stays the same when Verifa retries the delivery.
  const body = {
    event: "session.approved",
    idempotency_key: "evt_7f3c9a",
    session_id: "session_abc123",
    external_ref: "user_1",
    status: "approved",
    is_sandbox: true,
  };
  const webhooks = verifaWebhooks(
    createVerifa({ apiKey: "vk_sandbox_1", webhookSecret: "whsec_1", clock: { now: () => webhookNow } }),
  );

  it("reads the session, its outcome and the delivery key from the top level", async () => {
    const event = await webhooks.verifyWebhook(
      await signWebhook(verifaAdapterDescriptor, body, "whsec_1", { nowMs: webhookNow }),
    );
    expect(event).toMatchObject({
      type: "session.approved",
      sessionId: "session_abc123",
      reference: "user_1",
      status: "approved",
      outcome: "approved",
      terminal: true,
      deliveryKey: "verifa:evt_7f3c9a",
    });
  });

  it("gives a redelivery the same key even when its bytes differ", async () => {
    const first = await webhooks.verifyWebhook(
      await signWebhook(verifaAdapterDescriptor, body, "whsec_1", { nowMs: webhookNow }),
    );
    const again = await webhooks.verifyWebhook(
      await signWebhook(verifaAdapterDescriptor, { ...body, delivered_at: "later" }, "whsec_1", { nowMs: webhookNow }),
    );
    expect(again.deliveryKey).toBe(first.deliveryKey);
  });
});
