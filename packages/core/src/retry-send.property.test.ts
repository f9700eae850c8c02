// Property: whatever a provider (or the network) answers — any status, any retry headers, any
// body, thrown connection errors — a call either returns data or throws a VerifetchError, and
// never makes more than maxRetries + 1 attempts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VerifetchError } from "./error-classes.ts";
import { openApiClientOf } from "./openapi-client.ts";
import { operationCaller } from "./operation-call.ts";
import { unwrap } from "./result-unwrap.ts";
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

const headerValue = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
);
const step = fc.oneof(
  fc.record({
    status: fc.integer({ min: 200, max: 599 }),
    body: fc.oneof(fc.string(), fc.json(), fc.constant("")),
    contentType: fc.constantFrom("application/json", "text/html", "text/plain", "application/problem+json", ""),
    retryAfter: fc.option(headerValue),
    retryAfterMs: fc.option(headerValue),
    rateLimitReset: fc.option(headerValue),
    shouldRetry: fc.option(fc.constantFrom("true", "false", "maybe")),
  }),
  fc.constantFrom("ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "UND_ERR_SOCKET"),
);

describe("sendWithRetries (property)", () => {
  it("returns data or throws a VerifetchError, within maxRetries + 1 attempts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom("GET", "POST"),
        fc.option(fc.constant("Idempotency-Key")),
        fc.boolean(),
        async (steps, maxRetries, method, idempotencyHeader, viaOpenApiClient) => {
          let attempts = 0;
          const fetch = async (_request: Request) => {
            const next = steps[Math.min(attempts, steps.length - 1)];
            attempts++;
            if (typeof next === "string") throw Object.assign(new TypeError("fetch failed"), { cause: { code: next } });
            const headers = new Headers();
            if (next?.contentType) headers.set("content-type", next.contentType);
            if (next?.retryAfter != null) headers.set("retry-after", next.retryAfter);
            if (next?.retryAfterMs != null) headers.set("retry-after-ms", next.retryAfterMs);
            if (next?.rateLimitReset != null) headers.set("x-ratelimit-reset", next.rateLimitReset);
            if (next?.shouldRetry != null) headers.set("x-should-retry", next.shouldRetry);
            const status = next?.status ?? 500;
            const body = status === 204 || status === 205 || status === 304 ? null : (next?.body ?? "");
            return new Response(body, { status, headers });
          };
          const owner = {};
          const transport = createTransport(owner, {
            packageName: "acme",
            version: "1",
            baseUrl: "https://api.acme.test",
            authenticate: () => [],
            ...(idempotencyHeader ? { idempotencyHeader } : {}),
            options: { fetch, maxRetries, clock: { now: () => 0, sleep: async () => undefined, random: () => 0.5 } },
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
            return unwrap("acme", result);
          };
          try {
            await call();
          } catch (error) {
            if (!VerifetchError.isInstance(error)) throw error;
          }
          expect(attempts).toBeLessThanOrEqual(maxRetries + 1);
          expect(attempts).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 400 },
    );
  });
});
