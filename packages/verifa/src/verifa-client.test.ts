import {
  AuthenticationError,
  ConfigurationError,
  InputValidationError,
  NotFoundError,
  RateLimitError,
} from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import { createVerifa, VERIFA_API_VERSION, VERIFA_BASE_URL, verifaApiClient, verifaDescriptor } from "./index.ts";

const created = {
  id: "session_abc123",
  status: "pending",
  capture_url: "https://app.withverifa.com/verify/tok_1",
  is_sandbox: true,
  created_at: "2026-02-01T12:00:00Z",
  expires_at: "2026-02-01T12:20:00Z",
  external_ref: "user_1",
  qr_code_data_url: null,
  tags: [],
};

const fakeFetch = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.fn(async (_request: Request) => Response.json(body, { status, headers }));

describe("createVerifa (unit, injected fetch)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("creates a session with X-API-Key, snake_case responses, a pinned version and an idempotency key", async () => {
    const fetch = fakeFetch(201, created);
    const verifa = createVerifa({ apiKey: "vk_sandbox_abc", fetch });
    expect(await verifa.createSession({ external_ref: "user_1", country: "US" })).toEqual(created);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe(`${VERIFA_BASE_URL}/api/v1/sessions`);
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("X-API-Key")).toBe("vk_sandbox_abc");
    expect(request?.headers.get("Key-Inflection")).toBe("snake");
    expect(request?.headers.get("Verifa-Version")).toBe(VERIFA_API_VERSION);
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-verifa\//);
    expect(await request?.json()).toEqual({ external_ref: "user_1", country: "US" });
  });

  it("uses a new idempotency key per call, or the caller's", async () => {
    const fetch = fakeFetch(201, created);
    const verifa = createVerifa({ apiKey: "vk_live_abc", fetch, apiVersion: "2026-02-01" });
    await verifa.createSession();
    await verifa.createSession({}, { idempotencyKey: "order-42" });
    const [first, second] = fetch.mock.calls.map(([request]) => request);
    expect(first?.headers.get("Idempotency-Key")).not.toBe(second?.headers.get("Idempotency-Key"));
    expect(second?.headers.get("Idempotency-Key")).toBe("order-42");
    expect(second?.headers.get("Verifa-Version")).toBe("2026-02-01");
  });

  it("refuses an idempotency key Verifa would reject, before sending", async () => {
    const fetch = fakeFetch(201, created);
    const verifa = createVerifa({ apiKey: "vk_live_abc", fetch });
    const error = await verifa.createSession({}, { idempotencyKey: "x".repeat(256) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field: "idempotencyKey" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("derives the environment from the key and refuses publishable or foreign keys before any request", async () => {
    expect(createVerifa({ apiKey: "vk_sandbox_1" }).environment).toBe("sandbox");
    expect(createVerifa({ apiKey: "vk_live_1" }).environment).toBe("live");
    const fetch = fakeFetch(201, created);
    for (const apiKey of ["vk_pub_live_1", "vk_pub_sandbox_1", "sk_test_1"]) {
      const error = await createVerifa({ apiKey, fetch })
        .createSession()
        .catch((e: unknown) => e);
      expect(ConfigurationError.isInstance(error)).toBe(true);
    }
    expect(() => createVerifa({ apiKey: "vk_pub_live_1" }).environment).toThrow(/publishable key/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("addresses sessions by escaped id for get, expire and result", async () => {
    const fetch = fakeFetch(200, {});
    const verifa = createVerifa({ apiKey: "vk_sandbox_1", fetch });
    await verifa.getSession("ses/1");
    await verifa.expireSession("ses_2");
    await verifa.getSessionResult("ses_3");
    expect(fetch.mock.calls.map(([r]) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "GET /api/v1/sessions/ses%2F1",
      "POST /api/v1/sessions/ses_2/expire",
      "GET /api/v1/sessions/ses_3/result",
    ]);
    expect(fetch.mock.calls[1]?.[0].headers.get("Idempotency-Key")).toBeTruthy();
  });

  it("throws typed errors with Verifa's body", async () => {
    const notFound = { error: "not_found", detail: "Session not found.", status_code: 404 };
    const verifa = createVerifa({ apiKey: "vk_sandbox_1", fetch: fakeFetch(404, notFound) });
    const error = await verifa.getSessionResult("s").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      provider: "verifa",
      status: 404,
      body: notFound,
      message: "verifa responded 404: Session not found.",
    });
    const limited = createVerifa({
      apiKey: "vk_sandbox_1",
      fetch: fakeFetch(429, { error: "rate_limited", detail: "d", status_code: 429 }),
    });
    await expect(limited.createSession()).rejects.toBeInstanceOf(RateLimitError);
  });

  it("redacts the key when Verifa (or a proxy) echoes it back", async () => {
    const apiKey = "vk_sandbox_0123456789abcdef";
    const echo = { error: "unauthorized", detail: `invalid key ${apiKey}`, status_code: 401 };
    const verifa = createVerifa({ apiKey, fetch: fakeFetch(401, echo) });
    const error = await verifa.getSession("s").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: { detail: "invalid key ***" } });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(apiKey);
  });

  it("sends verifaApiClient calls with the same key, default headers and idempotency key", async () => {
    const fetch = fakeFetch(201, created);
    const verifa = createVerifa({ apiKey: "vk_sandbox_abc", fetch });
    const client = verifaApiClient(verifa);
    expect(verifaApiClient(verifa)).toBe(client);
    const result = await client.POST("/api/v1/sessions", { body: { external_ref: "user_1" } });
    expect(result.data).toEqual(created);
    expect(result.error).toBeUndefined();
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe(`${VERIFA_BASE_URL}/api/v1/sessions`);
    expect(request?.headers.get("X-API-Key")).toBe("vk_sandbox_abc");
    expect(request?.headers.get("Key-Inflection")).toBe("snake");
    expect(request?.headers.get("Verifa-Version")).toBe(VERIFA_API_VERSION);
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request?.json()).toEqual({ external_ref: "user_1" });

    const notFound = { error: "not_found", detail: "Session not found.", status_code: 404 };
    const missing = await verifaApiClient(
      createVerifa({ apiKey: "vk_sandbox_1", fetch: fakeFetch(404, notFound) }),
    ).GET("/api/v1/sessions/{session_id}", { params: { path: { session_id: "s" } } });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toEqual(notFound);
    expect(missing.response.status).toBe(404);
  });
});

credentialCases({
  descriptor: verifaDescriptor,
  create: (fetch) => createVerifa({ fetch }),
  call: (client) => client.getSession("s"),
});
