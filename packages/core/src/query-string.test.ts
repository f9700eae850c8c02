import { describe, expect, it } from "vitest";
import { operationCaller } from "./operation-call.ts";
import { queryString } from "./query-string.ts";
import { createTransport } from "./transport-create.ts";

interface Paths {
  "/items": {
    get: {
      parameters: { query?: { limit?: number; status?: string[]; cursor?: string | null } };
      responses: { 200: { content: { "application/json": { items: string[] } } } };
    };
  };
}

describe("queryString", () => {
  it("writes form-style pairs, repeating arrays and leaving out null and undefined", () => {
    expect(queryString({ limit: 10, status: ["a", "b c"], cursor: null, other: undefined })).toBe(
      "?limit=10&status=a&status=b+c",
    );
  });

  it("is empty for no parameters", () => {
    expect(queryString({})).toBe("");
    expect(queryString({ cursor: undefined })).toBe("");
  });

  it("is what a client whose transport has it sends", async () => {
    const urls: string[] = [];
    const transport = createTransport(
      {},
      {
        packageName: "acme",
        version: "1.0.0",
        baseUrl: "https://api.acme.test",
        authenticate: () => [],
        query: queryString,
        options: {
          fetch: async (request) => {
            urls.push(request.url);
            return Response.json({ items: [] });
          },
        },
      },
    );
    const call = operationCaller<Paths>(transport);
    await call("get", "/items", { params: { query: { limit: 2, status: ["x"] } } });
    await call("get", "/items", { params: { query: {} } });
    await call("get", "/items", {});
    expect(urls).toEqual([
      "https://api.acme.test/items?limit=2&status=x",
      "https://api.acme.test/items",
      "https://api.acme.test/items",
    ]);
  });
});
