// Seed 001 (Argyle Partners "Create a session"): its example request must be accepted by the Prism
// mock of specs/argyle-partners.yaml, and the client must hand back its example response unchanged.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createArgylePartners, type PartnerSession, type PartnerSessionCreateRequest } from "./index.ts";

// The example request and response of seed /work/shared/seeds/001_99d3a766102f7422.txt (Argyle
// Partners API "Create a session", `POST /partners/v2/sessions`), copied verbatim from its curl
// `--data` body and its response JSON.
//
// Adaptations the spec had to make, none to these values:
// - the response returns `configuration.experience: null` although the field is typed
//   string<uuid>; specs/argyle-partners.yaml makes it nullable in responses;
// - the `link` ends in `?...`: the docs elide the query string themselves; kept verbatim.

/** Seed 001, the request body. */
const seedRequest = {
  verification: "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b",
  configuration: {
    redirect_url: "https://your-application.com/return",
    flow_id: "12ABCD3E",
    items: ["item_000000001", "item_000000002"],
    language: "EN",
    mobile_app: true,
  },
} satisfies PartnerSessionCreateRequest;

/** Seed 001, the 200 response body. */
const seedResponse = {
  verification: "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b",
  configuration: {
    experience: null,
    single_use_url: false,
    redirect_url: "https://your-application.com/return",
    flow_id: "12ABCD3E",
    items: ["item_000000001", "item_000000002"],
    language: "EN",
    mobile_app: true,
  },
  link: "https://connect.argyle.com/?...",
  data_source: "payroll",
} satisfies PartnerSession;

describe("Argyle Partners seed 001 (Prism)", () => {
  it("the example request is accepted and the example response comes back", async () => {
    const exchanges: { body: unknown; violations: string | null }[] = [];
    const partners = createArgylePartners({
      apiKeyId: "seed_id",
      apiKeySecret: "seed_secret",
      baseUrl: mockBaseUrl("argyle-partners"),
      fetch: async (outgoing) => {
        const body: unknown = await outgoing.clone().json();
        const answer = await fetch(outgoing);
        exchanges.push({ body, violations: answer.headers.get("sl-violations") });
        return answer;
      },
    });
    const session = await partners.createSession(seedRequest, { headers: { Prefer: "example=seedExample" } });
    expect(session).toEqual(seedResponse);
    expect(exchanges).toEqual([{ body: seedRequest, violations: null }]);
  });
});
