// Seed 003 (EarthID's "Create Session API" page) against the Prism mock of specs/earthid.yaml:
// the docs' request must be accepted as is, and the docs' response (as the spec adapted it) must
// come back through the client unchanged.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createEarthId } from "./earthid-client.ts";
import { seedRequest, seedResponse, seedResponseText } from "./fixtures/seed-003.ts";

const responses: Response[] = [];
const earthid = createEarthId({
  apiKey: "earthid-seed-test",
  baseUrl: mockBaseUrl("earthid"),
  fetch: async (request) => {
    const response = await fetch(request);
    responses.push(response);
    return response;
  },
});

describe("EarthID seed 003", () => {
  it("the seed's request is accepted and the client returns the seed's response", async () => {
    const created = await earthid.createSession(seedRequest, { headers: { Prefer: "example=seedExample" } });
    const response = responses.at(-1);
    expect(response?.status).toBe(201);
    expect(response?.headers.get("sl-violations")).toBeNull();
    expect(created).toEqual(seedResponse);
  });

  // Proves the adaptation is exactly the one the fixture describes: re-applying those edits to the
  // verbatim text yields the adapted response, so nothing else was changed.
  it("the adapted response is the verbatim one with only the documented edits", () => {
    const ellipsis = "\u2026\u2026\u2026";
    expect(seedResponseText.split(ellipsis)).toHaveLength(4);
    const repaired = `{\n${seedResponseText}`.replace(`de6498${ellipsis}`, "de6498000000").replaceAll(ellipsis, "");
    expect(JSON.parse(repaired)).toEqual(seedResponse);
  });
});
