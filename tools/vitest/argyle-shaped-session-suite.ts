// The session mapping Argyle and Argyle Partners share (specs/components/argyle-session-mapping.ts,
// generated into both packages): one suite, run by each package with its own client factory and
// descriptor, instead of a copy per package.
import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import { InputValidationError, InvalidResponseError, WebhookVerificationError } from "@verifetch/core";
import type { AdapterDescriptor } from "@verifetch/core/provider";
import { describe, expect, it, vi } from "vitest";
import { type ConformanceWebhookRequest, webhookCases } from "./conformance-suite.ts";
import { mockBaseUrl } from "./mock-urls.ts";

type Fetch = (request: Request) => Promise<Response>;

/** The API key pair the cases build clients with (and look for in error surfaces). */
export const argyleTestCredentials = { apiKeyId: "key_id_123", apiKeySecret: "s3cr3t" } as const;

/** The verification id the cases create sessions for and webhooks report on. */
export const argyleTestVerification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";

/** The webhook subscription secret the verifyWebhook cases sign with. */
export const argyleTestWebhookSecret = "argyle_subscription_secret";

/** Signs a delivery as Argyle does, computed independently of the packages: hex HMAC-SHA512 of the raw body. */
export function signArgyleWebhook(payload: string, key: string = argyleTestWebhookSecret): string {
  return createHmac("sha512", key).update(payload).digest("hex");
}

/** The client options the cases pass to the package's `create…` factory. */
export interface ArgyleShapedClientOptions {
  apiKeyId: string;
  apiKeySecret: string;
  fetch?: Fetch;
  clock?: { now: () => number };
  environment?: "sandbox" | "live";
  baseUrl?: string;
  webhookSecret?: string;
}

/** A unified session input, loosely typed: the cases build it per provider key (and deliberately ill-typed). */
export interface LooseArgyleSessionInput {
  reference: string;
  [field: string]: unknown;
}

/** The adapter surface the cases call (method syntax: each package's stricter input type fits). */
export interface ArgyleShapedSessions {
  createSession(input: LooseArgyleSessionInput): Promise<{
    id: string;
    url: string;
    expiresAt: Date | null;
    unsentFields: readonly { field: string }[];
  }>;
  validate(input: LooseArgyleSessionInput): void;
  verifyWebhook(request: ConformanceWebhookRequest): Promise<unknown>;
}

/** What a package running the Argyle-shaped mapping cases passes. */
export interface ArgyleShapedCases<TClient> {
  descriptor: {
    adapter: AdapterDescriptor;
    environments: { hosts: { sandbox: string; live: string } };
    operations: readonly { operationId: string; path: string }[];
  };
  create: (options: ArgyleShapedClientOptions) => TClient;
  sessions: (client: TClient) => ArgyleShapedSessions;
  /**
   * Whether the provider answers a session with `banking.link` instead of `link` (Argyle Partners'
   * banking sessions): then that link is the session URL, else such an answer has no link.
   */
  bankingLink: boolean;
  /** What the InvalidResponseError for an answer with no link says. */
  missingLink: RegExp;
  /** Fields the provider adds to the `data` of a `verifications.updated` delivery (beyond user, verification, resource). */
  webhookData?: Record<string, unknown>;
}

/** Registers the mapping cases (unified input → `configuration.*`, refusals, expiry, Prism, webhooks) for one provider. */
export function argyleShapedSessionCases<TClient>(cases: ArgyleShapedCases<TClient>): void {
  const { provider, title } = cases.descriptor.adapter;
  const ttlMs = cases.descriptor.adapter.session.ttlMs ?? 0;
  const { hosts } = cases.descriptor.environments;
  const createPath = cases.descriptor.operations.find((op) => op.operationId === "createSession")?.path;
  const credentials = argyleTestCredentials;
  const verification = argyleTestVerification;
  const experience = "97f1eccb-241d-4052-8409-fab9e27a589b";
  const now = Date.parse("2026-02-01T12:00:00Z");
  const created = {
    verification,
    configuration: { redirect_url: "https://app.example/return", language: "ES", experience: null },
    link: "https://connect.argyle.com/?session=abc",
    data_source: "payroll",
  };
  const fakeFetch = (body: unknown = created) =>
    vi.fn(async (_request: Request) => Response.json(body, { status: 200 }));
  const sessionsWith = (fetch: Fetch, options: Partial<ArgyleShapedClientOptions> = {}) =>
    cases.sessions(cases.create({ ...credentials, fetch, clock: { now: () => now }, ...options }));
  const options = { [provider]: { verification } };

  describe(`${provider} (facade adapter over the Argyle-shaped session mapping)`, () => {
    it("maps the unified input to configuration.*, sending neither reference, country, person nor metadata", async () => {
      const fetch = fakeFetch();
      const session = await sessionsWith(fetch).createSession({
        reference: "user_1",
        redirectUrl: "https://app.example/return",
        language: "es",
        country: "US",
        person: { firstName: "Ada", email: "ada@example.com" },
        metadata: { plan: "pro" },
        providerOptions: {
          [provider]: {
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
        provider,
        id: verification,
        url: "https://connect.argyle.com/?session=abc",
        expiresAt: new Date(now + ttlMs),
        sandbox: true,
        status: "created",
        raw: created,
        unsentFields: [
          { field: "reference", reason: `${title} has no reference field` },
          { field: "country", reason: `${title} takes no country` },
          { field: "metadata", reason: `${title} takes no metadata` },
          { field: "person.firstName", reason: `${title} takes no firstName` },
          { field: "person.email", reason: `${title} takes no email` },
        ],
      });
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.url).toBe(`${hosts.sandbox}${createPath}`);
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
      const session = await sessionsWith(fetch, { environment: "live" }).createSession({
        reference: "user_1",
        providerOptions: options,
      });
      expect(session).toMatchObject({ id: verification, sandbox: false, expiresAt: new Date(now + ttlMs) });
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.url).toBe(`${hosts.live}${createPath}`);
      expect(await request?.json()).toEqual({ verification });
    });

    it("throws InvalidResponseError (not retryable) when the response has no link", async () => {
      // The body echoes the credentials: the error must not (inspect, JSON), wherever it is built.
      const fetch = fakeFetch({
        verification,
        data_source: "payroll",
        echo: `${credentials.apiKeyId}:${credentials.apiKeySecret}`,
      });
      const error = await sessionsWith(fetch)
        .createSession({ reference: "user_1", providerOptions: options })
        .catch((e: unknown) => e);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ provider, status: 200, isRetryable: false });
      expect((error as Error).message).toMatch(cases.missingLink);
      const surfaces = `${JSON.stringify(error)} ${inspect(error, { depth: 8, showHidden: true })}`;
      expect(surfaces).not.toContain(credentials.apiKeySecret);
      expect(surfaces).not.toContain(credentials.apiKeyId);
    });

    const banking = {
      verification,
      data_source: "banking",
      banking: { link: "https://connect2.finicity.com/?session=abc" },
    };
    if (cases.bankingLink) {
      it("takes the session URL from banking.link when the answer has no link", async () => {
        const session = await sessionsWith(fakeFetch(banking)).createSession({
          reference: "user_1",
          providerOptions: options,
        });
        expect(session).toMatchObject({ id: verification, url: banking.banking.link, raw: banking });
      });
    } else {
      it("refuses an answer with only banking.link (no link)", async () => {
        const error = await sessionsWith(fakeFetch(banking))
          .createSession({ reference: "user_1", providerOptions: options })
          .catch((e: unknown) => e);
        expect(InvalidResponseError.isInstance(error)).toBe(true);
        expect((error as Error).message).toMatch(cases.missingLink);
      });
    }

    const refusals: [string, Record<string, unknown>, string][] = [
      [
        "an upper-case language (unified languages are lower case)",
        { language: "EN", providerOptions: options },
        "language",
      ],
      ["an http redirectUrl", { redirectUrl: "http://app.example", providerOptions: options }, "redirectUrl"],
      ["no providerOptions", {}, `providerOptions.${provider}.verification`],
      [
        "a verification that is not a uuid",
        { providerOptions: { [provider]: { verification: "ver_1" } } },
        `providerOptions.${provider}.verification`,
      ],
      [
        "an experience that is not a uuid",
        { providerOptions: { [provider]: { verification, experience: "exp" } } },
        `providerOptions.${provider}.experience`,
      ],
      [
        "an empty flowId",
        { providerOptions: { [provider]: { verification, flowId: " " } } },
        `providerOptions.${provider}.flowId`,
      ],
      [
        "items that are not a list",
        { providerOptions: { [provider]: { verification, items: "item_1" } } },
        `providerOptions.${provider}.items`,
      ],
      [
        "a non-boolean mobileApp",
        { providerOptions: { [provider]: { verification, mobileApp: "yes" } } },
        `providerOptions.${provider}.mobileApp`,
      ],
      [
        "a non-boolean singleUseUrl",
        { providerOptions: { [provider]: { verification, singleUseUrl: 1 } } },
        `providerOptions.${provider}.singleUseUrl`,
      ],
      [
        "an unknown option",
        { providerOptions: { [provider]: { verification, redirect_url: "https://x.example" } } },
        `providerOptions.${provider}.redirect_url`,
      ],
    ];

    it.each([
      ["a cancelUrl (Argyle has none)", { cancelUrl: "https://app.example/cancel" }, "cancelUrl"],
      ["a language Link does not offer", { language: "fr" }, "language"],
      ["an idempotency key (Argyle documents none)", { idempotencyKey: "k1" }, "idempotencyKey"],
    ] as const)("does not send, and reports, %s", async (_name, input, field) => {
      const fetch = fakeFetch();
      const session = await sessionsWith(fetch).createSession({
        reference: "user_1",
        ...input,
        providerOptions: options,
      });
      expect(session.unsentFields.map((entry) => entry.field)).toEqual(["reference", field]);
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.headers.get("Idempotency-Key")).toBeNull();
      expect(await request?.text()).not.toMatch(/cancel|"language"/);
    });

    it.each(refusals)("refuses %s before any request", async (_name, input, field) => {
      const fetch = fakeFetch();
      // Some inputs are deliberately ill-typed: validation is for JavaScript callers too.
      const error = await sessionsWith(fetch)
        .createSession({ reference: "user_1", ...input })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field });
      expect(fetch).not.toHaveBeenCalled();
    });

    it("validate() accepts a valid input without sending anything", () => {
      const fetch = fakeFetch();
      sessionsWith(fetch).validate({
        reference: "u",
        language: "zh",
        providerOptions: { [provider]: { verification: verification.toUpperCase(), items: ["item_1"] } },
      });
      expect(fetch).not.toHaveBeenCalled();
    });

    it("creates a session through the Prism mock", async () => {
      const client = cases.create({ ...credentials, baseUrl: mockBaseUrl(provider) });
      const before = Date.now();
      const session = await cases.sessions(client).createSession({
        reference: "user_1",
        redirectUrl: "https://app.example/return",
        language: "en",
        providerOptions: { [provider]: { verification, mobileApp: true } },
      });
      expect(session).toMatchObject({ provider, id: verification, sandbox: true, status: "created" });
      expect(session.url).toMatch(/^https:\/\/connect/);
      expect(session.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + ttlMs);
      expect(session.expiresAt?.getTime()).toBeLessThanOrEqual(Date.now() + ttlMs);
    });
  });

  /** An authentic delivery (a verification update). */
  const webhookBody = JSON.stringify({
    event: "verifications.updated",
    name: "my-verifications",
    data: {
      user: "018051aa-f7a9-a0db-2f38-6cfa325e9d69",
      ...cases.webhookData,
      verification,
      resource: { id: verification, status: { state: "COMPLETED", code: "completed", errors: [] } },
    },
  });
  const sessionsWithSecret = (webhookSecret: string | null) =>
    cases.sessions(cases.create({ ...credentials, ...(webhookSecret !== null && { webhookSecret }) }));

  describe(`${provider} verifyWebhook (Argyle-shaped webhook mapping)`, () => {
    const sign = signArgyleWebhook;
    const sessions = () => sessionsWithSecret(argyleTestWebhookSecret);

    it("takes the reference from resource.external_id, and nulls when the event has no resource", async () => {
      const withRef = JSON.stringify({ event: "users.updated", data: { resource: { external_id: "user_1" } } });
      await expect(
        sessions().verifyWebhook({
          headers: new Headers({ "X-Argyle-Signature": sign(withRef) }),
          rawBody: withRef,
        }),
      ).resolves.toMatchObject({ sessionId: null, reference: "user_1", status: null });
      const bare = JSON.stringify({ event: "verifications.updated", name: "n", data: { user: "u", verification } });
      await expect(
        sessions().verifyWebhook({ headers: { "X-Argyle-Signature": sign(bare) }, rawBody: bare }),
      ).resolves.toMatchObject({ sessionId: verification, reference: null, status: null });
    });

    it.each([["a body without an event", { "X-Argyle-Signature": sign("{}") }, "{}", /no `event`/]])(
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
    adapter: cases.descriptor.adapter,
    sessions: sessionsWithSecret,
    body: webhookBody,
    event: {
      provider,
      type: "verifications.updated",
      sessionId: verification,
      reference: null,
      status: "COMPLETED",
      raw: JSON.parse(webhookBody),
    },
  });
}
