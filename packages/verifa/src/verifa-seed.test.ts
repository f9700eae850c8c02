// Seed 002 (Verifa create session): the spec accepts every field and header the seed documents,
// and the client returns a response with every field the seed lists.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createVerifa } from "./index.ts";

// From /shared/seeds/002_91b84acd013471f7.txt (Verifa "Create a verification session"). The seed
// documents fields and types but no example request or response, so these fixtures list every
// field the seed names, with values of the documented types.

/** Every request field of the seed, each with a value of its documented type. */
export const seedRequest = {
  external_ref: "user_seed_002",
  metadata: { plan: "premium", attempts: 1 },
  country: "GB",
  checks: ["document", "liveness"],
  workflow_id: "workflow_custom_kyc",
  redirect_url: "https://your-app.com/verify/complete",
};

/** The response fields the seed lists. */
export const seedResponseFields = [
  "id",
  "status",
  "capture_url",
  "is_sandbox",
  "created_at",
  "expires_at",
  "external_ref",
  "qr_code_data_url",
  "tags",
];

/** The request headers the seed lists. */
export const seedRequestHeaders = {
  "Idempotency-Key": "seed-002-key",
  "Verifa-Version": "2026-02-01",
  "Key-Inflection": "snake",
};

describe("Verifa seed 002", () => {
  it("the seed's request is accepted and the response has every field the seed lists", async () => {
    const violations: (string | null)[] = [];
    const verifa = createVerifa({
      apiKey: "vk_sandbox_seed",
      baseUrl: mockBaseUrl("verifa"),
      apiVersion: seedRequestHeaders["Verifa-Version"],
      fetch: async (request) => {
        const response = await fetch(request);
        violations.push(response.headers.get("sl-violations"));
        return response;
      },
    });
    const session = await verifa.createSession(seedRequest, { idempotencyKey: seedRequestHeaders["Idempotency-Key"] });
    expect(violations).toEqual([null]);
    expect(Object.keys(session).sort()).toEqual([...seedResponseFields].sort());
  });
});
