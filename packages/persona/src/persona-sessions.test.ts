import { InputValidationError, InvalidResponseError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { outcomeCases, webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createPersona, personaAdapterDescriptor, personaSessions, personaWebhooks } from "./index.ts";

const created = {
  data: { type: "inquiry", id: "inq_1", attributes: { status: "created", "reference-id": "user_1" } },
  meta: {
    "session-token": null,
    "one-time-link": "https://withpersona.com/verify?code=A",
    "one-time-link-short": null,
  },
};
const now = Date.parse("2026-02-01T12:00:00Z");
const client = (fetch: (request: Request) => Promise<Response>) =>
  createPersona({ apiKey: "persona_sandbox_1", fetch, clock: { now: () => now } });

describe("personaSessions(persona) (facade adapter)", () => {
  it("creates the inquiry and its one-time link in one call, and maps the answer to a HostedSession", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json(created, { status: 201 }));
    const session = await personaSessions(client(fetch)).createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/done",
      language: "en",
      idempotencyKey: "order-7",
      providerOptions: { persona: { inquiryTemplateId: "itmpl_1", accountId: "act_1", tags: ["vip"], note: "n" } },
    });
    expect(session).toEqual({
      provider: "persona",
      id: "inq_1",
      url: "https://withpersona.com/verify?code=A",
      // The template's link lifetime, 24 h by default (the spec's TTL).
      expiresAt: new Date(now + 86_400_000),
      sandbox: true,
      status: "created",
      raw: created,
      unsentFields: [{ field: "language", reason: "Persona takes no language" }],
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const request = fetch.mock.calls[0]?.[0];
    expect(await request?.json()).toEqual({
      data: {
        attributes: {
          "inquiry-template-id": "itmpl_1",
          "reference-id": "user_1",
          "redirect-uri": "https://app.example/done",
          "account-id": "act_1",
          tags: ["vip"],
          note: "n",
        },
      },
      meta: { "auto-create-one-time-link": true },
    });
    expect(request?.headers.get("Idempotency-Key")).toBe("order-7");
  });

  it.each([
    [{ reference: "u" }, "providerOptions.persona"],
    [{ reference: "u", providerOptions: { persona: {} } }, "providerOptions.persona.inquiryTemplateId"],
    [
      { reference: "u", providerOptions: { persona: { inquiryTemplateId: "" } } },
      "providerOptions.persona.inquiryTemplateId",
    ],
    [
      { reference: "u", providerOptions: { persona: { inquiryTemplateId: "t", tags: "vip" } } },
      "providerOptions.persona.tags",
    ],
    [
      { reference: "u", providerOptions: { persona: { inquiryTemplateId: "t", template: "x" } } },
      "providerOptions.persona.template",
    ],
  ])("refuses %j before any request", async (input, field) => {
    const fetch = vi.fn();
    const error = await personaSessions(client(fetch))
      .createSession(input as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ["no data.id", { data: { type: "inquiry" }, meta: created.meta }],
    ["no one-time link (null)", { data: created.data, meta: { ...created.meta, "one-time-link": null } }],
  ])("throws InvalidResponseError for a created inquiry with %s", async (_case, body) => {
    const fetch = async () => Response.json(body, { status: 201 });
    const error = await personaSessions(client(fetch))
      .createSession({ reference: "u", providerOptions: { persona: { inquiryTemplateId: "itmpl_1" } } })
      .catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it("creates a session through the Prism mock", async () => {
    const persona = createPersona({ apiKey: "persona_sandbox_1", baseUrl: mockBaseUrl("persona") });
    const session = await personaSessions(persona).createSession({
      reference: "user_123",
      providerOptions: { persona: { inquiryTemplateId: "itmpl_p8ANAJy9iqadm2buF2xcVgqH" } },
    });
    expect(session).toMatchObject({ provider: "persona", id: "inq_zEx4jL84ShbUyuwX6AzPSqt6", sandbox: true });
    expect(session.url).toBe("https://withpersona.com/verify?code=ABC123");
  });
});

const webhookNow = Date.parse("2024-03-15T18:35:05Z");
/** An authentic delivery: the official inquiry.approved example, trimmed. */
const approvedBody = JSON.stringify({
  data: {
    type: "event",
    id: "evt_hIjKlMnOpQrStUvWxYzAbCdE",
    attributes: {
      name: "inquiry.approved",
      "created-at": "2024-03-15T18:35:00.100Z",
      payload: {
        data: { type: "inquiry", id: "inq_kT4x", attributes: { status: "approved", "reference-id": "user_123" } },
      },
    },
  },
});

webhookCases({
  adapter: personaAdapterDescriptor,
  webhooks: (webhookSecret) =>
    personaWebhooks(
      createPersona({
        apiKey: "persona_sandbox_1",
        ...(webhookSecret !== null && { webhookSecret }),
        clock: { now: () => webhookNow },
      }),
    ),
  body: approvedBody,
  outcomes: outcomeCases(approvedBody, "approved", [
    ["approved", "approved", true],
    ["declined", "declined", true],
    ["failed", "declined", true],
    ["expired", "expired", true],
    ["needs_review", "review", false],
    ["completed", "unknown", false],
    ["not_a_status", "unknown", false],
  ]),
  nowMs: webhookNow,
  event: {
    provider: "persona",
    type: "inquiry.approved",
    sessionId: "inq_kT4x",
    reference: "user_123",
    status: "approved",
    outcome: "approved",
    terminal: true,
    deliveryKey: "persona:evt_hIjKlMnOpQrStUvWxYzAbCdE",
    occurredAt: new Date("2024-03-15T18:35:00.100Z"),
    raw: JSON.parse(approvedBody),
  },
});
