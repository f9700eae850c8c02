import { describe, expect, it, vi } from "vitest";
import { argyleShapedClientCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import {
  ARGYLE_HOSTS,
  ARGYLE_SESSION_TTL_MS,
  type Argyle,
  argyleApiClient,
  argyleDescriptor,
  createArgyle,
} from "./index.ts";

const credentials = { apiKeyId: "key_id_123", apiKeySecret: "s3cr3t" };
const verificationId = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";

// Transport, hosts, pagination, errors, retries, redaction and credentials, shared with Argyle Partners.
argyleShapedClientCases({
  descriptor: argyleDescriptor,
  create: createArgyle,
  apiGetVerification: (argyle, id) =>
    argyleApiClient(argyle).GET("/v2/verifications/{id}", { params: { path: { id } } }),
  sessionTtlMs: ARGYLE_SESSION_TTL_MS,
  listFilter: { user: userId },
  documentedCalls: [
    ["createUser", (a: Argyle) => a.createUser({ external_id: "u1" }), "POST", "/v2/users"],
    [
      "createVerification",
      (a: Argyle) => a.createVerification({ user: userId, report: { type: "voie" } }),
      "POST",
      "/v2/verifications",
    ],
    ["getVerification", (a: Argyle) => a.getVerification("a/b"), "GET", "/v2/verifications/a%2Fb"],
    [
      "refreshVerification",
      (a: Argyle) => a.refreshVerification({ user: userId, report: { type: "voa" } }),
      "POST",
      "/v2/verifications/refresh",
    ],
    [
      "updateVerification",
      (a: Argyle) => a.updateVerification(verificationId, { billing: { cost_center: "5" } }),
      "PATCH",
      `/v2/verifications/${verificationId}`,
    ],
    [
      "cancelVerification",
      (a: Argyle) => a.cancelVerification(verificationId),
      "POST",
      `/v2/verifications/${verificationId}/cancel`,
    ],
  ],
});

describe("createArgyle (unit, injected fetch)", () => {
  it("lists one page with the filters in the query string", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ next: null, previous: null, results: [] }));
    const page = await createArgyle({ ...credentials, fetch }).listVerifications({
      user: userId,
      status_state: "COMPLETED",
      limit: 50,
    });
    expect(page).toEqual({ next: null, previous: null, results: [] });
    expect(fetch.mock.calls[0]?.[0].url).toBe(
      `${ARGYLE_HOSTS.sandbox}/v2/verifications?user=${userId}&status_state=COMPLETED&limit=50`,
    );
  });
});
