// Contract tests: the client against a Prism mock built from specs/complycube.yaml (run with
// --errors, so an example that breaks its own schema fails here too).
import { type ApiError, AuthenticationError, BadRequestError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import {
  coversEveryOperation,
  declaredErrorCases,
  type OperationCall,
  SUCCESS,
} from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import {
  type CreateFlowSessionRequest,
  complyCubeGetCheck,
  complyCubeListChecks,
  complyCubeResults,
  createComplyCube,
} from "./index.ts";

const baseUrl = mockBaseUrl("complycube");
const complycube = createComplyCube({ apiKey: "test_contract", baseUrl });

const checkDriven: CreateFlowSessionRequest = {
  clientId: "5eb04fcd0f3e360008035eb1",
  checkTypes: ["extensive_screening_check", "identity_check", "document_check"],
  successUrl: "https://www.yoursite.com/success",
  cancelUrl: "https://www.yoursite.com/cancel",
  documentTypes: { passport: true, driving_license: false, residence_permit: true, national_identity_card: true },
  messages: {
    intro: { heading: "Customized header", message: "Customized message body" },
    completion: { heading: "Customized header", message: "Customized message body" },
  },
};

const calls = {
  createFlowSession: (call) => complycube.createFlowSession(checkDriven, call),
  createClient: (call) =>
    complycube.createClient(
      { type: "person", email: "john.doe@example.com", personDetails: { firstName: "John", lastName: "Doe" } },
      call,
    ),
  getClient: (call) => complycube.getClient("5eb04fcd0f3e360008035eb1", call),
  getCheck: (call) => complyCubeGetCheck(complycube, "5eb2b61e02df0a0008f1cf2a", call),
  listChecks: (call) => complyCubeListChecks(complycube, { clientId: "5eb04fcd0f3e360008035eb1" }, call),
} satisfies Record<string, OperationCall>;

describe("ComplyCube contract (Prism)", () => {
  it("createFlowSession (check-driven, the seed's example) returns the hosted URL", async () => {
    const session = await complycube.createFlowSession(checkDriven);
    expect(session.redirectUrl).toMatch(/^https:\/\/flow\.complycube\.com\/test_/);
  });

  it("createFlowSession (workflow-driven) is accepted", async () => {
    const session = await complycube.createFlowSession({
      clientId: "5eb04fcd0f3e360008035eb1",
      workflowTemplateId: "6530e8d2e4b0c1a2b3c4d5e6",
      successUrl: "https://www.yoursite.com/success",
      cancelUrl: "https://www.yoursite.com/cancel",
      shortUrl: true,
    });
    expect(session.redirectUrl).toContain("flow.complycube.com");
  });

  it("createClient and getClient return the documented client", async () => {
    const created = await calls.createClient(SUCCESS);
    expect(created).toMatchObject({ id: "5eb04fcd0f3e360008035eb1", type: "person" });
    const fetched = await calls.getClient(SUCCESS);
    expect(fetched.personDetails?.firstName).toBe("John");
  });

  it("getCheck returns the documented check, with its result", async () => {
    const check = await calls.getCheck(SUCCESS);
    expect(check).toMatchObject({ id: "5eb2b61e02df0a0008f1cf2a", status: "complete", result: { outcome: "clear" } });
    expect(check.result?.breakdown).toHaveProperty("summary");
  });

  it("listChecks sends its filters and pagination in the query, and returns the documented page", async () => {
    const urls: string[] = [];
    const spy = createComplyCube({
      apiKey: "test_contract",
      baseUrl,
      fetch: async (request) => {
        urls.push(request.url);
        const response = await fetch(request);
        expect(response.headers.get("sl-violations")).toBeNull();
        return response;
      },
    });
    const query = { clientId: "5eb04fcd0f3e360008035eb1", status: "complete", "result.outcome": "clear" } as const;
    const list = await complyCubeListChecks(spy, {
      ...query,
      page: 2,
      pageSize: 20,
      createdAfter: "2020-05-04T00:00:00Z",
    });
    expect(list).toMatchObject({ page: 1, pageSize: 100, totalItems: 1, pages: 1 });
    expect(list.items[0]?.type).toBe("extensive_screening_check");
    const sent = new URL(urls[0] as string).searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      ...query,
      page: "2",
      pageSize: "20",
      createdAfter: "2020-05-04T00:00:00Z",
    });
  });

  // The spec's list examples, one per outcome, read through the result adapter (the facade's getOutcome).
  it.each(["approved", "declined", "review", "pending"])(
    "listChecks example %s reads as that outcome",
    async (name) => {
      const preferring = createComplyCube({
        apiKey: "test_contract",
        baseUrl: mockBaseUrl("complycube"),
        headers: { Prefer: `example=${name}` },
      });
      const read = await complyCubeResults(preferring).getOutcome("5eb04fcd0f3e360008035eb1");
      expect(read.outcome).toBe(name);
    },
  );

  it("an out-of-range pageSize is refused by the spec", async () => {
    const error = await complyCubeListChecks(complycube, { pageSize: 1001 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    // Prism reports query parameter names in lower case.
    expect((error as ApiError).headers.get("sl-violations")).toContain("pagesize");
  });

  coversEveryOperation("complycube", calls);
  declaredErrorCases("complycube", calls, (body) => {
    expect(body).toMatchObject({ type: expect.any(String), message: expect.any(String) });
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createComplyCube({
      apiKey: "test_contract",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("Authorization");
        return fetch(request);
      },
    });
    const error = await anonymous.createFlowSession(checkDriven).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({
      type: "unauthorized",
      message: "The 'Authorization' header is invalid",
    });
  });

  // What the official Node SDK may send (its FlowRequest types every field optional together):
  // the spec accepts it, though verifetch's own request type keeps the two variants exclusive.
  it("the spec accepts what the official SDK sends (checkTypes, workflowTemplateId, shortUrl, language, theme)", async () => {
    const violations: (string | null)[] = [];
    const raw = createComplyCube({
      apiKey: "test_contract",
      baseUrl,
      fetch: async (request) => {
        const response = await fetch(request);
        violations.push(response.headers.get("sl-violations"));
        return response;
      },
    });
    const sdkBody = {
      ...checkDriven,
      workflowTemplateId: "6530e8d2e4b0c1a2b3c4d5e6",
      shortUrl: true,
      language: "fr",
      theme: "dark",
    } as unknown as CreateFlowSessionRequest;
    const session = await raw.createFlowSession(sdkBody);
    expect(session.redirectUrl).toContain("flow.complycube.com");
    expect(violations).toEqual([null]);
  });

  // The spec declares no 422 for this operation, so Prism answers an invalid request with its 400
  // and lists what broke the spec in the sl-violations header.
  it("an unknown checkType is rejected by the spec", async () => {
    const invalid = { ...checkDriven, checkTypes: ["palm_reading_check"] } as unknown as CreateFlowSessionRequest;
    const error = await complycube.createFlowSession(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("checkTypes");
  });
});
