// Contract tests: the client against a Prism mock built from specs/stripe-identity.yaml. Stripe takes
// form-encoded bodies only, so these also prove the mock parses what the client sends (nested
// `a[b][0]=` keys) and validates it against the spec.
import { AuthenticationError, BadRequestError, ConfigurationError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import {
  coversEveryOperation,
  declaredErrorCases,
  type OperationCall,
  SUCCESS,
} from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createStripeIdentity, STRIPE_IDENTITY_API_VERSION } from "./index.ts";

const baseUrl = mockBaseUrl("stripe-identity");
const stripe = createStripeIdentity({ apiKey: "sk_test_contract", baseUrl });
const SESSION = "vs_1PgcAZB7WZ01zgkWGmcyrTde";

const calls = {
  createVerificationSession: (call) => stripe.createVerificationSession({ type: "document" }, call),
  getVerificationSession: (call) => stripe.getVerificationSession(SESSION, call),
  cancelVerificationSession: (call) => stripe.cancelVerificationSession(SESSION, call),
  redactVerificationSession: (call) => stripe.redactVerificationSession(SESSION, call),
} satisfies Record<string, OperationCall>;

/** A client that keeps a copy of every request it sends (and the mock's violations header). */
function recording() {
  const sent: { request: Request; body: string; violations: string | null; status: number }[] = [];
  const client = createStripeIdentity({
    apiKey: "sk_test_contract",
    baseUrl,
    fetch: async (request) => {
      const body = await request.clone().text();
      const response = await fetch(request);
      sent.push({ request, body, violations: response.headers.get("sl-violations"), status: response.status });
      return response;
    },
  });
  return { client, sent };
}

describe("Stripe Identity contract (Prism)", () => {
  coversEveryOperation("stripe-identity", calls);
  declaredErrorCases("stripe-identity", calls, (body) => {
    expect(body).toMatchObject({ error: { type: expect.any(String), message: expect.any(String) } });
  });

  it("creates a session from a form-encoded body with nested keys, which the mock accepts without violations", async () => {
    const { client, sent } = recording();
    const session = await client.createVerificationSession({
      type: "document",
      client_reference_id: "user_123",
      return_url: "https://example.com/identity/done",
      metadata: { user_id: "user_123", plan: "pro plan" },
      options: { document: { allowed_types: ["passport", "driving_license"], require_matching_selfie: true } },
      provided_details: { email: "jenny@example.com" },
    });
    expect(session).toMatchObject({ status: "requires_input", object: "identity.verification_session" });
    expect(session.url).toMatch(/^https:\/\/verify\.stripe\.com\//);
    const [{ request, body, violations, status }] = sent as [(typeof sent)[number]];
    expect(status).toBe(200);
    expect(violations).toBeNull();
    expect(request.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(request.headers.get("Authorization")).toBe("Bearer sk_test_contract");
    expect(request.headers.get("Stripe-Version")).toBe(STRIPE_IDENTITY_API_VERSION);
    expect(request.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toBe(
      "type=document&client_reference_id=user_123&return_url=https%3A%2F%2Fexample.com%2Fidentity%2Fdone" +
        "&metadata[user_id]=user_123&metadata[plan]=pro%20plan" +
        "&options[document][allowed_types][0]=passport&options[document][allowed_types][1]=driving_license" +
        "&options[document][require_matching_selfie]=true&provided_details[email]=jenny%40example.com",
    );
  });

  // Stripe's OpenAPI document and the official `stripe` library's VerificationSessionCreateParams
  // take these fields; while the spec's closed request object left them out, this call did not
  // type-check (the mock, which decodes only the form keys the spec declares, let them through).
  it("accepts the create fields the official library sends: expand and related_customer", async () => {
    const { client, sent } = recording();
    await client.createVerificationSession({
      type: "document",
      expand: ["last_verification_report"],
      related_customer: "cus_123",
      related_customer_account: "acct_123",
    });
    const [{ body, violations, status }] = sent as [(typeof sent)[number]];
    expect({ status, violations }).toEqual({ status: 200, violations: null });
    expect(body).toBe(
      "type=document&expand[0]=last_verification_report&related_customer=cus_123&related_customer_account=acct_123",
    );
  });

  it("the mock parses the form body: a value outside the spec's enum is refused with the declared 400", async () => {
    const { client, sent } = recording();
    const error = await client
      .createVerificationSession({ type: "selfie" as "document" }, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(sent[0]?.violations).toMatch(/type/);
  });

  it("retrieves, cancels and redacts a session", async () => {
    expect((await calls.getVerificationSession(SUCCESS)).status).toBe("verified");
    expect((await calls.cancelVerificationSession(SUCCESS)).status).toBe("canceled");
    expect((await calls.redactVerificationSession(SUCCESS)).redaction).toEqual({ status: "processing" });
  });

  it("the environment comes from the key's prefix; a publishable key is refused before any request", async () => {
    expect(stripe.environment).toBe("sandbox");
    expect(createStripeIdentity({ apiKey: "rk_test_x", baseUrl }).environment).toBe("sandbox");
    expect(createStripeIdentity({ apiKey: "sk_live_x", baseUrl }).environment).toBe("live");
    expect(createStripeIdentity({ apiKey: "rk_live_x", baseUrl }).environment).toBe("live");
    const sent: Request[] = [];
    const publishable = createStripeIdentity({
      apiKey: "pk_test_x",
      baseUrl,
      fetch: (request) => {
        sent.push(request);
        return fetch(request);
      },
    });
    const error = await publishable.createVerificationSession({ type: "document" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/publishable/);
    expect((error as Error).message).not.toContain("pk_test_x");
    expect(sent).toHaveLength(0);
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createStripeIdentity({
      apiKey: "sk_test_contract",
      baseUrl,
      fetch: (request) => {
        const stripped = new Request(request);
        stripped.headers.delete("Authorization");
        return fetch(stripped);
      },
    });
    await expect(anonymous.getVerificationSession(SESSION)).rejects.toThrow(AuthenticationError);
  });
});
