// Shape checks of provider-only session options (`providerOptions.<provider>`), shared by the
// facade adapters so each refuses a non-object or an unknown key the same way, naming the field.
import { InputValidationError } from "./error-classes.ts";
import type { InputFormat } from "./input-format.ts";

/** Whether `value` is a plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `field.key`, or `key` at the root (`field` empty). */
const fieldPath = (field: string, key: string) => (field ? `${field}.${key}` : key);

/**
 * The JSON Schema subset {@link checkSchema} understands — the keywords our specs use for request
 * fields: `type` (string, boolean, array, object), `enum`, `minLength`,
 * `format` (an {@link InputFormat} such as `UUID_FORMAT`), `minItems`, `items`, `properties`, `additionalProperties` and
 * `required`. Objects without `additionalProperties` are closed: a key not in `properties` is
 * refused (a typo must not be dropped silently).
 */
export interface InputSchema {
  readonly type?: "string" | "boolean" | "array" | "object";
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  /** The string's format: the schema carries its test, so a bundle holds only the formats it uses. */
  readonly format?: InputFormat;
  /** The schema of keys not in `properties`; an object without it is closed. */
  readonly additionalProperties?: InputSchema;
  readonly minItems?: number;
  readonly items?: InputSchema;
  readonly properties?: { readonly [key: string]: InputSchema };
  readonly required?: readonly string[];
}

/**
 * Checks `value` against `schema`, throwing InputValidationError at the path of the first mismatch
 * (e.g. `providerOptions.acme.documents[1]`; `field` empty for a root whose keys are the paths),
 * with what was expected and what was given. Undefined object values count as unset.
 */
export function checkSchema(value: unknown, schema: InputSchema, field: string): void {
  const fail = (expected: string): never => {
    let got: string | undefined;
    try {
      got = JSON.stringify(value);
    } catch {
      // A BigInt or a cycle: JSON cannot show it (its type is shown instead).
    }
    throw new InputValidationError(field || "input", `must be ${expected} (got ${got ?? typeof value})`);
  };
  const { type, minLength = 0, minItems = 0, items, properties = {}, additionalProperties: other, format } = schema;
  if (schema.enum && !schema.enum.includes(value)) fail(`one of ${schema.enum.join(", ")}`);
  if (type === "object" || schema.properties) {
    if (!isRecord(value)) fail("an object");
    const record = value as Record<string, unknown>;
    // Unknown keys first: a typo is named before the field it may have meant to set.
    const known = Object.keys(properties);
    const unknown = Object.keys(record).find((key) => record[key] !== undefined && !other && !known.includes(key));
    if (unknown !== undefined) {
      throw new InputValidationError(fieldPath(field, unknown), `is not a known option (known: ${known.join(", ")})`);
    }
    for (const key of schema.required ?? []) {
      if (record[key] === undefined) throw new InputValidationError(fieldPath(field, key), "is required");
    }
    for (const [key, entry] of Object.entries(record)) {
      if (entry !== undefined) checkSchema(entry, properties[key] ?? other ?? {}, fieldPath(field, key));
    }
  } else if (type === "array") {
    if (!Array.isArray(value) || value.length < minItems) fail(`a list${minItems ? ` of at least ${minItems}` : ""}`);
    if (items)
      for (const [index, entry] of (value as unknown[]).entries()) checkSchema(entry, items, `${field}[${index}]`);
  } else if (type === "string") {
    if (typeof value !== "string" || value.trim().length < minLength)
      fail(minLength ? "a non-empty string" : "a string");
    if (format && !format[0](value as string)) fail(format[1]);
  } else if (type === "boolean" && typeof value !== "boolean") fail("a boolean");
}
