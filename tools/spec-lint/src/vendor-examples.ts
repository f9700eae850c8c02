// Reads the published vendor examples in specs/examples/<spec>/*.yaml and checks each against the
// schema of its operation in specs/<spec>.yaml, with the JSON Schema validator Prism's mock uses
// (ajv 2020-12 + ajv-formats), so "valid here" means "the mock accepts it / may return it".
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { parse } from "yaml";
import { type OperationFacts, type ProviderFacts, readProviderFacts } from "../../codegen/src/spec-facts.ts";

/** How a published example that is not usable as is was adapted; always applied to the verbatim form. */
export interface Adaptation {
  /** Why the example had to change, and why these edits are the smallest that work. */
  why: string;
  /** Text edits, in order, to `verbatimText` (then parsed as JSON). */
  edits?: TextEdit[];
  /** JSON Pointer (`/a/b`) → value, set on a copy of `verbatim`. */
  set?: Record<string, unknown>;
}

/** One text edit: prepend a string, replace every occurrence of a string, or replace a pattern globally. */
export type TextEdit =
  | { prepend: string }
  | { replace: string; with: string }
  | { replacePattern: string; with: string };

/** A request or response body as published: exactly one of `body`, `bodyText`, `bodyForm`, `verbatim` + `adapted`, `verbatimText` + `adapted`. */
export interface ExamplePart {
  body?: unknown;
  /** Published JSON text that parses as is. */
  bodyText?: string;
  /**
   * A published form body (`application/x-www-form-urlencoded`, e.g. Stripe's `-d type=document`
   * joined with `&`): bracketed keys (`metadata[user_id]=u_1`, `items[0]=a`) nest as the vendor's
   * deepObject encoding does.
   */
  bodyForm?: string;
  verbatim?: unknown;
  verbatimText?: string;
  adapted?: Adaptation;
}

/** One file of specs/examples. */
export interface VendorExample {
  /** `<spec>/<file>`, for test names. */
  id: string;
  spec: string;
  /** Where it was published (a URL, or a seed and its page). */
  source: string;
  /** The seed number, for examples taken from a seed document. */
  seed?: string;
  title: string;
  /** The operationId: a call under the spec's `paths`, or a delivery under its `webhooks` (then `request` is the payload). */
  operation: string;
  request?: ExamplePart;
  response?: ExamplePart & { status: number };
  /**
   * For a webhook delivery: the outcome (`approved`, `declined`, …) the vendor's docs say it means.
   * The facade's tests sign the delivery and check that the provider's webhook adapter reads it so.
   */
  outcome?: string;
}

/** The examples folder. */
export function examplesDir(rootDir: string): string {
  return join(rootDir, "specs", "examples");
}

/** Every example file under specs/examples, sorted by id. */
export function readVendorExamples(rootDir: string): VendorExample[] {
  const dir = examplesDir(rootDir);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(dir, entry.name))
        .filter((file) => file.endsWith(".yaml"))
        .map((file) => {
          const parsed = parse(readFileSync(join(dir, entry.name, file), "utf8")) as Omit<VendorExample, "id" | "spec">;
          return { ...parsed, id: `${entry.name}/${basename(file, ".yaml")}`, spec: entry.name };
        }),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return edits.reduce((current, edit) => {
    if ("prepend" in edit) return edit.prepend + current;
    if ("replacePattern" in edit) return current.replace(new RegExp(edit.replacePattern, "g"), edit.with);
    if (!current.includes(edit.replace)) throw new Error(`edit: "${edit.replace}" does not occur in the text`);
    return current.replaceAll(edit.replace, edit.with);
  }, text);
}

function setPointer(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = keys.pop();
  if (last === undefined) throw new Error(`set: "${pointer}" is not a JSON Pointer to a member`);
  let node: Record<string, unknown> = target;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
}

/** The published form of a part: its text, or its value. */
export function verbatimOf(part: ExamplePart): { text?: string; value?: unknown } {
  if (part.verbatimText !== undefined) return { text: part.verbatimText };
  if (part.bodyText !== undefined) return { text: part.bodyText };
  return { value: part.verbatim ?? part.body };
}

/** A form body's fields as the object they encode: `a[b][0]=c` is `{ a: { b: ["c"] } }`; values stay strings. */
export function parseFormBody(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const keys = [...name.matchAll(/^([^[]+)|\[([^\]]*)\]/g)].map((match) => match[1] ?? match[2] ?? "");
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, index) => {
      const last = index === keys.length - 1;
      const container = node as Record<string, unknown>;
      if (last) container[key] = value;
      else container[key] ??= /^\d+$/.test(keys[index + 1] ?? "") ? [] : {};
      if (!last) node = container[key] as Record<string, unknown>;
    });
  }
  return root;
}

/** The body a part stands for: as published, or with its documented adaptation applied. */
export function bodyOf(part: ExamplePart): unknown {
  const forms = [part.body, part.bodyText, part.bodyForm, part.verbatim, part.verbatimText].filter(
    (form) => form !== undefined,
  );
  if (forms.length !== 1)
    throw new Error("an example part has exactly one of body, bodyText, bodyForm, verbatim, verbatimText");
  if (part.body !== undefined) return part.body;
  if (part.bodyText !== undefined) return JSON.parse(part.bodyText);
  if (part.bodyForm !== undefined) return parseFormBody(part.bodyForm);
  if (part.adapted === undefined) throw new Error("a verbatim example needs `adapted` (else use body / bodyText)");
  if (part.verbatimText !== undefined) return JSON.parse(applyEdits(part.verbatimText, part.adapted.edits ?? []));
  const copy = structuredClone(part.verbatim) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries(part.adapted.set ?? {})) setPointer(copy, pointer, value);
  return copy;
}

type Json = Record<string, unknown>;

/** The request and response body schemas of every operation of a spec, `$ref`s resolved. */
export interface OperationSchemas {
  /** `call` for an operation under `paths`, `delivery` for one under `webhooks`. */
  kind: "call" | "delivery";
  request: unknown;
  responses: Record<string, unknown>;
}

/**
 * Bundles `specs/<spec>.yaml` with every `$ref` dereferenced and indexes the body schemas of its
 * operations, both the calls under `paths` and the deliveries under `webhooks` (a delivery's
 * request body is the payload the provider POSTs).
 */
export async function operationSchemas(rootDir: string, spec: string): Promise<Map<string, OperationSchemas>> {
  const { bundle: document } = await bundle({
    ref: join(rootDir, "specs", `${spec}.yaml`),
    config: await createConfig({}),
    dereference: true,
  });
  const parsed = document.parsed as {
    paths?: Record<string, Record<string, Json>>;
    webhooks?: Record<string, Record<string, Json>>;
  };
  const byOperation = new Map<string, OperationSchemas>();
  const items = [
    ...Object.values(parsed.paths ?? {}).map((item) => ["call", item] as const),
    ...Object.values(parsed.webhooks ?? {}).map((item) => ["delivery", item] as const),
  ];
  for (const [kind, item] of items) {
    for (const operation of Object.values(item)) {
      if (typeof operation?.operationId !== "string") continue;
      // Bodies are JSON, or (Stripe's requests) form-encoded.
      const json = (holder: unknown) => {
        const content = (holder as Json | undefined)?.content as Json | undefined;
        return content?.["application/json"] ?? content?.["application/x-www-form-urlencoded"];
      };
      const responses = Object.fromEntries(
        Object.entries((operation.responses as Json | undefined) ?? {}).map(([status, response]) => [
          status,
          (json(response) as Json | undefined)?.schema,
        ]),
      );
      byOperation.set(operation.operationId, {
        kind,
        request: (json(operation.requestBody) as Json | undefined)?.schema,
        responses,
      });
    }
  }
  return byOperation;
}

/**
 * A JSON Schema validator configured as Prism's mock validates (2020-12, formats checked). With
 * `form`, scalar strings are read as the schema's type first (`"true"` for a boolean), as a form
 * body's values are text.
 */
export function createValidator({ form = false } = {}): (schema: unknown, value: unknown) => ErrorObject[] {
  // OpenAPI keywords and x- extensions are not JSON Schema keywords: ignore them, as Prism does.
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, coerceTypes: form });
  ajvFormats.default(ajv);
  // OpenAPI's numeric formats only annotate the type.
  for (const format of ["int32", "int64", "float", "double"]) ajv.addFormat(format, true);
  return (schema, value) => {
    const validate = ajv.compile(schema as object);
    // Coercion writes into the value: validate a copy.
    return validate(form ? structuredClone(value) : value) ? [] : [...(validate.errors ?? [])];
  };
}

/** A published request to one of a spec's client methods, with what the spec states about them. */
export interface PublishedCall {
  example: VendorExample & { request: ExamplePart };
  facts: ProviderFacts;
  operation: OperationFacts;
}

/**
 * Every published request to a client method (not a webhook delivery, nor a standalone
 * operation), each spec's facts read once.
 */
export function publishedCalls(rootDir: string): PublishedCall[] {
  const factsBySpec = new Map<string, ProviderFacts>();
  return readVendorExamples(rootDir).flatMap((example) => {
    if (example.request === undefined) return [];
    const facts = factsBySpec.get(example.spec) ?? readProviderFacts(rootDir, example.spec);
    factsBySpec.set(example.spec, facts);
    const operation = facts.operations.find((candidate) => candidate.operationId === example.operation);
    if (operation === undefined || operation.standalone) return [];
    return [{ example: { ...example, request: example.request }, facts, operation }];
  });
}
