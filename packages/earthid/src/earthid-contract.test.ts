// Contract tests: the client against a Prism mock built from specs/earthid.yaml (run with
// --errors, so an example that breaks its own schema fails here too).
import { type ApiError, AuthenticationError, BadRequestError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { type CreateSessionRequest, createEarthId } from "./index.ts";

const baseUrl = mockBaseUrl("earthid");
// The mock answers the same on every attempt; retries are core's concern (its fault tests).
const earthid = createEarthId({ apiKey: "earthid-contract", baseUrl, maxRetries: 0 });
const sessionId = "a66ad316-19c3-45e1-b592-de6498000000";

const nameAndDocument: CreateSessionRequest = {
  verification: {
    callback: "https://www.example.com/verification-done",
    person: { firstName: "John", lastName: "Smith" },
    document: { type: "PASSPORT", country: "EE" },
    vendorData: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
  },
};

const calls = {
  createSession: (call) => earthid.createSession(nameAndDocument, call),
  getDecision: (call) => earthid.getDecision(sessionId, call),
} satisfies Record<string, OperationCall>;

describe("EarthID contract (Prism)", () => {
  it("createSession returns the session URL and id", async () => {
    const created = await earthid.createSession(nameAndDocument);
    expect(created.status).toBe("success");
    expect(created.verification).toMatchObject({ status: "created", host: "https://myearth.id/" });
    expect(created.verification?.url).toMatch(/^https:\/\/myearth\.id\//);
  });

  it("createSession accepts an empty verification object", async () => {
    const created = await earthid.createSession({ verification: {} });
    expect(created.verification?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("getDecision returns an approved decision", async () => {
    const decision = await earthid.getDecision(sessionId, { headers: { Prefer: "example=approved" } });
    expect(decision.verification).toMatchObject({ status: "approved", code: 9001 });
  });

  it("getDecision returns verification: null while no decision exists", async () => {
    const decision = await earthid.getDecision(sessionId, { headers: { Prefer: "example=pending" } });
    expect(decision).toMatchObject({ status: "success", verification: null });
  });

  coversEveryOperation("earthid", calls);
  // Every declared error uses the (Veriff-shaped) error body: status "fail", a message, and a
  // string code when there is one.
  declaredErrorCases("earthid", calls, (body) => {
    expect(body).toMatchObject({ status: "fail", message: expect.any(String) });
    const { code } = body as { code?: unknown };
    if (code !== undefined) expect(code).toEqual(expect.any(String));
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createEarthId({
      apiKey: "earthid-contract",
      baseUrl,
      maxRetries: 0,
      fetch: (request) => {
        request.headers.delete("X-AUTH-CLIENT");
        return fetch(request);
      },
    });
    const error = await anonymous.createSession(nameAndDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({
      status: "fail",
      code: "1801",
      message: "Mandatory X-AUTH-CLIENT header containing the API key is missing from the request",
    });
  });

  // The spec declares no 422, so Prism answers an invalid request with its 400 and lists what broke
  // the spec in the sl-violations header.
  it("an invalid request (a document number with punctuation) is rejected by the spec", async () => {
    const invalid: CreateSessionRequest = { verification: { document: { type: "PASSPORT", number: "AB-123" } } };
    const error = await earthid.createSession(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("number");
  });

  // Veriff's reference gives no case or pattern for the issuing country, so the mock accepts what
  // the real API is not documented to refuse (the facade adapter still checks the code).
  it("a document country the reference gives no pattern for is accepted by the spec", async () => {
    const created = await earthid.createSession({ verification: { document: { type: "PASSPORT", country: "ee" } } });
    expect(created.status).toBe("success");
  });

  it("a request without the required verification object is rejected by the spec", async () => {
    const invalid = {} as unknown as CreateSessionRequest;
    const error = await earthid.createSession(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("verification");
  });
});
