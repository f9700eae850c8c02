// Contract tests: the client against a Prism mock built from specs/argyle.yaml (run with --errors,
// so an example that breaks its own schema fails here too).
import { type ApiError, BadRequestError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { argyleShapedContractCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import { type OperationCall, SUCCESS } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { type ClientSessionCreateRequest, createArgyle } from "./index.ts";

const baseUrl = mockBaseUrl("argyle");
const argyle = createArgyle({ apiKeyId: "contract_id", apiKeySecret: "contract_secret", baseUrl });

const verificationId = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
const bankingSession: ClientSessionCreateRequest = {
  verification: verificationId,
  configuration: {
    experience: "97f1eccb-241d-4052-8409-fab9e27a589b",
    single_use_url: false,
    redirect_url: "https://your-application.com/return",
  },
};

const calls = {
  createSession: (call) => argyle.createSession(bankingSession, call),
  createUser: (call) => argyle.createUser({ external_id: "your-internal-id-123" }, call),
  createVerification: (call) =>
    argyle.createVerification(
      {
        user: userId,
        employments: [{ employer: "Warehouse Services Inc", status: "active", hire_date: "2023-02-01" }],
        report: { type: "doc-voi-mortgage" },
      },
      call,
    ),
  listVerifications: (call) => argyle.listVerifications({ status_state: "PENDING", limit: 10 }, call),
  refreshVerification: (call) => argyle.refreshVerification({ user: userId, report: { type: "voie" } }, call),
  getVerification: (call) => argyle.getVerification(verificationId, call),
  updateVerification: (call) =>
    argyle.updateVerification(verificationId, { billing: { cost_center: "new_cost_center" } }, call),
  cancelVerification: (call) => argyle.cancelVerification(verificationId, call),
} satisfies Record<string, OperationCall>;

describe("Argyle contract (Prism)", () => {
  it("createVerification, refreshVerification, updateVerification and cancelVerification return the verification", async () => {
    const created = await argyle.createVerification(
      { user: userId, report: { type: "voie" } },
      { headers: { Prefer: "example=payroll" } },
    );
    expect(created).toMatchObject({ id: verificationId, user: userId, status: { state: "PENDING" } });
    const refreshed = await argyle.refreshVerification(
      { user: userId, report: { type: "voa", configuration: { from_date: "2025-01-01T00:00:00Z" } } },
      { headers: { Prefer: "example=banking" } },
    );
    expect(refreshed.report?.type).toBe("voa");
    const updated = await calls.updateVerification({ ...SUCCESS, headers: { Prefer: "example=payroll" } });
    expect(updated).toMatchObject({ status: { state: "PROCESSING" }, billing: { cost_center: "new_cost_center" } });
    const cancelled = await calls.cancelVerification(SUCCESS);
    expect(cancelled).toMatchObject({ status: { state: "CANCELLED", code: "cancelled_by_client" } });
  });

  it("getVerification and listVerifications return the documented objects", async () => {
    const verification = await argyle.getVerification(verificationId);
    expect(verification).toMatchObject({ id: verificationId, data_source: "banking" });
    // The default example is the list's last page, so iterating against the mock ends.
    const page = await argyle.listVerifications({ user: userId });
    expect(page.results).toHaveLength(2);
    expect(page.next).toBeNull();
    const first = await argyle.listVerifications({}, { headers: { Prefer: "example=firstPage" } });
    expect(first.next).toContain("cursor=");
    const empty = await argyle.listVerifications({}, { headers: { Prefer: "example=empty" } });
    expect(empty).toEqual({ next: null, previous: null, results: [] });
  });

  argyleShapedContractCases({
    provider: "argyle",
    create: (fetch) => createArgyle({ apiKeyId: "contract_id", apiKeySecret: "contract_secret", baseUrl, fetch }),
    calls,
  });

  // The spec declares no 422, so Prism answers an invalid request with the declared 400 and lists
  // what broke the spec in the sl-violations header.
  it("an invalid request is rejected by the spec (verification is not a uuid)", async () => {
    const invalid = { verification: "not-a-uuid" } as unknown as ClientSessionCreateRequest;
    const error = await argyle.createSession(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("verification");
  });

  // Argyle's "Create a user" page shows its validation errors keyed by field, not as `{detail}`.
  it("createUser: the documented field-keyed error body surfaces as BadRequestError", async () => {
    const error = await argyle
      .createUser({ email: "not-an-email" }, { headers: { Prefer: "code=400, example=invalidEmail" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).body).toEqual({ email: ["Enter a valid email address."] });
  });

  // Argyle's YAML closes no request object, so the mock must not refuse a field it does not model.
  it("an unknown request field is accepted by the spec (Argyle documents no closed object)", async () => {
    const extra = { ...bankingSession, client: "39096494-45c8-4fd8-9454-3d1cb2d62db7" } as ClientSessionCreateRequest;
    const session = await argyle.createSession(extra);
    expect(session.link).toBeTypeOf("string");
  });
});
