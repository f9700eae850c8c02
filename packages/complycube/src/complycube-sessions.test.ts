import { createHmac } from "node:crypto";
import { AbortError, InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outcomeCases, webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import type { ComplyCubeSessionOptions } from "./index.ts";
import {
  type ComplyCubeSessions,
  complyCubeAdapterDescriptor,
  complyCubeSessions,
  complyCubeWebhooks,
  createComplyCube,
} from "./index.ts";

const clientId = "5eb04fcd0f3e360008035eb1";
const created = { redirectUrl: "https://flow.complycube.com/test_abc?theme=light" };
const urls = { redirectUrl: "https://app.example/done", cancelUrl: "https://app.example/cancel" };

function fakeFetch() {
  return vi.fn(async (_request: Request) => Response.json(created, { status: 200 }));
}

describe("complyCubeSessions(complycube) (facade adapter)", () => {
  it("maps a check-driven session, sending neither reference, country, person nor metadata", async () => {
    const fetch = fakeFetch();
    const complycube = createComplyCube({ apiKey: "test_key", fetch });
    const session = await complyCubeSessions(complycube).createSession({
      reference: "user_1",
      ...urls,
      language: "fr",
      country: "GB",
      person: { firstName: "Ada", lastName: "Lovelace" },
      metadata: { plan: "pro" },
      providerOptions: {
        complycube: {
          clientId,
          checkTypes: ["document_check", "identity_check"],
          theme: "dark",
          enableMonitoring: true,
          allowDocumentUpload: false,
          supportEmail: "help@app.example",
          documentTypes: { passport: true, driving_license: false },
          messages: { intro: { heading: "Hi", message: "Let's verify you" } },
        },
      },
    });
    expect(session).toEqual({
      provider: "complycube",
      id: clientId,
      url: created.redirectUrl,
      expiresAt: null,
      sandbox: true,
      status: "created",
      raw: created,
      unsentFields: [
        { field: "reference", reason: "ComplyCube has no reference field" },
        { field: "country", reason: "ComplyCube takes no country" },
        { field: "metadata", reason: "ComplyCube takes no metadata" },
        { field: "person.firstName", reason: "ComplyCube takes no firstName" },
        { field: "person.lastName", reason: "ComplyCube takes no lastName" },
      ],
    });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://api.complycube.com/v1/flow/sessions");
    expect(await request?.json()).toEqual({
      clientId,
      successUrl: "https://app.example/done",
      cancelUrl: "https://app.example/cancel",
      checkTypes: ["document_check", "identity_check"],
      language: "fr",
      theme: "dark",
      enableMonitoring: true,
      allowDocumentUpload: false,
      supportEmail: "help@app.example",
      documentTypes: { passport: true, driving_license: false },
      messages: { intro: { heading: "Hi", message: "Let's verify you" } },
    });
  });

  it("maps a workflow-driven session; a live key gives sandbox: false", async () => {
    const fetch = fakeFetch();
    const complycube = createComplyCube({ apiKey: "live_key", fetch });
    const session = await complyCubeSessions(complycube).createSession({
      reference: "user_1",
      ...urls,
      providerOptions: { complycube: { clientId, workflowTemplateId: "wf_1", shortUrl: true, theme: "light" } },
    });
    expect(session).toMatchObject({ provider: "complycube", id: clientId, sandbox: false, expiresAt: null });
    expect(await fetch.mock.calls[0]?.[0].json()).toEqual({
      clientId,
      successUrl: "https://app.example/done",
      cancelUrl: "https://app.example/cancel",
      workflowTemplateId: "wf_1",
      shortUrl: true,
      theme: "light",
    });
  });

  it("passes the caller's signal to the request", async () => {
    const fetch = fakeFetch();
    const error = await complyCubeSessions(createComplyCube({ apiKey: "test_key", fetch }))
      .createSession({
        reference: "user_1",
        ...urls,
        signal: AbortSignal.abort(),
        providerOptions: { complycube: { clientId, workflowTemplateId: "wf_1" } },
      })
      .catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  const checks = { clientId, checkTypes: ["identity_check" as const] };
  const workflow = { clientId, workflowTemplateId: "wf_1" };
  const refusals: [string, Record<string, unknown>, string][] = [
    ["no redirectUrl", { cancelUrl: urls.cancelUrl, providerOptions: { complycube: checks } }, "redirectUrl"],
    ["no cancelUrl", { redirectUrl: urls.redirectUrl, providerOptions: { complycube: checks } }, "cancelUrl"],
    [
      "an http redirectUrl",
      { ...urls, redirectUrl: "http://app.example", providerOptions: { complycube: checks } },
      "redirectUrl",
    ],
    ["no providerOptions", { ...urls }, "providerOptions.complycube"],
    [
      "an empty clientId",
      { ...urls, providerOptions: { complycube: { ...checks, clientId: "" } } },
      "providerOptions.complycube.clientId",
    ],
    [
      "neither checkTypes nor workflowTemplateId",
      { ...urls, providerOptions: { complycube: { clientId } } },
      "providerOptions.complycube.checkTypes",
    ],
    [
      "both checkTypes and workflowTemplateId",
      { ...urls, providerOptions: { complycube: { ...checks, workflowTemplateId: "wf_1" } } },
      "providerOptions.complycube.checkTypes",
    ],
    [
      "empty checkTypes",
      { ...urls, providerOptions: { complycube: { clientId, checkTypes: [] } } },
      "providerOptions.complycube.checkTypes",
    ],
    [
      "an unknown check type",
      { ...urls, providerOptions: { complycube: { clientId, checkTypes: ["palm_reading_check"] } } },
      "providerOptions.complycube.checkTypes[0]",
    ],
    ["a malformed language", { ...urls, language: "French", providerOptions: { complycube: checks } }, "language"],
    [
      "an unknown option",
      { ...urls, providerOptions: { complycube: { ...checks, successUrl: "https://x.example" } } },
      "providerOptions.complycube.successUrl",
    ],
    [
      "an unknown theme",
      { ...urls, providerOptions: { complycube: { ...checks, theme: "blue" } } },
      "providerOptions.complycube.theme",
    ],
    [
      "a non-boolean allowDocumentUpload",
      { ...urls, providerOptions: { complycube: { ...checks, allowDocumentUpload: "no" } } },
      "providerOptions.complycube.allowDocumentUpload",
    ],
    [
      "an unknown document type",
      { ...urls, providerOptions: { complycube: { ...checks, documentTypes: { visa: true } } } },
      "providerOptions.complycube.documentTypes.visa",
    ],
    [
      "a non-string message heading",
      { ...urls, providerOptions: { complycube: { ...checks, messages: { intro: { heading: 1 } } } } },
      "providerOptions.complycube.messages.intro.heading",
    ],
  ];

  it.each([
    ["a language ComplyCube does not offer", { language: "xx", providerOptions: { complycube: checks } }, "language"],
    ["a language on a workflow session", { language: "fr", providerOptions: { complycube: workflow } }, "language"],
    [
      "an idempotency key (ComplyCube documents none)",
      { idempotencyKey: "k1", providerOptions: { complycube: checks } },
      "idempotencyKey",
    ],
  ] as const)("does not send, and reports, %s", async (_name, input, field) => {
    const fetch = fakeFetch();
    const session = await complyCubeSessions(createComplyCube({ apiKey: "test_key", fetch })).createSession({
      reference: "user_1",
      ...urls,
      ...input,
    } as Parameters<ComplyCubeSessions["createSession"]>[0]);
    expect(session.unsentFields.map((entry) => entry.field)).toEqual(["reference", field]);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.headers.get("Idempotency-Key")).toBeNull();
    expect(await request?.json()).not.toHaveProperty("language");
  });

  it.each(refusals)("refuses %s before any request", async (_name, input, field) => {
    const fetch = fakeFetch();
    const error = await complyCubeSessions(createComplyCube({ apiKey: "test_key", fetch }))
      .createSession({ reference: "user_1", ...input } as Parameters<ComplyCubeSessions["createSession"]>[0])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the fields ComplyCube's own SDK sends with either variant (shortUrl, messages, enableMonitoring)", async () => {
    const fetch = fakeFetch();
    const complycube = createComplyCube({ apiKey: "test_key", fetch });
    await complyCubeSessions(complycube).createSession({
      reference: "u",
      ...urls,
      providerOptions: { complycube: { ...workflow, messages: { intro: { heading: "Hi" } }, enableMonitoring: true } },
    });
    await complyCubeSessions(complycube).createSession({
      reference: "u",
      ...urls,
      providerOptions: { complycube: { ...checks, shortUrl: true } },
    });
    const [first, second] = await Promise.all(fetch.mock.calls.map(([request]) => request.json()));
    expect(first).toMatchObject({
      workflowTemplateId: "wf_1",
      messages: { intro: { heading: "Hi" } },
      enableMonitoring: true,
    });
    expect(second).toMatchObject({ checkTypes: ["identity_check"], shortUrl: true });
  });

  it("validate() refuses without sending anything, and accepts a valid input", () => {
    const complycube = createComplyCube({ apiKey: "test_key", fetch: fakeFetch() });
    expect(() => complyCubeSessions(complycube).validate({ reference: "u", ...urls })).toThrow(InputValidationError);
    const options: ComplyCubeSessionOptions = { clientId, workflowTemplateId: "wf_1" };
    expect(() =>
      complyCubeSessions(complycube).validate({ reference: "u", ...urls, providerOptions: { complycube: options } }),
    ).not.toThrow();
  });

  it("creates a session through the Prism mock", async () => {
    const complycube = createComplyCube({ apiKey: "test_key", baseUrl: mockBaseUrl("complycube") });
    const session = await complyCubeSessions(complycube).createSession({
      reference: "user_1",
      ...urls,
      language: "de",
      providerOptions: { complycube: { clientId, checkTypes: ["document_check"] } },
    });
    expect(session).toMatchObject({ provider: "complycube", id: clientId, sandbox: true, status: "created" });
    expect(session.url).toMatch(/^https:\/\/flow\.complycube\.com\/test_/);
    expect(session.raw.redirectUrl).toBe(session.url);
  });
});

/** An authentic delivery (a completed check). */
const checkCompletedBody = JSON.stringify({
  id: "evt_1",
  type: "check.completed",
  resourceType: "check",
  payload: {
    id: "check_1",
    clientId,
    externalId: "user_1",
    type: "identity_check",
    status: "complete",
    outcome: "clear",
  },
  createdAt: "2026-02-01T12:00:00Z",
});

describe("complyCubeWebhooks(complycube).verifyWebhook", () => {
  afterEach(() => vi.unstubAllEnvs());
  const secret = "cc_webhook_secret";
  const body = checkCompletedBody;
  // Computed independently of the package: hex HMAC-SHA256 of the raw body.
  const sign = (payload = body, key = secret) => createHmac("sha256", key).update(payload).digest("hex");
  const complycube = (webhookSecret: string | null = secret) =>
    createComplyCube({ apiKey: "test_key", ...(webhookSecret !== null && { webhookSecret }) });

  it("falls back to the payload status, and to nulls when the event carries no check", async () => {
    const pending = JSON.stringify({ type: "check.pending", payload: { clientId, status: "pending" } });
    await expect(
      complyCubeWebhooks(complycube()).verifyWebhook({
        headers: new Headers({ "ComplyCube-Signature": sign(pending) }),
        rawBody: pending,
      }),
    ).resolves.toMatchObject({ type: "check.pending", sessionId: clientId, reference: null, status: "pending" });
    const bare = JSON.stringify({ type: "client.created" });
    await expect(
      complyCubeWebhooks(complycube()).verifyWebhook({
        headers: { "ComplyCube-Signature": sign(bare) },
        rawBody: bare,
      }),
    ).resolves.toMatchObject({ type: "client.created", sessionId: null, reference: null, status: null });
  });

  it.each([["a body without a type", { "ComplyCube-Signature": sign("{}") }, "{}", /no `type`/]])(
    "refuses %s",
    async (_name, headers, rawBody, message) => {
      const error = await complyCubeWebhooks(complycube())
        .verifyWebhook({ headers, rawBody })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as Error).message).toMatch(message);
    },
  );
});

webhookCases({
  adapter: complyCubeAdapterDescriptor,
  webhooks: (webhookSecret) =>
    complyCubeWebhooks(createComplyCube({ apiKey: "test_key", ...(webhookSecret !== null && { webhookSecret }) })),
  body: checkCompletedBody,
  outcomes: outcomeCases(checkCompletedBody, "clear", [
    ["clear", "approved", true],
    ["rejected", "declined", true],
    ["attention", "review", false],
    ["match_confirmed", "review", false],
    ["not_a_status", "unknown", false],
  ]),
  event: {
    provider: "complycube",
    type: "check.completed",
    sessionId: clientId,
    reference: "user_1",
    status: "clear",
    outcome: "approved",
    terminal: true,
    deliveryKey: "complycube:evt_1",
    occurredAt: new Date("2026-02-01T12:00:00Z"),
    raw: JSON.parse(checkCompletedBody),
  },
});
