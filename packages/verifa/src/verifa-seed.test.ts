// Seed 002 (Verifa create session): the spec accepts every field and header the seed documents,
// and the client returns a response with every field the seed lists.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { seedRequest, seedRequestHeaders, seedResponseFields } from "./fixtures/seed-002.ts";
import { createVerifa } from "./index.ts";

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
