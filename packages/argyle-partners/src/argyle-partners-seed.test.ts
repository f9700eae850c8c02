// Seed 001 (Argyle Partners "Create a session"): its example request must be accepted by the Prism
// mock of specs/argyle-partners.yaml, and the client must hand back its example response unchanged.
import { describe } from "vitest";
import { argyleSeedExampleCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
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
  argyleSeedExampleCases<PartnerSessionCreateRequest>({
    provider: "argyle-partners",
    create: createArgylePartners,
    examples: [["seedExample", seedRequest, seedResponse]],
  });
});
