import { describe, expect, it } from "vitest";
import { readRoutes, routedFetch } from "./readme-fetch-route.ts";

/** A fetch that records the requests it receives and answers 200. */
function recorder(): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return new Response("{}", { status: 200 });
    },
  };
}

describe("routedFetch", () => {
  const routes = readRoutes(JSON.stringify({ "https://api.acme.example/": "http://127.0.0.1:4010" }));

  it("sends a routed host's request to the mock with its method, path, query, headers and body", async () => {
    const real = recorder();
    await routedFetch(routes, real.fetch)("https://api.acme.example/v1/sessions?limit=2", {
      method: "POST",
      headers: { "X-API-Key": "k", "Content-Type": "application/json" },
      body: JSON.stringify({ reference: "user_123" }),
    });
    const [sent] = real.requests;
    expect(sent?.url).toBe("http://127.0.0.1:4010/v1/sessions?limit=2");
    expect(sent?.method).toBe("POST");
    expect(sent?.headers.get("x-api-key")).toBe("k");
    expect(await sent?.json()).toEqual({ reference: "user_123" });
  });

  it("leaves loopback requests (a mock the example started itself) as they are", async () => {
    const real = recorder();
    await routedFetch(routes, real.fetch)(new Request("http://127.0.0.1:9999/v1/ping"));
    expect(real.requests.map((request) => request.url)).toEqual(["http://127.0.0.1:9999/v1/ping"]);
  });

  it("a base URL with a path (Onfido's /v3.6) is routed without it: the spec's paths follow it", async () => {
    const real = recorder();
    const versioned = readRoutes(JSON.stringify({ "https://api.eu.acme.example/v3.6": "http://127.0.0.1:4011/" }));
    await routedFetch(versioned, real.fetch)("https://api.eu.acme.example/v3.6/applicants?x=1");
    expect(real.requests.map((request) => request.url)).toEqual(["http://127.0.0.1:4011/applicants?x=1"]);
    await expect(routedFetch(versioned, real.fetch)("https://api.eu.acme.example/v3.60/applicants")).rejects.toThrow(
      "which no mock serves",
    );
  });

  it("refuses any other host without sending anything", async () => {
    const real = recorder();
    await expect(routedFetch(routes, real.fetch)("https://api.other.example/v1/ping")).rejects.toThrow(
      "https://api.other.example, which no mock serves",
    );
    expect(real.requests).toEqual([]);
  });
});

describe("readRoutes", () => {
  it("keys routes by origin and reads no variable as no routes", () => {
    expect(readRoutes(JSON.stringify({ "https://api.acme.example/": "http://127.0.0.1:1" }))).toEqual(
      new Map([["https://api.acme.example", "http://127.0.0.1:1"]]),
    );
    expect(readRoutes(JSON.stringify({ "https://api.acme.example/v3.6/": "http://127.0.0.1:1" }))).toEqual(
      new Map([["https://api.acme.example/v3.6", "http://127.0.0.1:1"]]),
    );
    expect(readRoutes(undefined)).toEqual(new Map());
  });
});
