// The provenance rule of `pnpm lint:specs` (`verifetch/provenance` in specs/redocly.yaml): a schema
// constraint that narrows what a vendor documents must say where it comes from. A user's typed
// client and their Prism mock both inherit the specs, so an unsourced `additionalProperties: false`
// refuses requests the real API accepts, and an unsourced `required` promises fields it may omit.
//
// Checked, on the schema object that carries the constraint (nested schemas and `$ref`s followed):
// - request bodies and parameters: a closed object (`additionalProperties: false` or
//   `unevaluatedProperties: false`), `pattern`, a validated `format` (`email`, `uuid`, …; not the
//   numeric ones, which only annotate), and length, size and numeric bounds;
// - responses: a non-empty `required` list;
// - webhook deliveries (request bodies under `webhooks`): a non-empty `required` list, as in a
//   response (the provider sends them), and a closed object (a user validating deliveries against
//   it would refuse the fields a vendor adds). No mock validates them, so formats and bounds there
//   are left to the response rules.
// Each needs `x-verifetch-source` (a URL or document) or a marker saying why it is there:
// `x-verifetch-inferred` (deduced, not stated) or `x-verifetch-unconfirmed` (stated somewhere weaker).
//
// Written for Node's type stripping: Redocly imports this file as it is, so it uses only erasable
// TypeScript.

/** The keys that source or mark a narrowing constraint; the value says where it comes from or why. */
export const PROVENANCE_KEYS = ["x-verifetch-source", "x-verifetch-inferred", "x-verifetch-unconfirmed"] as const;

/** Request-side keywords that narrow the values a vendor documents (besides closed objects). */
export const REQUEST_NARROWING_KEYWORDS = [
  "pattern",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
] as const;

/** OpenAPI formats that only annotate a number's type: no validator refuses a value for them. */
export const ANNOTATION_FORMATS: readonly string[] = ["int32", "int64", "float", "double"];

/** The part of Redocly's location object the rule uses. */
export interface RuleLocation {
  readonly pointer: string;
  readonly source: { readonly absoluteRef: string };
  child(key: string | number | (string | number)[]): RuleLocation;
}

/** The part of Redocly's visitor context the rule uses. */
export interface RuleContext {
  readonly location: RuleLocation;
  report(problem: { message: string; location?: RuleLocation }): void;
  resolve(node: unknown): { node: unknown; location: RuleLocation | undefined };
}

type Side = "request" | "response" | "delivery";
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether a schema object carries a source or a marker with a non-empty reason. */
export function hasProvenance(schema: Json): boolean {
  return PROVENANCE_KEYS.some((key) => typeof schema[key] === "string" && (schema[key] as string).trim() !== "");
}

/** The narrowing constraints of one schema object (not its sub-schemas) that need provenance. */
export function narrowingConstraints(schema: Json, side: Side): string[] {
  const found: string[] = [];
  if (side !== "request" && Array.isArray(schema.required) && schema.required.length > 0) found.push("required");
  if (side === "response") return found;
  if (schema.additionalProperties === false) found.push("additionalProperties: false");
  if (schema.unevaluatedProperties === false) found.push("unevaluatedProperties: false");
  if (side === "delivery") return found;
  for (const keyword of REQUEST_NARROWING_KEYWORDS) if (schema[keyword] !== undefined) found.push(keyword);
  if (typeof schema.format === "string" && !ANNOTATION_FORMATS.includes(schema.format)) found.push("format");
  return found;
}

const SCHEMA_MAPS = ["properties", "patternProperties", "dependentSchemas", "$defs"] as const;
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
const SCHEMA_SINGLES = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "propertyNames",
  "contains",
  "not",
  "if",
  "then",
  "else",
] as const;

function describe(constraints: string[], side: Side): string {
  const what =
    side === "response"
      ? "A `required` list in a response schema"
      : `A narrowing ${side === "delivery" ? "webhook delivery" : "request"} constraint (${constraints.join(", ")})`;
  return `${what} needs \`x-verifetch-source\` (where the vendor states it) or \`x-verifetch-inferred\` / \`x-verifetch-unconfirmed\` (why it is there). Where the vendor is silent, leave the schema open instead.`;
}

/** Redocly rule factory: `verifetch/provenance`. */
export function ProvenanceRule() {
  // A shared schema is reached from several operations; report it once.
  const reported = new Set<string>();

  const walk = (value: unknown, location: RuleLocation, ctx: RuleContext, side: Side, seen: Set<string>): void => {
    let node = value;
    let at = location;
    if (isObject(node) && typeof node.$ref === "string") {
      const resolved = ctx.resolve(node);
      if (resolved.location === undefined) return;
      node = resolved.node;
      at = resolved.location;
    }
    if (!isObject(node)) return;
    const key = `${at.source.absoluteRef}#${at.pointer}`;
    if (seen.has(key)) return;
    seen.add(key);

    const constraints = narrowingConstraints(node, side);
    // One report per constraint: a schema both sent and received (a response and a delivery) with an
    // unmarked `required` is one defect.
    const reportKey = `${constraints[0]} ${key}`;
    if (constraints.length > 0 && !hasProvenance(node) && !reported.has(reportKey)) {
      reported.add(reportKey);
      const first = constraints[0] === "required" ? "required" : (constraints[0]?.split(":")[0] ?? "");
      ctx.report({ message: describe(constraints, side), location: at.child([first]) });
    }

    for (const map of SCHEMA_MAPS) {
      const entries = node[map];
      if (isObject(entries)) {
        for (const [name, sub] of Object.entries(entries)) walk(sub, at.child([map, name]), ctx, side, seen);
      }
    }
    for (const list of SCHEMA_LISTS) {
      const entries = node[list];
      if (!Array.isArray(entries)) continue;
      for (const [index, sub] of entries.entries()) walk(sub, at.child([list, index]), ctx, side, seen);
    }
    for (const single of SCHEMA_SINGLES) {
      if (isObject(node[single])) walk(node[single], at.child([single]), ctx, side, seen);
    }
  };

  // A request body under `webhooks` is what the provider sends: a delivery. Locations cannot tell
  // (a `$ref`'d body or schema reports its target's), so count the webhooks being walked.
  let inWebhooks = 0;
  const visit = (side: Side) => ({
    enter(schema: unknown, ctx: RuleContext) {
      walk(schema, ctx.location, ctx, side === "request" && inWebhooks > 0 ? "delivery" : side, new Set());
    },
  });

  return {
    WebhooksMap: {
      enter() {
        inWebhooks++;
      },
      leave() {
        inWebhooks--;
      },
    },
    RequestBody: { Schema: visit("request") },
    Parameter: { Schema: visit("request") },
    Response: { Schema: visit("response") },
  };
}
