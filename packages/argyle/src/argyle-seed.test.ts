// Seed 000 (Argyle "Create a session"): its example requests must be accepted by the Prism mock of
// specs/argyle.yaml, and the client must hand back its example responses unchanged.
import { describe } from "vitest";
import { argyleSeedExampleCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import { type ClientSession, type ClientSessionCreateRequest, createArgyle } from "./index.ts";

// The example requests and responses of seed /work/shared/seeds/000_c119f5477e6c18c4.txt (Argyle
// "Create a session", `openAPI/verifications.yaml post /v2/sessions`), copied value for value from
// its YAML examples (the seed is YAML; these are the same values as TypeScript literals).
//
// Adaptations the spec had to make, none to these values:
// - the payroll response returns `configuration.experience: null` although the seed's schema types
//   `experience` as a non-nullable uuid string; specs/argyle.yaml makes it nullable in responses;
// - the `link` values end in `?...`: the docs elide the query string themselves; kept verbatim.

/** Seed 000, "Example Request (Payroll)". */
const seedPayrollRequest = {
  verification: "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b",
  configuration: {
    redirect_url: "https://your-application.com/return",
    flow_id: "12ABCD3E",
    items: ["item_000000001", "item_000000002"],
    language: "EN",
    mobile_app: true,
  },
} satisfies ClientSessionCreateRequest;

/** Seed 000, "Example Response (Payroll)". */
const seedPayrollResponse = {
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
} satisfies ClientSession;

/** Seed 000, "Example Request (Banking)". */
const seedBankingRequest = {
  verification: "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b",
  configuration: {
    experience: "97f1eccb-241d-4052-8409-fab9e27a589b",
    single_use_url: false,
    redirect_url: "https://your-application.com/return",
  },
} satisfies ClientSessionCreateRequest;

/** Seed 000, "Example Response (Banking)". */
const seedBankingResponse = {
  verification: "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b",
  configuration: {
    experience: "97f1eccb-241d-4052-8409-fab9e27a589b",
    single_use_url: false,
    redirect_url: "https://your-application.com/return",
  },
  link: "https://connect2.finicity.com?...",
  data_source: "banking",
} satisfies ClientSession;

describe("Argyle seed 000 (Prism)", () => {
  argyleSeedExampleCases<ClientSessionCreateRequest>({
    provider: "argyle",
    create: createArgyle,
    examples: [
      ["payroll", seedPayrollRequest, seedPayrollResponse],
      ["banking", seedBankingRequest, seedBankingResponse],
    ],
  });
});
