import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import { InputValidationError, InvalidResponseError, WebhookVerificationError } from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import {
  type ArgylePartnersOptions,
  type ArgylePartnersSessionOptions,
  type ArgylePartnersSessions,
  argylePartnersAdapterDescriptor,
  argylePartnersSessions,
  createArgylePartners,
} from "./index.ts";

const credentials = { apiKeyId: "key_id_123", apiKeySecret: "s3cr3t" };
const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const experience = "97f1eccb-241d-4052-8409-fab9e27a589b";
const now = Date.parse("2026-02-01T12:00:00Z");
const created = {
  verification,
  configuration: { redirect_url: "https://app.example/return", language: "ES", experience: null },
  link: "https://connect.argyle.com/?session=abc",
  data_source: "payroll",
};

function fakeFetch(body: unknown = created) {
  return vi.fn(async (_request: Request) => Response.json(body, { status: 200 }));
}

function argyleWith(fetch: ArgylePartnersOptions["fetch"], options: ArgylePartnersOptions = {}) {
  return createArgylePartners({ ...credentials, fetch, clock: { now: () => now }, ...options });
}

type Input = Parameters<ArgylePartnersSessions["createSession"]>[0];

describe("argylePartnersSessions(argylePartners) (facade adapter)", () => {
  it("maps the unified input to configuration.*, sending neither reference, country, person nor metadata", async () => {
    const fetch = fakeFetch();
    const session = await argylePartnersSessions(argyleWith(fetch)).createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/return",
      language: "es",
      country: "US",
      person: { firstName: "Ada", email: "ada@example.com" },
      metadata: { plan: "pro" },
      providerOptions: {
        "argyle-partners": {
          verification,
          experience,
          flowId: "12ABCD3E",
          items: ["item_000000001", "item_000000002"],
          mobileApp: true,
          singleUseUrl: false,
        },
      },
    });
    expect(session).toEqual({
      provider: "argyle-partners",
      id: verification,
      url: "https://connect.argyle.com/?session=abc",
      expiresAt: new Date("2026-02-01T13:00:00Z"),
      sandbox: true,
      status: "created",
      raw: created,
      unsentFields: [
        { field: "reference", reason: "Argyle Partners has no reference field" },
        { field: "country", reason: "Argyle Partners takes no country" },
        { field: "metadata", reason: "Argyle Partners takes no metadata" },
        { field: "person.firstName", reason: "Argyle Partners takes no firstName" },
        { field: "person.email", reason: "Argyle Partners takes no email" },
      ],
    });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://api-sandbox.argyle.com/partners/v2/sessions");
    expect(await request?.json()).toEqual({
      verification,
      configuration: {
        redirect_url: "https://app.example/return",
        language: "ES",
        experience,
        flow_id: "12ABCD3E",
        items: ["item_000000001", "item_000000002"],
        mobile_app: true,
        single_use_url: false,
      },
    });
  });

  it("sends only the verification when nothing else is given; live clients report sandbox: false", async () => {
    const fetch = fakeFetch();
    const session = await argylePartnersSessions(argyleWith(fetch, { environment: "live" })).createSession({
      reference: "user_1",
      providerOptions: { "argyle-partners": { verification } },
    });
    expect(session).toMatchObject({ id: verification, sandbox: false, expiresAt: new Date(now + 3_600_000) });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://api.argyle.com/partners/v2/sessions");
    expect(await request?.json()).toEqual({ verification });
  });

  it("throws InvalidResponseError (not retryable) when the response has no link", async () => {
    // The body echoes the credentials: the error must not (inspect, JSON), wherever it is built.
    const fetch = fakeFetch({
      verification,
      data_source: "payroll",
      echo: `${credentials.apiKeyId}:${credentials.apiKeySecret}`,
    });
    const error = await argylePartnersSessions(argyleWith(fetch))
      .createSession({ reference: "user_1", providerOptions: { "argyle-partners": { verification } } })
      .catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: "argyle-partners", status: 200, isRetryable: false });
    expect((error as Error).message).toMatch(/with no `link` or `banking.link`/);
    const surfaces = `${JSON.stringify(error)} ${inspect(error, { depth: 8, showHidden: true })}`;
    expect(surfaces).not.toContain(credentials.apiKeySecret);
    expect(surfaces).not.toContain(credentials.apiKeyId);
  });

  const options = { "argyle-partners": { verification } };
  const refusals: [string, Record<string, unknown>, string][] = [
    [
      "an upper-case language (unified languages are lower case)",
      { language: "EN", providerOptions: options },
      "language",
    ],
    ["an http redirectUrl", { redirectUrl: "http://app.example", providerOptions: options }, "redirectUrl"],
    ["no providerOptions", {}, "providerOptions.argyle-partners.verification"],
    [
      "a verification that is not a uuid",
      { providerOptions: { "argyle-partners": { verification: "ver_1" } } },
      "providerOptions.argyle-partners.verification",
    ],
    [
      "an experience that is not a uuid",
      { providerOptions: { "argyle-partners": { verification, experience: "exp" } } },
      "providerOptions.argyle-partners.experience",
    ],
    [
      "an empty flowId",
      { providerOptions: { "argyle-partners": { verification, flowId: " " } } },
      "providerOptions.argyle-partners.flowId",
    ],
    [
      "items that are not a list",
      { providerOptions: { "argyle-partners": { verification, items: "item_1" } } },
      "providerOptions.argyle-partners.items",
    ],
    [
      "a non-boolean mobileApp",
      { providerOptions: { "argyle-partners": { verification, mobileApp: "yes" } } },
      "providerOptions.argyle-partners.mobileApp",
    ],
    [
      "a non-boolean singleUseUrl",
      { providerOptions: { "argyle-partners": { verification, singleUseUrl: 1 } } },
      "providerOptions.argyle-partners.singleUseUrl",
    ],
    [
      "an unknown option",
      { providerOptions: { "argyle-partners": { verification, redirect_url: "https://x.example" } } },
      "providerOptions.argyle-partners.redirect_url",
    ],
  ];

  it.each([
    ["a cancelUrl (Argyle has none)", { cancelUrl: "https://app.example/cancel" }, "cancelUrl"],
    ["a language Link does not offer", { language: "fr" }, "language"],
    ["an idempotency key (Argyle documents none)", { idempotencyKey: "k1" }, "idempotencyKey"],
  ] as const)("does not send, and reports, %s", async (_name, input, field) => {
    const fetch = fakeFetch();
    const session = await argylePartnersSessions(argyleWith(fetch)).createSession({
      reference: "user_1",
      ...input,
      providerOptions: options,
    } as Input);
    expect(session.unsentFields.map((entry) => entry.field)).toEqual(["reference", field]);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.headers.get("Idempotency-Key")).toBeNull();
    expect(await request?.text()).not.toMatch(/cancel|"language"/);
  });

  it.each(refusals)("refuses %s before any request", async (_name, input, field) => {
    const fetch = fakeFetch();
    const error = await argylePartnersSessions(argyleWith(fetch))
      .createSession({ reference: "user_1", ...input } as Input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("validate() accepts a valid input without sending anything", () => {
    const fetch = fakeFetch();
    const argyleOptions: ArgylePartnersSessionOptions = { verification: verification.toUpperCase(), items: ["item_1"] };
    argylePartnersSessions(argyleWith(fetch)).validate({
      reference: "u",
      language: "zh",
      providerOptions: { "argyle-partners": argyleOptions },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("creates a session through the Prism mock", async () => {
    const argyle = createArgylePartners({ ...credentials, baseUrl: mockBaseUrl("argyle-partners") });
    const before = Date.now();
    const session = await argylePartnersSessions(argyle).createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/return",
      language: "en",
      providerOptions: { "argyle-partners": { verification, mobileApp: true } },
    });
    expect(session).toMatchObject({ provider: "argyle-partners", id: verification, sandbox: true, status: "created" });
    expect(session.url).toMatch(/^https:\/\/connect/);
    expect(session.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(session.expiresAt?.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });
});

/** An authentic delivery (a verification update). */
const webhookBody = JSON.stringify({
  event: "verifications.updated",
  name: "my-verifications",
  data: {
    user: "018051aa-f7a9-a0db-2f38-6cfa325e9d69",
    client: "0d5cbb49-5ac3-4be9-9e9c-3f0e2a7dcd41",
    verification,
    resource: { id: verification, status: { state: "COMPLETED", code: "completed", errors: [] } },
  },
});

describe("argylePartnersSessions(argylePartners).verifyWebhook", () => {
  afterEach(() => vi.unstubAllEnvs());
  const secret = "argyle_subscription_secret";
  const body = webhookBody;
  // Computed independently of the package: hex HMAC-SHA512 of the raw body (the scheme inferred for partners).
  const sign = (payload = body, key = secret) => createHmac("sha512", key).update(payload).digest("hex");
  const argyle = (webhookSecret: string | null = secret) =>
    createArgylePartners({ ...credentials, ...(webhookSecret !== null && { webhookSecret }) });

  it("takes the reference from resource.external_id, and nulls when the event has no resource", async () => {
    const withRef = JSON.stringify({ event: "users.updated", data: { resource: { external_id: "user_1" } } });
    await expect(
      argylePartnersSessions(argyle()).verifyWebhook({
        headers: new Headers({ "X-Argyle-Signature": sign(withRef) }),
        rawBody: withRef,
      }),
    ).resolves.toMatchObject({ sessionId: null, reference: "user_1", status: null });
    const bare = JSON.stringify({ event: "verifications.updated", name: "n", data: { user: "u", verification } });
    await expect(
      argylePartnersSessions(argyle()).verifyWebhook({ headers: { "X-Argyle-Signature": sign(bare) }, rawBody: bare }),
    ).resolves.toMatchObject({ sessionId: verification, reference: null, status: null });
  });

  it("normalizes verifications.creation_failed, which names no verification", async () => {
    const failed = JSON.stringify({
      event: "verifications.creation_failed",
      name: "partner-hook",
      data: {
        user: "018051aa-f7a9-a0db-2f38-6cfa325e9d69",
        client: "0d5cbb49-5ac3-4be9-9e9c-3f0e2a7dcd41",
        context: { channel: "api", data_source: "payroll", report_type: "voie" },
      },
    });
    await expect(
      argylePartnersSessions(argyle()).verifyWebhook({
        headers: { "X-Argyle-Signature": sign(failed) },
        rawBody: failed,
      }),
    ).resolves.toEqual({
      provider: "argyle-partners",
      type: "verifications.creation_failed",
      sessionId: null,
      reference: null,
      status: null,
      raw: JSON.parse(failed),
    });
  });

  it.each([["a body without an event", { "X-Argyle-Signature": sign("{}") }, "{}", /no `event`/]])(
    "refuses %s",
    async (_name, headers, rawBody, message) => {
      const error = await argylePartnersSessions(argyle())
        .verifyWebhook({ headers, rawBody })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as Error).message).toMatch(message);
    },
  );
});

webhookCases({
  adapter: argylePartnersAdapterDescriptor,
  sessions: (webhookSecret) =>
    argylePartnersSessions(createArgylePartners({ ...credentials, ...(webhookSecret !== null && { webhookSecret }) })),
  body: webhookBody,
  event: {
    provider: "argyle-partners",
    type: "verifications.updated",
    sessionId: verification,
    reference: null,
    status: "COMPLETED",
    raw: JSON.parse(webhookBody),
  },
});
