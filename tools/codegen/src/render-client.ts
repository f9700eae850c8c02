// Renders a provider package's generated modules from its spec facts: the client (a plain class
// with one method per operation, its options, constants, factory, openapi-fetch client, environment
// helper and iterators), the descriptor (the facts as a readable `as const` object) and the index.
// Plain code, not a runtime proxy: go-to-definition, JSDoc and tree-shaking keep working, and only
// the core helpers a provider uses end up in its bundle.
import type { CredentialFacts, OperationFacts, ProviderFacts, SchemaFacts } from "./spec-facts.ts";

const q = JSON.stringify;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const pascal = (text: string) => text.replace(/(^|[-_\s])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
const camel = (text: string) => lowerFirst(pascal(text));
const constantCase = (text: string) => text.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();

/** A JSDoc block (`indent` spaces in), or nothing for no text. */
function doc(text: string | undefined, indent = ""): string {
  if (!text) return "";
  const lines = text.trim().replace(/\*\//g, "*\\/").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** The names the generated code gives a provider: class, factory, constants. */
export interface ProviderNames {
  /** `Verifa`: the client class. */
  client: string;
  /** `createVerifa`. */
  factory: string;
  /** `verifaApiClient`. */
  apiClient: string;
  /** `verifaEnvironment`. */
  environment: string;
  /** `verifaDescriptor`. */
  descriptor: string;
  /** `VERIFA`: the constants' prefix. */
  constants: string;
}

/** The generated names of a provider. */
export function providerNames(facts: Pick<ProviderFacts, "identifier" | "name">): ProviderNames {
  const id = facts.identifier;
  return {
    client: id,
    factory: `create${id}`,
    apiClient: `${lowerFirst(id)}ApiClient`,
    environment: `${lowerFirst(id)}Environment`,
    descriptor: `${lowerFirst(id)}Descriptor`,
    constants: constantCase(facts.name),
  };
}

/** The exported type name of a component schema (the error body gets the provider's name). */
function typeName(facts: ProviderFacts, schema: SchemaFacts | string): string {
  const name = typeof schema === "string" ? schema : schema.name;
  if (name === facts.errorSchema || name === "Error") return `${facts.identifier}ErrorBody`;
  return name === facts.identifier ? `${name}Object` : name;
}

/** The type of an operation's JSON body. */
function bodyType(facts: ProviderFacts, operation: OperationFacts): string {
  const schema = operation.body?.schema;
  return schema
    ? typeName(facts, schema)
    : `NonNullable<operations[${q(operation.operationId)}]["requestBody"]>["content"][${q(operation.body?.mediaType ?? "application/json")}]`;
}

/** Every credential option of the spec's security schemes, each once. */
function credentials(facts: ProviderFacts): CredentialFacts[] {
  const seen = new Map<string, CredentialFacts>();
  for (const scheme of facts.schemes)
    for (const credential of scheme.credentials) seen.set(credential.option, credential);
  return [...seen.values()];
}

function renderSchemaAliases(facts: ProviderFacts): string {
  return facts.schemas
    .map((schema) => {
      const name = typeName(facts, schema);
      const description = schema.description?.split("\n\n")[0];
      if (!schema.exclusive) return `${doc(description)}export type ${name} = Schemas[${q(schema.name)}];\n`;
      // `x-verifetch-exclusive`: exactly one of the properties, at compile time (the spec stays permissive).
      const [first, second] = schema.exclusive as [string, string];
      const base = `Omit<Schemas[${q(schema.name)}], ${q(first)} | ${q(second)}>`;
      const variant = (own: string, other: string) =>
        `(${base} & { ${own}: NonNullable<Schemas[${q(schema.name)}][${q(own)}]>; ${other}?: never })`;
      return `${doc(`${description ?? ""}\nExactly one of \`${first}\` and \`${second}\` (\`x-verifetch-exclusive\`): stricter than the spec, which accepts any combination.`)}export type ${name} =\n  | ${variant(first, second)}\n  | ${variant(second, first)};\n`;
    })
    .join("");
}

function renderMethod(facts: ProviderFacts, operation: OperationFacts): string {
  const params: string[] = operation.pathParameters.map((name) => `${camel(name)}: string`);
  const init: string[] = [];
  if (operation.pathParameters.length > 0) {
    init.push(
      `params: { path: { ${operation.pathParameters.map((name) => `${q(name)}: ${camel(name)}`).join(", ")} }${operation.queryParameters.length > 0 ? ", query" : ""} }`,
    );
  } else if (operation.queryParameters.length > 0) {
    init.push("params: { query }");
  }
  if (operation.body) {
    params.push(
      operation.body.required ? `body: ${bodyType(facts, operation)}` : `body: ${bodyType(facts, operation)} = {}`,
    );
    // A form-encoded spec body (Stripe) is sent through core's form encoding; JSON is the default.
    init.push(
      operation.body.mediaType === "application/x-www-form-urlencoded"
        ? "body: formBody(body), contentType: FORM_CONTENT_TYPE"
        : "body",
    );
  }
  if (operation.queryParameters.length > 0) {
    const type = `${pascal(operation.operationId)}Query`;
    params.push(operation.queryRequired ? `query: ${type}` : `query: ${type} = {}`);
  }
  params.push("options?: CallOptions");
  const required =
    operation.operationId === facts.session.create.operationId && facts.session.required.length > 0
      ? `, ${q(facts.session.required)}`
      : "";
  const text = [operation.summary.replace(/\.?$/, "."), operation.description].filter(Boolean).join("\n\n");
  const method = operation.method.toLowerCase();
  const args = `${q(method)}, ${q(operation.path)}, { ${init.join(", ")} }, options${required}`;
  if (operation.standalone) {
    // Its own transport view carries the query serializer, so the class (and every bundle of it) does not.
    const transport =
      operation.queryParameters.length > 0 ? "{ ...transportOf(client), query: queryString }" : "transportOf(client)";
    return `${doc(`${text}\n\nA function apart from {@link ${providerNames(facts).client}} (\`x-verifetch-standalone\`): only code that imports it carries it.`)}export function ${standaloneName(facts, operation)}(client: ${providerNames(facts).client}, ${params.join(", ")}) {
  return operationCaller<paths>(${transport})(${args});
}
`;
  }
  return `${doc(text, "  ")}  ${operation.operationId}(${params.join(", ")}) {
    return this.#call(${args});
  }
`;
}

/** The exported name of a standalone operation: `complyCubeListChecks`. */
export function standaloneName(facts: ProviderFacts, operation: OperationFacts): string {
  return `${lowerFirst(facts.identifier)}${pascal(operation.operationId)}`;
}

/** The generated module of a provider's standalone operations (`src/generated/<name>-operations.ts`), or null. */
export function renderStandalone(facts: ProviderFacts): string | null {
  const standalone = facts.operations.filter((operation) => operation.standalone);
  if (standalone.length === 0) return null;
  const withQuery = standalone.some((operation) => operation.queryParameters.length > 0);
  const types = [
    providerNames(facts).client,
    ...standalone
      .filter((operation) => operation.queryParameters.length > 0)
      .map((operation) => `${pascal(operation.operationId)}Query`),
  ];
  return `import type { CallOptions } from "@verifetch/core";
import { operationCaller${withQuery ? ", queryString" : ""}, transportOf } from "@verifetch/core/provider";
import type { ${types.join(", ")} } from "./${facts.name}-client.ts";
import type { paths } from "./openapi.ts";

${standalone.map((operation) => renderMethod(facts, operation)).join("\n")}`;
}

function renderIterator(facts: ProviderFacts, operation: OperationFacts): string {
  const pagination = operation.pagination;
  if (!pagination) return "";
  const query = `${pascal(operation.operationId)}Query`;
  const item = `NonNullable<Awaited<ReturnType<${facts.identifier}[${q(operation.operationId)}]>>[${q(pagination.items)}]>[number]`;
  return `\n${doc(`Every item of ${operation.operationId}, page after page. Only the \`${pagination.cursor}\` is taken from each page's \`${pagination.next}\` URL: requests go to this client's host with its own filters, never to a URL a response chose.`, "  ")}  ${pagination.iterator}(query: Omit<${query}, ${q(pagination.cursor)}> = {}, options?: CallOptions): AsyncGenerator<${item}, void, undefined> {
    return iterateCursorPages<${item}>(
      (cursor) => this.${operation.operationId}(cursor === undefined ? query : { ...query, ${q(pagination.cursor)}: cursor }, options),
      { provider: ${q(facts.name)}, cursorParam: ${q(pagination.cursor)}, items: ${q(pagination.items)}, next: ${q(pagination.next)} },
    );
  }
`;
}

/** The generated client module of a provider (`src/generated/<name>-client.ts`). */
export function renderClient(facts: ProviderFacts): string {
  const names = providerNames(facts);
  const C = names.constants;
  const env = facts.environments;
  const creds = credentials(facts);
  const signature = facts.schemes.find((scheme) => scheme.type === "signature");
  const primary = facts.schemes.filter((scheme) => scheme.type !== "signature");
  const coreImports = new Set([
    "createTransport",
    "loadSetting",
    "type OperationCaller",
    "openApiClientOf",
    "operationCaller",
  ]);
  const rootImports = new Set(["type CallOptions", "type ProviderClientOptions"]);
  const headerOptions = facts.headers.filter((header) => header.option);
  const webhookSecret = facts.webhook.secret;
  const secretIsCredential = webhookSecret !== undefined && creds.some((c) => c.option === webhookSecret.option);
  const constants: string[] = [];
  constants.push(
    `${doc(`${facts.displayName}'s API host: ${facts.servers[0]?.description ?? "the spec's first server"}.`)}export const ${C}_BASE_URL = ${q(facts.servers[0]?.url)};\n`,
  );
  if (env.hosts) {
    constants.push(
      `${doc("The host of each environment (the host decides which one a key acts on).")}export const ${C}_HOSTS = { sandbox: ${q(env.hosts.sandbox)}, live: ${q(env.hosts.live)} } as const;\n`,
    );
  }
  for (const header of facts.headers) {
    if (header.constant && header.default) {
      constants.push(
        `${doc(`Default \`${header.name}\`: ${header.description}`)}export const ${C}_${header.constant} = ${q(header.default)};\n`,
      );
    }
  }
  if (facts.session.ttlSeconds) {
    constants.push(
      `${doc(`How long a created session's URL works: ${facts.session.ttlSeconds} s, as the spec states (\`x-verifetch-session-ttl-seconds\`).`)}export const ${C}_SESSION_TTL_MS = ${facts.session.ttlSeconds * 1000};\n`,
    );
  }

  const options: string[] = [];
  for (const credential of creds) {
    options.push(
      `${doc(`${credential.description}. Defaults to \`${credential.envVar}\`, read when a request needs it.`, "  ")}  ${credential.option}?: string | undefined;\n`,
    );
  }
  for (const header of headerOptions) {
    options.push(
      `${doc(`\`${header.name}\` to send: ${header.description}${header.constant ? ` Defaults to {@link ${C}_${header.constant}}.` : ""}`, "  ")}  ${header.option}?: string | undefined;\n`,
    );
  }
  if (webhookSecret && !secretIsCredential) {
    options.push(
      `${doc(`${webhookSecret.description}, for \`${lowerFirst(facts.identifier)}Webhooks(client).verifyWebhook\`. Defaults to \`${webhookSecret.envVar}\`, read when a webhook is verified.`, "  ")}  ${webhookSecret.option}?: string | undefined;\n`,
    );
  }
  if (env.decidedBy === "host") {
    options.push(
      `${doc('The environment: `"sandbox"` (default: production is never a guess) or `"live"`; it picks the host.', "  ")}  environment?: Environment | undefined;\n`,
    );
    coreImports.add("resolveHostEnvironment");
  }

  // Environment from the key's prefix, checked before any request (and read by `environment`).
  let environmentHelper = "";
  const prefixCredential = env.decidedBy === "api-key" ? creds.find((c) => c.option === env.credential) : undefined;
  if (prefixCredential && env.keyPrefixes) {
    coreImports.add("keyPrefixEnvironment");
    const refused = Object.keys(env.refusedKeyPrefixes).length > 0 ? `, refused: ${q(env.refusedKeyPrefixes)}` : "";
    environmentHelper = `${doc(`The environment a ${facts.displayName} key acts on, from its prefix: ${env.keyPrefixes.sandbox.map((p) => `\`${p}…\``).join(" or ")} sandbox, ${env.keyPrefixes.live.map((p) => `\`${p}…\``).join(" or ")} live. Any other key is a ConfigurationError (naming the option, never the key).`)}export function ${names.environment}(key: string): Environment {
  return keyPrefixEnvironment(key, { provider: ${q(facts.displayName)}, option: ${q(prefixCredential.option)}, envVar: ${q(prefixCredential.envVar)}, prefixes: ${q(env.keyPrefixes)}${refused} });
}
`;
  }
  if (environmentHelper || env.hosts) rootImports.add("type Environment");

  const fields = creds.map((credential) => `  readonly #${credential.option}: string | undefined;\n`).join("");
  const assign = creds.map((credential) => `    this.#${credential.option} = options.${credential.option};\n`).join("");
  const loaders = creds
    .map(
      (credential) => `
  #${credential.option}Value(): string {
    return loadSetting({ value: this.#${credential.option}, option: ${q(credential.option)}, envVar: ${q(credential.envVar)}, description: ${q(credential.description.replace(/ \(.*\)$/, ""))} });
  }
`,
    )
    .join("");

  // How each request is authenticated: the spec's security schemes, in order.
  const auth: string[] = [];
  const secrets: string[] = [];
  for (const scheme of primary) {
    if (scheme.type === "basic") {
      coreImports.add("setBasicAuthorization");
      const [user, password] = scheme.credentials as [CredentialFacts, CredentialFacts];
      auth.push(
        `        const basic = setBasicAuthorization(request, this.#${user.option}Value(), this.#${password.option}Value());`,
      );
      secrets.push("...basic");
    } else {
      const credential = scheme.credentials[0] as CredentialFacts;
      auth.push(`        const ${credential.option} = this.#${credential.option}Value();`);
      if (prefixCredential?.option === credential.option)
        auth.push(`        ${names.environment}(${credential.option});`);
      const value =
        scheme.type === "bearer"
          ? `\`Bearer \${${credential.option}}\``
          : credential.prefix
            ? `${q(credential.prefix)} + ${credential.option}`
            : credential.option;
      auth.push(`        request.headers.set(${q(scheme.header)}, ${value});`);
      secrets.push(credential.option);
    }
  }
  let authenticate: string;
  if (signature?.signature) {
    coreImports.add("signRequest");
    const signed = facts.operations
      .filter((operation) => operation.auth.includes(signature.name))
      .map((operation) => `${operation.method} ${operation.path}`);
    const credential = signature.credentials[0] as CredentialFacts;
    authenticate = `      authenticate: async (request) => {
${auth.join("\n")}
        // The spec's security: only these operations carry ${signature.header}.
        if (!${q(signed)}.includes(\`\${request.method} \${request.operation?.path}\`)) return [${secrets.join(", ")}];
        const ${credential.option} = this.#${credential.option}Value();
        request.headers.set(${q(signature.header)}, await signRequest(request, ${credential.option}, ${q(signature.signature)}));
        return [${[...secrets, credential.option].join(", ")}];
      },`;
  } else {
    authenticate = `      authenticate: (request) => {
${auth.join("\n")}
        return [${secrets.join(", ")}];
      },`;
  }

  const defaultHeaders = facts.headers.map((header) =>
    header.value !== undefined
      ? `${q(header.name)}: ${q(header.value)}`
      : `${q(header.name)}: options.${header.option} ?? ${header.constant ? `${C}_${header.constant}` : q(header.default)}`,
  );
  const baseUrl = env.hosts ? "baseUrl" : `options.baseUrl ?? ${C}_BASE_URL`;
  const hostSetup = env.hosts
    ? `    const { baseUrl, environment } = resolveHostEnvironment({ provider: ${q(facts.displayName)}, hosts: ${C}_HOSTS, baseUrl: options.baseUrl, environment: options.environment });
    this.environment = environment;
`
    : "";
  const environmentMember = env.hosts
    ? `${doc("The environment this client acts on (its host decides).", "  ")}  readonly environment: Environment;\n`
    : prefixCredential
      ? `\n${doc(`\`"sandbox"\` or \`"live"\`, from the key's prefix (loads the key; a missing or foreign key is a ConfigurationError).`, "  ")}  get environment(): Environment {
    return ${names.environment}(this.#${prefixCredential.option}Value());
  }
`
      : "";
  if (facts.operations.some((operation) => operation.body?.mediaType === "application/x-www-form-urlencoded"))
    for (const name of ["formBody", "FORM_CONTENT_TYPE"]) coreImports.add(name);
  const paginated = facts.operations.some((operation) => operation.pagination);
  if (paginated) coreImports.add("iterateCursorPages");
  // Without an idempotency key a create is repeated only after a failure that certainly never left.
  coreImports.add(facts.idempotency ? "idempotencyKeys" : "failedBeforeSending");
  // Standalone operations serialize their own query (renderStandalone).
  const hasQuery = facts.operations.some((operation) => !operation.standalone && operation.queryParameters.length > 0);
  if (hasQuery) coreImports.add("queryString");
  const queryAliases = facts.operations
    .filter((operation) => operation.queryParameters.length > 0)
    .map(
      (operation) =>
        `${doc(`The query of \`${operation.operationId}\`.`)}export type ${pascal(operation.operationId)}Query = NonNullable<operations[${q(operation.operationId)}]["parameters"]["query"]>;\n`,
    )
    .join("");
  const errorBody = facts.errorSchema ? typeName(facts, facts.errorSchema) : undefined;

  const providerImports = [...coreImports].sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", "")));
  const rootList = [...rootImports].sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", "")));
  return `import { ${rootList.join(", ")} } from "@verifetch/core";
import { ${providerImports.join(", ")} } from "@verifetch/core/provider";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { components, operations, paths } from "./openapi.ts";
import { VERSION } from "./version.ts";

type Schemas = components["schemas"];

${renderSchemaAliases(facts)}${queryAliases}${
  errorBody
    ? `
declare module "@verifetch/core" {
  /** Lets \`isApiError(error, ${q(facts.name)})\` type \`error.body\` as ${errorBody}. */
  interface ProviderErrorBodies {
    ${q(facts.name)}: ${errorBody};
  }
}
`
    : ""
}
${doc(`The typed openapi-fetch client for every operation of the ${facts.displayName} spec.`)}export type ${facts.identifier}ApiClient = OpenApiClient<paths, "application/json">;

${constants.join("\n")}
${doc(`Options of {@link ${names.factory}}.`)}export interface ${facts.identifier}Options extends ProviderClientOptions {
${options.join("")}}

${environmentHelper}
${doc(`A configured ${facts.displayName} client: one method per operation of its spec, each returning the data or throwing a typed error. Create it with {@link ${names.factory}}.`)}export class ${names.client} {
${fields}${environmentMember && env.hosts ? environmentMember : ""}  readonly #call: OperationCaller<paths>;

  constructor(options: ${facts.identifier}Options = {}) {
${assign}${hostSetup}    this.#call = operationCaller<paths>(createTransport(this, {
      packageName: ${q(facts.name)},
      version: VERSION,
      baseUrl: ${baseUrl},
      options,${
        facts.idempotency
          ? `
      idempotency: idempotencyKeys(${q(facts.idempotency.header)}, ${facts.idempotency.maxLength}),`
          : `
      notSent: failedBeforeSending,`
      }${
        hasQuery
          ? `
      query: queryString,`
          : ""
      }${
        defaultHeaders.length > 0
          ? `
      defaultHeaders: { ${defaultHeaders.join(", ")} },`
          : ""
      }
${authenticate}
    }));
  }
${environmentMember && !env.hosts ? environmentMember : ""}
${facts.operations
  .filter((operation) => !operation.standalone)
  .map((operation) => renderMethod(facts, operation))
  .join("\n")}${facts.operations.map((operation) => renderIterator(facts, operation)).join("")}${loaders}}

${doc(`The typed openapi-fetch client of \`client\`, for every operation of the ${facts.displayName} spec: \`${names.apiClient}(client).${facts.session.create.method}(${q(facts.session.create.path)}, …)\` returns \`{ data, error, response }\` instead of throwing. It sends through the same credentials, retries and hooks as the methods; openapi-fetch is loaded on its first request.`)}export function ${names.apiClient}(client: ${names.client}): ${facts.identifier}ApiClient {
  return openApiClientOf<paths>(client);
}

${doc(`Creates a ${facts.displayName} client. Credentials are read when a request needs them, so this never throws for a missing key.`)}export function ${names.factory}(options: ${facts.identifier}Options = {}): ${names.client} {
  return new ${names.client}(options);
}
`;
}

/** The generated descriptor module: the spec's facts as readable data (`src/generated/<name>-descriptor.ts`). */
export function renderDescriptor(facts: ProviderFacts): string {
  const names = providerNames(facts);
  const { webhook, environments: env, session } = facts;
  const scheme =
    webhook.scheme === "none"
      ? { scheme: "none", why: webhook.source }
      : webhook.scheme === "timestamped-hmac"
        ? {
            scheme: webhook.scheme,
            header: webhook.headers[0],
            algorithm: webhook.algorithm,
            toleranceSeconds: webhook.toleranceSeconds,
            secret: webhook.secret,
          }
        : { scheme: webhook.scheme, headers: webhook.headers, algorithm: webhook.algorithm, secret: webhook.secret };
  const adapter = {
    provider: facts.name,
    title: facts.displayName,
    session: { ttlMs: session.ttlSeconds ? session.ttlSeconds * 1000 : null },
    webhook: scheme,
  };
  const full = {
    packageName: facts.packageName,
    baseUrl: facts.servers[0]?.url,
    credentials: facts.schemes.flatMap((s) =>
      s.credentials.map((credential) => ({ ...credential, scheme: s.name, header: s.header })),
    ),
    environments: {
      decidedBy: env.decidedBy,
      ...(env.credential && { credential: env.credential }),
      ...(env.keyPrefixes && { keyPrefixes: env.keyPrefixes }),
      ...(Object.keys(env.refusedKeyPrefixes).length > 0 && { refusedKeyPrefixes: env.refusedKeyPrefixes }),
      ...(env.hosts && { hosts: env.hosts }),
    },
    headers: facts.headers.map(({ description: _description, ...header }) =>
      Object.fromEntries(Object.entries(header).filter(([, value]) => value !== undefined)),
    ),
    idempotency: facts.idempotency ?? null,
    session: {
      create: session.create.operationId,
      outcome: session.outcome.map((operation) => operation.operationId),
      required: session.required,
    },
    // For test helpers: where a delivery carries its status, and the spec's sample delivery.
    webhookExample: facts.outcomes.webhookExample ?? null,
    operations: facts.operations.map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      ...(operation.pagination && { pagination: operation.pagination }),
    })),
  };
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const adapterName = `${lowerFirst(facts.identifier)}AdapterDescriptor`;
  const verify = webhook.scheme === "none" ? "" : renderWebhookVerify(facts, adapterName);
  // A timestamped scheme is made by core's timestampedHmac, so only its provider's bundle carries
  // the timestamp handling; the other schemes are plain data.
  const timestamped = scheme.scheme === "timestamped-hmac";
  const { scheme: _scheme, ...timestampedFacts } = scheme;
  const adapterSource = timestamped
    ? json({ ...adapter, webhook: "@@webhook" }).replace(
        '"@@webhook"',
        `/* @__PURE__ */ timestampedHmac(${json(timestampedFacts).replaceAll("\n", "\n  ")})`,
      )
    : json(adapter);
  const outcomesName = `${lowerFirst(facts.identifier)}Outcomes`;
  const { source, field, statuses, read, webhook: webhookFacts } = facts.outcomes;
  const outcomes = { source, field, statuses, ...(read && { read }), ...(webhookFacts && { webhook: webhookFacts }) };
  const kit = [
    "type AdapterDescriptor",
    "type OutcomeMapping",
    ...(verify ? ["loadSetting"] : []),
    ...(timestamped ? ["timestampedHmac"] : []),
    ...(verify ? ["verifyWebhookSignature"] : []),
  ];
  return `${verify ? `import type { WebhookRequest } from "@verifetch/core";\n` : ""}import ${kit.length === 2 ? `type { ${kit.map((name) => name.slice("type ".length)).join(", ")} }` : `{ ${kit.join(", ")} }`} from "@verifetch/core/provider";

${doc(`What ${facts.displayName}'s facade adapter needs: its name, the documented session lifetime and the webhook scheme.`)}export const ${adapterName} = ${adapterSource} as const satisfies AdapterDescriptor<${q(facts.name)}>;

${doc(`What each documented ${facts.displayName} status means (${facts.specPath}'s \`x-verifetch-outcomes\`): the webhook adapter's \`outcome\`. Apart from the descriptor, so a create-session bundle carries no status table.`)}export const ${outcomesName} = ${json(outcomes)} as const satisfies OutcomeMapping;

${doc(`Everything ${facts.specPath} states about ${facts.displayName}, as data: credentials (option and environment variable), environments, headers, idempotency, the session flow, the webhook scheme and the operations. For tools, docs and tests; clients and adapters use the generated code.`)}export const ${names.descriptor} = {
  adapter: ${lowerFirst(facts.identifier)}AdapterDescriptor,
  outcomes: ${outcomesName},
${json(full).slice(2, -2)}
} as const;
${verify}`;
}

/** `verify<Provider>Webhook`: the spec's webhook scheme as a standalone function, for code without the facade. */
function renderWebhookVerify(facts: ProviderFacts, adapterName: string): string {
  const { webhook } = facts;
  const secret = webhook.secret;
  if (webhook.scheme === "none" || !secret) return "";
  const headers = webhook.headers.map((header) => `\`${header}\``).join(" (or ");
  const what =
    webhook.scheme === "timestamped-hmac"
      ? `${headers}: \`t=<unix seconds>,v1=<hex>\`, the HMAC-${webhook.algorithm} of \`"<t>.<raw body>"\`, refused beyond ${webhook.toleranceSeconds} s from now`
      : `${headers}${webhook.headers.length > 1 ? ")" : ""}: the hex HMAC-${webhook.algorithm} of the raw body`;
  return `
${doc(`Verifies a ${facts.displayName} webhook delivery by its spec's scheme — ${what} — in constant time, and returns its parsed JSON body. \`secret\` defaults to ${secret.envVar}; a missing one is a ConfigurationError, a bad delivery a WebhookVerificationError. The facade adapter's \`verifyWebhook\` runs the same check and maps the body to a WebhookEvent.`)}export async function verify${facts.identifier}Webhook(
  request: WebhookRequest,
  secret?: string | undefined,
  nowMs: number = Date.now(),
): Promise<unknown> {
  const { webhook } = ${adapterName};
  return verifyWebhookSignature(${q(facts.name)}, webhook, request, loadSetting({ value: secret, ...webhook.secret }), nowMs);
}
`;
}

/**
 * Whether codegen writes the provider's result adapter: it does unless the spec names a read
 * operation without a status pointer, which says the package reads the outcome its own way.
 */
export function generatesResults(facts: ProviderFacts): boolean {
  return !facts.outcomes.read || facts.outcomes.read.status !== undefined;
}

/** The generated result adapter module (`src/generated/<name>-results.ts`): reading an outcome back. */
export function renderResults(facts: ProviderFacts): string {
  const names = providerNames(facts);
  const base = lowerFirst(facts.identifier);
  const read = facts.outcomes.read;
  const how = read
    ? `reads a session's outcome back with \`${read.operation}\` (${facts.specPath}'s \`x-verifetch-outcomes.read\`)`
    : `${facts.displayName} documents no way to read a session's outcome back, so every read throws OutcomeUnavailableError: learn it from the webhooks`;
  const readOperation = read && facts.operations.find((operation) => operation.operationId === read.operation);
  const input = read?.query === undefined ? "id" : `{ ${q(read.query)}: id }`;
  const invoke = readOperation?.standalone
    ? `${standaloneName(facts, readOperation)}(client, ${input}, options)`
    : `client.${read?.operation}(${input}, options)`;
  const call = read
    ? `(client: ${names.client}, id: string, options: { signal?: AbortSignal | undefined }) => ${invoke}`
    : `null as ResultRead<${names.client}, never> | null`;
  return `import { defineResultAdapter${read ? "" : ", type ResultRead"} } from "@verifetch/core/provider";
import type { ${names.client} } from "./${facts.name}-client.ts";
import { ${base}AdapterDescriptor, ${base}Outcomes } from "./${facts.name}-descriptor.ts";
${readOperation?.standalone ? `import { ${standaloneName(facts, readOperation)} } from "./${facts.name}-operations.ts";\n` : ""}
${doc(`The result adapter of a ${facts.displayName} client (\`results: { ${facts.name.includes("-") ? q(facts.name) : facts.name}: ${base}Results(client) }\`): ${how}.`)}export const ${base}Results = /* @__PURE__ */ defineResultAdapter(
  ${base}AdapterDescriptor,
  ${base}Outcomes,
  ${call},
);

/** The adapter \`${base}Results(client)\` returns. */
export type ${facts.identifier}Results = ReturnType<typeof ${base}Results>;
`;
}

/** The generated entry of a provider package's generated modules (\`src/generated/index.ts\`). */
export function renderIndex(facts: ProviderFacts): string {
  // Shared modules, when a spec has any, stand apart as their own group.
  const shared = facts.sharedCode.map((file) => `export * from "./${file.split("/").at(-1)}";\n`).join("");
  return `export * from "./${facts.name}-client.ts";
export * from "./${facts.name}-descriptor.ts";
${renderStandalone(facts) ? `export * from "./${facts.name}-operations.ts";\n` : ""}${generatesResults(facts) ? `export * from "./${facts.name}-results.ts";\n` : ""}${shared && `${shared}\n`}export * from "./openapi.ts";
export { VERSION } from "./version.ts";
`;
}

/** The generated version module: the package version, baked in by the build. */
export function renderVersion(): string {
  return `declare const __PACKAGE_VERSION__: string | undefined;

/** This package's version, baked in at build time (\`0.0.0-dev\` when run from source). */
export const VERSION: string = typeof __PACKAGE_VERSION__ === "string" ? __PACKAGE_VERSION__ : "0.0.0-dev";
`;
}
