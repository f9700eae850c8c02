// The one reader of what a provider is, from its spec (specs/<name>.yaml), the single source of
// truth: its operations, auth, servers, and the x-verifetch-* extensions that carry the facts plain
// OpenAPI has no field for — credentials, environments, headers always sent, idempotency, session,
// pagination and the webhook scheme. Codegen builds the client from these facts and the docs site
// shows them; a missing, unknown or malformed fact fails both, naming the spec and the field.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { isMap, isScalar, parse, parseDocument } from "yaml";
import {
  OUTCOMES,
  type Outcome,
  type OutcomeRead,
  type OutcomeWebhookFacts,
  type ReasonPointers,
  valueAt,
} from "../../../packages/core/src/session-outcome.ts";

/** Methods repeated even after an attempt may have reached the provider (RFC 9110 idempotent methods). */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** One operation of a spec. */
export interface OperationFacts {
  operationId: string;
  /** Upper case, e.g. `POST`. */
  method: string;
  path: string;
  summary: string;
  description: string | undefined;
  /** The first tag (the reference page files the operation under it). */
  tag: string;
  /** Names of the security schemes one request needs (the first requirement the spec lists). */
  auth: string[];
  /** The idempotency-key header the operation declares, if any. */
  idempotencyHeader: string | undefined;
  /** Whether the client repeats it after a failure that may have reached the provider (5xx, timeout). */
  retriedAfterArrival: boolean;
  /** Path parameters in the order the path names them. */
  pathParameters: string[];
  /** Query parameters, and whether any is required. */
  queryParameters: string[];
  queryRequired: boolean;
  /**
   * Whether it takes a body, whether the body (or a field of it) is required, and its media type:
   * JSON, or `application/x-www-form-urlencoded` (Stripe), which the client sends form-encoded.
   */
  body: { required: boolean; schema: string | undefined; mediaType: BodyMediaType } | undefined;
  /** The component schema of the success response, when it is a `$ref` to one. */
  responseSchema: string | undefined;
  /** `x-verifetch-pagination`: how to follow its pages. */
  pagination: PaginationFacts | undefined;
  /** `x-verifetch-session-ttl-seconds`: how long the session a create returns stays usable. */
  ttlSeconds: number | undefined;
  /**
   * `x-verifetch-standalone`: generated as a function of its own (`complyCubeListChecks(client, …)`)
   * instead of a method, so only code that imports it carries it (and its query handling).
   */
  standalone: boolean;
  /** The JSON request body's first example (`example`, or the first of `examples`), `$ref`s followed. */
  requestExample: unknown;
  /** The success response's first example, likewise. */
  responseExample: unknown;
  /** Each path parameter's example (its `example`, first `examples` entry or schema `example`), when it has one. */
  pathExamples: Record<string, string>;
}

/** The request body media types a generated client can send. */
export type BodyMediaType = "application/json" | "application/x-www-form-urlencoded";
const BODY_MEDIA_TYPES: readonly BodyMediaType[] = ["application/json", "application/x-www-form-urlencoded"];

/** How a list operation pages (`x-verifetch-pagination`). */
export interface PaginationFacts {
  /** The method that iterates every item, e.g. `iterateVerifications`. */
  iterator: string;
  /** The query parameter that takes the cursor, read from the page's `next` URL. */
  cursor: string;
  /** The page field holding the items. */
  items: string;
  /** The page field holding the next page's URL. */
  next: string;
}

/** A credential a security scheme needs (`x-verifetch-credentials`). */
export interface CredentialFacts {
  /** The client option, e.g. `apiKey`. */
  option: string;
  /** The environment variable read when the option is not given. */
  envVar: string;
  description: string;
  /** Text sent before the credential in its header (`Token token=` for Onfido); none when absent. */
  prefix?: string | undefined;
}

/** A security scheme. */
export interface SecuritySchemeFacts {
  name: string;
  /** E.g. "API key in the `X-API-Key` header" or "HTTP Basic". */
  kind: string;
  description: string;
  /**
   * `header`: the credential in a header; `bearer`: `Authorization: Bearer <credential>`; `basic`:
   * HTTP Basic; `signature`: an HMAC of the request.
   */
  type: "header" | "bearer" | "basic" | "signature";
  /** The header it sets (`Authorization` for Bearer and Basic). */
  header: string;
  credentials: CredentialFacts[];
  /** `x-verifetch-signature`: what the HMAC covers, for a signature scheme. */
  signature: { algorithm: "SHA-256" | "SHA-512"; pathParameter: string } | undefined;
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
  /** For `api-key`: the credential whose prefix decides, and each environment's prefixes. */
  credential: string | undefined;
  keyPrefixes: { sandbox: string[]; live: string[] } | undefined;
  /** Key prefixes refused, each with why (e.g. a publishable key). */
  refusedKeyPrefixes: Record<string, string>;
  /** For `host`: each environment's host; `sandbox` is the default. */
  hosts: { sandbox: string; live: string } | undefined;
}

/** A header every request carries (`x-verifetch-headers`): fixed, or from an option with a default. */
export interface HeaderFacts {
  name: string;
  description: string;
  value: string | undefined;
  option: string | undefined;
  default: string | undefined;
  /** The exported constant of the default, e.g. `API_VERSION` (→ `VERIFA_API_VERSION`). */
  constant: string | undefined;
}

/** How strongly a webhook signature scheme is attested (`x-verifetch-webhook-signature.evidence`). */
export type Evidence = "documented" | "third-party" | "inferred" | "not-documented";

/** The webhook signature scheme (`x-verifetch-webhook-signature`). */
export interface WebhookSignatureFacts {
  evidence: Evidence;
  scheme: "body-hmac" | "timestamped-hmac" | "none";
  /** The signature header(s); a body-hmac scheme may name alternatives. */
  headers: string[];
  algorithm: "SHA-256" | "SHA-512" | undefined;
  /** For timestamped-hmac: how far a timestamp may be from now. */
  toleranceSeconds: number | undefined;
  /** Where the secret comes from (absent for `none`). */
  secret: CredentialFacts | undefined;
  headerFormat: string | undefined;
  signedContent: string | undefined;
  encoding: string | undefined;
  secretDescription: string | undefined;
  replayWindow: string | undefined;
  source: string;
}

/** The hosted-session flow (`x-verifetch-session`). */
export interface SessionFacts {
  create: OperationFacts;
  /** Operations that read a session's outcome back (polling); empty when none is documented. */
  outcome: OperationFacts[];
  description: string;
  /** Fields (dotted; `a|b` for either) a created session's response must carry: its URL and id. */
  required: string[];
  /** How long a created session's URL works, when documented (or inferred, with a marker). */
  ttlSeconds: number | undefined;
}

/** How the provider's statuses map to outcomes (`x-verifetch-outcomes`). */
export interface OutcomeFacts {
  /** The vendor page(s) that document the statuses. */
  source: string;
  /** Where the status is read, e.g. the webhook's `data.status`. */
  field: string;
  /** The pointers of the enums every value of which is mapped (the exhaustive check). */
  enums: string[];
  /** Each status and its outcome, in the spec's order. */
  statuses: Record<string, Outcome>;
  /** Why a status means its outcome, from the YAML comment above or beside it, when there is one. */
  notes: Record<string, string>;
  /** What is inferred rather than documented, when anything is. */
  inferred: string | undefined;
  /** `read`: how a session's outcome is read back; absent when the provider documents no way. */
  read: OutcomeRead | undefined;
  /** `webhook`: where a payload carries its event id, time and reasons. */
  webhook: OutcomeWebhookFacts | undefined;
  /** `webhook.status` and `webhook.example`: where a delivery carries its status, and a sample delivery. */
  webhookExample: { status: string; body: unknown } | undefined;
}

/** A component schema, for the generated type aliases. */
export interface SchemaFacts {
  name: string;
  description: string | undefined;
  /** `x-verifetch-exclusive`: properties the client takes exactly one of. */
  exclusive: string[] | undefined;
}

/** Everything known about one provider. */
export interface ProviderFacts {
  /** The spec's file name without `.yaml`, also the package folder's name. */
  name: string;
  /** PascalCase name of the client class and factory (`x-verifetch-provider.identifier`). */
  identifier: string;
  /** Display name in messages (`x-verifetch-provider.title`). */
  displayName: string;
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
  headers: HeaderFacts[];
  idempotency: { header: string; maxLength: number } | undefined;
  session: SessionFacts;
  webhook: WebhookSignatureFacts;
  /** `x-verifetch-outcomes`: each documented status and the outcome it means. */
  outcomes: OutcomeFacts;
  /** The component schema of error bodies (the one most 4xx responses name). */
  errorSchema: string | undefined;
  schemas: SchemaFacts[];
  /** `info.x-verifetch-unknowns`: what the provider's docs leave open. */
  unknowns: string[];
  /**
   * `x-verifetch-shared-code`: TypeScript modules shared by specs built on the same component
   * (absolute paths), copied into the package's generated folder.
   */
  sharedCode: string[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const DECIDED_BY = ["api-key", "host", "integration", "unknown"] as const;
const EVIDENCE = ["documented", "third-party", "inferred", "not-documented"] as const;
const SCHEMES = ["body-hmac", "timestamped-hmac", "none"] as const;
const ALGORITHMS = ["SHA-256", "SHA-512"] as const;

/** The keys each extension may have: a key not listed is an error (a typo must not be ignored). */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  "x-verifetch-provider": ["title", "identifier"],
  "x-verifetch-environments": [
    "decidedBy",
    "description",
    "credential",
    "keyPrefixes",
    "refusedKeyPrefixes",
    "hosts",
    "x-verifetch-inferred",
    "x-verifetch-source",
  ],
  "x-verifetch-session": ["create", "outcome", "outcomeDescription", "required"],
  "x-verifetch-webhook-signature": [
    "evidence",
    "scheme",
    "headers",
    "headerFormat",
    "algorithm",
    "toleranceSeconds",
    "secret",
    "signedContent",
    "encoding",
    "secretDescription",
    "replayWindow",
    "source",
  ],
  "x-verifetch-idempotency": ["header", "maxLength", "x-verifetch-source"],
  "x-verifetch-outcomes": ["source", "field", "enums", "statuses", "read", "webhook", "x-verifetch-inferred"],
  "x-verifetch-outcomes.read": [
    "operation",
    "query",
    "items",
    "status",
    "missing",
    "reasons",
    "x-verifetch-source",
    "x-verifetch-inferred",
  ],
  "x-verifetch-outcomes.webhook": [
    "status",
    "example",
    "deliveryKey",
    "occurredAt",
    "reasons",
    "x-verifetch-source",
    "x-verifetch-inferred",
  ],
  reason: ["code", "text"],
  "x-verifetch-pagination": ["iterator", "cursor", "items", "next"],
  "x-verifetch-signature": ["algorithm", "pathParameter", "x-verifetch-source"],
  credential: ["option", "env", "description", "prefix"],
  header: ["name", "description", "value", "option", "default", "constant"],
};

type Json = Record<string, unknown>;

/** The names of every API spec in `<rootDir>/specs` (the lint config and shared component folders are not APIs). */
export function findSpecNames(rootDir: string): string[] {
  return readdirSync(join(rootDir, "specs"), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml") && entry.name !== "redocly.yaml")
    .map((entry) => entry.name.slice(0, -".yaml".length))
    .sort();
}

/**
 * Reads and checks `specs/<name>.yaml`. `packageName` defaults to the one in
 * `packages/<name>/package.json` (or `@verifetch/<name>` when the package does not exist yet).
 */
export function readProviderFacts(rootDir: string, name: string, packageName?: string): ProviderFacts {
  const specFile = join(rootDir, "specs", `${name}.yaml`);
  const where = relative(rootDir, specFile).split("\\").join("/");
  const document = asObject(parse(readFileSync(specFile, "utf8")), where);
  const fail = (message: string): never => {
    throw new Error(`${where}: ${message}`);
  };
  const deref = (value: unknown, at: string): Json => asObject(resolveRef(document, specFile, value), `${where} ${at}`);
  const extension = (value: unknown, kind: string, at: string): Json => {
    const object = asObject(value, `${where} ${at}`);
    const unknown = Object.keys(object).filter((key) => !KNOWN_KEYS[kind]?.includes(key));
    if (unknown.length > 0)
      fail(`${at} has unknown key(s) ${unknown.join(", ")} (known: ${KNOWN_KEYS[kind]?.join(", ")})`);
    return object;
  };
  const credential = (value: unknown, at: string): CredentialFacts => {
    const object = extension(value, "credential", at);
    return {
      option: identifier(object.option, `${at}.option`, fail),
      envVar: (text(object.env)?.match(/^[A-Z][A-Z0-9_]*$/)?.[0] ??
        fail(`${at}.env must be an UPPER_CASE variable`)) as string,
      description: text(object.description) ?? fail(`${at}.description is missing`),
      ...(object.prefix !== undefined && {
        prefix: typeof object.prefix === "string" ? object.prefix : fail(`${at}.prefix must be a string`),
      }),
    };
  };

  const info = asObject(document.info, `${where} info`);
  const components = isObject(document.components) ? document.components : {};
  const schemeObjects = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const globalSecurity = securityRequirements(document.security);

  const operations: OperationFacts[] = [];
  const errorRefs = new Map<string, number>();
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
      const query = parameters.filter((parameter) => parameter.in === "query");
      const requestBody =
        operation.requestBody === undefined ? undefined : deref(operation.requestBody, `${operationId} requestBody`);
      const bodyContent = requestBody && isObject(requestBody.content) ? requestBody.content : {};
      const bodyMediaType = BODY_MEDIA_TYPES.find((type) => bodyContent[type] !== undefined);
      if (requestBody && !bodyMediaType)
        fail(`${operationId}: the request body must be one of ${BODY_MEDIA_TYPES.join(", ")}`);
      const bodySchemaRaw = bodyMediaType ? jsonSchemaOf(bodyContent, bodyMediaType) : undefined;
      const bodySchemaName = refName(bodySchemaRaw);
      const bodySchema = bodySchemaRaw === undefined ? undefined : deref(bodySchemaRaw, `${operationId} body schema`);
      const responses = isObject(operation.responses) ? operation.responses : {};
      const success = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
      const successResponse = success ? deref(responses[success], `${operationId} ${success}`) : undefined;
      for (const [status, raw] of Object.entries(responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        const response = deref(raw, `${operationId} ${status}`);
        const ref = isObject(response.content) ? refName(jsonSchemaOf(response.content)) : undefined;
        if (ref) errorRefs.set(ref, (errorRefs.get(ref) ?? 0) + 1);
      }
      const pagination =
        operation["x-verifetch-pagination"] === undefined
          ? undefined
          : extension(
              operation["x-verifetch-pagination"],
              "x-verifetch-pagination",
              `${operationId} x-verifetch-pagination`,
            );
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        summary: text(operation.summary) ?? fail(`${operationId} has no summary`),
        description: text(operation.description),
        tag: (Array.isArray(operation.tags) ? text(operation.tags[0]) : undefined) ?? "default",
        auth: security[0] ?? [],
        idempotencyHeader,
        retriedAfterArrival: idempotencyHeader !== undefined || IDEMPOTENT_METHODS.has(method.toUpperCase()),
        pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string),
        queryParameters: query.map((parameter) => String(parameter.name)),
        queryRequired: query.some((parameter) => parameter.required === true),
        body:
          requestBody === undefined
            ? undefined
            : {
                // Optional (`= {}`) only for a plain object body none of whose fields is required.
                required:
                  requestBody.required === true &&
                  !(
                    bodySchema?.type === "object" &&
                    !bodySchema.oneOf &&
                    !bodySchema.anyOf &&
                    !(Array.isArray(bodySchema.required) && bodySchema.required.length > 0)
                  ),
                schema: bodySchemaName,
                mediaType: bodyMediaType as BodyMediaType,
              },
        responseSchema:
          successResponse && isObject(successResponse.content)
            ? refName(jsonSchemaOf(successResponse.content))
            : undefined,
        ttlSeconds:
          typeof operation["x-verifetch-session-ttl-seconds"] === "number"
            ? operation["x-verifetch-session-ttl-seconds"]
            : undefined,
        standalone: operation["x-verifetch-standalone"] === true,
        requestExample: bodyMediaType ? firstExample(bodyContent[bodyMediaType], deref) : undefined,
        responseExample:
          successResponse && isObject(successResponse.content)
            ? firstExample(successResponse.content["application/json"], deref)
            : undefined,
        pathExamples: Object.fromEntries(
          parameters.flatMap((parameter) => {
            if (parameter.in !== "path") return [];
            const example =
              firstExample(parameter, deref) ?? (isObject(parameter.schema) ? parameter.schema.example : undefined);
            return example === undefined ? [] : [[String(parameter.name), String(example)]];
          }),
        ),
        pagination: pagination && {
          iterator: identifier(pagination.iterator, `${operationId} x-verifetch-pagination.iterator`, fail),
          cursor: text(pagination.cursor) ?? fail(`${operationId} x-verifetch-pagination.cursor is missing`),
          items: text(pagination.items) ?? fail(`${operationId} x-verifetch-pagination.items is missing`),
          next: text(pagination.next) ?? fail(`${operationId} x-verifetch-pagination.next is missing`),
        },
      });
    }
  }
  const byId = (operationId: unknown, at: string): OperationFacts =>
    operations.find((operation) => operation.operationId === operationId) ??
    fail(`${at} names ${JSON.stringify(operationId)}, which is no operationId of this spec`);

  const schemes = Object.entries(schemeObjects).map(([schemeName, raw]): SecuritySchemeFacts => {
    const scheme = deref(raw, `securitySchemes.${schemeName}`);
    const at = `securitySchemes.${schemeName}`;
    const credentials = scheme["x-verifetch-credentials"];
    if (!Array.isArray(credentials) || credentials.length === 0) fail(`${at}.x-verifetch-credentials is missing`);
    const list = (credentials as unknown[]).map((value, index) =>
      credential(value, `${at}.x-verifetch-credentials[${index}]`),
    );
    const signatureRaw = scheme["x-verifetch-signature"];
    const signature =
      signatureRaw === undefined
        ? undefined
        : extension(signatureRaw, "x-verifetch-signature", `${at}.x-verifetch-signature`);
    const basic = scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic";
    const bearer = scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer";
    if (basic && list.length !== 2) fail(`${at}: HTTP Basic takes two credentials (username, password)`);
    if (!basic && list.length !== 1) fail(`${at}: a header scheme takes one credential`);
    if (!basic && !bearer && (scheme.type !== "apiKey" || scheme.in !== "header"))
      fail(`${at}: only header API keys, HTTP Bearer and HTTP Basic are supported`);
    if (bearer && signature) fail(`${at}: a Bearer scheme cannot carry x-verifetch-signature`);
    return {
      ...describeScheme(schemeName, scheme),
      type: basic ? "basic" : bearer ? "bearer" : signature ? "signature" : "header",
      header: basic || bearer ? "Authorization" : String(scheme.name),
      credentials: list,
      signature: signature && {
        algorithm: oneOf(signature.algorithm, ALGORITHMS, `${where} ${at}.x-verifetch-signature.algorithm`),
        pathParameter: text(signature.pathParameter) ?? fail(`${at}.x-verifetch-signature.pathParameter is missing`),
      },
    };
  });
  const allCredentials = schemes.flatMap((scheme) => scheme.credentials);

  const provider = extension(document["x-verifetch-provider"], "x-verifetch-provider", "x-verifetch-provider");
  const environments = extension(
    document["x-verifetch-environments"],
    "x-verifetch-environments",
    "x-verifetch-environments",
  );
  const decidedBy = oneOf(environments.decidedBy, DECIDED_BY, `${where} x-verifetch-environments.decidedBy`);
  const prefixes =
    environments.keyPrefixes === undefined ? undefined : asObject(environments.keyPrefixes, `${where} keyPrefixes`);
  const hosts = environments.hosts === undefined ? undefined : asObject(environments.hosts, `${where} hosts`);
  if (decidedBy === "api-key" && (!prefixes || !environments.credential)) {
    fail("x-verifetch-environments: decidedBy api-key needs credential and keyPrefixes");
  }
  if (decidedBy === "host" && !hosts) fail("x-verifetch-environments: decidedBy host needs hosts");
  if (environments.credential !== undefined && !allCredentials.some((c) => c.option === environments.credential)) {
    fail(`x-verifetch-environments.credential ${JSON.stringify(environments.credential)} is no credential option`);
  }

  const session = extension(document["x-verifetch-session"], "x-verifetch-session", "x-verifetch-session");
  const webhook = extension(
    document["x-verifetch-webhook-signature"],
    "x-verifetch-webhook-signature",
    "x-verifetch-webhook-signature",
  );
  const scheme = oneOf(webhook.scheme, SCHEMES, `${where} x-verifetch-webhook-signature.scheme`);
  const outcomesFact = extension(document["x-verifetch-outcomes"], "x-verifetch-outcomes", "x-verifetch-outcomes");
  const outcomes = readOutcomes(outcomesFact, (pointer) => resolveRef(document, specFile, { $ref: pointer }), fail);
  const reasonList = (value: unknown, at: string): ReasonPointers[] | undefined =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : fail(`${at} must be a list of { code, text } pointers`)).map((entry, index) => {
          const reason = extension(entry, "reason", `${at}[${index}]`);
          if (reason.code === undefined && reason.text === undefined)
            fail(`${at}[${index}] needs a code or a text pointer`);
          return {
            ...(reason.code !== undefined && { code: jsonPointer(reason.code, `${at}[${index}].code`, fail) }),
            ...(reason.text !== undefined && { text: jsonPointer(reason.text, `${at}[${index}].text`, fail) }),
          };
        });
  if (outcomesFact.read !== undefined) {
    const at = "x-verifetch-outcomes.read";
    const read = extension(outcomesFact.read, at, at);
    const missing = read.missing === undefined ? undefined : oneOf(read.missing, OUTCOMES, `${where} ${at}.missing`);
    const reasons = reasonList(read.reasons, `${at}.reasons`);
    outcomes.read = {
      operation: text(read.operation) ?? fail(`${at}.operation is missing`),
      // No status pointer: the package reads the outcome its own way (its results adapter is hand-written).
      ...(read.status !== undefined && {
        status: Array.isArray(read.status)
          ? read.status.map((pointer, index) => jsonPointer(pointer, `${at}.status[${index}]`, fail))
          : jsonPointer(read.status, `${at}.status`, fail),
      }),
      ...(read.query !== undefined && { query: text(read.query) ?? fail(`${at}.query must name a query parameter`) }),
      ...(read.items !== undefined && { items: jsonPointer(read.items, `${at}.items`, fail) }),
      ...(missing && { missing }),
      ...(reasons && { reasons }),
    };
  }
  if (outcomesFact.webhook !== undefined) {
    const at = "x-verifetch-outcomes.webhook";
    const webhookFacts = extension(outcomesFact.webhook, at, at);
    const reasons = reasonList(webhookFacts.reasons, `${at}.reasons`);
    const status = jsonPointer(webhookFacts.status, `${at}.status`, fail);
    const example = resolveRef(document, specFile, webhookFacts.example);
    // A `$ref` to an Example Object (`#/components/examples/…`) names its `value`.
    const found =
      isObject(webhookFacts.example) &&
      String(webhookFacts.example.$ref ?? "").includes("/examples/") &&
      isObject(example)
        ? example.value
        : example;
    const sample = valueAt(found, status);
    if (typeof sample !== "string" || !Object.hasOwn(outcomes.statuses, sample))
      fail(
        `${at}.status ${status} finds ${JSON.stringify(sample)} in ${at}.example: expected a status of x-verifetch-outcomes.statuses`,
      );
    outcomes.webhookExample = { status, body: found };
    outcomes.webhook = {
      ...(webhookFacts.deliveryKey !== undefined && {
        deliveryKey: jsonPointer(webhookFacts.deliveryKey, `${at}.deliveryKey`, fail),
      }),
      ...(webhookFacts.occurredAt !== undefined && {
        occurredAt: jsonPointer(webhookFacts.occurredAt, `${at}.occurredAt`, fail),
      }),
      ...(reasons && { reasons }),
    };
  }
  outcomes.notes = statusComments(readFileSync(specFile, "utf8"));
  const unknowns = info["x-verifetch-unknowns"] ?? [];
  if (!Array.isArray(unknowns)) fail("info.x-verifetch-unknowns is not a list");
  (unknowns as unknown[]).forEach((entry, index) => {
    // A plain YAML scalar containing ": " silently becomes a mapping; quote such entries.
    if (typeof entry !== "string") fail(`info.x-verifetch-unknowns[${index}] is not a string (quote it)`);
  });
  const idempotency =
    document["x-verifetch-idempotency"] === undefined
      ? undefined
      : extension(document["x-verifetch-idempotency"], "x-verifetch-idempotency", "x-verifetch-idempotency");
  const headers = (Array.isArray(document["x-verifetch-headers"]) ? document["x-verifetch-headers"] : []).map(
    (raw: unknown, index: number): HeaderFacts => {
      const header = extension(raw, "header", `x-verifetch-headers[${index}]`);
      const value = text(header.value);
      const option = text(header.option);
      if ((value === undefined) === (option === undefined)) fail(`x-verifetch-headers[${index}] needs value or option`);
      return {
        name: text(header.name) ?? fail(`x-verifetch-headers[${index}].name is missing`),
        description: text(header.description) ?? fail(`x-verifetch-headers[${index}].description is missing`),
        value,
        option,
        default: text(header.default),
        constant: text(header.constant),
      };
    },
  );
  // Schemas of this spec and of the component files it refers to (openapi-typescript merges them).
  const schemaObjects: Json = {};
  for (const file of new Set([specFile, ...referencedFiles(document, specFile)])) {
    const source = file === specFile ? document : asObject(parse(readFileSync(file, "utf8")), file);
    const fileSchemas =
      isObject(source.components) && isObject(source.components.schemas) ? source.components.schemas : {};
    Object.assign(schemaObjects, fileSchemas);
  }
  const errorSchema = [...errorRefs.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

  const facts: ProviderFacts = {
    name,
    identifier:
      text(provider.identifier)?.match(/^[A-Z][A-Za-z0-9]*$/)?.[0] ??
      fail("x-verifetch-provider.identifier must be PascalCase (e.g. ComplyCube)"),
    displayName: text(provider.title) ?? fail("x-verifetch-provider.title is missing"),
    packageName: packageName ?? readPackageName(rootDir, name),
    title: text(info.title) ?? fail("info.title is missing"),
    version: text(info.version) ?? fail("info.version is missing"),
    summary: text(info.summary) ?? text(info.description) ?? "",
    docsUrl: isObject(info.contact) ? text(info.contact.url) : undefined,
    specPath: where,
    operations,
    security: globalSecurity,
    schemes,
    servers: (Array.isArray(document.servers) ? document.servers : []).map((raw, index) => {
      const server = deref(raw, `servers[${index}]`);
      return {
        url: text(server.url) ?? fail(`servers[${index}] has no url`),
        description: text(server.description) ?? "",
      };
    }),
    environments: {
      decidedBy,
      description: text(environments.description) ?? fail("x-verifetch-environments.description is missing"),
      credential: text(environments.credential),
      keyPrefixes: prefixes && {
        sandbox: stringList(prefixes.sandbox, "keyPrefixes.sandbox", fail),
        live: stringList(prefixes.live, "keyPrefixes.live", fail),
      },
      refusedKeyPrefixes: Object.fromEntries(
        Object.entries(isObject(environments.refusedKeyPrefixes) ? environments.refusedKeyPrefixes : {}).map(
          ([prefix, why]) => [prefix, text(why) ?? fail(`refusedKeyPrefixes.${prefix} needs a reason`)],
        ),
      ),
      hosts: hosts && {
        sandbox: text(hosts.sandbox) ?? fail("hosts.sandbox is missing"),
        live: text(hosts.live) ?? fail("hosts.live is missing"),
      },
    },
    headers,
    idempotency: idempotency && {
      header: text(idempotency.header) ?? fail("x-verifetch-idempotency.header is missing"),
      maxLength:
        typeof idempotency.maxLength === "number" && idempotency.maxLength > 0
          ? idempotency.maxLength
          : fail("x-verifetch-idempotency.maxLength must be a number > 0"),
    },
    session: {
      create: byId(session.create, "x-verifetch-session.create"),
      outcome: (Array.isArray(session.outcome)
        ? session.outcome
        : fail("x-verifetch-session.outcome is not a list")
      ).map((operationId: unknown) => byId(operationId, "x-verifetch-session.outcome")),
      description: text(session.outcomeDescription) ?? fail("x-verifetch-session.outcomeDescription is missing"),
      required: stringList(session.required ?? [], "x-verifetch-session.required", fail),
      ttlSeconds: byId(session.create, "x-verifetch-session.create").ttlSeconds,
    },
    webhook: {
      evidence: oneOf(webhook.evidence, EVIDENCE, `${where} x-verifetch-webhook-signature.evidence`),
      scheme,
      headers: scheme === "none" ? [] : stringList(webhook.headers, "x-verifetch-webhook-signature.headers", fail),
      algorithm:
        scheme === "none"
          ? undefined
          : oneOf(webhook.algorithm, ALGORITHMS, `${where} x-verifetch-webhook-signature.algorithm`),
      toleranceSeconds:
        scheme !== "timestamped-hmac"
          ? undefined
          : typeof webhook.toleranceSeconds === "number"
            ? webhook.toleranceSeconds
            : fail("x-verifetch-webhook-signature.toleranceSeconds is missing"),
      secret: scheme === "none" ? undefined : credential(webhook.secret, "x-verifetch-webhook-signature.secret"),
      headerFormat: text(webhook.headerFormat),
      signedContent: text(webhook.signedContent),
      encoding: text(webhook.encoding),
      secretDescription: text(webhook.secretDescription),
      replayWindow: text(webhook.replayWindow),
      source: text(webhook.source) ?? fail("x-verifetch-webhook-signature.source is missing"),
    },
    outcomes,
    errorSchema,
    schemas: Object.entries(schemaObjects).map(([schemaName, raw]) => {
      const schema = isObject(raw) ? raw : {};
      const exclusive = isObject(schema["x-verifetch-exclusive"]) ? schema["x-verifetch-exclusive"] : undefined;
      return {
        name: schemaName,
        description: text(schema.description),
        exclusive:
          exclusive && stringList(exclusive.properties, `${schemaName} x-verifetch-exclusive.properties`, fail),
      };
    }),
    unknowns: unknowns as string[],
    sharedCode: stringList(document["x-verifetch-shared-code"] ?? [], "x-verifetch-shared-code", fail).map((file) =>
      resolve(dirname(specFile), file),
    ),
  };
  checkOutcomeRead(facts, fail);
  return facts;
}

/**
 * Reads `x-verifetch-outcomes`: every status maps to an outcome, and every value of every enum it
 * names is mapped — so a status added to the spec without a mapping fails codegen (and its check).
 */
function readOutcomes(
  fact: Json,
  resolvePointer: (pointer: string) => unknown,
  fail: (message: string) => never,
): OutcomeFacts {
  const at = "x-verifetch-outcomes";
  const statuses = asObject(fact.statuses, `${at}.statuses`);
  if (Object.keys(statuses).length === 0) fail(`${at}.statuses maps no status`);
  for (const [status, outcome] of Object.entries(statuses)) {
    if (!(OUTCOMES as readonly unknown[]).includes(outcome))
      fail(`${at}.statuses.${status} is ${JSON.stringify(outcome)}; expected one of ${OUTCOMES.join(", ")}`);
  }
  const enums = stringList(fact.enums, `${at}.enums`, fail);
  for (const pointer of enums) {
    let schema: unknown;
    try {
      schema = resolvePointer(pointer);
    } catch (error) {
      fail(`${at}.enums: ${pointer} cannot be resolved (${(error as Error).message})`);
    }
    const values =
      isObject(schema) && Array.isArray(schema.enum) ? schema.enum : fail(`${at}.enums: ${pointer} has no enum`);
    for (const value of values) {
      // A nullable enum's null is no status.
      if (value !== null && !Object.hasOwn(statuses, String(value)))
        fail(`${at}.statuses does not map ${JSON.stringify(value)}, a value of the enum ${pointer}`);
    }
  }
  return {
    source: text(fact.source) ?? fail(`${at}.source is missing`),
    field: text(fact.field) ?? fail(`${at}.field is missing`),
    enums,
    statuses: statuses as Record<string, Outcome>,
    notes: {},
    inferred: text(fact["x-verifetch-inferred"]),
    read: undefined,
    webhook: undefined,
    webhookExample: undefined,
  };
}

function jsonPointer(value: unknown, at: string, fail: (message: string) => never): string {
  return typeof value === "string" && /^(\/[^/]+)+$/.test(value)
    ? value
    : fail(`${at} must be a JSON pointer such as "/verification/status", not ${JSON.stringify(value)}`);
}

/**
 * The read operation must be one of the session's outcome operations taking the session id as its
 * one input, and its example answer must carry, at the status pointer, a status the mapping knows
 * (or none, when the fact says what none means): a typo in a pointer fails here, not in production.
 */
function checkOutcomeRead(facts: ProviderFacts, fail: (message: string) => never): void {
  const read = facts.outcomes.read;
  if (!read) return;
  const at = "x-verifetch-outcomes.read";
  const operation =
    facts.session.outcome.find((candidate) => candidate.operationId === read.operation) ??
    fail(`${at}.operation ${read.operation} is not in x-verifetch-session.outcome`);
  const byPath = read.query === undefined;
  if (
    operation.body?.required ||
    (byPath
      ? operation.pathParameters.length !== 1 || operation.queryRequired
      : operation.pathParameters.length > 0 || !operation.queryParameters.includes(read.query as string))
  )
    fail(
      `${at}.operation ${read.operation} must take the session id as ${byPath ? "its one path parameter" : `its query parameter ${read.query}`} and need nothing else`,
    );
  if (read.status === undefined) return;
  const example = operation.responseExample ?? fail(`${at}.operation ${read.operation} has no response example`);
  const listed = read.items === undefined ? [example] : valueAt(example, read.items);
  if (!Array.isArray(listed) || listed.length === 0)
    fail(`${at}.items ${read.items} finds no list of items in ${read.operation}'s example`);
  const statusPointers = [read.status].flat();
  const found = listed.map((answer) =>
    statusPointers.map((pointer) => valueAt(answer, pointer)).find((value) => typeof value === "string"),
  );
  const pointers = statusPointers.join(" or ");
  const expected = `expected a status of x-verifetch-outcomes.statuses${read.missing ? " or none" : ""}`;
  // Even where none is allowed (\`missing\`), the example must show one: a pointer finding nothing is a typo.
  if (found.every((status) => status === undefined))
    fail(`${at}.status ${pointers} finds undefined in ${read.operation}'s example: ${expected}`);
  for (const status of found) {
    if (status === undefined ? !read.missing : !Object.hasOwn(facts.outcomes.statuses, status as string))
      fail(`${at}.status ${pointers} finds ${JSON.stringify(status)} in ${read.operation}'s example: ${expected}`);
  }
}

/**
 * The YAML comments of `x-verifetch-outcomes.statuses`, by status: the comment above a status (a
 * comment above several statuses belongs to the first) or beside it. They say why a status means
 * its outcome, so the README's table shows them.
 */
function statusComments(source: string): Record<string, string> {
  const statuses = parseDocument(source).getIn(["x-verifetch-outcomes", "statuses"], true);
  if (!isMap(statuses)) return {};
  const notes: Record<string, string> = {};
  for (const pair of statuses.items) {
    if (!isScalar(pair.key)) continue;
    const comment = [pair.key.commentBefore, isScalar(pair.value) ? pair.value.comment : undefined]
      .filter((part): part is string => typeof part === "string" && part.trim() !== "")
      .map((part) => part.replace(/\s*\n\s*/g, " ").trim())
      .join(" ");
    if (comment) notes[String(pair.key.value)] = comment;
  }
  return notes;
}

/** Every other file `document` refers to with a `$ref`, as absolute paths. */
function referencedFiles(document: unknown, file: string): string[] {
  const files: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObject(node)) {
      if (typeof node.$ref === "string" && !node.$ref.startsWith("#"))
        files.push(resolve(dirname(file), node.$ref.split("#")[0] ?? ""));
      Object.values(node).forEach(walk);
    }
  };
  walk(document);
  return files;
}

/**
 * The first example of a media type or parameter object: its `example`, else the `value` of the
 * first entry of `examples` (an Example Object, possibly a `$ref`). Undefined when it has none.
 */
function firstExample(holder: unknown, deref: (value: unknown, at: string) => Json): unknown {
  if (!isObject(holder)) return undefined;
  if (holder.example !== undefined) return holder.example;
  const first = isObject(holder.examples) ? Object.entries(holder.examples)[0] : undefined;
  return first === undefined ? undefined : deref(first[1], `example ${first[0]}`).value;
}

function jsonSchemaOf(content: Json, mediaType = "application/json"): unknown {
  const media = content[mediaType];
  return isObject(media) ? media.schema : undefined;
}

function refName(schema: unknown): string | undefined {
  return isObject(schema) && typeof schema.$ref === "string"
    ? schema.$ref.match(/#\/components\/schemas\/([^/]+)$/)?.[1]
    : undefined;
}

function identifier(value: unknown, at: string, fail: (message: string) => never): string {
  return text(value)?.match(/^[a-z][A-Za-z0-9]*$/)?.[0] ?? fail(`${at} must be a camelCase identifier`);
}

function stringList(value: unknown, at: string, fail: (message: string) => never): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) fail(`${at} must be a list of strings`);
  return value as string[];
}

function describeScheme(name: string, scheme: Json): { name: string; kind: string; description: string } {
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
  try {
    const manifest = asObject(JSON.parse(readFileSync(file, "utf8")), file);
    return text(manifest.name) ?? `@verifetch/${name}`;
  } catch {
    return `@verifetch/${name}`;
  }
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
