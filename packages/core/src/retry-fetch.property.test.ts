// Property: whatever a provider (or the network) answers — any status, any retry headers, any
// body, thrown connection errors — a call either returns data or throws a VerifetchError, and
// never makes more than maxRetries + 1 attempts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callInit, createApiClient } from "./client-create.ts";
import { VerifetchError } from "./error-classes.ts";
import { unwrap } from "./result-unwrap.ts";

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

describe("retrying fetch (property)", () => {
  it("returns data or throws a VerifetchError, within maxRetries + 1 attempts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom("GET", "POST"),
        fc.option(fc.constant("Idempotency-Key")),
        async (steps, maxRetries, method, idempotencyHeader) => {
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
          const api = createApiClient<Paths>({
            packageName: "acme",
            version: "1",
            baseUrl: "https://api.acme.test",
            authenticate: (request) => request,
            ...(idempotencyHeader ? { idempotencyHeader } : {}),
            options: { fetch, maxRetries, clock: { now: () => 0, sleep: async () => undefined, random: () => 0.5 } },
          });
          const call = () =>
            method === "GET"
              ? api.GET("/things", { ...callInit(api) }).then((result) => unwrap("acme", result))
              : api.POST("/things", { body: { n: 1 }, ...callInit(api) }).then((result) => unwrap("acme", result));
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
