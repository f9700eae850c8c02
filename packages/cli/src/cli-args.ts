import { UsageError } from "./cli-errors.ts";

// Keys that would reach Object.prototype instead of the options object.
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/** Splits `key=value` at the first `=`; the key must be non-empty. */
function splitAssignment(flag: string, assignment: string): [key: string, value: string] {
  const at = assignment.indexOf("=");
  if (at <= 0) {
    throw new UsageError(`${flag} takes key=value (got ${JSON.stringify(assignment)})`);
  }
  return [assignment.slice(0, at), assignment.slice(at + 1)];
}

/** A value as JSON when it parses (`true`, `3`, `["a"]`, `{"k":1}`, `"quoted"`), else the string itself. */
export function parseOptionValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The `--option key=value` flags as one provider-options object. Values are parsed as JSON when
 * they parse, else kept as strings. A dotted key sets a nested field (`document.type=PASSPORT` →
 * `{ document: { type: "PASSPORT" } }`); setting the same key twice is an error.
 */
export function parseProviderOptions(assignments: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const [key, raw] = splitAssignment("--option", assignment);
    const path = key.split(".");
    if (path.some((part) => part === "" || FORBIDDEN_KEYS.has(part))) {
      throw new UsageError(`--option has an invalid key ${JSON.stringify(key)}`);
    }
    let target = options;
    for (const [index, part] of path.entries()) {
      const last = index === path.length - 1;
      const existing = target[part];
      if (last) {
        if (existing !== undefined) throw new UsageError(`--option ${key} is given twice`);
        target[part] = parseOptionValue(raw);
      } else if (existing === undefined) {
        const child: Record<string, unknown> = {};
        target[part] = child;
        target = child;
      } else if (isPlainObject(existing)) {
        target = existing;
      } else {
        throw new UsageError(
          `--option ${key} sets a field inside ${path.slice(0, index + 1).join(".")}, which is not an object`,
        );
      }
    }
  }
  return options;
}

/** The `--metadata key=value` flags as string key/values (never parsed as JSON: metadata is text). */
export function parseMetadata(assignments: readonly string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const assignment of assignments) {
    const [key, value] = splitAssignment("--metadata", assignment);
    if (FORBIDDEN_KEYS.has(key)) throw new UsageError(`--metadata has an invalid key ${JSON.stringify(key)}`);
    if (Object.hasOwn(metadata, key)) throw new UsageError(`--metadata ${key} is given twice`);
    metadata[key] = value;
  }
  return metadata;
}
