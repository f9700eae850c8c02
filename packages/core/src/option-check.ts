// Shape checks of provider-only session options (`providerOptions.<provider>`), shared by the
// facade adapters so each refuses a non-object or an unknown key the same way, naming the field.
import { InputValidationError } from "./error-classes.ts";

/** Whether `value` is a plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `value` as a record whose keys are all in `known`. Otherwise an InputValidationError: at `field`
 * when it is not an object (`notObject` says what is expected), or at `field.key` for the first key
 * that is set (not undefined) and not known.
 */
export function checkOptionRecord(
  value: unknown,
  field: string,
  known: readonly string[],
  notObject = "must be an object",
): Record<string, unknown> {
  if (!isRecord(value)) throw new InputValidationError(field, notObject);
  const unknown = Object.keys(value).find((key) => value[key] !== undefined && !known.includes(key));
  if (unknown !== undefined) {
    throw new InputValidationError(`${field}.${unknown}`, `is not a known option (known: ${known.join(", ")})`);
  }
  return value;
}
