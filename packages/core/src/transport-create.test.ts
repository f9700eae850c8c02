import { describe, expect, it, vi } from "vitest";
import { ConfigurationError, InputValidationError } from "./error-classes.ts";
import { openApiClientOf } from "./openapi-client.ts";
import { operationCaller } from "./operation-call.ts";
import { queryString } from "./query-string.ts";
import { createTransport, type TransportConfig, transportOf } from "./transport-create.ts";

interface TestPaths {
  "/v1/things": {
    post: {
      requestBody: { content: { "application/json": { name: string } } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
  };
  "/v1/things/{thingId}": {
    get: {
      parameters: { path: { thingId: string }; query?: { expand?: string[]; limit?: number; cursor?: string } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
  };
}

const config = (options: TransportConfig["options"] = {}): TransportConfig => ({
  packageName: "acme",
  version: "1.2.3",
  baseUrl: "https://api.acme.test/",
  options,
  defaultHeaders: { "Acme-Version": "2024-01" },
  authenticate: (request) => {
    request.headers.set("Authorization", "secret-key");
    return ["secret-key"];
  },
});

describe("createTransport", () => {
  it("sends methods and the openapi-fetch client alike: base URL, headers, credentials, User-Agent, JSON body", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ id: "t_1" }));
    const owner = {};
    const transport = createTransport(owner, config({ headers: { "X-Team": "kyc" }, fetch }));
    const viaMethod = await operationCaller<TestPaths>(transport)("post", "/v1/things", { body: { name: "x" } });
    const viaClient = await openApiClientOf<TestPaths>(owner).POST("/v1/things", { body: { name: "x" } });
    expect(viaMethod).toEqual({ id: "t_1" });
    expect(viaClient.data).toEqual({ id: "t_1" });
    for (const [sent] of fetch.mock.calls) {
      expect(sent.url).toBe("https://api.acme.test/v1/things");
      expect(sent.method).toBe("POST");
      expect(sent.headers.get("Authorization")).toBe("secret-key");
      expect(sent.headers.get("User-Agent")).toBe("verifetch-acme/1.2.3");
      expect(sent.headers.get("X-Team")).toBe("kyc");
      expect(sent.headers.get("Acme-Version")).toBe("2024-01");
      expect(sent.headers.get("Content-Type")).toBe("application/json");
      expect(await sent.json()).toEqual({ name: "x" });
    }
  });

  it("encodes path parameters and serializes the query as openapi-fetch does", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ id: "t/2" }));
    const owner = {};
    // A client whose spec has query parameters gives its transport `queryString`.
    const call = operationCaller<TestPaths>(createTransport(owner, { ...config({ fetch }), query: queryString }));
    // An undefined query value is left out, as openapi-fetch does.
    const params = {
      path: { thingId: "a/b c" },
      query: { expand: ["x", "y"], limit: 5, cursor: undefined as unknown as string },
    };
    await call("get", "/v1/things/{thingId}", { params });
    await openApiClientOf<TestPaths>(owner).GET("/v1/things/{thingId}", { params });
    const [viaMethod, viaClient] = fetch.mock.calls.map(([request]) => new URL(request.url));
    expect(viaMethod?.pathname).toBe("/v1/things/a%2Fb%20c");
    expect(viaMethod?.pathname).toBe(viaClient?.pathname);
    expect([...(viaMethod?.searchParams ?? [])]).toEqual([...(viaClient?.searchParams ?? [])]);
    expect([...(viaMethod?.searchParams ?? [])]).toEqual([
      ["expand", "x"],
      ["expand", "y"],
      ["limit", "5"],
    ]);
    expect(fetch.mock.calls[0]?.[0].headers.has("Content-Type")).toBe(false);
  });

  it("uses the global fetch looked up at call time when none is given", async () => {
    const call = operationCaller<TestPaths>(createTransport({}, config()));
    const stub = vi.fn(async (_url: string, _init: RequestInit) => Response.json({ id: "late" }));
    vi.stubGlobal("fetch", stub);
    try {
      expect(await call("post", "/v1/things", { body: { name: "x" } })).toEqual({ id: "late" });
      expect(stub.mock.calls[0]?.[0]).toBe("https://api.acme.test/v1/things");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("builds the openapi-fetch client once per provider client, and only for one", () => {
    const owner = {};
    createTransport(owner, config());
    expect(openApiClientOf(owner)).toBe(openApiClientOf(owner));
    expect(() => transportOf({})).toThrow(ConfigurationError);
    expect(() => openApiClientOf({})).toThrow(/expected a verifetch provider client/);
  });

  it("refuses to run in a browser unless dangerouslyAllowBrowser is set", () => {
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    try {
      expect(() => createTransport({}, config())).toThrow(/refuses to run in a browser/);
      expect(() => createTransport({}, config({ dangerouslyAllowBrowser: true }))).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("refuses nonsensical retry settings by name, per client and per call", async () => {
    expect(() => createTransport({}, config({ maxRetries: -1 }))).toThrow(/maxRetries: must be/);
    expect(() => createTransport({}, config({ timeoutMs: 0 }))).toThrow(/timeoutMs: must be/);
    expect(() => createTransport({}, config({ deadlineMs: Number.NaN }))).toThrow(/deadlineMs: must be/);
    expect(() => createTransport({}, config({ maxRetryWaitMs: -1 }))).toThrow(/maxRetryWaitMs: must be/);
    expect(() => createTransport({}, config({ maxRetries: 1.5 }))).toThrow(InputValidationError);
    expect(() => createTransport({}, config({ maxRetries: Number.POSITIVE_INFINITY }))).toThrow(/maxRetries/);
    expect(() => createTransport({}, config({ timeoutMs: "5" as unknown as number }))).toThrow(/timeoutMs/);
    const fetch = vi.fn(async () => Response.json({ id: "never" }));
    const call = operationCaller<TestPaths>(createTransport({}, config({ fetch })));
    await expect(call("post", "/v1/things", { body: { name: "x" } }, { timeoutMs: -5 })).rejects.toThrow(
      /timeoutMs: must be a number > 0/,
    );
    await expect(call("post", "/v1/things", { body: { name: "x" } }, { maxRetries: Number.NaN })).rejects.toThrow(
      InputValidationError,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses a plain-http base URL that is not loopback", () => {
    expect(() => createTransport({}, { ...config(), baseUrl: "http://api.acme.test" })).toThrow(ConfigurationError);
    expect(() => createTransport({}, { ...config(), baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
  });
});
