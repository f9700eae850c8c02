// The retrying transport with a scripted fetch and an injected clock: attempts, waits, idempotency
// keys, cancellation and typed errors, without real time passing.

import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  TimeoutError,
} from "./error-classes.ts";
import { apiErrorFor } from "./error-from-response.ts";
import { idempotencyKeys } from "./idempotency-keys.ts";
import { operationCaller } from "./operation-call.ts";
import { getResponseMeta } from "./response-meta.ts";
import { failedBeforeSending } from "./retry-policy.ts";
import { createTransport, type ProviderClientOptions } from "./transport-create.ts";
import type { CallOptions } from "./transport-types.ts";

interface Paths {
  "/things": {
    get: { responses: { 200: { content: { "application/json": { id: string } } } } };
    post: {
      requestBody: { content: { "application/json": { name: string } } };
      responses: {
        200: { content: { "application/json": { id: string } } };
        500: { content: { "application/json": unknown } };
      };
    };
  };
}

type Step = Response | Error | "hang";

/** A fetch answering each attempt with the next scripted step, recording what it received. */
function scripted(...steps: Step[]) {
  const received: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    received.push(request);
    const step = steps.shift() ?? new Response("script exhausted", { status: 599 });
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      });
    }
    if (step instanceof Error) throw step;
    return step;
  });
  return { fetch, received };
}

function fakeClock() {
  let now = Date.parse("2026-01-01T00:00:00Z");
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      random: () => 0,
      sleep: vi.fn(async (ms: number, signal: AbortSignal) => {
        if (signal.aborted) throw signal.reason;
        sleeps.push(ms);
        now += ms;
      }),
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });
const refused = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
const reset = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });

function client(
  fetch: (r: Request) => Promise<Response>,
  options: ProviderClientOptions = {},
  idempotencyHeader?: string,
) {
  const transport = createTransport(
    {},
    {
      packageName: "acme",
      version: "1.0.0",
      baseUrl: "https://api.acme.test",
      authenticate: (request) => {
        request.headers.set("Authorization", "Bearer sk_live_supersecret");
        return ["sk_live_supersecret"];
      },
      ...(idempotencyHeader
        ? { idempotency: idempotencyKeys(idempotencyHeader, 255) }
        : { notSent: failedBeforeSending }),
      options: { fetch, ...options },
    },
  );
  const call = operationCaller<Paths>(transport);
  return {
    get: (options: CallOptions = {}) => call("get", "/things", {}, options),
    post: (options: CallOptions = {}) => call("post", "/things", { body: { name: "x" } }, options),
  };
}

describe("sendWithRetries", () => {
  it("retries 503 twice with capped exponential backoff, then returns the data with its retry count", async () => {
    const { fetch } = scripted(json(503, {}), json(503, {}), json(200, { id: "t1" }));
    const { clock, sleeps } = fakeClock();
    const data = await client(fetch, { clock }).get();
    expect(data).toEqual({ id: "t1" });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(getResponseMeta(data)).toMatchObject({ retryCount: 2, status: 200 });
  });

  it("never retries more than maxRetries (per client and per call) and 0 disables", async () => {
    const { clock } = fakeClock();
    const always503 = () => scripted(...Array.from({ length: 10 }, () => json(503, { message: "down" })));
    const a = always503();
    await expect(client(a.fetch, { clock, maxRetries: 4 }).get()).rejects.toMatchObject({ retryCount: 4 });
    expect(a.fetch).toHaveBeenCalledTimes(5);
    const b = always503();
    await expect(client(b.fetch, { clock }).get({ maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(b.fetch).toHaveBeenCalledTimes(1);
  });

  it("honours Retry-After seconds on 429, even for a POST without idempotency key", async () => {
    const { fetch } = scripted(json(429, {}, { "Retry-After": "1" }), json(200, { id: "t2" }));
    const { clock, sleeps } = fakeClock();
    expect(await client(fetch, { clock }).post()).toEqual({ id: "t2" });
    expect(sleeps).toEqual([1000]);
  });

  it("prefers retry-after-ms, then Retry-After as an HTTP date, then X-RateLimit-Reset", async () => {
    const { clock, sleeps } = fakeClock();
    const resetAt = String(clock.now() / 1000 + 4);
    // HTTP dates have whole seconds: 3 s after the start, i.e. 2850 ms after the first 150 ms wait.
    const date = new Date(clock.now() + 3000).toUTCString();
    const { fetch } = scripted(
      json(429, {}, { "retry-after-ms": "150", "Retry-After": "9" }),
      json(429, {}, { "Retry-After": date }),
      json(429, {}, { "X-RateLimit-Reset": resetAt }),
      json(200, { id: "ok" }),
    );
    await client(fetch, { clock, maxRetries: 3 }).get();
    expect(sleeps[0]).toBe(150);
    expect(sleeps[1]).toBe(2850);
    // The clock advanced 3000 ms, so 1000 ms remain until the reset 4 s after the start.
    expect(sleeps[2]).toBe(1000);
  });

  it("does not sleep through a wait above the cap: RateLimitError with retryAfterMs", async () => {
    const { fetch } = scripted(json(429, { message: "slow down" }, { "Retry-After": "120" }));
    const { clock, sleeps } = fakeClock();
    const error = await client(fetch, { clock })
      .post()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, retryCount: 0, status: 429 });
    expect(sleeps).toEqual([]);
  });

  it("does not wait past the overall deadline", async () => {
    const { fetch } = scripted(json(503, {}), json(503, {}), json(200, { id: "late" }));
    const { clock, sleeps } = fakeClock();
    await expect(client(fetch, { clock, deadlineMs: 1200 }).get()).rejects.toBeInstanceOf(InternalServerError);
    expect(sleeps).toEqual([500]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("never retries a POST that may have reached a provider without idempotency keys (5xx, reset)", async () => {
    const { clock } = fakeClock();
    const fiveHundred = scripted(json(500, { message: "oops" }), json(200, { id: "dup" }));
    await expect(client(fiveHundred.fetch, { clock }).post()).rejects.toBeInstanceOf(InternalServerError);
    expect(fiveHundred.fetch).toHaveBeenCalledTimes(1);
    const connectionReset = scripted(reset(), json(200, { id: "dup" }));
    const error = await client(connectionReset.fetch, { clock })
      .post()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ECONNRESET.*not retried: it may have reached acme/);
    expect(connectionReset.fetch).toHaveBeenCalledTimes(1);
  });

  it("retries a POST whose connection was refused (it never left)", async () => {
    const { fetch } = scripted(refused(), json(200, { id: "t3" }));
    const { clock } = fakeClock();
    expect(await client(fetch, { clock }).post()).toEqual({ id: "t3" });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("retries an idempotent POST with the same key on every attempt and exposes it", async () => {
    const { fetch, received } = scripted(json(503, {}), reset(), json(200, { id: "t4" }));
    const { clock } = fakeClock();
    const data = await client(fetch, { clock }, "Idempotency-Key").post();
    const keys = received.map((request) => request.headers.get("Idempotency-Key"));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(getResponseMeta(data)?.idempotencyKey).toBe(keys[0]);
    expect(await Promise.all(received.map((r) => r.text()))).toEqual(['{"name":"x"}', '{"name":"x"}', '{"name":"x"}']);
  });

  it("uses the caller's idempotency key and puts it on errors", async () => {
    const { fetch, received } = scripted(json(500, {}), json(500, {}), json(500, { message: "still down" }));
    const { clock } = fakeClock();
    const error = await client(fetch, { clock }, "Idempotency-Key")
      .post({ idempotencyKey: "order-42" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ idempotencyKey: "order-42", retryCount: 2, isRetryable: true });
    expect(received.map((r) => r.headers.get("Idempotency-Key"))).toEqual(["order-42", "order-42", "order-42"]);
  });

  it("refuses an idempotency key for a provider that honours none", async () => {
    const { fetch } = scripted(json(200, { id: "x" }));
    await expect(client(fetch).post({ idempotencyKey: "k" })).rejects.toThrow(/acme takes no idempotency key/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("times out each attempt, retries a GET, and reports TimeoutError with the attempts made", async () => {
    const { fetch } = scripted("hang", "hang", "hang");
    const { clock } = fakeClock();
    const error = await client(fetch, { clock, timeoutMs: 20 })
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ retryCount: 2, isRetryable: true });
    expect((error as Error).message).toMatch(/no complete response within 20 ms/);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("does not retry a timed-out POST without idempotency key", async () => {
    const { fetch } = scripted("hang", json(200, { id: "dup" }));
    const { clock } = fakeClock();
    await expect(client(fetch, { clock, timeoutMs: 20 }).post()).rejects.toBeInstanceOf(TimeoutError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("stops at once when the caller aborts, even during a backoff wait, and never retries", async () => {
    const controller = new AbortController();
    const { fetch } = scripted(json(503, {}), json(200, { id: "never" }));
    const clock = {
      now: () => 0,
      random: () => 0,
      sleep: (_ms: number, signal: AbortSignal) =>
        new Promise<void>((_, reject) => {
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
          controller.abort();
        }),
    };
    const error = await client(fetch, { clock })
      .get({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("surfaces an abort during the request as AbortError, not a timeout", async () => {
    const controller = new AbortController();
    const { fetch } = scripted("hang");
    const pending = client(fetch).get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    const aborted = AbortSignal.abort();
    await expect(client(fetch).get({ signal: aborted })).rejects.toBeInstanceOf(AbortError);
  });

  it("cancels the body of every discarded response", async () => {
    const cancelled: number[] = [];
    const streaming = (status: number, index: number) =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new TextEncoder().encode("{}"));
          },
          cancel() {
            cancelled.push(index);
          },
        }),
        { status },
      );
    const { fetch } = scripted(streaming(503, 0), streaming(502, 1), json(200, { id: "t5" }));
    const { clock } = fakeClock();
    await client(fetch, { clock }).get();
    expect(cancelled).toEqual([0, 1]);
  });

  it("turns a malformed or empty JSON body on a 2xx into InvalidResponseError", async () => {
    const { clock } = fakeClock();
    const truncated = scripted(
      new Response('{"id": "t', { status: 200, headers: { "Content-Type": "application/json" } }),
    );
    const error = await client(truncated.fetch, { clock })
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, body: '{"id": "t', isRetryable: false });
    const empty = scripted(new Response("", { status: 200, headers: { "Content-Type": "application/json" } }));
    await expect(client(empty.fetch, { clock }).get()).rejects.toThrow(/responded 200 with an empty body/);
    const zeroLength = scripted(new Response(null, { status: 201, headers: { "Content-Length": "0" } }));
    await expect(client(zeroLength.fetch, { clock }).post()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("reports every attempt to onRequest/onResponse without credentials", async () => {
    const { fetch } = scripted(json(503, {}), json(200, { id: "t6" }));
    const { clock } = fakeClock();
    const events: unknown[] = [];
    await client(
      fetch,
      { clock, onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) },
      "Idempotency-Key",
    ).post({
      idempotencyKey: "k-1",
    });
    expect(events).toEqual([
      { provider: "acme", method: "POST", path: "/things", attempt: 1, idempotencyKey: "k-1" },
      expect.objectContaining({ attempt: 1, status: 503, willRetry: true, error: undefined }),
      { provider: "acme", method: "POST", path: "/things", attempt: 2, idempotencyKey: "k-1" },
      expect.objectContaining({ attempt: 2, status: 200, willRetry: false }),
    ]);
    expect(JSON.stringify(events)).not.toContain("supersecret");
  });
});

describe("redirects", () => {
  const redirect = (status: number, location: string) =>
    new Response("Found. Redirecting", { status, headers: { Location: location } });

  it("are never followed: fetch is told not to, and a 3xx is an ApiError naming only the target's origin", async () => {
    const { fetch, received } = scripted(redirect(302, "https://elsewhere.example/steal?user=jane"));
    const error = await client(fetch)
      .get()
      .catch((e: unknown) => e);
    expect(received.map((request) => request.redirect)).toEqual(["manual"]);
    expect(ApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 302, isRetryable: false, retryCount: 0 });
    expect((error as Error).message).toBe(
      "acme answered 302 with a redirect to https://elsewhere.example, not followed: check baseUrl",
    );
  });

  it("are not retried, even for a GET; a relative or missing Location names no target", async () => {
    const { fetch } = scripted(redirect(308, "/v2/things"), new Response(null, { status: 307 }));
    await expect(client(fetch).get()).rejects.toThrow(/^acme answered 308 with a redirect, not followed/);
    await expect(client(fetch).post()).rejects.toThrow(/^acme answered 307 with a redirect, not followed/);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("hidden by a browser (status 0, an opaqueredirect response) are described too", () => {
    const error = apiErrorFor(0, undefined, new Headers(), { provider: "acme" });
    expect(error.message).toMatch(/^acme answered 0 with a redirect, not followed/);
    // 304 Not Modified is no redirect: it keeps the usual message.
    expect(apiErrorFor(304, undefined, new Headers(), { provider: "acme" }).message).toBe(
      "acme responded 304 with no error message",
    );
  });
});
