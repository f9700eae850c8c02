// Every published vendor example in specs/examples validates against its operation's schema in
// specs/<spec>.yaml, as the Prism mock would validate it. Examples the vendor published broken are
// kept verbatim with a documented adaptation; the test proves the verbatim form fails and the
// adapted one passes, so an adaptation can neither be skipped nor grow unnoticed.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findSpecNames } from "../../codegen/src/spec-facts.ts";
import {
  bodyOf,
  createValidator,
  type ExamplePart,
  type OperationSchemas,
  operationSchemas,
  parseFormBody,
  readVendorExamples,
  type VendorExample,
  verbatimOf,
} from "./vendor-examples.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
const examples = readVendorExamples(rootDir);
const specs = [...new Set(examples.map((example) => example.spec))];
const schemasBySpec = new Map<string, Map<string, OperationSchemas>>();
const validate = createValidator();
const validateForm = createValidator({ form: true });

beforeAll(async () => {
  for (const spec of specs) schemasBySpec.set(spec, await operationSchemas(rootDir, spec));
});

function schemaOf(example: VendorExample, side: "request" | "response"): unknown {
  const operation = schemasBySpec.get(example.spec)?.get(example.operation);
  if (operation === undefined) throw new Error(`specs/${example.spec}.yaml has no operation ${example.operation}`);
  if (side === "request") return operation.request;
  const status = String(example.response?.status);
  if (!(status in operation.responses)) throw new Error(`${example.operation} declares no ${status} response`);
  return operation.responses[status];
}

/** Whether the published form, taken as is, is refused: unparsable text, or a schema violation. */
function verbatimIsRefused(part: ExamplePart, schema: unknown): boolean {
  const { text, value } = verbatimOf(part);
  if (text === undefined) return validate(schema, value).length > 0;
  try {
    return validate(schema, JSON.parse(text)).length > 0;
  } catch {
    return true;
  }
}

describe("specs/examples", () => {
  it("has examples for every spec, each naming its source, title and operation", () => {
    expect(specs.sort()).toEqual(findSpecNames(rootDir));
    for (const example of examples) {
      expect(existsSync(join(rootDir, "specs", `${example.spec}.yaml`)), example.id).toBe(true);
      expect(example.source.trim().length, example.id).toBeGreaterThan(10);
      expect(example.title, example.id).toMatch(/\S/);
      expect(example.request ?? example.response, example.id).toBeDefined();
    }
  });

  // Which outcome it is, and that the adapter reads it so, is checked in packages/verifetch.
  it("states an outcome only for a webhook delivery", () => {
    for (const example of examples.filter((candidate) => candidate.outcome !== undefined)) {
      const operation = schemasBySpec.get(example.spec)?.get(example.operation);
      expect(operation?.kind, `${example.id}: ${example.operation} is not one of the spec's webhooks`).toBe("delivery");
      expect(example.request, example.id).toBeDefined();
    }
  });

  // Seed 002 (Verifa) lists fields and types but publishes no example values.
  it("covers every seed that publishes an example", () => {
    const seeds = new Set(examples.map((example) => example.seed).filter((seed) => seed !== undefined));
    expect([...seeds].sort()).toEqual(["000", "001", "003", "004"]);
  });

  describe.each(examples.map((example) => [example.id, example] as const))("%s", (_id, example) => {
    for (const side of ["request", "response"] as const) {
      const part = example[side];
      if (part === undefined) continue;
      it(`its ${side === "request" ? "request" : `${example.response?.status} response`} is valid against the spec`, () => {
        const errors = (part.bodyForm === undefined ? validate : validateForm)(schemaOf(example, side), bodyOf(part));
        expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
      });
      if (part.adapted !== undefined) {
        it(`its ${side} as published is refused, so the documented adaptation is needed`, () => {
          expect(part.adapted?.why.trim().length).toBeGreaterThan(20);
          expect(verbatimIsRefused(part, schemaOf(example, side))).toBe(true);
        });
      }
    }
  });
});

describe("form bodies", () => {
  it("nest bracketed keys as deepObject encoding does, arrays by index", () => {
    expect(parseFormBody("type=document&metadata[user_id]=u_1&options[document][allowed_types][0]=passport")).toEqual({
      type: "document",
      metadata: { user_id: "u_1" },
      options: { document: { allowed_types: ["passport"] } },
    });
  });

  it("are validated with their text read as the schema's types", () => {
    const schema = { type: "object", properties: { flag: { type: "boolean" }, n: { type: "integer" } } };
    expect(validateForm(schema, parseFormBody("flag=true&n=3"))).toEqual([]);
    expect(validateForm(schema, parseFormBody("flag=maybe"))).not.toEqual([]);
    expect(validate(schema, parseFormBody("flag=true"))).not.toEqual([]);
  });
});

describe("the validator", () => {
  // The cases the issue named: an invented `required` (Verifa) and an invented closed object
  // (Argyle Partners) refused these published examples before the specs were fixed.
  it("refuses what the old specs refused: a missing required field and an unknown property", () => {
    const closed = { type: "object", additionalProperties: false, properties: { verification: { type: "string" } } };
    expect(validate(closed, { verification: "v", client: "c" })).not.toEqual([]);
    const required = { type: "object", required: ["tags"], properties: { tags: { type: "array" } } };
    expect(validate(required, { id: "session_abc123" })).not.toEqual([]);
  });

  it("checks formats as Prism does", () => {
    expect(validate({ type: "string", format: "uuid" }, "a66ad316-19c3-45e1-b592-de6498………")).not.toEqual([]);
    expect(validate({ type: "string", format: "uri" }, "https://myearth.id/eyJ………")).not.toEqual([]);
    expect(validate({ type: "number", format: "double" }, 0.93)).toEqual([]);
  });
});
