// The call's constants must be the spec's own examples (see bench-fixture.ts for why they are copied).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FLOW_SESSION_REQUEST, FLOW_SESSION_RESPONSE, jsonEqual } from "./bench-fixture.ts";
import { REPO_ROOT } from "./bench-paths.ts";

interface Examples {
  [name: string]: { value: unknown };
}
interface Spec {
  paths: Record<
    string,
    {
      post: {
        requestBody: { content: { "application/json": { examples: Examples } } };
        responses: Record<string, { content: { "application/json": { examples: Examples } } }>;
      };
    }
  >;
}

const spec = parse(readFileSync(resolve(REPO_ROOT, "specs/complycube.yaml"), "utf8")) as Spec;
const operation = spec.paths["/v1/flow/sessions"]?.post;

describe("bench fixture", () => {
  it("is createFlowSession's checkDriven request example", () => {
    expect(operation?.requestBody.content["application/json"].examples.checkDriven?.value).toEqual(
      FLOW_SESSION_REQUEST,
    );
  });

  it("is createFlowSession's 200 response example", () => {
    expect(operation?.responses["200"]?.content["application/json"].examples.created?.value).toEqual(
      FLOW_SESSION_RESPONSE,
    );
  });

  it("compares JSON ignoring key order, and nothing else", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: "1" }, { a: 1 })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });
});
