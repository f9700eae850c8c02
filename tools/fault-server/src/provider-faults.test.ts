// Fault tests: real provider clients against a real local HTTP server that scripts failures.
// ComplyCube documents no idempotency key (its creates must never be repeated once they may have
// arrived); Verifa, Persona and Stripe honour `Idempotency-Key` (their creates may be retried with the
// same key). Onfido's hosted session is two creates without idempotency key (an applicant, then a
// workflow run).
import { inspect } from "node:util";
import { createComplyCube } from "@verifetch/complycube";
import {
  AbortError,
  ConnectionError,
  getResponseMeta,
  InternalServerError,
  InvalidResponseError,
  type Logger,
  logResponses,
  RateLimitError,
  TimeoutError,
  VerifetchError,
} from "@verifetch/core";
import { createOnfido, onfidoApplicantIdOf, onfidoSessions } from "@verifetch/onfido";
import { createPersona, personaSessions } from "@verifetch/persona";
import { createStripeIdentity, stripeIdentitySessions } from "@verifetch/stripe-identity";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import { AllProvidersFailedError, createVerifetch } from "verifetch";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FaultServer, type FaultStep, startFaultServer } from "./fault-server.ts";

const COMPLYCUBE_KEY = "test_cc_secret_0123456789";
const VERIFA_KEY = "vk_sandbox_verifa_secret_0123456789";
const flowSession = {
  clientId: "5eb04fcd0f3e360008035eb1",
  checkTypes: ["identity_check" as const],
  successUrl: "https://app.example/done",
  cancelUrl: "https://app.example/cancel",
};
const sessionJson = JSON.stringify({
  id: "session_1",
  status: "pending",
  capture_url: "https://app.withverifa.com/verify/tok_1",
  is_sandbox: true,
  created_at: "2026-02-01T12:00:00Z",
  expires_at: "2026-02-01T12:20:00Z",
  external_ref: null,
  qr_code_data_url: null,
  tags: [],
});

let server: FaultServer;
let sleeps: number[];
const clock = {
  sleep: async (ms: number) => {
    sleeps.push(ms);
  },
  random: () => 0,
};

beforeEach(async () => {
  server = await startFaultServer();
  sleeps = [];
});
afterEach(() => server.stop());

const complycube = (options: Parameters<typeof createComplyCube>[0] = {}) =>
  createComplyCube({ apiKey: COMPLYCUBE_KEY, baseUrl: server.baseUrl, clock, ...options });
const verifa = (options: Parameters<typeof createVerifa>[0] = {}) =>
  createVerifa({ apiKey: VERIFA_KEY, baseUrl: server.baseUrl, clock, ...options });

describe("fault server: retries and waits", () => {
  it("429 with Retry-After: 1, then 200: waits 1 s and succeeds (POST, no idempotency needed)", async () => {
    server.script(
      "/v1/flow/sessions",
      { status: 429, headers: { "Retry-After": "1" }, body: "{}" },
      { status: 200, body: '{"redirectUrl":"https://flow.complycube.com/x"}' },
    );
    expect(await complycube().createFlowSession(flowSession)).toEqual({ redirectUrl: "https://flow.complycube.com/x" });
    expect(server.seen("/v1/flow/sessions")).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
  });

  it("honours Retry-After in real time too", async () => {
    server.script(
      "/v1/clients/c1",
      { status: 429, headers: { "Retry-After": "1" }, body: "{}" },
      { status: 200, body: '{"id":"c1","type":"person"}' },
    );
    const started = performance.now();
    await createComplyCube({ apiKey: COMPLYCUBE_KEY, baseUrl: server.baseUrl }).getClient("c1");
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("503 twice, then 200: three attempts with one identical Idempotency-Key, exposed on the result", async () => {
    server.script(
      "/api/v1/sessions",
      { status: 503, body: "{}" },
      { status: 503, body: "{}" },
      { status: 201, body: sessionJson },
    );
    const session = await verifa().createSession({ external_ref: "u1" });
    const keys = server.seen("/api/v1/sessions").map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(getResponseMeta(session)).toMatchObject({ idempotencyKey: keys[0], retryCount: 2 });
    expect(server.seen("/api/v1/sessions").map((r) => r.body)).toEqual(Array(3).fill('{"external_ref":"u1"}'));
    expect(sleeps).toEqual([500, 1000]);
  });

  it("500 on a create without idempotency: exactly one request reaches the server", async () => {
    server.script(
      "/v1/flow/sessions",
      { status: 500, body: '{"type":"internal_server_error","message":"boom"}' },
      { status: 200, body: "{}" },
    );
    const error = await complycube()
      .createFlowSession(flowSession)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, retryCount: 0, body: { type: "internal_server_error" } });
    expect(server.seen("/v1/flow/sessions")).toHaveLength(1);
  });
});

describe("fault server: broken connections and bodies", () => {
  it("a hang past the timeout: GET retried then TimeoutError, POST tried once", async () => {
    server.script("/v1/clients/c2", { hang: true }, { hang: true });
    const get = await complycube({ timeoutMs: 100, maxRetries: 1 })
      .getClient("c2")
      .catch((e: unknown) => e);
    expect(get).toBeInstanceOf(TimeoutError);
    expect(get).toMatchObject({ retryCount: 1 });
    expect(server.seen("/v1/clients/c2")).toHaveLength(2);

    server.script("/v1/flow/sessions", { hang: true }, { status: 200, body: "{}" });
    const post = await complycube({ timeoutMs: 100 })
      .createFlowSession(flowSession)
      .catch((e: unknown) => e);
    expect(post).toBeInstanceOf(TimeoutError);
    expect(server.seen("/v1/flow/sessions")).toHaveLength(1);
  });

  it("a connection reset mid-response: GET retried and succeeds; a create is not repeated", async () => {
    server.script(
      "/api/v1/sessions/s1",
      { reset: "mid-body", status: 200, body: sessionJson },
      { status: 200, body: sessionJson },
    );
    expect(await verifa().getSession("s1")).toMatchObject({ id: "session_1" });
    expect(server.seen("/api/v1/sessions/s1")).toHaveLength(2);

    server.script("/v1/flow/sessions", {
      reset: "mid-body",
      status: 200,
      body: '{"redirectUrl":"https://x.example/1"}',
    });
    const error = await complycube()
      .createFlowSession(flowSession)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.seen("/v1/flow/sessions")).toHaveLength(1);
  });

  it("a connection closed before any response: not repeated for a create without idempotency", async () => {
    server.script("/v1/flow/sessions", { reset: "before-response" }, { status: 200, body: "{}" });
    await expect(complycube().createFlowSession(flowSession)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.seen("/v1/flow/sessions")).toHaveLength(1);
  });

  it("an HTML 502 from a proxy is an InternalServerError carrying the page as text", async () => {
    const page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    server.script("/v1/clients/c3", { status: 502, headers: { "content-type": "text/html" }, body: page });
    const error = await complycube({ maxRetries: 0 })
      .getClient("c3")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: page });
  });

  it("truncated JSON and an empty body on a 2xx are InvalidResponseError, never SyntaxError", async () => {
    server.script("/v1/flow/sessions", { status: 200, body: '{"redirectUrl":"https://fl' }, { status: 200, body: "" });
    const truncated = await complycube()
      .createFlowSession(flowSession)
      .catch((e: unknown) => e);
    expect(truncated).toBeInstanceOf(InvalidResponseError);
    expect((truncated as Error).message).toMatch(/not valid JSON/);
    const empty = await complycube()
      .createFlowSession(flowSession)
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(InvalidResponseError);
    expect((empty as Error).message).toMatch(/empty body/);
    expect(server.seen("/v1/flow/sessions")).toHaveLength(2);
  });

  it("a 10 MB body arrives intact", async () => {
    const big = "x".repeat(10 * 1024 * 1024);
    server.script("/api/v1/sessions/big", {
      status: 200,
      body: JSON.stringify({ ...JSON.parse(sessionJson), external_ref: big }),
    });
    const session = await verifa().getSession("big");
    expect(session.external_ref?.length).toBe(big.length);
  });

  it("a wait above the cap is not slept: RateLimitError with retryAfterMs", async () => {
    server.script("/api/v1/sessions", {
      status: 429,
      headers: { "Retry-After": "3600" },
      body: '{"error":"rate_limited","detail":"later","status_code":429}',
    });
    const error = await verifa()
      .createSession()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, idempotencyKey: expect.any(String) });
    expect(sleeps).toEqual([]);
  });
});

describe("fault server: headers, then a stalled body", () => {
  const stalled = { stall: "after-headers", status: 200, body: '{"id":' } as const;

  it("a GET whose body stalls past the attempt timeout is retried, then a TimeoutError", async () => {
    server.script("/v1/clients/s1", stalled, stalled);
    const started = performance.now();
    const error = await complycube({ timeoutMs: 150, maxRetries: 1 })
      .getClient("s1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ retryCount: 1, isSafeToRetry: true });
    expect(server.seen("/v1/clients/s1")).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a create without idempotency whose body stalls is a TimeoutError, sent once, not safe to retry", async () => {
    server.script("/v1/flow/sessions", stalled, { status: 200, body: '{"redirectUrl":"https://x.example/2"}' });
    const error = await complycube({ timeoutMs: 150 })
      .createFlowSession(flowSession)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ retryCount: 0, isRetryable: true, isSafeToRetry: false });
    expect(server.seen("/v1/flow/sessions")).toHaveLength(1);
  });

  it("a Verifa create whose body stalls is retried with the same Idempotency-Key", async () => {
    server.script("/api/v1/sessions", stalled, { status: 201, body: sessionJson });
    const session = await verifa({ timeoutMs: 150 }).createSession({ external_ref: "u1" });
    expect(session).toMatchObject({ id: "session_1" });
    const keys = server.seen("/api/v1/sessions").map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("the deadline covers the body: a stalled body ends at deadlineMs, not at the 30 s attempt timeout", async () => {
    server.script("/v1/clients/s2", stalled);
    const started = performance.now();
    const error = await complycube({ deadlineMs: 200, maxRetries: 0 })
      .getClient("s2")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("the caller's signal stops a stalled body at once: AbortError", async () => {
    server.script("/v1/clients/s3", stalled);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await complycube({ maxRetries: 0 })
      .getClient("s3", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("fault server: redirects", () => {
  let elsewhere: FaultServer;
  beforeEach(async () => {
    elsewhere = await startFaultServer();
  });
  afterEach(() => elsewhere.stop());

  it("a redirect to another host is not followed, so X-API-Key never reaches it", async () => {
    // Fetch would follow it and forward X-API-Key: only Authorization is dropped across origins.
    server.script("/api/v1/sessions/s1", {
      status: 302,
      headers: { Location: `${elsewhere.baseUrl}/collect?session=s1` },
      body: "Found",
    });
    elsewhere.script("/collect", { status: 200, body: sessionJson });
    const error = await verifa()
      .getSession("s1")
      .catch((e: unknown) => e);
    expect(elsewhere.seen("/collect")).toEqual([]);
    expect(server.seen("/api/v1/sessions/s1")).toHaveLength(1);
    expect(VerifetchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 302, isRetryable: false });
    expect((error as Error).message).toBe(
      `verifa answered 302 with a redirect to ${elsewhere.baseUrl}, not followed: check baseUrl`,
    );
  });

  it("a create answered with a redirect is sent once and never re-sent as a GET", async () => {
    server.script("/v1/flow/sessions", { status: 301, headers: { Location: "/v1/flow/sessions/" }, body: "" });
    await expect(complycube().createFlowSession(flowSession)).rejects.toMatchObject({ status: 301 });
    expect(server.seen("/v1/flow/sessions").map((r) => r.method)).toEqual(["POST"]);
    expect(server.seen("/v1/flow/sessions/")).toEqual([]);
  });
});

describe("no secret leaks on any error path", () => {
  const secrets = [COMPLYCUBE_KEY, VERIFA_KEY];
  const scenarios: { name: string; run: (logger: Logger, events: unknown[]) => Promise<unknown> }[] = [
    {
      name: "401 echoing the Authorization header in its body",
      run: (logger, events) => {
        server.script("/v1/flow/sessions", {
          status: 401,
          body: JSON.stringify({ type: "unauthorized", message: `The key '${COMPLYCUBE_KEY}' is invalid` }),
        });
        return complycube({
          onRequest: (e) => events.push(e),
          onResponse: (e) => {
            events.push(e);
            logResponses(logger, "debug")(e);
          },
        }).createFlowSession(flowSession);
      },
    },
    {
      name: "400 echoing X-API-Key as plain text",
      run: (logger, events) => {
        server.script("/api/v1/sessions", {
          status: 400,
          headers: { "content-type": "text/plain" },
          body: `bad key ${VERIFA_KEY}`,
        });
        return verifa({
          onResponse: (e) => {
            events.push(e);
            logResponses(logger, "debug")(e);
          },
        }).createSession();
      },
    },
    {
      name: "5xx runs and retries",
      run: (logger) => {
        server.script(
          "/api/v1/sessions/s9",
          { status: 503, body: "{}" },
          { status: 503, body: "{}" },
          { status: 503, body: `{"detail":"${VERIFA_KEY}"}` },
        );
        return verifa({ onResponse: logResponses(logger, "debug") }).getSession("s9");
      },
    },
    {
      name: "timeout",
      run: (logger) => {
        server.script("/v1/flow/sessions", { hang: true });
        return complycube({ onResponse: logResponses(logger, "debug"), timeoutMs: 50 }).createFlowSession(flowSession);
      },
    },
    {
      name: "connection reset",
      run: (logger) => {
        server.script("/v1/flow/sessions", { reset: "before-response" });
        return complycube({ onResponse: logResponses(logger, "debug") }).createFlowSession(flowSession);
      },
    },
    {
      name: "malformed 2xx echoing the key",
      run: (logger) => {
        server.script("/v1/flow/sessions", { status: 200, body: `{"redirectUrl": "${COMPLYCUBE_KEY}` });
        return complycube({ onResponse: logResponses(logger, "debug") }).createFlowSession(flowSession);
      },
    },
    {
      name: "missing key",
      run: () => createVerifa({ baseUrl: server.baseUrl, apiKey: undefined }).createSession(),
    },
  ];

  it.each(scenarios)("$name", async ({ run }) => {
    const lines: string[] = [];
    const capture = (level: string) => (message: string, data?: Record<string, unknown>) => {
      lines.push(`${level} ${message} ${JSON.stringify(data)}`);
    };
    const logger: Logger = {
      error: capture("error"),
      warn: capture("warn"),
      info: capture("info"),
      debug: capture("debug"),
    };
    const events: unknown[] = [];
    vi.stubEnv("VERIFA_API_KEY", "");
    const error = await run(logger, events).then(
      () => undefined,
      (e: unknown) => e,
    );
    vi.unstubAllEnvs();
    expect(VerifetchError.isInstance(error)).toBe(true);
    const surfaces = [
      String(error),
      (error as Error).message,
      JSON.stringify(error),
      inspect(error, { depth: 8, showHidden: true }),
      JSON.stringify(events),
      ...lines,
    ].join("\n");
    for (const secret of secrets) expect(surfaces).not.toContain(secret);
  });
});

describe("fault server: Persona creates (one call, one Idempotency-Key, never a second inquiry)", () => {
  const inquiryJson = JSON.stringify({
    data: { type: "inquiry", id: "inq_1", attributes: { status: "created" } },
    meta: {
      "session-token": null,
      "one-time-link": "https://withpersona.com/verify?code=A",
      "one-time-link-short": null,
    },
  });
  const persona = (options: Parameters<typeof createPersona>[0] = {}) =>
    createPersona({ apiKey: "persona_sandbox_fault_0123456789", baseUrl: server.baseUrl, clock, ...options });
  const input = { reference: "user_1", providerOptions: { persona: { inquiryTemplateId: "itmpl_1" } } };

  it("503, a reset mid-response, then 201: the adapter's create is retried with one identical key and body", async () => {
    server.script(
      "/api/v1/inquiries",
      { status: 503, body: "{}" },
      { reset: "mid-body", status: 201, body: inquiryJson },
      { status: 201, body: inquiryJson },
    );
    const session = await personaSessions(persona()).createSession(input);
    expect(session).toMatchObject({ id: "inq_1", url: "https://withpersona.com/verify?code=A" });
    const seen = server.seen("/api/v1/inquiries");
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((request) => request.headers["idempotency-key"])).size).toBe(1);
    expect(seen[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(seen.map((request) => request.body)).size).toBe(1);
    // The link comes with the create: no second call that could need its own key.
    expect(server.seen("/api/v1/inquiries/inq_1/generate-one-time-link")).toHaveLength(0);
  });

  it("a hang past the timeout, then 201: retried with the caller's key (Persona replays, never creates twice)", async () => {
    server.script("/api/v1/inquiries", { hang: true }, { status: 201, body: inquiryJson });
    const session = await personaSessions(persona({ timeoutMs: 100 })).createSession({
      ...input,
      idempotencyKey: "signup-user_1",
    });
    expect(session.id).toBe("inq_1");
    expect(server.seen("/api/v1/inquiries").map((request) => request.headers["idempotency-key"])).toEqual([
      "signup-user_1",
      "signup-user_1",
    ]);
  });

  it("two logical creates get two keys; each one's attempts share theirs", async () => {
    server.script(
      "/api/v1/inquiries",
      { status: 500, body: "{}" },
      { status: 201, body: inquiryJson },
      { status: 201, body: inquiryJson },
    );
    const adapter = personaSessions(persona());
    await adapter.createSession(input);
    await adapter.createSession(input);
    const keys = server.seen("/api/v1/inquiries").map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});

// Stripe honours `Idempotency-Key` on every POST (docs.stripe.com/api/idempotent_requests): one
// logical create is one key, identical on every attempt, so retries never create a second session.
describe("fault server: Stripe Identity creates retry with one idempotency key", () => {
  const STRIPE_PATH = "/v1/identity/verification_sessions";
  const stripeSession = JSON.stringify({
    id: "vs_1",
    object: "identity.verification_session",
    created: 1722000000,
    livemode: false,
    metadata: {},
    status: "requires_input",
    type: "document",
    url: "https://verify.stripe.com/start/test_1",
  });
  const stripe = (options: Parameters<typeof createStripeIdentity>[0] = {}) =>
    createStripeIdentity({ apiKey: "sk_test_stripe_faults_0123456789", baseUrl: server.baseUrl, clock, ...options });
  const stalled = { stall: "after-headers", status: 200, body: '{"id":' } as const;
  const keysAndBodies = () =>
    server.seen(STRIPE_PATH).map((request) => [request.headers["idempotency-key"], request.body] as const);

  it("503, a reset mid-body, then 200: three attempts, one key, the same form body", async () => {
    server.script(
      STRIPE_PATH,
      { status: 503, body: "{}" },
      { reset: "mid-body", status: 200, body: stripeSession },
      { status: 200, body: stripeSession },
    );
    const session = await stripe().createVerificationSession({ type: "document", metadata: { ref: "u1" } });
    expect(session).toMatchObject({ id: "vs_1" });
    const seen = keysAndBodies();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map(([key]) => key)).size).toBe(1);
    expect(seen.map(([, body]) => body)).toEqual(Array(3).fill("type=document&metadata[ref]=u1"));
    expect(getResponseMeta(session)).toMatchObject({ retryCount: 2, idempotencyKey: seen[0]?.[0] });
  });

  it("a create whose body stalls is retried with the same key; the caller's key is the one sent", async () => {
    server.script(STRIPE_PATH, stalled, { status: 200, body: stripeSession });
    await stripe({ timeoutMs: 150 }).createVerificationSession({ type: "document" }, { idempotencyKey: "order-42" });
    expect(keysAndBodies().map(([key]) => key)).toEqual(["order-42", "order-42"]);
  });

  it("two logical creates get two keys (a key is per call, never per client)", async () => {
    server.script(STRIPE_PATH, { status: 200, body: stripeSession }, { status: 200, body: stripeSession });
    const client = stripe();
    await client.createVerificationSession({ type: "document" });
    await client.createVerificationSession({ type: "document" });
    const [first, second] = keysAndBodies().map(([key]) => key);
    expect(first).not.toBe(second);
  });

  it("through the facade adapter: a 500 then 200 sends one key twice, and the session comes back once", async () => {
    server.script(STRIPE_PATH, { status: 500, body: "{}" }, { status: 200, body: stripeSession });
    const sessions = stripeIdentitySessions(stripe());
    const session = await sessions.createSession({ reference: "user_1", idempotencyKey: "signup-user_1" });
    expect(session).toMatchObject({ id: "vs_1", url: "https://verify.stripe.com/start/test_1", sandbox: true });
    expect(keysAndBodies()).toEqual([
      ["signup-user_1", "type=document&client_reference_id=user_1"],
      ["signup-user_1", "type=document&client_reference_id=user_1"],
    ]);
  });
});

describe("fault server: Onfido's two creates (applicant, then workflow run) never duplicate", () => {
  const applicantId = "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10";
  const workflowId = "3f2a9c58-1b0e-4d3c-9a77-5b2f1e6c8d40";
  const applicantJson = JSON.stringify({ id: applicantId, first_name: "Jane", last_name: "Doe" });
  const runJson = JSON.stringify({
    id: "5e1f7a3c-8b2d-4c6e-9f10-2a3b4c5d6e7f",
    applicant_id: applicantId,
    workflow_id: workflowId,
    status: "awaiting_input",
    link: { url: "https://eu.onfido.app/l/5e1f7a3c" },
  });
  const sessions = () =>
    onfidoSessions(
      createOnfido({ apiToken: "api_sandbox.onfido_0123456789", baseUrl: server.baseUrl, clock, timeoutMs: 150 }),
    );
  const input = {
    reference: "user_1",
    person: { firstName: "Jane", lastName: "Doe" },
    providerOptions: { onfido: { workflowId } },
  };
  // Each fault is followed by a success that a (wrong) retry would take: a second request would show.
  const faults: [string, (body: string) => FaultStep, abstract new (...args: never) => VerifetchError][] = [
    [
      "a 500",
      () => ({ status: 500, body: '{"error":{"type":"internal_server_error","message":"boom"}}' }),
      InternalServerError,
    ],
    ["a reset before the response", () => ({ reset: "before-response" }), ConnectionError],
    ["a reset mid-body", (body) => ({ reset: "mid-body", status: 201, body }), ConnectionError],
    ["a timeout", () => ({ hang: true }), TimeoutError],
  ];

  it.each(faults)(
    "%s on the applicant create: one applicant request, no run, no applicant named",
    async (_, fault, type) => {
      server.script("/applicants", fault(applicantJson), { status: 201, body: applicantJson });
      server.script("/workflow_runs", { status: 201, body: runJson });
      const error = await sessions()
        .createSession(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ isSafeToRetry: false });
      expect(onfidoApplicantIdOf(error)).toBeUndefined();
      expect(server.seen("/applicants")).toHaveLength(1);
      expect(server.seen("/workflow_runs")).toHaveLength(0);
    },
  );

  it.each(faults)(
    "%s on the run create: one of each request; the retry reuses the applicant",
    async (_, fault, type) => {
      server.script("/applicants", { status: 201, body: applicantJson }, { status: 201, body: applicantJson });
      server.script("/workflow_runs", fault(runJson), { status: 201, body: runJson });
      const error = await sessions()
        .createSession(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ isSafeToRetry: false, onfidoApplicantId: applicantId });
      expect(server.seen("/applicants")).toHaveLength(1);
      expect(server.seen("/workflow_runs")).toHaveLength(1);

      // The caller's retry, with the applicant the error names: no second applicant is created.
      const session = await sessions().createSession({
        ...input,
        providerOptions: { onfido: { workflowId, applicantId: onfidoApplicantIdOf(error) } },
      });
      expect(session.url).toBe("https://eu.onfido.app/l/5e1f7a3c");
      expect(server.seen("/applicants")).toHaveLength(1);
      expect(server.seen("/workflow_runs")).toHaveLength(2);
      expect(JSON.parse(server.seen("/workflow_runs")[1]?.body ?? "{}")).toMatchObject({ applicant_id: applicantId });
    },
  );

  it("through the facade's fallback, the applicant is found in AllProvidersFailedError", async () => {
    server.script("/applicants", { status: 201, body: applicantJson });
    server.script("/workflow_runs", { status: 503, body: "{}" });
    server.script(
      "/api/v1/sessions",
      { status: 503, body: "{}" },
      { status: 503, body: "{}" },
      { status: 503, body: "{}" },
    );
    const vf = createVerifetch({
      providers: { onfido: sessions(), verifa: verifaSessions(verifa({ timeoutMs: 150 })) },
    });
    const error = await vf.createSession(["onfido", "verifa"], input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    expect(onfidoApplicantIdOf(error)).toBe(applicantId);
    expect(server.seen("/applicants")).toHaveLength(1);
    expect(server.seen("/workflow_runs")).toHaveLength(1);
  });

  it("reading a run back (GET) is retried after a reset", async () => {
    server.script("/workflow_runs/r1", { reset: "before-response" }, { status: 200, body: runJson });
    const onfido = createOnfido({ apiToken: "api_sandbox.onfido_0123456789", baseUrl: server.baseUrl, clock });
    expect(await onfido.findWorkflowRun("r1")).toMatchObject({ status: "awaiting_input" });
    expect(server.seen("/workflow_runs/r1")).toHaveLength(2);
  });
});
