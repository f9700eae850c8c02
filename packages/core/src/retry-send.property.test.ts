// Property: whatever a provider (or the network) answers — any status, hostile retry headers and
// header values (negative, huge, dates, echoed credentials), any body bytes (not UTF-8, a BOM,
// echoed credentials), thrown connection errors — a call either returns data or throws a
// VerifetchError, never makes more than maxRetries + 1 attempts, never waits a negative, unbounded
// or over-the-cap time, and never shows the credential on any error surface.

import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VerifetchError } from "./error-classes.ts";
import { idempotencyKeys } from "./idempotency-keys.ts";
import { openApiClientOf } from "./openapi-client.ts";
import { operationCaller } from "./operation-call.ts";
import { failedBeforeSending } from "./retry-policy.ts";
import { createTransport } from "./transport-create.ts";

interface Paths {
  "/things": {
    get: { responses: { 200: { content: { "application/json": unknown } } } };
    post: {
      requestBody: { content: { "application/json": { n: number } } };
      responses: { 200: { content: { "application/json": unknown } } };
    };
  };
}

const SECRET = "sk_live_property_secret_42";

// What a provider or proxy may put in a header: numbers of any sign and size, dates, junk, the
// credential itself. Only values HTTP can carry (Latin-1, no line breaks): the Response would refuse others.
const headerValue = fc
  .oneof(
    fc.string(),
    fc.integer({ min: -5, max: 100_000 }).map(String),
    fc.constantFrom("-5", "-0.5", "1e3", "+3", "0x10", "Infinity", "NaN", "99999999999999999999", String(2 ** 31)),
    fc.double().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
    fc.constantFrom(SECRET, `Bearer ${SECRET}`, `key=${SECRET};`),
  )
  .filter((value) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value));
const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc.constant(""),
  fc.constant(`{"error":"${SECRET}"}`),
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 32 }).map((bytes) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])),
);
const step = fc.oneof(
  fc.record({
    status: fc.integer({ min: 200, max: 599 }),
    body,
    contentType: fc.constantFrom("application/json", "text/html", "text/plain", "application/problem+json", ""),
    retryAfter: fc.option(headerValue),
    retryAfterMs: fc.option(headerValue),
    rateLimitReset: fc.option(headerValue),
    requestId: fc.option(headerValue),
    location: fc.option(headerValue),
  }),
  fc.constantFrom("ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "UND_ERR_SOCKET"),
);

describe("sendWithRetries (property)", () => {
  it("returns data or throws a VerifetchError, within maxRetries + 1 attempts, bounded waits, no credential shown", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom("GET", "POST"),
        fc.option(fc.constant("Idempotency-Key")),
        fc.boolean(),
        fc.option(fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.constant(Number.MAX_SAFE_INTEGER))),
        async (steps, maxRetries, method, idempotencyHeader, viaOpenApiClient, maxRetryWaitMs) => {
          let attempts = 0;
          const waits: number[] = [];
          const fetch = async (_request: Request) => {
            const next = steps[Math.min(attempts, steps.length - 1)];
            attempts++;
            if (typeof next === "string") throw Object.assign(new TypeError("fetch failed"), { cause: { code: next } });
            const headers = new Headers();
            if (next?.contentType) headers.set("content-type", next.contentType);
            if (next?.retryAfter != null) headers.set("retry-after", next.retryAfter);
            if (next?.retryAfterMs != null) headers.set("retry-after-ms", next.retryAfterMs);
            if (next?.rateLimitReset != null) headers.set("x-ratelimit-reset", next.rateLimitReset);
            if (next?.requestId != null) headers.set("x-request-id", next.requestId);
            if (next?.location != null) headers.set("location", next.location);
            const status = next?.status ?? 500;
            const payload = status === 204 || status === 205 || status === 304 ? null : (next?.body ?? "");
            return new Response(payload as BodyInit | null, { status, headers });
          };
          const owner = {};
          const transport = createTransport(owner, {
            packageName: "acme",
            version: "1",
            baseUrl: "https://api.acme.test",
            authenticate: (request) => {
              request.headers.set("Authorization", `Bearer ${SECRET}`);
              return [SECRET];
            },
            ...(idempotencyHeader
              ? { idempotency: idempotencyKeys(idempotencyHeader, 255) }
              : { notSent: failedBeforeSending }),
            options: {
              fetch,
              maxRetries,
              ...(maxRetryWaitMs !== null && { maxRetryWaitMs }),
              clock: {
                now: () => 0,
                sleep: async (ms) => {
                  waits.push(ms);
                },
                random: () => 0.5,
              },
            },
          });
          // Both ways of calling share the transport: the methods' operation caller and the openapi-fetch client.
          const api = openApiClientOf<Paths>(owner);
          const operation = operationCaller<Paths>(transport);
          const call = async () => {
            if (!viaOpenApiClient) {
              return method === "GET"
                ? operation("get", "/things", {})
                : operation("post", "/things", { body: { n: 1 } });
            }
            const result = method === "GET" ? await api.GET("/things") : await api.POST("/things", { body: { n: 1 } });
            // No throw on this path: what a failed call shows is its error body and response headers.
            const shown = `${JSON.stringify(result.error) ?? ""}\n${[...result.response.headers].join("\n")}`;
            expect(shown).not.toContain(SECRET);
            return result.data;
          };
          try {
            await call();
          } catch (error) {
            if (!VerifetchError.isInstance(error)) throw error;
            const shown = [
              String(error),
              JSON.stringify(error),
              inspect(error, { depth: 8, showHidden: true, getters: true }),
            ].join("\n");
            expect(shown).not.toContain(SECRET);
          }
          expect(attempts).toBeLessThanOrEqual(maxRetries + 1);
          expect(attempts).toBeGreaterThanOrEqual(1);
          for (const wait of waits) {
            expect(wait).toBeGreaterThanOrEqual(0);
            expect(wait).toBeLessThanOrEqual(maxRetryWaitMs ?? 60_000);
            expect(wait).toBeLessThan(2 ** 31);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
