// Contract tests: the client against a Prism mock built from specs/argyle-partners.yaml (run with
// --errors, so an example that breaks its own schema fails here too).
import { type ApiError, AuthenticationError, BadRequestError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import {
  coversEveryOperation,
  declaredErrorCases,
  type OperationCall,
  SUCCESS,
} from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import {
  type CreateSessionRequest,
  type CreateVerificationRequest,
  createArgylePartners,
} from "./argyle-partners-client.ts";

const baseUrl = mockBaseUrl("argyle-partners");
const partners = createArgylePartners({ apiKeyId: "contract_id", apiKeySecret: "contract_secret", baseUrl });

const clientId = "39096494-45c8-4fd8-9454-3d1cb2d62db7";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
const verificationId = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const bankingSession: CreateSessionRequest = {
  verification: verificationId,
  configuration: {
    experience: "97f1eccb-241d-4052-8409-fab9e27a589b",
    single_use_url: false,
    redirect_url: "https://your-application.com/return",
  },
};
const payrollVerification: CreateVerificationRequest = { client: clientId, user: userId, report: { type: "voie" } };

const calls = {
  createSession: (call) => partners.createSession(bankingSession, call),
  createUser: (call) => partners.createUser({ client: clientId, external_id: "user_123" }, call),
  createVerification: (call) => partners.createVerification(payrollVerification, call),
  listVerifications: (call) => partners.listVerifications({ client: clientId, limit: 10 }, call),
  getVerification: (call) => partners.getVerification(verificationId, call),
} satisfies Record<string, OperationCall>;

describe("Argyle Partners contract (Prism)", () => {
  it("createSession returns the session and its link", async () => {
    const session = await calls.createSession({ ...SUCCESS, headers: { Prefer: "example=banking" } });
    expect(session).toMatchObject({ verification: verificationId, data_source: "banking" });
    expect(session.link).toMatch(/^https:\/\//);
  });

  it("createUser returns the user id and token", async () => {
    expect(await calls.createUser(SUCCESS)).toEqual({
      user_token: "<SECRET>",
      id: "7a614711-066f-4b6b-b319-4c6236b5acc1",
    });
  });

  it("createVerification returns the ordered verification with its client", async () => {
    const verification = await calls.createVerification({ ...SUCCESS, headers: { Prefer: "example=payroll" } });
    expect(verification).toMatchObject({ id: verificationId, client: clientId, status: { state: "PENDING" } });
  });

  it("getVerification and listVerifications return the documented objects", async () => {
    const completed = await partners.getVerification(verificationId, { headers: { Prefer: "example=completed" } });
    expect(completed).toMatchObject({ status: { state: "COMPLETED" }, report: { type: "doc-voi-mortgage" } });
    const page = await calls.listVerifications(SUCCESS);
    expect(page.results).toHaveLength(2);
    expect(page.next).toContain("cursor=");
  });

  it("iterateVerifications sends the `next` cursor back; the static mock repeats it, which is refused", async () => {
    const fetch = vi.fn((request: Request) => globalThis.fetch(request));
    const paging = createArgylePartners({ apiKeyId: "contract_id", apiKeySecret: "contract_secret", baseUrl, fetch });
    const ids: (string | undefined)[] = [];
    const iterate = async () => {
      for await (const verification of paging.iterateVerifications({ limit: 2 })) ids.push(verification.id);
    };
    await expect(iterate()).rejects.toThrow(
      /^argyle-partners sent a next-page link without a new "cursor", so the list cannot go on: .*cursor=ZXhhbXBsZV9jdXJzb3I/,
    );
    expect(ids).toHaveLength(4);
    expect(fetch.mock.calls.map(([request]) => new URL(request.url).search)).toEqual([
      "?limit=2",
      "?limit=2&cursor=ZXhhbXBsZV9jdXJzb3I",
    ]);
  });

  coversEveryOperation("argyle-partners", calls);
  declaredErrorCases("argyle-partners", calls, (body) => {
    expect(body).toEqual({ detail: expect.any(String) });
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createArgylePartners({
      apiKeyId: "contract_id",
      apiKeySecret: "contract_secret",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("Authorization");
        return fetch(request);
      },
    });
    const error = await anonymous.createSession(bankingSession).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ detail: "Invalid username/password." });
  });

  // The spec declares no 422, so Prism answers an invalid request with the declared 400 and lists
  // what broke the spec in the sl-violations header.
  it("an invalid request is rejected by the spec (a verification order without `client`)", async () => {
    const invalid = { user: userId, report: { type: "voie" } } as unknown as CreateVerificationRequest;
    const error = await partners.createVerification(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("client");
  });

  it("a session cannot carry `client` (the reference page shows only verification and configuration)", async () => {
    const invalid = { ...bankingSession, client: clientId } as unknown as CreateSessionRequest;
    const error = await partners.createSession(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("additional");
  });
});
