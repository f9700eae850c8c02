// Contract tests: the client against a Prism mock built from specs/argyle-partners.yaml (run with
// --errors, so an example that breaks its own schema fails here too).
import { type ApiError, BadRequestError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { argyleShapedContractCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import { type OperationCall, SUCCESS } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import {
  createArgylePartners,
  type PartnerSessionCreateRequest,
  type PartnerVerificationCreateRequest,
} from "./index.ts";

const baseUrl = mockBaseUrl("argyle-partners");
const partners = createArgylePartners({ apiKeyId: "contract_id", apiKeySecret: "contract_secret", baseUrl });

const clientId = "39096494-45c8-4fd8-9454-3d1cb2d62db7";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
const verificationId = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const bankingSession: PartnerSessionCreateRequest = {
  verification: verificationId,
  configuration: {
    experience: "97f1eccb-241d-4052-8409-fab9e27a589b",
    single_use_url: false,
    redirect_url: "https://your-application.com/return",
  },
};
const payrollVerification: PartnerVerificationCreateRequest = {
  client: clientId,
  user: userId,
  report: { type: "voie" },
};

const calls = {
  createSession: (call) => partners.createSession(bankingSession, call),
  createUser: (call) => partners.createUser({ client: clientId, external_id: "user_123" }, call),
  createVerification: (call) => partners.createVerification(payrollVerification, call),
  listVerifications: (call) => partners.listVerifications({ client: clientId, limit: 10 }, call),
  getVerification: (call) => partners.getVerification(verificationId, call),
} satisfies Record<string, OperationCall>;

describe("Argyle Partners contract (Prism)", () => {
  it("createVerification returns the ordered verification with its client", async () => {
    const verification = await calls.createVerification({ ...SUCCESS, headers: { Prefer: "example=payroll" } });
    expect(verification).toMatchObject({ id: verificationId, client: clientId, status: { state: "PENDING" } });
  });

  it("getVerification and listVerifications return the documented objects", async () => {
    const completed = await partners.getVerification(verificationId, { headers: { Prefer: "example=completed" } });
    expect(completed).toMatchObject({ status: { state: "COMPLETED" }, report: { type: "doc-voi-mortgage" } });
    // The default example is the list's last page, so iterating against the mock ends.
    const page = await calls.listVerifications(SUCCESS);
    expect(page.results).toHaveLength(2);
    expect(page.next).toBeNull();
    const first = await calls.listVerifications({ ...SUCCESS, headers: { Prefer: "example=vendorExample" } });
    expect(first.next).toContain("cursor=");
  });

  argyleShapedContractCases({
    provider: "argyle-partners",
    create: (fetch) =>
      createArgylePartners({ apiKeyId: "contract_id", apiKeySecret: "contract_secret", baseUrl, fetch }),
    calls,
  });

  // The spec declares no 422, so Prism answers an invalid request with the declared 400 and lists
  // what broke the spec in the sl-violations header.
  it("an invalid request is rejected by the spec (a verification order without `client`)", async () => {
    const invalid = { user: userId, report: { type: "voie" } } as unknown as PartnerVerificationCreateRequest;
    const error = await partners.createVerification(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("client");
  });

  // The Partners Verifications Guide's banking session: `client` + `banking`, answered with banking.link.
  it("accepts the Partners Verifications Guide's banking session and returns banking.link", async () => {
    const violations: (string | null)[] = [];
    const guided = createArgylePartners({
      apiKeyId: "contract_id",
      apiKeySecret: "contract_secret",
      baseUrl,
      fetch: async (request) => {
        const response = await fetch(request);
        violations.push(response.headers.get("sl-violations"));
        return response;
      },
    });
    const session = await guided.createSession(
      {
        client: clientId,
        verification: verificationId,
        banking: { experience: "97f1eccb-241d-4052-8409-fab9e27a589b", single_use_url: false, redirect_url: null },
      },
      { headers: { Prefer: "example=guideBanking" } },
    );
    expect(violations).toEqual([null]);
    expect(session.banking?.link).toBe("https://connect2.finicity.com?...");
  });
});
