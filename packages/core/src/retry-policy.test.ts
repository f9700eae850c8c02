import { describe, expect, it } from "vitest";
import { backoffMs, failedBeforeSending, isRetryableStatus, isSafeToRepeat, requestedWaitMs } from "./retry-policy.ts";

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe("retry policy", () => {
  it("repeats idempotent methods, and POST/PATCH only with an honoured idempotency key", () => {
    expect(isSafeToRepeat("GET", false)).toBe(true);
    expect(isSafeToRepeat("delete", false)).toBe(true);
    expect(isSafeToRepeat("POST", false)).toBe(false);
    expect(isSafeToRepeat("PATCH", false)).toBe(false);
    expect(isSafeToRepeat("POST", true)).toBe(true);
  });

  it("retries 429 always, 408/5xx only when safe", () => {
    expect(isRetryableStatus(429, false)).toBe(true);
    expect(isRetryableStatus(503, false)).toBe(false);
    expect(isRetryableStatus(503, true)).toBe(true);
    expect(isRetryableStatus(408, true)).toBe(true);
    expect(isRetryableStatus(400, true)).toBe(false);
    expect(isRetryableStatus(409, true)).toBe(false);
  });

  it("knows which connection failures happened before sending", () => {
    const undiciRefused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const dualStack = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new AggregateError([{ code: "ECONNREFUSED" }, { code: "ECONNREFUSED" }]), {}),
    });
    const reset = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    expect(failedBeforeSending(undiciRefused)).toBe(true);
    expect(failedBeforeSending(dualStack)).toBe(true);
    expect(failedBeforeSending(Object.assign(new Error("dns"), { code: "ENOTFOUND" }))).toBe(true);
    expect(failedBeforeSending(reset)).toBe(false);
    expect(failedBeforeSending(new TypeError("fetch failed"))).toBe(false);
  });

  it("reads the requested wait: retry-after-ms, Retry-After seconds or date, then X-RateLimit-Reset on 429", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(requestedWaitMs(429, headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(requestedWaitMs(503, headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(requestedWaitMs(503, headers({ "retry-after": "1.5" }), now)).toBe(1500);
    expect(requestedWaitMs(429, headers({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), now)).toBe(30_000);
    expect(requestedWaitMs(429, headers({ "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }), now)).toBe(0);
    expect(requestedWaitMs(429, headers({ "x-ratelimit-reset": String(now / 1000 + 12) }), now)).toBe(12_000);
    expect(requestedWaitMs(503, headers({ "x-ratelimit-reset": String(now / 1000 + 12) }), now)).toBeUndefined();
    expect(requestedWaitMs(429, headers({ "retry-after": "soon" }), now)).toBeUndefined();
  });

  it("reads a negative or otherwise numeric-looking Retry-After as no request (backoff), never as a past date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    for (const value of ["-5", "-0.5", "1e3", "12abc", "+3", "0x10"]) {
      expect(requestedWaitMs(503, headers({ "retry-after": value }), now), value).toBeUndefined();
    }
    expect(requestedWaitMs(503, headers({ "retry-after-ms": "-5", "retry-after": "-5" }), now)).toBeUndefined();
  });

  it("backs off exponentially up to 8 s with up to 25% jitter", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, () => 1)).toBe(375);
  });
});
