// Reads what the index page shows about a provider from its spec (specs/<name>.yaml), the single
// source of truth: operations, auth, servers, and the x-verifetch-* extensions that carry the facts
// plain OpenAPI has no field for (how the environment is decided, the session flow, the webhook
// signature, what the provider leaves undocumented). A missing or malformed fact fails the build
// with the spec's name rather than rendering a page with a silent gap.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { retriedAfterArrival } from "./docs-retry-policy.ts";

/** One operation of a spec. */
export interface OperationFacts {
  operationId: string;
  /** Upper case, e.g. `POST`. */
  method: string;
  path: string;
  summary: string;
  /** The first tag (the reference page files the operation under it). */
  tag: string;
  /** Names of the security schemes one request needs (the first requirement the spec lists). */
  auth: string[];
  /** The idempotency-key header the operation declares, if any. */
  idempotencyHeader: string | undefined;
  /** Whether the client repeats it after a failure that may have reached the provider (5xx, timeout). */
  retriedAfterArrival: boolean;
}

/** A security scheme, described for people. */
export interface SecuritySchemeFacts {
  name: string;
  /** E.g. "API key in the `X-API-Key` header" or "HTTP Basic". */
  kind: string;
  description: string;
}

/** A server of the spec. */
export interface ServerFacts {
  url: string;
  description: string;
}

/** How the provider tells sandbox from live (`x-verifetch-environments`). */
export interface EnvironmentFacts {
  decidedBy: "api-key" | "host" | "integration" | "unknown";
  description: string;
}

/** How strongly a webhook signature scheme is attested (`x-verifetch-webhook-signature.evidence`). */
export type Evidence = "documented" | "third-party" | "inferred" | "not-documented";

/** The webhook signature scheme (`x-verifetch-webhook-signature`); only `evidence` and `source` when not documented. */
export interface WebhookSignatureFacts {
  evidence: Evidence;
  header: string | undefined;
  algorithm: string | undefined;
  signedContent: string | undefined;
  encoding: string | undefined;
  secret: string | undefined;
  replayWindow: string | undefined;
  source: string;
}

/** The hosted-session flow (`x-verifetch-session`). */
export interface SessionFacts {
  create: OperationFacts;
  /** Operations that read a session's outcome back (polling); empty when none is documented. */
  outcome: OperationFacts[];
  description: string;
}

/** Everything the index page shows about one provider. */
export interface ProviderFacts {
  /** The spec's file name without `.yaml`, also the package folder's name. */
  name: string;
  packageName: string;
  title: string;
  version: string;
  summary: string;
  /** The provider's own docs, from `info.contact.url`. */
  docsUrl: string | undefined;
  /** The spec, relative to the repository root. */
  specPath: string;
  operations: OperationFacts[];
  /** Each alternative security requirement, as the names of the schemes it combines. */
  security: string[][];
  schemes: SecuritySchemeFacts[];
  servers: ServerFacts[];
  environments: EnvironmentFacts;
  session: SessionFacts;
  webhook: WebhookSignatureFacts;
  /** `info.x-verifetch-unknowns`: what the provider's docs leave open. */
  unknowns: string[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const DECIDED_BY = ["api-key", "host", "integration", "unknown"] as const;
const EVIDENCE = ["documented", "third-party", "inferred", "not-documented"] as const;

type Json = Record<string, unknown>;

/** The names of every API spec in `<rootDir>/specs` (the lint config and shared component folders are not APIs). */
export function findSpecNames(rootDir: string): string[] {
  return readdirSync(join(rootDir, "specs"), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml") && entry.name !== "redocly.yaml")
    .map((entry) => entry.name.slice(0, -".yaml".length))
    .sort();
}

/** Reads `specs/<name>.yaml` (and the package's name from `packages/<name>/package.json`). */
export function readProviderFacts(rootDir: string, name: string): ProviderFacts {
  const specFile = join(rootDir, "specs", `${name}.yaml`);
  const where = relative(rootDir, specFile).split("\\").join("/");
  const document = asObject(parse(readFileSync(specFile, "utf8")), where);
  const fail = (message: string): never => {
    throw new Error(`${where}: ${message}`);
  };
  const deref = (value: unknown, at: string): Json => asObject(resolveRef(document, specFile, value), `${where} ${at}`);

  const info = asObject(document.info, `${where} info`);
  const components = isObject(document.components) ? document.components : {};
  const schemeObjects = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const globalSecurity = securityRequirements(document.security);

  const operations: OperationFacts[] = [];
  for (const [path, rawItem] of Object.entries(asObject(document.paths, `${where} paths`))) {
    const item = deref(rawItem, `paths.${path}`);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      const operation = deref(item[method], `${method} ${path}`);
      const operationId = text(operation.operationId) ?? fail(`${method.toUpperCase()} ${path} has no operationId`);
      const parameters = [...shared, ...(Array.isArray(operation.parameters) ? operation.parameters : [])].map(
        (parameter, index) => deref(parameter, `${operationId} parameter ${index}`),
      );
      const idempotencyHeader = parameters
        .filter((parameter) => parameter.in === "header" && /^idempotency-key$/i.test(text(parameter.name) ?? ""))
        .map((parameter) => String(parameter.name))[0];
      const security = operation.security === undefined ? globalSecurity : securityRequirements(operation.security);
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        summary: text(operation.summary) ?? fail(`${operationId} has no summary`),
        tag: (Array.isArray(operation.tags) ? text(operation.tags[0]) : undefined) ?? "default",
        auth: security[0] ?? [],
        idempotencyHeader,
        retriedAfterArrival: retriedAfterArrival(method, idempotencyHeader),
      });
    }
  }
  const byId = (operationId: unknown, at: string): OperationFacts =>
    operations.find((operation) => operation.operationId === operationId) ??
    fail(`${at} names ${JSON.stringify(operationId)}, which is no operationId of this spec`);

  const environments = asObject(document["x-verifetch-environments"], `${where} x-verifetch-environments`);
  const session = asObject(document["x-verifetch-session"], `${where} x-verifetch-session`);
  const webhook = asObject(document["x-verifetch-webhook-signature"], `${where} x-verifetch-webhook-signature`);
  const evidence = oneOf(webhook.evidence, EVIDENCE, `${where} x-verifetch-webhook-signature.evidence`);
  const unknowns = info["x-verifetch-unknowns"] ?? [];
  if (!Array.isArray(unknowns)) fail("info.x-verifetch-unknowns is not a list");
  (unknowns as unknown[]).forEach((entry, index) => {
    // A plain YAML scalar containing ": " silently becomes a mapping; quote such entries.
    if (typeof entry !== "string") fail(`info.x-verifetch-unknowns[${index}] is not a string (quote it)`);
  });

  return {
    name,
    packageName: readPackageName(rootDir, name),
    title: text(info.title) ?? fail("info.title is missing"),
    version: text(info.version) ?? fail("info.version is missing"),
    summary: text(info.summary) ?? text(info.description) ?? "",
    docsUrl: isObject(info.contact) ? text(info.contact.url) : undefined,
    specPath: where,
    operations,
    security: globalSecurity,
    schemes: Object.entries(schemeObjects).map(([schemeName, raw]) =>
      describeScheme(schemeName, deref(raw, `securitySchemes.${schemeName}`)),
    ),
    servers: (Array.isArray(document.servers) ? document.servers : []).map((raw, index) => {
      const server = deref(raw, `servers[${index}]`);
      return {
        url: text(server.url) ?? fail(`servers[${index}] has no url`),
        description: text(server.description) ?? "",
      };
    }),
    environments: {
      decidedBy: oneOf(environments.decidedBy, DECIDED_BY, `${where} x-verifetch-environments.decidedBy`),
      description: text(environments.description) ?? fail("x-verifetch-environments.description is missing"),
    },
    session: {
      create: byId(session.create, "x-verifetch-session.create"),
      outcome: (Array.isArray(session.outcome)
        ? session.outcome
        : fail("x-verifetch-session.outcome is not a list")
      ).map((operationId: unknown) => byId(operationId, "x-verifetch-session.outcome")),
      description: text(session.outcomeDescription) ?? fail("x-verifetch-session.outcomeDescription is missing"),
    },
    webhook: {
      evidence,
      header: text(webhook.header),
      algorithm: text(webhook.algorithm),
      signedContent: text(webhook.signedContent),
      encoding: text(webhook.encoding),
      secret: text(webhook.secret),
      replayWindow: text(webhook.replayWindow),
      source: text(webhook.source) ?? fail("x-verifetch-webhook-signature.source is missing"),
    },
    unknowns: unknowns as string[],
  };
}

function describeScheme(name: string, scheme: Json): SecuritySchemeFacts {
  const description = text(scheme.description) ?? "";
  if (scheme.type === "apiKey") {
    return { name, kind: `API key in the \`${String(scheme.name)}\` ${String(scheme.in)}`, description };
  }
  if (scheme.type === "http") {
    const httpScheme = String(scheme.scheme).toLowerCase();
    const kind =
      httpScheme === "basic" ? "HTTP Basic" : httpScheme === "bearer" ? "Bearer token" : `HTTP ${httpScheme}`;
    return { name, kind, description };
  }
  return { name, kind: String(scheme.type), description };
}

function securityRequirements(value: unknown): string[][] {
  return Array.isArray(value) ? value.filter(isObject).map((requirement) => Object.keys(requirement)) : [];
}

function readPackageName(rootDir: string, name: string): string {
  const file = join(rootDir, "packages", name, "package.json");
  const manifest = asObject(JSON.parse(readFileSync(file, "utf8")), file);
  const packageName = text(manifest.name);
  if (!packageName) throw new Error(`${file} has no name`);
  return packageName;
}

/**
 * Follows `$ref`s: local (`#/components/...`) and relative-file ones (`./components/x.yaml#/...`),
 * which is all the specs use. Anything else is returned as it is.
 */
function resolveRef(document: Json, file: string, value: unknown, depth = 0): unknown {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  if (depth > 10) throw new Error(`${file}: $ref chain too deep at ${value.$ref}`);
  const [target = "", pointer = ""] = value.$ref.split("#", 2);
  const targetFile = target === "" ? file : resolve(dirname(file), target);
  const targetDocument = target === "" ? document : asObject(parse(readFileSync(targetFile, "utf8")), targetFile);
  let node: unknown = targetDocument;
  for (const segment of pointer.split("/").slice(1)) {
    const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[key] : undefined;
  }
  if (node === undefined) throw new Error(`${file}: $ref ${value.$ref} points at nothing`);
  return resolveRef(targetDocument, targetFile, node, depth + 1);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${where} is ${JSON.stringify(value)}; expected one of ${allowed.join(", ")}`);
}

function asObject(value: unknown, where: string): Json {
  if (!isObject(value)) throw new Error(`${where} is missing or not an object`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
