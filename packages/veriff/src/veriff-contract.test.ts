// Contract tests: the client against a Prism mock built from specs/veriff.yaml (run with
// --errors, so an example that breaks its own schema fails here too). Prism checks that the
// security headers are present (X-AUTH-CLIENT everywhere, X-HMAC-SIGNATURE except on create),
// not that the signature is right; the unit tests check the signature values.
import { type ApiError, AuthenticationError, BadRequestError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { type CreateSessionRequest, createVeriff, type UpdateSessionRequest } from "./index.ts";

const baseUrl = mockBaseUrl("veriff");
const credentials = { apiKey: "0b6d7f3e-1111-4222-8333-944455556666", sharedSecret: "contract-shared-secret" };
// The mock answers the same on every attempt; retries are core's concern (its fault tests).
const veriff = createVeriff({ ...credentials, baseUrl, maxRetries: 0 });
const sessionId = "12df6045-3846-3e45-946a-14fa6136d78b";
const submit: UpdateSessionRequest = { verification: { status: "submitted" } };

const nameAndDocument: CreateSessionRequest = {
  verification: {
    callback: "https://www.example.com/verification-done",
    person: { firstName: "John", lastName: "Smith" },
    document: { type: "PASSPORT", country: "EE" },
    vendorData: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
  },
};

const calls = {
  createSession: (call) => veriff.createSession(nameAndDocument, call),
  updateSession: (call) => veriff.updateSession(sessionId, submit, call),
  getDecision: (call) => veriff.getDecision(sessionId, call),
} satisfies Record<string, OperationCall>;

/** A client whose fetch removes `header` from every request before it is sent. */
function without(header: string) {
  return createVeriff({
    ...credentials,
    baseUrl,
    maxRetries: 0,
    fetch: (request) => {
      request.headers.delete(header);
      return fetch(request);
    },
  });
}

describe("Veriff contract (Prism)", () => {
  it("createSession returns the session URL and id", async () => {
    const created = await veriff.createSession(nameAndDocument);
    expect(created).toMatchObject({ status: "success", verification: { id: sessionId, status: "created" } });
    expect(created.verification?.url).toMatch(/^https:\/\/alchemy\.veriff\.com\/v\//);
  });

  it("createSession accepts every modelled field and an empty verification", async () => {
    await veriff.createSession({
      verification: {
        callback: "https://www.example.com/verification-done",
        person: {
          firstName: "John",
          lastName: "Smith",
          idNumber: "38001085718",
          phoneNumber: "+3725551234",
          gender: "M",
          dateOfBirth: "1980-01-08",
          email: "john.smith@example.com",
          maritalStatus: "single",
        },
        document: { number: "K0123456", country: "EE", type: "PASSPORT" },
        address: { fullAddress: "Narva mnt 5, 10117 Tallinn, Estonia" },
        vendorData: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
        endUserId: "9f2d8a1c-6b4e-4f3a-8c7d-2e1f0a9b8c7d",
        consents: [{ type: "ine", approved: true }],
      },
    });
    await veriff.createSession({ verification: {} });
  });

  it("createSession needs no shared secret and sends no signature", async () => {
    let signature: string | null = "unset";
    const keyOnly = createVeriff({
      apiKey: credentials.apiKey,
      baseUrl,
      fetch: (request) => {
        signature = request.headers.get("X-HMAC-SIGNATURE");
        return fetch(request);
      },
    });
    await expect(keyOnly.createSession({ verification: {} })).resolves.toMatchObject({ status: "success" });
    expect(signature).toBeNull();
  });

  it("updateSession submits the session", async () => {
    const updated = await veriff.updateSession(sessionId, submit);
    expect(updated.verification).toMatchObject({ id: sessionId, status: "submitted" });
  });

  it("getDecision returns an approved decision, or null while there is none", async () => {
    const approved = await veriff.getDecision(sessionId, { headers: { Prefer: "example=approved" } });
    expect(approved.verification).toMatchObject({ status: "approved", code: 9001 });
    const pending = await veriff.getDecision(sessionId, { headers: { Prefer: "example=pending" } });
    expect(pending.verification).toBeNull();
  });

  coversEveryOperation("veriff", calls);
  // Every declared error uses Veriff's error body: status "fail", a message, and a string code
  // when there is one.
  declaredErrorCases("veriff", calls, (body) => {
    expect(body).toMatchObject({ status: "fail", message: expect.any(String) });
    const { code } = body as { code?: unknown };
    if (code !== undefined) expect(code).toEqual(expect.any(String));
  });

  it("a request without X-AUTH-CLIENT is refused with AuthenticationError", async () => {
    const error = await without("X-AUTH-CLIENT")
      .createSession(nameAndDocument)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({
      status: "fail",
      code: "1801",
      message: "Mandatory X-AUTH-CLIENT header containing the API key is missing from the request",
    });
  });

  it("a signed operation without X-HMAC-SIGNATURE is refused with AuthenticationError", async () => {
    const unsigned = without("X-HMAC-SIGNATURE");
    await expect(unsigned.getDecision(sessionId)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(unsigned.updateSession(sessionId, submit)).rejects.toBeInstanceOf(AuthenticationError);
  });

  // The spec declares no 422, so Prism answers an invalid request with its 400 and lists what broke
  // the spec in the sl-violations header.
  it("an update other than submitting is rejected by the spec", async () => {
    const invalid = { verification: { status: "approved" } } as unknown as UpdateSessionRequest;
    const error = await veriff.updateSession(sessionId, invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("status");
  });

  it("a vendorData longer than 1000 characters is rejected by the spec", async () => {
    const error = await veriff
      .createSession({ verification: { vendorData: "x".repeat(1001) } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("vendorData");
  });
});
