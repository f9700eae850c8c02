import { describe, expect, it, vi } from "vitest";
import { createApiClient } from "./client-create.ts";
import { ConfigurationError, InputValidationError } from "./error-classes.ts";

interface TestPaths {
  "/v1/things": {
    post: {
      requestBody: { content: { "application/json": { name: string } } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
  };
}

describe("createApiClient", () => {
  it("sends through the seam: base URL, caller headers, credentials and User-Agent", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ id: "t_1" }));
    const client = createApiClient<TestPaths>({
      packageName: "acme",
      version: "1.2.3",
      baseUrl: "https://api.acme.test",
      options: { headers: { "X-Team": "kyc" }, fetch },
      authenticate: (request) => {
        request.headers.set("Authorization", "secret");
        return request;
      },
    });
    const { data } = await client.POST("/v1/things", { body: { name: "x" } });
    expect(data).toEqual({ id: "t_1" });
    const sent = fetch.mock.calls[0]?.[0];
    expect(sent?.url).toBe("https://api.acme.test/v1/things");
    expect(sent?.headers.get("Authorization")).toBe("secret");
    expect(sent?.headers.get("User-Agent")).toBe("verifetch-acme/1.2.3");
    expect(sent?.headers.get("X-Team")).toBe("kyc");
    expect(await sent?.json()).toEqual({ name: "x" });
  });

  it("uses the global fetch looked up at call time when none is given", async () => {
    const client = createApiClient<TestPaths>({
      packageName: "acme",
      version: "1.0.0",
      baseUrl: "https://api.acme.test",
      options: {},
      authenticate: (request) => request,
    });
    const stub = vi.fn(async () => Response.json({ id: "late" }));
    vi.stubGlobal("fetch", stub);
    try {
      const { data } = await client.POST("/v1/things", { body: { name: "x" } });
      expect(data).toEqual({ id: "late" });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("refuses to run in a browser unless dangerouslyAllowBrowser is set", () => {
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    try {
      const config = {
        packageName: "acme",
        version: "1",
        baseUrl: "https://api.acme.test",
        authenticate: (r: Request) => r,
      };
      expect(() => createApiClient<TestPaths>({ ...config, options: {} })).toThrow(/refuses to run in a browser/);
      expect(() => createApiClient<TestPaths>({ ...config, options: { dangerouslyAllowBrowser: true } })).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("refuses nonsensical retry settings by name", () => {
    const config = {
      packageName: "acme",
      version: "1",
      baseUrl: "https://api.acme.test",
      authenticate: (r: Request) => r,
    };
    expect(() => createApiClient<TestPaths>({ ...config, options: { maxRetries: -1 } })).toThrow(/maxRetries: must be/);
    expect(() => createApiClient<TestPaths>({ ...config, options: { timeoutMs: 0 } })).toThrow(/timeoutMs: must be/);
    expect(() => createApiClient<TestPaths>({ ...config, options: { maxRetries: 1.5 } })).toThrow(InputValidationError);
  });

  it("refuses a plain-http base URL that is not loopback", () => {
    expect(() =>
      createApiClient<TestPaths>({
        packageName: "acme",
        version: "1",
        baseUrl: "http://api.acme.test",
        options: {},
        authenticate: (r) => r,
      }),
    ).toThrow(ConfigurationError);
  });
});
