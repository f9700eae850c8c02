// Responses Onfido's live API sends must fit the generated types. The official Node library's live
// tests (onfido/onfido-node test/resources/workflow-runs.test.ts and applicants.test.ts) expect these
// fields as null, though Onfido's OpenAPI document types them non-null.
import { describe, expectTypeOf, it } from "vitest";
import type { Applicant, WorkflowRun } from "./index.ts";

describe("the fields Onfido returns as null", () => {
  it("a new workflow run carries output and error as null", () => {
    expectTypeOf({
      id: "bc77c6e5-753a-4580-96a6-aaed3e5a8d19",
      applicant_id: "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10",
      workflow_id: "e8c921eb-0495-44fe-b655-bcdcaffdafe5",
      status: "awaiting_input" as const,
      output: null,
      error: null,
    }).toExtend<WorkflowRun>();
  });

  it("an applicant created without a date of birth carries dob and delete_at as null", () => {
    expectTypeOf({ id: "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10", dob: null, delete_at: null }).toExtend<Applicant>();
  });
});
