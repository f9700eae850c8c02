import { describe, expect, it } from "vitest";
import { InputValidationError } from "./error-classes.ts";
import { FORM_CONTENT_TYPE, formBody } from "./form-body.ts";
import { idempotencyKeys } from "./idempotency-keys.ts";
import { callOperation } from "./operation-call.ts";
import { createTransport } from "./transport-create.ts";

// Stripe's documented encodings (docs.stripe.com/api: "nested objects as a[b]=c", metadata, the
// identity verification-session examples) and what Stripe's official Node library sends for them.
describe("formBody", () => {
  it("sends flat fields as key=value, in order", () => {
    expect(formBody({ type: "document", return_url: "https://example.com/done" })).toBe(
      "type=document&return_url=https%3A%2F%2Fexample.com%2Fdone",
    );
  });

  it("nests objects with bracketed keys (metadata[key]=v)", () => {
    expect(formBody({ metadata: { user_id: "u_1", plan: "pro" } })).toBe("metadata[user_id]=u_1&metadata[plan]=pro");
  });

  it("indexes arrays inside nested objects (options[document][allowed_types][0]=passport)", () => {
    const body = {
      type: "document",
      options: { document: { allowed_types: ["passport", "id_card"], require_matching_selfie: true } },
    };
    expect(formBody(body)).toBe(
      "type=document&options[document][allowed_types][0]=passport&options[document][allowed_types][1]=id_card&options[document][require_matching_selfie]=true",
    );
  });

  it("indexes arrays of objects (items[0][price]=…)", () => {
    expect(formBody({ items: [{ price: "p_1", quantity: 2 }] })).toBe("items[0][price]=p_1&items[0][quantity]=2");
  });

  it("percent-encodes keys and values, but keeps the brackets readable", () => {
    expect(formBody({ metadata: { "a b&c": "x=y&z ü" } })).toBe("metadata[a%20b%26c]=x%3Dy%26z%20%C3%BC");
    expect(formBody({ "a[b]": "c" })).toBe("a[b]=c");
  });

  it("posts null as an empty value (Stripe unsets the field), skips undefined and empty containers", () => {
    expect(formBody({ metadata: { old: null }, a: undefined, b: {}, c: [], d: "" })).toBe("metadata[old]=&d=");
  });

  it("sends numbers, booleans, bigints and dates (unix seconds) as text", () => {
    expect(formBody({ n: 1.5, f: false, big: 12345678901234567890n, at: new Date("2026-01-01T00:00:00Z") })).toBe(
      "n=1.5&f=false&big=12345678901234567890&at=1767225600",
    );
  });

  it("decodes back to the same nesting (round trip through URLSearchParams)", () => {
    const text = formBody({ provided_details: { email: "a+b@example.com", phone: "+1 555" } });
    expect(Object.fromEntries(new URLSearchParams(text))).toEqual({
      "provided_details[email]": "a+b@example.com",
      "provided_details[phone]": "+1 555",
    });
  });

  it("refuses what a form cannot carry, naming the field", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => formBody({ options: cyclic })).toThrow(/^body\.options\.self: refers to itself/);
    expect(() => formBody({ metadata: { f: () => 1 } })).toThrow(InputValidationError);
    expect(() => formBody({ metadata: { f: () => 1 } })).toThrow(/^body\.metadata\.f: a function/);
    expect(() => formBody([1, 2])).toThrow(/^body: must be an object/);
    expect(() => formBody("type=document")).toThrow(InputValidationError);
  });

  it("lets the same object appear twice when it is not a cycle", () => {
    const shared = { x: "1" };
    expect(formBody({ a: shared, b: shared })).toBe("a[x]=1&b[x]=1");
  });
});

describe("an operation sent form-encoded (as generated clients send it)", () => {
  it("sends the encoded body with its Content-Type, identical on every attempt", async () => {
    const seen: { type: string | null; body: string; key: string | null }[] = [];
    const transport = createTransport(
      {},
      {
        packageName: "form-test",
        version: "0.0.0",
        baseUrl: "https://api.example.com",
        options: {
          maxRetries: 1,
          clock: { now: () => 0, sleep: async () => undefined, random: () => 0 },
          fetch: async (request) => {
            seen.push({
              type: request.headers.get("Content-Type"),
              body: await request.text(),
              key: request.headers.get("Idempotency-Key"),
            });
            return seen.length === 1
              ? new Response("{}", { status: 503 })
              : Response.json({ id: "vs_1", url: "https://verify.example/s" });
          },
        },
        idempotency: idempotencyKeys("Idempotency-Key", 255),
        authenticate: () => [],
      },
    );
    const data = await callOperation(
      transport,
      "post",
      "/v1/identity/verification_sessions",
      { body: formBody({ type: "document", metadata: { ref: "u 1" } }), contentType: FORM_CONTENT_TYPE },
      {},
      ["id", "url"],
    );
    expect(data).toMatchObject({ id: "vs_1" });
    expect(seen).toHaveLength(2);
    for (const attempt of seen) {
      expect(attempt.type).toBe("application/x-www-form-urlencoded");
      expect(attempt.body).toBe("type=document&metadata[ref]=u%201");
      expect(attempt.key).toBe(seen[0]?.key);
      expect(attempt.key).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("refuses a bad field before any request", async () => {
    let called = false;
    const transport = createTransport(
      {},
      {
        packageName: "form-test",
        version: "0.0.0",
        baseUrl: "https://api.example.com",
        options: {
          fetch: async () => {
            called = true;
            return Response.json({});
          },
        },
        authenticate: () => [],
      },
    );
    await expect(
      (async () =>
        callOperation(transport, "post", "/x", {
          body: formBody({ metadata: { f: Symbol("s") } }),
          contentType: FORM_CONTENT_TYPE,
        }))(),
    ).rejects.toThrow(/^body\.metadata\.f: a symbol cannot be sent/);
    expect(called).toBe(false);
  });
});
