// Contract tests: the client against a Prism mock built from specs/onfido.yaml (run with --errors,
// so an example that breaks its own schema fails here too).
import { type ApiError, AuthenticationError, UnprocessableEntityError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import {
  coversEveryOperation,
  declaredErrorCases,
  type OperationCall,
  SUCCESS,
} from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createOnfido, type WorkflowRunBuilder } from "./index.ts";

const baseUrl = mockBaseUrl("onfido");
const onfido = createOnfido({ apiToken: "api_sandbox.contract", baseUrl });
const runRequest: WorkflowRunBuilder = {
  workflow_id: "3f2a9c58-1b0e-4d3c-9a77-5b2f1e6c8d40",
  applicant_id: "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10",
  customer_user_id: "user_123",
  link: { completed_redirect_url: "https://example.com/done", language: "en_US" },
};

const calls = {
  createApplicant: (call) => onfido.createApplicant({ first_name: "Jane", last_name: "Doe" }, call),
  createWorkflowRun: (call) => onfido.createWorkflowRun(runRequest, call),
  findWorkflowRun: (call) => onfido.findWorkflowRun("5e1f7a3c-8b2d-4c6e-9f10-2a3b4c5d6e7f", call),
} satisfies Record<string, OperationCall>;

describe("Onfido contract (Prism)", () => {
  it("createApplicant then createWorkflowRun: the run carries its hosted link", async () => {
    const applicant = await calls.createApplicant(SUCCESS);
    expect(applicant.id).toMatch(/^[0-9a-f-]{36}$/);
    const created = await onfido.createWorkflowRun({ ...runRequest, applicant_id: applicant.id });
    expect(created).toMatchObject({ status: "awaiting_input", link: { url: expect.stringMatching(/^https:\/\//) } });
  });

  it("findWorkflowRun returns a run with a documented status", async () => {
    const found = await calls.findWorkflowRun(SUCCESS);
    expect(found.id).toBe("5e1f7a3c-8b2d-4c6e-9f10-2a3b4c5d6e7f");
    expect(found.status).toBeDefined();
  });

  coversEveryOperation("onfido", calls);
  declaredErrorCases("onfido", calls, (body) => {
    expect(body).toMatchObject({ error: { type: expect.any(String), message: expect.any(String) } });
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createOnfido({
      apiToken: "api_sandbox.contract",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("Authorization");
        return fetch(request);
      },
    });
    const error = await anonymous.createWorkflowRun(runRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toMatchObject({ error: { type: "authorization_error" } });
  });

  it("an applicant without its required last_name is refused by the spec (422)", async () => {
    const invalid = { first_name: "Jane" } as unknown as Parameters<typeof onfido.createApplicant>[0];
    const error = await onfido.createApplicant(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as ApiError).headers.get("sl-violations")).toContain("last_name");
  });
});
