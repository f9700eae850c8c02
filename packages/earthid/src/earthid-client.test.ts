import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  InputValidationError,
  NotFoundError,
} from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import {
  createEarthId,
  EARTHID_BASE_URL,
  EARTHID_SESSION_TTL_MS,
  earthIdApiClient,
  earthIdDescriptor,
} from "./index.ts";

const sessionBody = {
  verification: {
    callback: "https://app.example/done",
    person: { firstName: "John", lastName: "Smith" },
    document: { type: "PASSPORT", country: "EE" },
    vendorData: "user_123",
  },
};

const created = {
  status: "success",
  verification: {
    id: "a66ad316-19c3-45e1-b592-de6498000000",
    url: "https://myearth.id/eyJ",
    vendorData: "user_123",
    host: "https://myearth.id/",
    status: "created",
    sessionToken: "eyJ",
  },
};

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_request: Request) => Response.json(body, { status }));
}

describe("createEarthId (unit, injected fetch)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("posts the session with X-AUTH-CLIENT, a JSON body and the User-Agent", async () => {
    const fetch = fakeFetch(201, created);
    const earthid = createEarthId({ apiKey: "earthid-key", fetch });
    expect(await earthid.createSession(sessionBody)).toEqual(created);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${EARTHID_BASE_URL}/earthid/api/sessions`);
    expect(request?.headers.get("X-AUTH-CLIENT")).toBe("earthid-key");
    expect(request?.headers.get("Authorization")).toBeNull();
    // EarthID documents no request signature, so none is invented.
    expect(request?.headers.get("X-HMAC-SIGNATURE")).toBeNull();
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-earthid\/\d+\.\d+\.\d+/);
    expect(await request?.json()).toEqual(sessionBody);
  });

  it("gets the decision by session id, escaping it, with the key sent too", async () => {
    const pending = { status: "success", verification: null, technicalData: { ip: null } };
    const fetch = fakeFetch(200, pending);
    const earthid = createEarthId({ apiKey: "k", fetch, baseUrl: "https://proxy.example.test" });
    expect(await earthid.getDecision("a/b")).toEqual(pending);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("https://proxy.example.test/earthid/api/a%2Fb/decision");
    expect(request?.headers.get("X-AUTH-CLIENT")).toBe("k");
  });

  it("refuses an empty session id before sending anything", async () => {
    const fetch = fakeFetch(200, {});
    const error = await createEarthId({ apiKey: "k", fetch })
      .getDecision("")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field: "sessionId" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses an idempotency key, which EarthID does not document, before sending anything", async () => {
    const fetch = fakeFetch(201, created);
    const error = await createEarthId({ apiKey: "k", fetch })
      .createSession(sessionBody, { idempotencyKey: "attempt-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field: "idempotencyKey" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("exposes no environment, because EarthID documents no way to tell one", () => {
    const earthid = createEarthId({ apiKey: "k" });
    expect("environment" in earthid).toBe(false);
  });

  it("throws typed errors carrying the parsed error body", async () => {
    const body = { status: "fail", code: "1102", message: "Mandatory parameters are missing from the request." };
    const earthid = createEarthId({ apiKey: "k", fetch: fakeFetch(400, body) });
    const error = await earthid.createSession(sessionBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ provider: "earthid", status: 400, body });
    expect((error as Error).message).toBe("earthid responded 400: Mandatory parameters are missing from the request.");

    const unauthorized = createEarthId({ apiKey: "k", fetch: fakeFetch(401, { status: "fail", message: "m" }) });
    await expect(unauthorized.getDecision("s")).rejects.toBeInstanceOf(AuthenticationError);
    const missing = createEarthId({ apiKey: "k", fetch: fakeFetch(404, { status: "fail", message: "m" }) });
    await expect(missing.getDecision("s")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("redacts the key when EarthID (or a proxy) echoes it back", async () => {
    const apiKey = "earthid-key-0123456789";
    const echo = { status: "fail", message: `unknown client ${apiKey}` };
    const earthid = createEarthId({ apiKey, fetch: fakeFetch(401, echo) });
    const error = await earthid.getDecision("s").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: { message: "unknown client ***" } });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(apiKey);
  });

  it("sends earthIdApiClient calls with the same key and headers, returning { data, error }", async () => {
    const fetch = fakeFetch(201, created);
    const earthid = createEarthId({ apiKey: "earthid-key", fetch });
    const client = earthIdApiClient(earthid);
    expect(earthIdApiClient(earthid)).toBe(client);
    const result = await client.POST("/earthid/api/sessions", { body: sessionBody });
    expect(result.data).toEqual(created);
    expect(result.error).toBeUndefined();
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe(`${EARTHID_BASE_URL}/earthid/api/sessions`);
    expect(request?.headers.get("X-AUTH-CLIENT")).toBe("earthid-key");
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-earthid\//);
    expect(await request?.json()).toEqual(sessionBody);

    const failing = createEarthId({ apiKey: "k", fetch: fakeFetch(404, { status: "fail", message: "m" }) });
    const missing = await earthIdApiClient(failing).GET("/earthid/api/{sessionId}/decision", {
      params: { path: { sessionId: "s" } },
    });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toEqual({ status: "fail", message: "m" });
    expect(missing.response.status).toBe(404);
  });

  it("does not expose the key through JSON or inspection", () => {
    const earthid = createEarthId({ apiKey: "supersecret-key" });
    expect(JSON.stringify(earthid)).not.toContain("supersecret");
    expect(Object.values(earthid).map(String).join()).not.toContain("supersecret");
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => createEarthId({ apiKey: "k", baseUrl: "http://session.myearth.id" })).toThrow(ConfigurationError);
  });

  it("states the documented 7-day sessionToken lifetime", () => {
    expect(EARTHID_SESSION_TTL_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });
});

credentialCases({
  descriptor: earthIdDescriptor,
  create: (fetch) => createEarthId({ fetch }),
  call: (client) => client.createSession(sessionBody),
  response: created,
});
