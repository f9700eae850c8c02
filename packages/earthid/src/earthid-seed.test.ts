// Seed 003 (EarthID's "Create Session API" page) against the Prism mock of specs/earthid.yaml:
// the docs' request must be accepted as is, and the docs' response (as the spec adapted it) must
// come back through the client unchanged.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import type { CreateSessionRequest, SessionResponse } from "./index.ts";
import { createEarthId } from "./index.ts";

// Seed 003: /work/shared/seeds/003_7cb563b45e6c6442.txt — EarthID's "Create Session API" page
// (https://developers.myearth.id/docs/sdk/iOS/creating-session). Both code blocks are copied
// byte for byte below; only the response had to be adapted to be usable (see seedResponse).

/** The seed's "Sample JSON object" (the request body), verbatim. */
export const seedRequestText = `{
    "verification": {
        "callback": "https://www.myearth.id/",
        "person": {
            "firstName": "John",
            "lastName": "Smith"
        },
        "document": {
            "type": "PASSPORT",
            "country": "EE"
        },
        "vendorData": "unique id of a user"
    }
}`;

/** The seed's request body, parsed from the verbatim text (it is valid JSON). */
export const seedRequest: CreateSessionRequest = JSON.parse(seedRequestText) as CreateSessionRequest;

/**
 * The seed's sample response, verbatim. It is not valid JSON: the opening brace is missing, and
 * `id`, `url` and `sessionToken` are cut short with "………" (three U+2026).
 */
export const seedResponseText = `   "status": "success",
   "verification": {
       "id": "a66ad316-19c3-45e1-b592-de6498………",
       "url": "https://myearth.id/eyJhbGciOiJIUzI1NiIsInR5cCI………",
       "vendorData": null,
       "host": "https://myearth.id/",
       "status": "created",
       "sessionToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZXNzaW9uX2l………"
   }
}`;

/**
 * The seed's response as adapted by specs/earthid.yaml (the `seedExample` response example, whose
 * description records the same changes), so that it parses and validates against the schema:
 * - the missing opening `{` is added;
 * - `id`: "a66ad316-19c3-45e1-b592-de6498………" → "a66ad316-19c3-45e1-b592-de6498000000" — the
 *   ellipsis is removed and the last UUID group is zero-padded to 12 hex digits (`format: uuid`);
 * - `url`: "https://myearth.id/eyJhbGciOiJIUzI1NiIsInR5cCI………" → the same without "………"
 *   (`format: uri` refuses the ellipsis);
 * - `sessionToken`: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZXNzaW9uX2l………" → the same without "………"
 *   (kept consistent with `url`; the truncated JWT is not a real token either way).
 * Every other key and value (`status`, `vendorData: null`, `host`, `verification.status`) is verbatim.
 */
export const seedResponse: SessionResponse = {
  status: "success",
  verification: {
    id: "a66ad316-19c3-45e1-b592-de6498000000",
    url: "https://myearth.id/eyJhbGciOiJIUzI1NiIsInR5cCI",
    vendorData: null,
    host: "https://myearth.id/",
    status: "created",
    sessionToken: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZXNzaW9uX2l",
  },
};

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
