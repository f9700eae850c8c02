// Seed 001 (Argyle Partners "Create a session"): its example request must be accepted by the Prism
// mock of specs/argyle-partners.yaml, and the client must hand back its example response unchanged.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createArgylePartners } from "./argyle-partners-client.ts";
import { seedRequest, seedResponse } from "./fixtures/seed-001.ts";

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
