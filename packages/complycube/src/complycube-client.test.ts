import { AuthenticationError, BadRequestError, ConfigurationError } from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import { COMPLYCUBE_BASE_URL, complyCubeDescriptor, createComplyCube } from "./index.ts";

const flowSessionBody = {
  clientId: "5eb04fcd0f3e360008035eb1",
  checkTypes: ["identity_check" as const],
  successUrl: "https://app.example/done",
  cancelUrl: "https://app.example/cancel",
};

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_request: Request) => Response.json(body, { status }));
}

describe("createComplyCube (unit, injected fetch)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("posts the flow session with the raw key, JSON body and User-Agent", async () => {
    const fetch = fakeFetch(200, { redirectUrl: "https://flow.complycube.com/test_abc" });
    const complycube = createComplyCube({ apiKey: "test_key123", fetch });
    const session = await complycube.createFlowSession(flowSessionBody);
    expect(session).toEqual({ redirectUrl: "https://flow.complycube.com/test_abc" });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${COMPLYCUBE_BASE_URL}/v1/flow/sessions`);
    expect(request?.headers.get("Authorization")).toBe("test_key123");
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-complycube\/\d+\.\d+\.\d+/);
    expect(await request?.json()).toEqual(flowSessionBody);
  });

  it("gets a client by id, escaping the path parameter", async () => {
    const fetch = fakeFetch(200, { id: "5eb04fcd0f3e360008035eb1", type: "person" });
    const complycube = createComplyCube({ apiKey: "live_key", fetch, baseUrl: "https://eu.example.test" });
    await complycube.getClient("a/b");
    expect(fetch.mock.calls[0]?.[0].url).toBe("https://eu.example.test/v1/clients/a%2Fb");
  });

  it("derives the environment from the key prefix", () => {
    expect(createComplyCube({ apiKey: "test_abc" }).environment).toBe("sandbox");
    expect(createComplyCube({ apiKey: "live_abc" }).environment).toBe("live");
    expect(() => createComplyCube({ apiKey: "sk_abc" }).environment).toThrow(ConfigurationError);
  });

  it("refuses a key that is not a ComplyCube key before sending anything", async () => {
    const fetch = fakeFetch(200, {});
    await expect(createComplyCube({ apiKey: "Bearer abc", fetch }).createFlowSession(flowSessionBody)).rejects.toThrow(
      /must start with test_ \(sandbox\) or live_ \(live\)/,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("throws typed errors carrying ComplyCube's error body", async () => {
    const body = { type: "invalid_request", message: "'clientId' is invalid", param: "clientId" };
    const complycube = createComplyCube({ apiKey: "test_x", fetch: fakeFetch(400, body) });
    const error = await complycube.createFlowSession(flowSessionBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ provider: "complycube", status: 400, body });
    expect((error as Error).message).toBe("complycube responded 400: 'clientId' is invalid");

    const unauthorized = createComplyCube({
      apiKey: "test_x",
      fetch: fakeFetch(401, { type: "unauthorized", message: "m" }),
    });
    await expect(unauthorized.getClient("c")).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("does not expose the key through JSON or inspection", () => {
    const complycube = createComplyCube({ apiKey: "test_supersecret" });
    expect(JSON.stringify(complycube)).not.toContain("supersecret");
    expect(Object.values(complycube).map(String).join()).not.toContain("supersecret");
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => createComplyCube({ apiKey: "test_x", baseUrl: "http://api.complycube.com" })).toThrow(
      ConfigurationError,
    );
  });
});

credentialCases({
  descriptor: complyCubeDescriptor,
  create: (fetch) => createComplyCube({ fetch }),
  call: (client) => client.createFlowSession(flowSessionBody),
  response: { redirectUrl: "https://flow.complycube.com/x" },
});
