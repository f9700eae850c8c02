// Compares a hand-written spec (specs/<name>.yaml) with the pinned excerpt of the vendor's official
// OpenAPI document (specs/official/<name>.yaml). Ours may be a subset; it may never contradict the
// official document: every operation, parameter (name, in, required), request and response property,
// type, `required` entry and enum value ours declares must be there too, with the same meaning.
// A node of ours marked `x-verifetch-official-deviation: "<why>"` is skipped, reason and all.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";

/** One disagreement: where in our spec, and what differs. */
export interface AgreementIssue {
  /** JSON pointer into our spec, e.g. `/paths/~1inquiries/post/parameters/Idempotency-Key`. */
  pointer: string;
  message: string;
}

/** A parsed OpenAPI document, and the file it came from (for relative-file `$ref`s; none for inline ones). */
export interface SourceDocument {
  document: unknown;
  file?: string | undefined;
}

/** `x-official-source` of an excerpt: where it was taken from. */
export interface OfficialSource {
  repository: string;
  commit: string;
  path: string;
}

/** The marker on a node of ours that deliberately departs from the official document. */
export const DEVIATION = "x-verifetch-official-deviation";
/** The marker the excerpt puts where it left out an official component. */
export const OMITTED = "x-official-omitted";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const pointerSegment = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** Reads and checks an excerpt's `x-official-source` (repository `owner/name`, a 40-hex commit, a path). */
export function officialSource(document: unknown): OfficialSource {
  const source = isObject(document) ? document["x-official-source"] : undefined;
  if (!isObject(source)) throw new Error("x-official-source is missing");
  const { repository, commit, path } = source;
  if (typeof repository !== "string" || !/^[\w.-]+\/[\w.-]+$/.test(repository))
    throw new Error(`x-official-source.repository must be owner/name, got ${JSON.stringify(repository)}`);
  if (typeof commit !== "string" || !/^[0-9a-f]{40}$/.test(commit))
    throw new Error(`x-official-source.commit must be a 40-hex commit, got ${JSON.stringify(commit)}`);
  if (typeof path !== "string" || path === "") throw new Error("x-official-source.path is missing");
  return { repository, commit, path };
}

/** Follows `$ref`s of one document: local ones and relative-file ones (read from disk, cached). */
class Resolver {
  readonly #files = new Map<string, unknown>();
  constructor(
    readonly root: unknown,
    readonly file: string | undefined,
  ) {}

  /** The node a value stands for (its `$ref` chain followed), with the file it lives in. */
  deref(value: unknown, file = this.file): { node: unknown; file: string | undefined } {
    let node = value;
    let current = file;
    for (let depth = 0; isObject(node) && typeof node.$ref === "string"; depth++) {
      if (depth > 20) throw new Error(`$ref chain too deep at ${node.$ref}`);
      const [target = "", pointer = ""] = node.$ref.split("#", 2);
      let document = this.documentOf(current);
      if (target !== "") {
        if (current === undefined) throw new Error(`cannot follow the file $ref ${node.$ref} of an inline document`);
        current = resolve(dirname(current), target);
        document = this.documentOf(current);
      }
      let found: unknown = document;
      for (const segment of pointer.split("/").slice(1)) {
        const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
        found = isObject(found) ? found[key] : Array.isArray(found) ? found[Number(key)] : undefined;
      }
      if (found === undefined) throw new Error(`$ref ${node.$ref} points at nothing`);
      // Siblings of a `$ref` (3.1 allows them, e.g. a description or our deviation marker) are kept.
      const { $ref: _, ...siblings } = node;
      node = isObject(found) && Object.keys(siblings).length > 0 ? { ...found, ...siblings } : found;
    }
    return { node, file: current };
  }

  private documentOf(file: string | undefined): unknown {
    if (file === undefined || file === this.file) return this.root;
    let document = this.#files.get(file);
    if (document === undefined) {
      document = parse(readFileSync(file, "utf8"));
      this.#files.set(file, document);
    }
    return document;
  }
}

/** A node with the file it was read from (so its own relative `$ref`s resolve). */
interface At {
  node: Json;
  file: string | undefined;
}

/** The path part of the first server's URL (`https://h/api/v1` → `/api/v1`), empty when none. */
function serverBasePath(document: Json): string {
  const url = Array.isArray(document.servers) && isObject(document.servers[0]) ? document.servers[0].url : undefined;
  if (typeof url !== "string") return "";
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return path.replace(/\/+$/, "");
}

/** A path with its parameter names blanked, for matching (`/a/{id}` and `/a/{inquiry-id}` match). */
const pathShape = (path: string) => path.replace(/\{[^}]+\}/g, "{}");

/**
 * Every way `ours` disagrees with `official` (empty when it agrees). Operations are matched by
 * method and full path (server base path + path), webhooks by name and method.
 */
export function compareWithOfficial(ours: SourceDocument, official: SourceDocument): AgreementIssue[] {
  const issues: AgreementIssue[] = [];
  const oursRefs = new Resolver(ours.document, ours.file);
  const officialRefs = new Resolver(official.document, official.file);
  const oursRoot = isObject(ours.document) ? ours.document : {};
  const officialRoot = isObject(official.document) ? official.document : {};
  const issue = (pointer: string, message: string) => issues.push({ pointer, message });
  const seen = new WeakMap<object, WeakSet<object>>();

  const derefOurs = (value: unknown, file: string | undefined): At | undefined => {
    const { node, file: at } = oursRefs.deref(value, file);
    return isObject(node) ? { node, file: at } : undefined;
  };
  const derefOfficial = (value: unknown, file: string | undefined): At | undefined => {
    const { node, file: at } = officialRefs.deref(value, file);
    return isObject(node) ? { node, file: at } : undefined;
  };

  /** Whether ours marks this node as a deliberate deviation (and the marker is well-formed). */
  const deviates = (node: Json, pointer: string): boolean => {
    if (!(DEVIATION in node)) return false;
    const why = node[DEVIATION];
    if (typeof why !== "string" || why.trim() === "") issue(pointer, `${DEVIATION} needs the reason as a string`);
    return true;
  };

  /** Whether the excerpt left this node out (then ours may not say anything there). */
  const omitted = (mine: At, theirs: At, pointer: string): boolean => {
    if (!(OMITTED in theirs.node)) return false;
    const meaningful = Object.keys(mine.node).filter((key) => !["description", "summary", "title"].includes(key));
    if (meaningful.length > 0)
      issue(pointer, `the official excerpt omits ${String(theirs.node[OMITTED])} here; excerpt it to check this node`);
    return true;
  };

  // --- schemas -----------------------------------------------------------------------------

  /** The schema and the subschemas it combines (allOf, oneOf, anyOf), each dereferenced once. */
  const family = (at: At, deref: typeof derefOurs): At[] => {
    const out: At[] = [];
    const visit = (current: At, depth: number) => {
      if (depth > 20 || out.some((known) => known.node === current.node)) return;
      out.push(current);
      for (const key of ["allOf", "oneOf", "anyOf"]) {
        const list = current.node[key];
        if (!Array.isArray(list)) continue;
        for (const member of list) {
          const resolved = deref(member, current.file);
          if (resolved) visit(resolved, depth + 1);
        }
      }
    };
    visit(at, 0);
    return out;
  };

  /** The JSON types a schema allows, or undefined when it does not say. */
  const typesOf = (at: At, deref: typeof derefOurs): Set<string> | undefined => {
    const own = at.node.type;
    if (typeof own === "string" || Array.isArray(own)) {
      const types = new Set((Array.isArray(own) ? own : [own]).map(String));
      if (at.node.nullable === true) types.add("null");
      return types;
    }
    for (const key of ["oneOf", "anyOf"]) {
      const list = at.node[key];
      if (!Array.isArray(list)) continue;
      const union = new Set<string>();
      for (const member of list) {
        const resolved = deref(member, at.file);
        const types = resolved && typesOf(resolved, deref);
        if (!types) return undefined;
        for (const type of types) union.add(type);
      }
      return union;
    }
    if (Array.isArray(at.node.allOf)) {
      for (const member of at.node.allOf) {
        const resolved = deref(member, at.file);
        const types = resolved && typesOf(resolved, deref);
        if (types) return types;
      }
    }
    if ("const" in at.node) return new Set([at.node.const === null ? "null" : jsonType(at.node.const)]);
    return undefined;
  };

  /** The values a schema's `enum`/`const` (its own or a combined subschema's) allow, or undefined. */
  const valuesOf = (members: At[]): unknown[] | undefined => {
    let values: unknown[] | undefined;
    for (const member of members) {
      const own = Array.isArray(member.node.enum)
        ? member.node.enum
        : "const" in member.node
          ? [member.node.const]
          : undefined;
      if (own) values = [...(values ?? []), ...own];
    }
    return values;
  };

  /** Each property a schema declares (its own and its combined subschemas'), first declaration wins. */
  const propertiesOf = (members: At[]): Map<string, { schema: unknown; file: string | undefined }> => {
    const properties = new Map<string, { schema: unknown; file: string | undefined }>();
    for (const member of members) {
      if (!isObject(member.node.properties)) continue;
      for (const [name, schema] of Object.entries(member.node.properties))
        if (!properties.has(name)) properties.set(name, { schema, file: member.file });
    }
    return properties;
  };

  const requiredOf = (members: At[]): Set<string> =>
    new Set(members.flatMap((member) => (Array.isArray(member.node.required) ? member.node.required.map(String) : [])));

  const compareSchema = (mineRaw: unknown, mineFile: string | undefined, theirs: At, pointer: string): void => {
    const mine = derefOurs(mineRaw, mineFile);
    if (!mine || deviates(mine.node, pointer) || omitted(mine, theirs, pointer)) return;
    // A recursive schema pair is compared once (the first pointer reports).
    const pairs = seen.get(mine.node) ?? new WeakSet<object>();
    if (pairs.has(theirs.node)) return;
    seen.set(mine.node, pairs.add(theirs.node));
    const mineFamily = family(mine, derefOurs);
    const theirFamily = family(theirs, derefOfficial);

    const mineTypes = typesOf(mine, derefOurs);
    const theirTypes = typesOf(theirs, derefOfficial);
    if (mineTypes && theirTypes && !sameSet(mineTypes, theirTypes)) {
      issue(pointer, `type ${describe(mineTypes)} differs from the official ${describe(theirTypes)}`);
    }

    const mineValues = valuesOf(mineFamily);
    if (mineValues) {
      const theirValues = valuesOf(theirFamily);
      if (!theirValues) {
        issue(pointer, `enum ${JSON.stringify(mineValues)}: the official schema has no enum here (any value)`);
      } else {
        const extra = mineValues.filter((value) => !theirValues.some((known) => equal(known, value)));
        if (extra.length > 0)
          issue(
            pointer,
            `enum value(s) ${JSON.stringify(extra)} are not in the official enum ${JSON.stringify(theirValues)}`,
          );
      }
    }

    const theirRequired = requiredOf(theirFamily);
    for (const name of requiredOf(mineFamily)) {
      if (!theirRequired.has(name)) issue(`${pointer}/required`, `"${name}" is required here but not officially`);
    }

    const theirProperties = propertiesOf(theirFamily);
    for (const [name, property] of propertiesOf(mineFamily)) {
      const at = `${pointer}/properties/${pointerSegment(name)}`;
      const official = theirProperties.get(name);
      if (!official) {
        const resolved = derefOurs(property.schema, property.file);
        if (resolved && deviates(resolved.node, at)) continue;
        issue(at, `property "${name}" is not in the official schema`);
        continue;
      }
      const theirsResolved = derefOfficial(official.schema, official.file);
      if (theirsResolved) compareSchema(property.schema, property.file, theirsResolved, at);
    }

    const mineItems = mineFamily.find((member) => member.node.items !== undefined);
    const theirItems = theirFamily.find((member) => member.node.items !== undefined);
    if (mineItems && theirItems) {
      const resolved = derefOfficial(theirItems.node.items, theirItems.file);
      if (resolved) compareSchema(mineItems.node.items, mineItems.file, resolved, `${pointer}/items`);
    }
    const mineExtra = mineFamily.find((member) => isObject(member.node.additionalProperties));
    const theirExtra = theirFamily.find((member) => isObject(member.node.additionalProperties));
    if (mineExtra && theirExtra) {
      const resolved = derefOfficial(theirExtra.node.additionalProperties, theirExtra.file);
      if (resolved)
        compareSchema(mineExtra.node.additionalProperties, mineExtra.file, resolved, `${pointer}/additionalProperties`);
    }
  };

  // --- operations ----------------------------------------------------------------------------

  const compareContent = (mine: At, theirs: At, pointer: string) => {
    const mineContent = isObject(mine.node.content) ? mine.node.content : {};
    const theirContent = isObject(theirs.node.content) ? theirs.node.content : {};
    for (const [type, media] of Object.entries(mineContent)) {
      const at = `${pointer}/content/${pointerSegment(type)}`;
      if (isObject(media) && deviates(media, at)) continue;
      const official = theirContent[type];
      if (!isObject(official)) {
        issue(at, `media type ${type} is not in the official document`);
        continue;
      }
      if (!isObject(media) || media.schema === undefined) continue;
      const theirSchema = official.schema === undefined ? undefined : derefOfficial(official.schema, theirs.file);
      if (!theirSchema) continue;
      compareSchema(media.schema, mine.file, theirSchema, `${at}/schema`);
    }
  };

  const parametersOf = (item: At, operation: At, deref: typeof derefOurs): At[] =>
    [item, operation].flatMap((holder) =>
      Array.isArray(holder.node.parameters)
        ? holder.node.parameters.flatMap((parameter) => deref(parameter, holder.file) ?? [])
        : [],
    );
  const parameterKey = (parameter: Json) => {
    const name = String(parameter.name);
    return `${String(parameter.in)}:${parameter.in === "header" ? name.toLowerCase() : name}`;
  };

  const compareOperation = (mineItem: At, mine: At, theirItem: At, theirs: At, pointer: string) => {
    const officialParameters = new Map(
      parametersOf(theirItem, theirs, derefOfficial).map((parameter) => [parameterKey(parameter.node), parameter]),
    );
    for (const parameter of parametersOf(mineItem, mine, derefOurs)) {
      const at = `${pointer}/parameters/${pointerSegment(String(parameter.node.name))}`;
      if (deviates(parameter.node, at)) continue;
      const official = officialParameters.get(parameterKey(parameter.node));
      if (!official) {
        issue(
          at,
          `parameter ${String(parameter.node.name)} (in ${String(parameter.node.in)}) is not in the official operation`,
        );
        continue;
      }
      if ((parameter.node.required === true) !== (official.node.required === true)) {
        issue(at, `required is ${parameter.node.required === true} but officially ${official.node.required === true}`);
      }
      const theirSchema =
        official.node.schema === undefined ? undefined : derefOfficial(official.node.schema, official.file);
      if (parameter.node.schema !== undefined && theirSchema)
        compareSchema(parameter.node.schema, parameter.file, theirSchema, `${at}/schema`);
    }

    if (mine.node.requestBody !== undefined) {
      const body = derefOurs(mine.node.requestBody, mine.file);
      const at = `${pointer}/requestBody`;
      const officialBody =
        theirs.node.requestBody === undefined ? undefined : derefOfficial(theirs.node.requestBody, theirs.file);
      if (body && !deviates(body.node, at)) {
        if (!officialBody) issue(at, "the official operation takes no request body");
        else compareContent(body, officialBody, at);
      }
    }

    const theirResponses = isObject(theirs.node.responses) ? theirs.node.responses : {};
    for (const [status, raw] of Object.entries(isObject(mine.node.responses) ? mine.node.responses : {})) {
      const at = `${pointer}/responses/${status}`;
      const response = derefOurs(raw, mine.file);
      if (!response || deviates(response.node, at)) continue;
      // An official `4XX` range or `default` response covers a status it does not list.
      const officialRaw = theirResponses[status] ?? theirResponses[`${status[0]}XX`] ?? theirResponses.default;
      if (officialRaw === undefined) {
        issue(
          at,
          `response ${status} is not in the official operation (official: ${Object.keys(theirResponses).join(", ")})`,
        );
        continue;
      }
      const official = derefOfficial(officialRaw, theirs.file);
      if (official) compareContent(response, official, at);
    }
  };

  const compareItems = (section: "paths" | "webhooks") => {
    const mineItems = isObject(oursRoot[section]) ? oursRoot[section] : {};
    const theirItems = isObject(officialRoot[section]) ? officialRoot[section] : {};
    const mineBase = section === "paths" ? serverBasePath(oursRoot) : "";
    const theirBase = section === "paths" ? serverBasePath(officialRoot) : "";
    const theirByShape = new Map(
      Object.keys(theirItems).map((key) => [section === "paths" ? pathShape(theirBase + key) : key, key]),
    );
    for (const [key, rawItem] of Object.entries(mineItems)) {
      const item = derefOurs(rawItem, ours.file);
      if (!item) continue;
      const itemPointer = `/${section}/${pointerSegment(key)}`;
      if (deviates(item.node, itemPointer)) continue;
      const theirKey = theirByShape.get(section === "paths" ? pathShape(mineBase + key) : key);
      const theirItem = theirKey === undefined ? undefined : derefOfficial(theirItems[theirKey], official.file);
      for (const method of METHODS) {
        if (item.node[method] === undefined) continue;
        const at = `${itemPointer}/${method}`;
        const operation = derefOurs(item.node[method], item.file);
        if (!operation || deviates(operation.node, at)) continue;
        const theirOperation = theirItem && derefOfficial(theirItem.node[method], theirItem.file);
        if (!theirItem || !theirOperation || theirItem.node[method] === undefined) {
          const what = section === "paths" ? `${method.toUpperCase()} ${mineBase}${key}` : `webhook ${key} (${method})`;
          issue(at, `${what} is not in the official document`);
          continue;
        }
        compareOperation(item, operation, theirItem, theirOperation, at);
      }
    }
  };

  compareItems("paths");
  compareItems("webhooks");
  return issues;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

function describe(types: Set<string>): string {
  return types.size === 1 ? JSON.stringify([...types][0]) : JSON.stringify([...types].sort());
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
