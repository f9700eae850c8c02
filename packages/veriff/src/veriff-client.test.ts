import { createHmac } from "node:crypto";
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  InputValidationError,
} from "@verifetch/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import { createVeriff, VERIFF_BASE_URL, VERIFF_SESSION_TTL_MS, veriffApiClient, veriffDescriptor } from "./index.ts";

const apiKey = "0b6d7f3e-1111-4222-8333-944455556666";
const sharedSecret = "4f0b1b2c-aaaa-4bbb-8ccc-dddddddddddd";
const sessionId = "12df6045-3846-3e45-946a-14fa6136d78b";

const session = {
  status: "success",
  verification: {
    id: sessionId,
    url: "https://alchemy.veriff.com/v/eyJ",
    vendorData: null,
    host: "https://alchemy.veriff.com",
    status: "created",
    sessionToken: "eyJ",
  },
};

/** The expected signature, computed independently of the code under test (node:crypto, not WebCrypto). */
function nodeHmacHex(secret: string, payload: string | Uint8Array): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_request: Request) => Response.json(body, { status }));
}

describe("createVeriff (unit, injected fetch)", () => {
  // No ambient credentials: each test says where its key and secret come from.
  beforeEach(() => {
    vi.stubEnv("VERIFF_API_KEY", "");
    vi.stubEnv("VERIFF_SHARED_SECRET", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("creates a session with X-AUTH-CLIENT only: no signature, no shared secret needed", async () => {
    const fetch = fakeFetch(201, session);
    const veriff = createVeriff({ apiKey, fetch });
    const body = { verification: { callback: "https://app.example/done", vendorData: "user_123" } };
    expect(await veriff.createSession(body)).toEqual(session);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${VERIFF_BASE_URL}/v1/sessions`);
    expect(request?.headers.get("X-AUTH-CLIENT")).toBe(apiKey);
    expect(request?.headers.has("X-HMAC-SIGNATURE")).toBe(false);
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-veriff\/\d+\.\d+\.\d+/);
    expect(await request?.json()).toEqual(body);
  });

  it("signs an updateSession PATCH over the exact body bytes sent", async () => {
    const fetch = fakeFetch(200, session);
    const veriff = createVeriff({ apiKey, sharedSecret, fetch });
    await veriff.updateSession(sessionId, { verification: { status: "submitted" } });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("PATCH");
    expect(request?.url).toBe(`${VERIFF_BASE_URL}/v1/sessions/${sessionId}`);
    const sent = await request?.text();
    // A known vector: the body openapi-fetch sends, and its signature computed with node:crypto.
    expect(sent).toBe('{"verification":{"status":"submitted"}}');
    const expected = nodeHmacHex(sharedSecret, '{"verification":{"status":"submitted"}}');
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(request?.headers.get("X-HMAC-SIGNATURE")).toBe(expected);
    expect(request?.headers.get("X-AUTH-CLIENT")).toBe(apiKey);
  });

  it("signs exactly the bytes sent, whatever serialized them, and never the create call", async () => {
    const fetch = fakeFetch(200, session);
    const veriff = createVeriff({ apiKey, sharedSecret, fetch });
    await veriffApiClient(veriff).POST("/v1/sessions", { body: { verification: { vendorData: "Jüri Õun ✓" } } });
    expect(fetch.mock.calls[0]?.[0].headers.has("X-HMAC-SIGNATURE")).toBe(false);

    // A raw PATCH with its own serializer (spacing, non-ASCII) is signed over those bytes.
    await veriffApiClient(veriff).PATCH("/v1/sessions/{sessionId}", {
      params: { path: { sessionId } },
      body: { verification: { status: "submitted" } },
      bodySerializer: () => '{ "verification": { "status": "submitted" }, "note": "Jüri ✓" }',
    });
    const request = fetch.mock.calls[1]?.[0];
    const bytes = new Uint8Array((await request?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect(request?.headers.get("X-HMAC-SIGNATURE")).toBe(nodeHmacHex(sharedSecret, bytes));
  });

  it("signs a getDecision GET over the session id", async () => {
    const fetch = fakeFetch(200, { status: "success", verification: null, technicalData: { ip: null } });
    const veriff = createVeriff({ apiKey, sharedSecret, fetch });
    await veriff.getDecision(sessionId);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`${VERIFF_BASE_URL}/v1/sessions/${sessionId}/decision`);
    expect(request?.headers.get("X-HMAC-SIGNATURE")).toBe(nodeHmacHex(sharedSecret, sessionId));
  });

  it("signs the session id itself (not its URL encoding) under a base URL with a path prefix", async () => {
    const fetch = fakeFetch(200, { status: "success", verification: null });
    const veriff = createVeriff({ apiKey, sharedSecret, fetch, baseUrl: "https://proxy.example.test/veriff/" });
    await veriff.getDecision("odd id/1");
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://proxy.example.test/veriff/v1/sessions/odd%20id%2F1/decision");
    expect(request?.headers.get("X-HMAC-SIGNATURE")).toBe(nodeHmacHex(sharedSecret, "odd id/1"));
  });

  it("a retried GET carries the same valid signature on every attempt", async () => {
    const pending = { status: "success", verification: null };
    const fetch = vi.fn(async (_request: Request) =>
      fetch.mock.calls.length === 1
        ? Response.json({ status: "fail", message: "Something went wrong" }, { status: 503 })
        : Response.json(pending, { status: 200 }),
    );
    const veriff = createVeriff({ apiKey, sharedSecret, fetch, maxRetries: 1, clock: { sleep: async () => {} } });
    expect(await veriff.getDecision(sessionId)).toEqual(pending);
    expect(fetch).toHaveBeenCalledTimes(2);
    for (const [request] of fetch.mock.calls) {
      expect(request.headers.get("X-HMAC-SIGNATURE")).toBe(nodeHmacHex(sharedSecret, sessionId));
    }
  });

  it("signs veriffApiClient calls too", async () => {
    const fetch = fakeFetch(200, { status: "success", verification: null });
    const veriff = createVeriff({ apiKey, sharedSecret, fetch });
    const result = await veriffApiClient(veriff).GET("/v1/sessions/{sessionId}/decision", {
      params: { path: { sessionId } },
    });
    expect(result.data).toEqual({ status: "success", verification: null });
    expect(fetch.mock.calls[0]?.[0].headers.get("X-HMAC-SIGNATURE")).toBe(nodeHmacHex(sharedSecret, sessionId));
  });

  it("reads VERIFF_API_KEY and VERIFF_SHARED_SECRET lazily", async () => {
    const fetch = fakeFetch(200, session);
    const veriff = createVeriff({ fetch });
    vi.stubEnv("VERIFF_API_KEY", "key-from-env");
    vi.stubEnv("VERIFF_SHARED_SECRET", "secret-from-env");
    await veriff.updateSession(sessionId, { verification: { status: "submitted" } });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.headers.get("X-AUTH-CLIENT")).toBe("key-from-env");
    expect(request?.headers.get("X-HMAC-SIGNATURE")).toBe(
      nodeHmacHex("secret-from-env", '{"verification":{"status":"submitted"}}'),
    );
  });

  it("needs the shared secret only for signed requests, and names it when missing", async () => {
    const fetch = fakeFetch(200, session);
    const veriff = createVeriff({ apiKey, fetch });
    await veriff.createSession({ verification: {} });
    expect(fetch).toHaveBeenCalledTimes(1);

    for (const call of [
      () => veriff.getDecision(sessionId),
      () => veriff.updateSession(sessionId, { verification: { status: "submitted" } }),
    ]) {
      const missing = await call().catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(ConfigurationError);
      expect(missing).toMatchObject({ option: "sharedSecret", envVar: "VERIFF_SHARED_SECRET" });
      expect((missing as Error).message).toContain("VERIFF_SHARED_SECRET");
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("refuses an empty session id before sending anything", async () => {
    const fetch = fakeFetch(200, {});
    const veriff = createVeriff({ apiKey, sharedSecret, fetch });
    await expect(veriff.getDecision("")).rejects.toBeInstanceOf(InputValidationError);
    await expect(veriff.updateSession(" ", { verification: { status: "submitted" } })).rejects.toMatchObject({
      field: "sessionId",
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses an idempotency key, which Veriff does not document, before sending anything", async () => {
    const fetch = fakeFetch(201, session);
    const error = await createVeriff({ apiKey, fetch })
      .createSession({ verification: {} }, { idempotencyKey: "attempt-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field: "idempotencyKey" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("exposes no environment: test vs live is a property of the integration, not of the key or host", () => {
    expect("environment" in createVeriff({ apiKey })).toBe(false);
  });

  it("throws typed errors carrying Veriff's error body", async () => {
    const body = { status: "fail", code: "1104", message: "Request includes invalid parameters." };
    const veriff = createVeriff({ apiKey, sharedSecret, fetch: fakeFetch(400, body) });
    const error = await veriff.createSession({ verification: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ provider: "veriff", status: 400, body });
    expect((error as Error).message).toBe("veriff responded 400: Request includes invalid parameters.");

    const mismatch = {
      status: "fail",
      code: "1818",
      message: "Signature does not match the HMAC-SHA256 of query ID and integration API secret",
    };
    const unauthorized = createVeriff({ apiKey, sharedSecret, fetch: fakeFetch(401, mismatch) });
    await expect(unauthorized.getDecision(sessionId)).rejects.toBeInstanceOf(AuthenticationError);

    const conflict = createVeriff({ apiKey, sharedSecret, fetch: fakeFetch(409, { status: "fail", message: "m" }) });
    await expect(conflict.updateSession(sessionId, { verification: { status: "submitted" } })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("does not expose the key or the secret through JSON, inspection or errors", async () => {
    const veriff = createVeriff({
      apiKey: "supersecret-key",
      sharedSecret: "supersecret-hmac",
      fetch: fakeFetch(401, {}),
    });
    expect(JSON.stringify(veriff)).not.toContain("supersecret");
    expect(Object.values(veriff).map(String).join()).not.toContain("supersecret");
    const error = await veriff.getDecision(sessionId).catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain("supersecret");
  });

  it("redacts the key and the shared secret when Veriff (or a proxy) echoes them back", async () => {
    const echo = { status: "fail", message: `bad key ${apiKey} or secret ${sharedSecret}` };
    const veriff = createVeriff({ apiKey, sharedSecret, fetch: fakeFetch(401, echo) });
    const error = await veriff.getDecision(sessionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: { message: "bad key *** or secret ***" } });
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(apiKey);
    expect(shown).not.toContain(sharedSecret);
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => createVeriff({ apiKey, baseUrl: "http://stationapi.veriff.com" })).toThrow(ConfigurationError);
  });

  it("states the 7-day sessionToken lifetime", () => {
    expect(VERIFF_SESSION_TTL_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });
});

credentialCases({
  descriptor: veriffDescriptor,
  create: (fetch) => createVeriff({ fetch }),
  call: (client) => client.getDecision(sessionId),
  response: session,
});
