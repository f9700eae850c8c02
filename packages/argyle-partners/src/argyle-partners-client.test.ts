import { AuthenticationError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { argyleShapedClientCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import {
  ARGYLE_PARTNERS_HOSTS,
  ARGYLE_PARTNERS_SESSION_TTL_MS,
  type ArgylePartners,
  argylePartnersApiClient,
  argylePartnersDescriptor,
  createArgylePartners,
} from "./index.ts";

const credentials = { apiKeyId: "key_id_123", apiKeySecret: "s3cr3t" };
const clientId = "39096494-45c8-4fd8-9454-3d1cb2d62db7";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_request: Request) => Response.json(body, { status }));
}

// Transport, hosts, pagination, errors, retries, redaction and credentials, shared with Argyle.
argyleShapedClientCases({
  descriptor: argylePartnersDescriptor,
  create: createArgylePartners,
  apiGetVerification: (partners, id) =>
    argylePartnersApiClient(partners).GET("/partners/v2/verifications/{id}", { params: { path: { id } } }),
  sessionTtlMs: ARGYLE_PARTNERS_SESSION_TTL_MS,
  listFilter: { client: clientId },
  documentedCalls: [
    ["createUser", (p: ArgylePartners) => p.createUser({ client: clientId }), "POST", "/partners/v2/users"],
    [
      "createVerification",
      (p: ArgylePartners) => p.createVerification({ client: clientId, user: userId, report: { type: "voie" } }),
      "POST",
      "/partners/v2/verifications",
    ],
    ["getVerification", (p: ArgylePartners) => p.getVerification("a/b"), "GET", "/partners/v2/verifications/a%2Fb"],
  ],
});

describe("createArgylePartners (unit, injected fetch)", () => {
  it("lists one page with the filters in the query string", async () => {
    const fetch = fakeFetch(200, { next: null, previous: null, results: [] });
    await createArgylePartners({ ...credentials, fetch }).listVerifications({
      client: clientId,
      report_type: "voai",
      limit: 200,
    });
    expect(fetch.mock.calls[0]?.[0].url).toBe(
      `${ARGYLE_PARTNERS_HOSTS.sandbox}/partners/v2/verifications?client=${clientId}&report_type=voai&limit=200`,
    );
  });

  it("throws a typed error carrying Argyle's error body from a partner call (createUser)", async () => {
    const unauthorized = createArgylePartners({
      ...credentials,
      fetch: fakeFetch(401, { detail: "Invalid username/password." }),
    });
    const error = await unauthorized.createUser({ client: clientId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      provider: "argyle-partners",
      status: 401,
      body: { detail: "Invalid username/password." },
    });
    expect((error as Error).message).toBe("argyle-partners responded 401: Invalid username/password.");
  });
});
