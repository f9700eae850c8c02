// No credential leaks, for every provider, directly and through the facade: a real server echoes the
// request's credentials back in its response headers (as `x-request-id` too) and bodies, answers with
// bodies that are not JSON or not a session, stalls or resets — and no error surface shows them:
// `String`, `JSON.stringify`, `util.inspect` (hidden fields, getters, cause chains), the logger and
// the hooks, nor an AllProvidersFailedError that carries every provider's error.
import { inspect } from "node:util";
import { argyleSessions, createArgyle } from "@verifetch/argyle";
import { argylePartnersSessions, createArgylePartners } from "@verifetch/argyle-partners";
import { complyCubeSessions, createComplyCube } from "@verifetch/complycube";
import { type Logger, logResponses, type ProviderClientOptions, VerifetchError } from "@verifetch/core";
import type { SessionProvider } from "@verifetch/core/session";
import { createEarthId, earthIdSessions } from "@verifetch/earthid";
import { createOnfido, onfidoSessions } from "@verifetch/onfido";
import { createPersona, personaSessions } from "@verifetch/persona";
import { createStripeIdentity, stripeIdentitySessions } from "@verifetch/stripe-identity";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import { createVeriff, veriffSessions } from "@verifetch/veriff";
import { AllProvidersFailedError, createVerifetch } from "verifetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FaultServer, type FaultStep, startFaultServer } from "./fault-server.ts";

const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";

/** One provider: its credentials, the path its create call posts to, and how to build it. */
interface Provider {
  name: string;
  secrets: string[];
  createPath: string;
  direct(options: ProviderClientOptions): Promise<unknown>;
  adapter(options: ProviderClientOptions): SessionProvider;
  input: Record<string, unknown>;
}

const ARGYLE_ID = "argyle_id_0f9e8d7c6b5a";
const ARGYLE_SECRET = "argyle_secret_a1b2c3d4e5f6";
const argyleCredentials = { apiKeyId: ARGYLE_ID, apiKeySecret: ARGYLE_SECRET };
const providers: Provider[] = [
  {
    name: "complycube",
    secrets: ["test_complycube_key_7d1e9c3a"],
    createPath: "/v1/flow/sessions",
    direct: (options) =>
      createComplyCube({ apiKey: "test_complycube_key_7d1e9c3a", ...options }).createFlowSession({
        clientId: "c1",
        checkTypes: ["document_check"],
        successUrl: "https://app.example/ok",
        cancelUrl: "https://app.example/cancel",
      }),
    adapter: (options) => complyCubeSessions(createComplyCube({ apiKey: "test_complycube_key_7d1e9c3a", ...options })),
    input: {
      cancelUrl: "https://app.example/cancel",
      providerOptions: { complycube: { clientId: "c1", checkTypes: ["document_check"] } },
    },
  },
  {
    name: "argyle",
    secrets: [ARGYLE_ID, ARGYLE_SECRET, btoa(`${ARGYLE_ID}:${ARGYLE_SECRET}`)],
    createPath: "/v2/sessions",
    direct: (options) => createArgyle({ ...argyleCredentials, ...options }).createSession({ verification }),
    adapter: (options) => argyleSessions(createArgyle({ ...argyleCredentials, ...options })),
    input: { providerOptions: { argyle: { verification } } },
  },
  {
    name: "argyle-partners",
    secrets: [ARGYLE_ID, ARGYLE_SECRET, btoa(`${ARGYLE_ID}:${ARGYLE_SECRET}`)],
    createPath: "/partners/v2/sessions",
    direct: (options) => createArgylePartners({ ...argyleCredentials, ...options }).createSession({ verification }),
    adapter: (options) => argylePartnersSessions(createArgylePartners({ ...argyleCredentials, ...options })),
    input: { providerOptions: { "argyle-partners": { verification } } },
  },
  {
    name: "verifa",
    secrets: ["vk_sandbox_verifa_key_5b8e2f"],
    createPath: "/api/v1/sessions",
    direct: (options) => createVerifa({ apiKey: "vk_sandbox_verifa_key_5b8e2f", ...options }).createSession({}),
    adapter: (options) => verifaSessions(createVerifa({ apiKey: "vk_sandbox_verifa_key_5b8e2f", ...options })),
    input: {},
  },
  {
    name: "stripe-identity",
    // Sent as `Authorization: Bearer <key>`: the key alone and the whole header value are secrets.
    secrets: ["sk_test_stripe_key_9f8e7d6c", "Bearer sk_test_stripe_key_9f8e7d6c"],
    createPath: "/v1/identity/verification_sessions",
    direct: (options) =>
      createStripeIdentity({ apiKey: "sk_test_stripe_key_9f8e7d6c", ...options }).createVerificationSession({
        type: "document",
      }),
    adapter: (options) =>
      stripeIdentitySessions(createStripeIdentity({ apiKey: "sk_test_stripe_key_9f8e7d6c", ...options })),
    input: {},
  },
  {
    name: "earthid",
    secrets: ["earthid_key_c4d5e6f7a8b9"],
    createPath: "/earthid/api/sessions",
    direct: (options) =>
      createEarthId({ apiKey: "earthid_key_c4d5e6f7a8b9", ...options }).createSession({ verification: {} }),
    adapter: (options) => earthIdSessions(createEarthId({ apiKey: "earthid_key_c4d5e6f7a8b9", ...options })),
    input: {},
  },
  {
    name: "persona",
    secrets: ["persona_sandbox_key_9f3a1c"],
    createPath: "/api/v1/inquiries",
    direct: (options) =>
      createPersona({ apiKey: "persona_sandbox_key_9f3a1c", ...options }).createInquiry({
        data: { attributes: { "inquiry-template-id": "itmpl_1" } },
        meta: { "auto-create-one-time-link": true },
      }),
    adapter: (options) => personaSessions(createPersona({ apiKey: "persona_sandbox_key_9f3a1c", ...options })),
    input: { providerOptions: { persona: { inquiryTemplateId: "itmpl_1" } } },
  },
  {
    // The facade reuses an applicant, so its one request is the run create the scenarios script.
    name: "onfido",
    secrets: ["api_sandbox.onfido_token_9f8e7d6c"],
    createPath: "/workflow_runs",
    direct: (options) =>
      createOnfido({ apiToken: "api_sandbox.onfido_token_9f8e7d6c", ...options }).createWorkflowRun({
        workflow_id: "3f2a9c58-1b0e-4d3c-9a77-5b2f1e6c8d40",
        applicant_id: "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10",
      }),
    adapter: (options) => onfidoSessions(createOnfido({ apiToken: "api_sandbox.onfido_token_9f8e7d6c", ...options })),
    input: {
      providerOptions: {
        onfido: {
          workflowId: "3f2a9c58-1b0e-4d3c-9a77-5b2f1e6c8d40",
          applicantId: "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10",
        },
      },
    },
  },
  {
    name: "veriff",
    secrets: ["veriff_key_1a2b3c4d5e6f"],
    createPath: "/v1/sessions",
    direct: (options) =>
      createVeriff({ apiKey: "veriff_key_1a2b3c4d5e6f", ...options }).createSession({ verification: {} }),
    adapter: (options) => veriffSessions(createVeriff({ apiKey: "veriff_key_1a2b3c4d5e6f", ...options })),
    input: {},
  },
];

/** Answers, each echoing the request's credentials in its headers; `secret` also lands in bodies. */
const scenarios: { name: string; steps: (secret: string) => FaultStep[] }[] = [
  { name: "401 echoing credentials in headers and body", steps: (s) => [echo(401, { message: `bad key ${s}` })] },
  { name: "500 echoing credentials", steps: (s) => [echo(500, { detail: s }), echo(500, {}), echo(500, {})] },
  {
    name: "429 with a wait above the cap",
    steps: (s) => [echo(429, { error: s }, { "Retry-After": "3600" })],
  },
  {
    name: "a redirect to a URL holding the key",
    steps: (s) => [echo(302, {}, { Location: `https://x.example/${s}` })],
  },
  // V8's SyntaxError quotes the start of the body: a short echoed key would appear whole in `cause`.
  { name: "2xx whose body is the key (not JSON)", steps: (s) => [echoText(200, s.slice(0, 12))] },
  { name: "2xx that is not a session, echoing the key", steps: (s) => [echo(201, { note: s })] },
  { name: "headers, then a stalled body", steps: () => [{ stall: "after-headers", status: 200, body: "{" }] },
  { name: "connection reset mid-body", steps: (s) => [{ reset: "mid-body", status: 200, body: `{"k":"${s}"}` }] },
];

function echo(status: number, body: unknown, headers: Record<string, string> = {}): FaultStep {
  return { echo: "credentials", status, body: JSON.stringify(body), headers };
}
function echoText(status: number, body: string): FaultStep {
  return { echo: "credentials", status, body, headers: { "content-type": "text/plain" } };
}

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.stop());

/** A logger, hooks and client options that record every line and event. */
function recorder() {
  const lines: string[] = [];
  const capture = (level: string) => (message: string, data?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(data)} ${inspect(data)}`);
  };
  const logger: Logger = {
    error: capture("error"),
    warn: capture("warn"),
    info: capture("info"),
    debug: capture("debug"),
  };
  const options: ProviderClientOptions = {
    baseUrl: server.baseUrl,
    timeoutMs: 200,
    clock: { sleep: async () => undefined, random: () => 0 },
    onRequest: (event) => lines.push(JSON.stringify(event)),
    onResponse: (event) => {
      lines.push(JSON.stringify(event));
      logResponses(logger, "debug")(event);
    },
  };
  return { lines, options };
}

/** Every way an error is commonly shown or stored. */
function surfaces(error: unknown): string {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error, { depth: 12, showHidden: true }),
    inspect(error, { depth: 12, showHidden: true, getters: true }),
    inspect((error as { cause?: unknown }).cause, { depth: 12, showHidden: true }),
  ].join("\n");
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe.each(providers)("$name: no credential in any error surface", (provider) => {
  it.each(scenarios)("$name", async ({ steps }) => {
    for (const via of ["direct", "facade"] as const) {
      server.script(provider.createPath, ...steps(provider.secrets[0] as string));
      const { lines, options } = recorder();
      const error = await caught(
        via === "direct"
          ? provider.direct(options)
          : createVerifetch({ providers: { [provider.name]: provider.adapter(options) } }).createSession(
              provider.name,
              {
                reference: "user_1",
                redirectUrl: "https://app.example/ok",
                ...provider.input,
              },
            ),
      );
      expect(VerifetchError.isInstance(error), `${via}: ${String(error)}`).toBe(true);
      const shown = [surfaces(error), ...lines].join("\n");
      for (const secret of provider.secrets) expect(shown, `${via} shows ${secret}`).not.toContain(secret);
    }
  });
});

describe("AllProvidersFailedError: every provider's error, redacted", () => {
  // ComplyCube needs a cancel URL that the others refuse, so it cannot share a fallback's input.
  const fallback = providers.filter((provider) => provider.name !== "complycube");

  it("a fallback over every provider but ComplyCube, each answering 500 with its credentials echoed", async () => {
    for (const provider of fallback) {
      server.script(
        provider.createPath,
        ...Array.from({ length: 3 }, () => echo(500, { detail: provider.secrets[0] })),
      );
    }
    const { lines, options } = recorder();
    const adapters = Object.fromEntries(fallback.map((provider) => [provider.name, provider.adapter(options)]));
    const vf = createVerifetch({ providers: adapters });
    const providerOptions = Object.assign({}, ...fallback.map((p) => (p.input.providerOptions as object) ?? {}));
    const input = { reference: "user_1", redirectUrl: "https://app.example/ok", providerOptions };
    const error = await caught(vf.createSession(vf.providers, input));
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    expect((error as AllProvidersFailedError).attempts.map((attempt) => attempt.provider)).toEqual(vf.providers);
    const shown = [surfaces(error), ...lines].join("\n");
    for (const secret of fallback.flatMap((provider) => provider.secrets)) expect(shown).not.toContain(secret);
    // The echoed request id is kept, redacted, on each attempt's error.
    for (const attempt of (error as AllProvidersFailedError).attempts) {
      expect((attempt.error as { requestId?: string }).requestId).toMatch(/^((Basic|Bearer) |Token token=)?\*\*\*$/);
    }
  });
});
