// The session mapping Argyle and Argyle Partners share (specs/components/argyle-session-mapping.ts,
// generated into both packages): one suite, run by each package with its own client factory and
// descriptor, instead of a copy per package. The generated clients share their shape too (Basic
// auth, host-decided environments, cursor pagination, no idempotency): argyleShapedClientCases.
import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  InputValidationError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  WebhookVerificationError,
} from "@verifetch/core";
import type { AdapterDescriptor } from "@verifetch/core/provider";
import { describe, expect, it, vi } from "vitest";
import { type ConformanceWebhookRequest, credentialCases, outcomeCases, webhookCases } from "./conformance-suite.ts";
import { coversEveryOperation, declaredErrorCases, type OperationCall, SUCCESS } from "./contract-suite.ts";
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
  /** The package's webhook adapter of a client (`argyleWebhooks`). */
  webhooks: (client: TClient) => { verifyWebhook(request: ConformanceWebhookRequest): Promise<unknown> };
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
  const webhooksWithSecret = (webhookSecret: string | null) =>
    cases.webhooks(cases.create({ ...credentials, ...(webhookSecret !== null && { webhookSecret }) }));

  describe(`${provider} verifyWebhook (Argyle-shaped webhook mapping)`, () => {
    const sign = signArgyleWebhook;
    const webhooks = () => webhooksWithSecret(argyleTestWebhookSecret);

    it("takes the reference from resource.external_id, and nulls when the event has no resource", async () => {
      const withRef = JSON.stringify({ event: "users.updated", data: { resource: { external_id: "user_1" } } });
      await expect(
        webhooks().verifyWebhook({
          headers: new Headers({ "X-Argyle-Signature": sign(withRef) }),
          rawBody: withRef,
        }),
      ).resolves.toMatchObject({ sessionId: null, reference: "user_1", status: null });
      const bare = JSON.stringify({ event: "verifications.updated", name: "n", data: { user: "u", verification } });
      await expect(
        webhooks().verifyWebhook({ headers: { "X-Argyle-Signature": sign(bare) }, rawBody: bare }),
      ).resolves.toMatchObject({ sessionId: verification, reference: null, status: null });
    });

    it.each([["a body without an event", { "X-Argyle-Signature": sign("{}") }, "{}", /no `event`/]])(
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
    adapter: cases.descriptor.adapter,
    webhooks: webhooksWithSecret,
    body: webhookBody,
    outcomes: outcomeCases(webhookBody, "COMPLETED", [
      ["COMPLETED", "completed", true],
      ["CANCELLED", "abandoned", true],
      ["PAUSED", "resubmission_requested", false],
      ["PROCESSING", "pending", false],
      ["not_a_status", "unknown", false],
    ]),
    event: {
      provider,
      type: "verifications.updated",
      sessionId: verification,
      reference: null,
      status: "COMPLETED",
      outcome: "completed",
      terminal: true,
      raw: JSON.parse(webhookBody),
    },
  });
}

/** The client options the client cases pass to the package's `create…` factory. */
export interface ArgyleShapedClientFactoryOptions {
  apiKeyId?: string;
  apiKeySecret?: string;
  fetch?: Fetch;
  clock?: { sleep: (ms: number) => Promise<void> };
  environment?: "sandbox" | "live";
  baseUrl?: string;
}

/** A session body both APIs take. */
export interface ArgyleShapedSessionBody {
  verification: string;
  configuration: { redirect_url: string; experience?: string; single_use_url?: boolean };
}

/** The generated client surface the client cases call (method syntax: each package's stricter types fit). */
export interface ArgyleShapedClient {
  readonly environment: string;
  createSession(body: ArgyleShapedSessionBody, options?: { idempotencyKey?: string }): Promise<unknown>;
  getVerification(id: string): Promise<unknown>;
  iterateVerifications(query?: { limit?: number }): AsyncIterable<{ id?: string | undefined }>;
}

/** What a package running the Argyle-shaped client cases passes. */
export interface ArgyleShapedClientCases<TClient extends ArgyleShapedClient> {
  descriptor: ArgyleShapedCases<TClient>["descriptor"] & {
    packageName: string;
    credentials: readonly { option: string; envVar: string; scheme: string; header: string }[];
    environments: { decidedBy: string };
  };
  create: (options?: ArgyleShapedClientFactoryOptions) => TClient;
  /** `<provider>ApiClient(client).GET` on the getVerification path, for this id. */
  apiGetVerification: (client: TClient, id: string) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** The package's exported session link lifetime. */
  sessionTtlMs: number;
  /** The filter a list call must keep across pages (`user` for Argyle, `client` for Argyle Partners). */
  listFilter: Record<string, string>;
  /** Calls to the documented paths: [operation, call, method, path below the host]. */
  documentedCalls: [string, (client: TClient) => Promise<unknown>, string, string][];
}

/** Registers the generated-client cases (transport, hosts, pagination, errors, retries, redaction, credentials) for one provider. */
export function argyleShapedClientCases<TClient extends ArgyleShapedClient>(
  cases: ArgyleShapedClientCases<TClient>,
): void {
  const { provider, title } = cases.descriptor.adapter;
  const { hosts } = cases.descriptor.environments;
  const path = (operationId: string) =>
    cases.descriptor.operations.find((op) => op.operationId === operationId)?.path ?? operationId;
  const credentials = argyleTestCredentials;
  const basic = `Basic ${btoa("key_id_123:s3cr3t")}`;
  const verificationId = argyleTestVerification;
  const sessionBody = { verification: verificationId, configuration: { redirect_url: "https://app.example/return" } };
  const fakeFetch = (status: number, body: unknown) =>
    vi.fn(async (_request: Request) => Response.json(body, { status }));
  const clientWith = (fetch: Fetch, options: ArgyleShapedClientFactoryOptions = {}) =>
    cases.create({ ...credentials, fetch, ...options });
  const verificationPath = (id: string) => path("getVerification").replace("{id}", id);
  const listPath = path("listVerifications");

  describe(`${provider} generated client (unit, injected fetch; Argyle-shaped cases)`, () => {
    it("posts a session to the sandbox host with Basic auth, JSON body and User-Agent", async () => {
      const fetch = fakeFetch(200, { verification: verificationId, link: "https://connect.argyle.com/?x" });
      const session = await clientWith(fetch).createSession(sessionBody);
      expect(session).toEqual({ verification: verificationId, link: "https://connect.argyle.com/?x" });
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.method).toBe("POST");
      expect(request?.url).toBe(`${hosts.sandbox}${path("createSession")}`);
      expect(request?.headers.get("Authorization")).toBe(basic);
      expect(request?.headers.get("Content-Type")).toBe("application/json");
      const userAgent = cases.descriptor.packageName.replace("@verifetch/", "verifetch-");
      expect(request?.headers.get("User-Agent")).toMatch(new RegExp(`^${userAgent}/\\d+\\.\\d+\\.\\d+`));
      expect(await request?.json()).toEqual(sessionBody);
    });

    it.each(cases.documentedCalls)("%s sends %s to the documented path", async (_name, call, method, callPath) => {
      const fetch = fakeFetch(200, { id: verificationId });
      await call(clientWith(fetch));
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.method).toBe(method);
      expect(request?.url).toBe(`${hosts.sandbox}${callPath}`);
    });

    it("iterates every verification across 3 pages, reading the cursor from each `next` URL", async () => {
      const pages: Record<string, unknown> = {
        first: {
          next: `${hosts.sandbox}${listPath}?cursor=c2&limit=2`,
          previous: null,
          results: [{ id: "v1" }, { id: "v2" }],
        },
        c2: {
          // A `next` on another host must not redirect the request: only its cursor is used.
          next: `https://elsewhere.example${listPath}?cursor=c3&limit=2`,
          previous: `${hosts.sandbox}${listPath}?cursor=c1&limit=2`,
          results: [{ id: "v3" }, { id: "v4" }],
        },
        c3: { next: null, previous: `${hosts.sandbox}${listPath}?cursor=c2`, results: [{ id: "v5" }] },
      };
      const fetch = vi.fn(async (request: Request) =>
        Response.json(pages[new URL(request.url).searchParams.get("cursor") ?? "first"]),
      );
      const ids: (string | undefined)[] = [];
      const query = { ...cases.listFilter, limit: 2 };
      for await (const verification of clientWith(fetch).iterateVerifications(query)) ids.push(verification.id);
      expect(ids).toEqual(["v1", "v2", "v3", "v4", "v5"]);
      const filter = new URLSearchParams(cases.listFilter);
      expect(fetch.mock.calls.map(([request]) => request.url)).toEqual([
        `${hosts.sandbox}${listPath}?${filter}&limit=2`,
        `${hosts.sandbox}${listPath}?${filter}&limit=2&cursor=c2`,
        `${hosts.sandbox}${listPath}?${filter}&limit=2&cursor=c3`,
      ]);
      expect(fetch.mock.calls.every(([request]) => request.headers.get("Authorization") === basic)).toBe(true);
    });

    // A static mock serving the vendor's first page answers every cursor with the same page: a
    // `next` that repeats the cursor just sent would loop forever, so the iterator refuses it.
    it("refuses a next link that repeats the cursor it was fetched with (InvalidResponseError)", async () => {
      const firstPage = {
        next: `${hosts.sandbox}${listPath}?cursor=ZXhhbXBsZV9jdXJzb3I`,
        previous: null,
        results: [{ id: "v1" }, { id: "v2" }],
      };
      const fetch = vi.fn(async (_request: Request) => Response.json(firstPage));
      const ids: (string | undefined)[] = [];
      const iterate = async () => {
        for await (const verification of clientWith(fetch).iterateVerifications({ limit: 2 }))
          ids.push(verification.id);
      };
      const error = await iterate().catch((e: unknown) => e);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^${provider} sent a next-page link without a new "cursor", so the list cannot go on: .*cursor=ZXhhbXBsZV9jdXJzb3I`,
        ),
      );
      expect(ids).toEqual(["v1", "v2", "v1", "v2"]);
      expect(fetch.mock.calls.map(([request]) => new URL(request.url).search)).toEqual([
        "?limit=2",
        "?limit=2&cursor=ZXhhbXBsZV9jdXJzb3I",
      ]);
    });

    it("stops iterating with the typed error when a page fails", async () => {
      let calls = 0;
      const fetch = vi.fn(async () =>
        ++calls === 1
          ? Response.json({ next: `${hosts.sandbox}${listPath}?cursor=c2`, results: [{ id: "v1" }] })
          : Response.json({ detail: "Invalid username/password." }, { status: 401 }),
      );
      const seen: unknown[] = [];
      const iterate = async () => {
        for await (const verification of clientWith(fetch).iterateVerifications()) seen.push(verification);
      };
      await expect(iterate()).rejects.toBeInstanceOf(AuthenticationError);
      expect(seen).toEqual([{ id: "v1" }]);
    });

    it("picks the host from `environment`, sandbox by default", () => {
      expect(cases.create().environment).toBe("sandbox");
      expect(cases.create({ environment: "live" }).environment).toBe("live");
      expect(cases.create({ baseUrl: hosts.live }).environment).toBe("live");
      expect(cases.create({ baseUrl: "http://127.0.0.1:4010" }).environment).toBe("sandbox");
      expect(cases.create({ baseUrl: "https://proxy.example", environment: "live" }).environment).toBe("live");
    });

    it("sends live calls to the production host", async () => {
      const fetch = fakeFetch(200, {});
      await clientWith(fetch, { environment: "live" }).getVerification(verificationId);
      expect(fetch.mock.calls[0]?.[0].url).toBe(`${hosts.live}${verificationPath(verificationId)}`);
    });

    it("refuses an Argyle host that contradicts `environment` at construction, before any request", () => {
      const fetch = fakeFetch(200, {});
      const liveAsSandbox = () => clientWith(fetch, { baseUrl: hosts.live, environment: "sandbox" });
      expect(liveAsSandbox).toThrow(ConfigurationError);
      expect(liveAsSandbox).toThrow(`${title}: baseUrl ${hosts.live} is the live host but environment is "sandbox"`);
      const sandboxAsLive = () => clientWith(fetch, { baseUrl: hosts.sandbox, environment: "live" });
      expect(sandboxAsLive).toThrow(ConfigurationError);
      expect(sandboxAsLive).toThrow(`${title}: baseUrl ${hosts.sandbox} is the sandbox host but environment is "live"`);
      expect(() => clientWith(fetch, { baseUrl: `${hosts.sandbox}/`, environment: "live" })).toThrow(
        ConfigurationError,
      );
      expect(fetch).not.toHaveBeenCalled();
    });

    it("refuses an unknown environment name", () => {
      const environment = "production" as unknown as "live";
      expect(() => cases.create({ environment })).toThrow(ConfigurationError);
    });

    it("throws typed errors carrying Argyle's error body", async () => {
      const unauthorized = clientWith(fakeFetch(401, { detail: "Invalid environment." }));
      const error = await unauthorized.createSession(sessionBody).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ provider, status: 401, body: { detail: "Invalid environment." } });
      expect((error as Error).message).toBe(`${provider} responded 401: Invalid environment.`);

      const missing = clientWith(fakeFetch(404, { detail: "Not found." }));
      await expect(missing.getVerification(verificationId)).rejects.toBeInstanceOf(NotFoundError);
      const invalid = clientWith(fakeFetch(400, { verification: ["Must be a valid UUID."] }));
      const badRequest = await invalid.createSession(sessionBody).catch((e: unknown) => e);
      expect(badRequest).toBeInstanceOf(BadRequestError);
      expect(badRequest).toMatchObject({ body: { verification: ["Must be a valid UUID."] } });
    });

    // Argyle documents no idempotency key: a create call that may have reached it is never repeated.
    it("never retries a create call after a 5xx, but retries a read", async () => {
      const instant = { sleep: async () => {} };
      const fetch = fakeFetch(503, { detail: "A server error occurred." });
      await expect(clientWith(fetch, { clock: instant }).createSession(sessionBody)).rejects.toBeInstanceOf(
        InternalServerError,
      );
      expect(fetch).toHaveBeenCalledTimes(1);
      fetch.mockClear();
      await expect(clientWith(fetch, { clock: instant }).getVerification(verificationId)).rejects.toBeInstanceOf(
        InternalServerError,
      );
      expect(fetch).toHaveBeenCalledTimes(3);
    });

    it("refuses an idempotencyKey, which Argyle would ignore, before sending", async () => {
      const fetch = fakeFetch(200, {});
      const error = await clientWith(fetch)
        .createSession(sessionBody, { idempotencyKey: "k1" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(fetch).not.toHaveBeenCalled();
    });

    it("sends <provider>ApiClient(...) calls with the same host and Basic auth, returning { data, error, response }", async () => {
      const fetch = fakeFetch(404, { detail: "Not found." });
      const result = await cases.apiGetVerification(clientWith(fetch), verificationId);
      expect(result.data).toBeUndefined();
      expect(result.error).toEqual({ detail: "Not found." });
      expect(result.response.status).toBe(404);
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.url).toBe(`${hosts.sandbox}${verificationPath(verificationId)}`);
      expect(request?.headers.get("Authorization")).toBe(basic);
    });

    it("redacts the key id, the secret and the Basic token when Argyle (or a proxy) echoes them back", async () => {
      const token = btoa("key_id_123:s3cr3t");
      const echo = { detail: `rejected Basic ${token} for key_id_123 / s3cr3t` };
      const error = await clientWith(fakeFetch(401, echo))
        .getVerification(verificationId)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ body: { detail: "rejected Basic *** for *** / ***" } });
      const shown = `${String(error)} ${JSON.stringify(error)}`;
      for (const secret of [token, "key_id_123", "s3cr3t"]) expect(shown).not.toContain(secret);
    });

    it("does not expose the credentials through JSON or inspection", () => {
      const client = cases.create({ apiKeyId: "id_visible_nowhere", apiKeySecret: "supersecret" });
      const dump = JSON.stringify(client) + Object.values(client).map(String).join();
      expect(dump).not.toContain("supersecret");
      expect(dump).not.toContain("id_visible_nowhere");
    });

    it("refuses plain http to a non-loopback host", () => {
      expect(() => cases.create({ baseUrl: "http://api.argyle.com" })).toThrow(ConfigurationError);
    });

    it("documents the one-hour session link lifetime", () => {
      expect(cases.sessionTtlMs).toBe(60 * 60 * 1000);
    });
  });

  credentialCases({
    descriptor: cases.descriptor,
    create: (fetch) => cases.create({ fetch }),
    call: (client) => client.createSession(sessionBody),
    response: { link: "https://connect.argyle.com/x" },
  });
}

/** What a package running the Argyle-shaped contract cases (against its Prism mock) passes. */
export interface ArgyleShapedContractCases {
  provider: string;
  /** A client on the provider's Prism mock, sending through `fetch`. */
  create: (fetch: Fetch) => ArgyleShapedClient;
  /** One call per operation of the spec. */
  calls: { createSession: OperationCall; createUser: OperationCall } & Record<string, OperationCall>;
}

/**
 * Registers, inside the package's contract describe, the cases both Argyle mocks answer alike:
 * the banking session and the new user come back as documented, every operation covered, each declared error typed with Argyle's `{ detail }` body, a request
 * without credentials refused, and iteration ending on the mock's last page.
 */
export function argyleShapedContractCases(cases: ArgyleShapedContractCases): void {
  const verificationId = argyleTestVerification;
  const bankingSession: ArgyleShapedSessionBody = {
    verification: verificationId,
    configuration: {
      experience: "97f1eccb-241d-4052-8409-fab9e27a589b",
      single_use_url: false,
      redirect_url: "https://your-application.com/return",
    },
  };

  it("createSession returns the session and its link", async () => {
    const session = await cases.calls.createSession({ ...SUCCESS, headers: { Prefer: "example=banking" } });
    expect(session).toMatchObject({ verification: verificationId, data_source: "banking" });
    expect(session).toMatchObject({ link: expect.stringMatching(/^https:\/\//) });
  });

  it("createUser returns the user id and token", async () => {
    expect(await cases.calls.createUser(SUCCESS)).toEqual({
      user_token: "<SECRET>",
      id: "7a614711-066f-4b6b-b319-4c6236b5acc1",
    });
  });

  // The repeated-cursor refusal is a unit test (argyleShapedClientCases); the mock's list ends.
  it("iterateVerifications against the mock ends on the last page (`next` null)", async () => {
    const fetch = vi.fn((request: Request) => globalThis.fetch(request));
    const ids: (string | undefined)[] = [];
    for await (const verification of cases.create(fetch).iterateVerifications({ limit: 2 })) ids.push(verification.id);
    expect(ids).toEqual([verificationId, "43a2c6c3-1e63-91e5-88e3-f9ab2dcc3333"]);
    expect(fetch.mock.calls.map(([request]) => new URL(request.url).search)).toEqual(["?limit=2"]);
  });

  coversEveryOperation(cases.provider, cases.calls);
  declaredErrorCases(cases.provider, cases.calls, (body) => {
    expect(body).toEqual({ detail: expect.any(String) });
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = cases.create((request) => {
      request.headers.delete("Authorization");
      return fetch(request);
    });
    const error = await anonymous.createSession(bankingSession).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ detail: "Invalid username/password." });
  });
}

/** A client whose createSession takes the seed's request and per-call headers. */
export interface ArgyleSeedClient<TRequest> {
  createSession(body: TRequest, options: { headers: Record<string, string> }): Promise<unknown>;
}

/**
 * Registers, per seed example [Prism example name, request, response], the check that the mock
 * accepts the request as sent (no `sl-violations`) and the client hands back the response unchanged.
 */
export function argyleSeedExampleCases<TRequest>(cases: {
  provider: string;
  /** A client on the provider's Prism mock, sending through `fetch`. */
  create: (options: {
    apiKeyId: string;
    apiKeySecret: string;
    baseUrl: string;
    fetch: Fetch;
  }) => ArgyleSeedClient<TRequest>;
  examples: [string, TRequest, unknown][];
}): void {
  it.each(cases.examples)(
    "the %s example request is accepted and the example response comes back",
    async (example, request, response) => {
      const exchanges: { body: unknown; violations: string | null }[] = [];
      const client = cases.create({
        apiKeyId: "seed_id",
        apiKeySecret: "seed_secret",
        baseUrl: mockBaseUrl(cases.provider),
        fetch: async (outgoing) => {
          const body: unknown = await outgoing.clone().json();
          const answer = await fetch(outgoing);
          exchanges.push({ body, violations: answer.headers.get("sl-violations") });
          return answer;
        },
      });
      const session = await client.createSession(request, { headers: { Prefer: `example=${example}` } });
      expect(session).toEqual(response);
      expect(exchanges).toEqual([{ body: request, violations: null }]);
    },
  );
}
