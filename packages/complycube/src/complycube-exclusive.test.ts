// `x-verifetch-exclusive` in specs/complycube.yaml is a client-side rule: the spec (and the mock)
// accept checkTypes and workflowTemplateId together, as ComplyCube's own SDK may send them, while
// verifetch's request type (complycube-client.test-d.ts) and the facade adapter take exactly one.
// This keeps the adapter in step with the rule the spec records.
import { InputValidationError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { specDocument } from "../../../tools/vitest/spec-operations.ts";
import { complyCubeSessions, createComplyCube } from "./index.ts";

const schemas = (specDocument("complycube").components as { schemas: Record<string, Record<string, unknown>> }).schemas;
const rule = schemas.CreateFlowSessionRequest?.["x-verifetch-exclusive"] as {
  properties: string[];
  "x-verifetch-inferred": string;
};
const urls = { reference: "user_1", redirectUrl: "https://app.example/done", cancelUrl: "https://app.example/cancel" };
const variants: Record<string, unknown> = { checkTypes: ["document_check"], workflowTemplateId: "wf_1" };

describe("ComplyCube x-verifetch-exclusive", () => {
  it("names checkTypes and workflowTemplateId, is marked inferred, and the schema itself stays permissive", () => {
    expect(rule.properties).toEqual(["checkTypes", "workflowTemplateId"]);
    expect(rule["x-verifetch-inferred"]).toMatch(/states no\s+exclusivity/);
    const schema = schemas.CreateFlowSessionRequest ?? {};
    expect(schema.oneOf).toBeUndefined();
    expect(schema.additionalProperties).toBeUndefined();
    expect(schema.required).toEqual(["clientId", "successUrl", "cancelUrl"]);
  });

  const adapter = () => complyCubeSessions(createComplyCube({ apiKey: "test_exclusive", fetch: vi.fn() }));
  const options = (keys: string[]) => ({
    clientId: "5eb04fcd0f3e360008035eb1",
    ...Object.fromEntries(keys.map((key) => [key, variants[key]])),
  });

  it.each(rule.properties.map((key) => [key]))("the adapter accepts %s alone", (key) => {
    expect(() =>
      adapter().validate({ ...urls, providerOptions: { complycube: options([key]) as never } }),
    ).not.toThrow();
  });

  it.each([
    ["both", rule.properties],
    ["neither", []],
  ])("the adapter refuses %s with an InputValidationError before any request", (_case, keys) => {
    const error = (() => {
      try {
        adapter().validate({ ...urls, providerOptions: { complycube: options(keys) as never } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).field).toMatch(
      /^providerOptions\.complycube\.(checkTypes|workflowTemplateId)$/,
    );
  });
});
