// Renders what lists the providers outside their own packages, from their spec facts, so that adding
// a provider touches only its spec and its sessions file: the registry of provider packages the CLI
// (and through it the demo and the runtime tier) loads, @verifetch/testing's provider names, the
// bench's all-providers consumer, and the root README's provider table.
import { isTerminalOutcome } from "../../../packages/core/src/session-outcome.ts";
import { providerNames, standaloneName } from "./render-client.ts";
import type { CredentialFacts, OperationFacts, ProviderFacts } from "./spec-facts.ts";

const q = JSON.stringify;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The markers around the generated provider table in the root README. */
export const README_MARKERS = {
  start: "<!-- generated:providers (pnpm codegen, from specs/*.yaml; do not edit by hand) -->",
  end: "<!-- /generated:providers -->",
} as const;

/** Every credential option of a provider's security schemes, each once, in spec order. */
function credentialsOf(facts: ProviderFacts): CredentialFacts[] {
  const seen = new Map<string, CredentialFacts>();
  for (const scheme of facts.schemes)
    for (const credential of scheme.credentials) seen.set(credential.option, credential);
  return [...seen.values()];
}

/** The credential options an operation's security needs. */
function operationCredentials(facts: ProviderFacts, operation: OperationFacts): string[] {
  return facts.schemes
    .filter((scheme) => operation.auth.includes(scheme.name))
    .flatMap((scheme) => scheme.credentials.map((credential) => credential.option));
}

/**
 * Dummy credentials that pass a client's own checks (a key-prefix environment gets its first sandbox
 * prefix); Prism mocks accept any value.
 */
export function dummyCredentials(facts: ProviderFacts, tag: string): Record<string, string> {
  const { environments } = facts;
  const prefix = environments.decidedBy === "api-key" ? (environments.keyPrefixes?.sandbox[0] ?? "") : "";
  return Object.fromEntries(
    credentialsOf(facts).map((credential) => [
      credential.option,
      credential.option === environments.credential ? `${prefix}${tag}` : `${tag}-${credential.option}`,
    ]),
  );
}

/** The arguments of a generated method call: path parameters (from the spec's examples), then the body. */
function callArguments(operation: OperationFacts, body: string | undefined): string[] | undefined {
  const path = operation.pathParameters.map((name) => operation.pathExamples[name]);
  if (path.some((value) => value === undefined)) return undefined;
  return [...path.map((value) => q(value)), ...(operation.body ? [body ?? "{}"] : [])];
}

function indent(text: string, spaces: number): string {
  return text.replaceAll("\n", `\n${" ".repeat(spaces)}`);
}

/**
 * The registry of provider packages (`packages/cli/src/generated/providers.ts`): one entry per
 * provider package, each loading its package on demand (a command loads only what it uses).
 */
export function renderProviderRegistry(providers: readonly ProviderFacts[]): string {
  const entries = providers.map((facts) => {
    const names = providerNames(facts);
    const create = facts.session.create;
    const bodyIndex = create.pathParameters.length;
    const createArgs = callArguments(create, `body as Parameters<Client[${q(create.operationId)}]>[${bodyIndex}]`);
    if (!createArgs) throw new Error(`${facts.specPath}: a path parameter of ${create.operationId} has no example`);
    const outcome = facts.session.outcome[0];
    const outcomeArgs =
      outcome && !outcome.body?.required && !outcome.queryRequired ? callArguments(outcome, undefined) : undefined;
    // A standalone operation (`x-verifetch-standalone`) is a function of the package, not a method.
    const readOutcome =
      outcome && outcomeArgs
        ? `
        readOutcome: (client) => ${
          outcome.standalone
            ? `m.${standaloneName(facts, outcome)}(${["client as Client", ...outcomeArgs].join(", ")})`
            : `(client as Client).${outcome.operationId}(${outcomeArgs.join(", ")})`
        },`
        : "";
    // Reading a session back by its id: the operation of `x-verifetch-outcomes.read` (the package's result adapter).
    const read = facts.outcomes.read;
    const readBy = read && facts.operations.find((operation) => operation.operationId === read.operation);
    const readExample =
      readBy && read.query === undefined ? readBy.pathExamples[readBy.pathParameters[0] as string] : undefined;
    return `  {
    name: ${q(facts.name)},
    title: ${q(facts.displayName)},
    packageName: ${q(facts.packageName)},
    sessionCredentials: ${q(operationCredentials(facts, create))},
    requestExample: ${indent(JSON.stringify(create.requestExample ?? {}, null, 2), 4)},
    readOperation: ${read ? q(read.operation) : "null"},
    readExampleId: ${q(readExample ?? null)},
    async load() {
      const m = await import(${q(facts.packageName)});
      type Client = ReturnType<typeof m.${names.factory}>;
      return {
        descriptor: m.${names.descriptor},
        createClient: (options) => m.${names.factory}(options as Parameters<typeof m.${names.factory}>[0]),
        createSessions: (client) => m.${lowerFirst(facts.identifier)}Sessions(client as Client),
        createWebhooks: (client) => m.${lowerFirst(facts.identifier)}Webhooks(client as Client),
        createResults: (client) => m.${lowerFirst(facts.identifier)}Results(client as Client),
        create: (client, body) => (client as Client).${create.operationId}(${createArgs.join(", ")}),${readOutcome}
      };
    },
  },`;
  });
  return `import type { Outcome } from "@verifetch/core";

/** The parts of a provider's generated descriptor (\`verifaDescriptor\`, …) that the registry's users read. */
export interface RegistryDescriptor {
  readonly adapter: {
    readonly provider: string;
    readonly title: string;
    readonly webhook: {
      readonly scheme: string;
      readonly headers?: readonly string[];
      readonly header?: string;
      readonly algorithm?: string;
      readonly toleranceSeconds?: number;
      readonly why?: string;
      readonly secret?: { readonly option: string; readonly envVar: string; readonly description: string };
    };
  };
  readonly packageName: string;
  readonly credentials: readonly { readonly option: string; readonly envVar: string; readonly description: string }[];
  readonly environments: {
    readonly decidedBy: string;
    readonly credential?: string;
    readonly keyPrefixes?: { readonly sandbox: readonly string[]; readonly live: readonly string[] };
    readonly hosts?: { readonly sandbox: string; readonly live: string };
  };
  readonly idempotency: { readonly header: string; readonly maxLength: number } | null;
  /** Each documented status and the outcome it means. */
  readonly outcomes: { readonly statuses: Readonly<Record<string, Outcome>> };
  /** Where a delivery carries its status, and the spec's sample delivery; null when the spec has none. */
  readonly webhookExample: { readonly status: string; readonly body: unknown } | null;
  readonly session: { readonly create: string; readonly outcome: readonly string[]; readonly required: readonly string[] };
  readonly operations: readonly { readonly operationId: string; readonly method: string; readonly path: string }[];
}

/** A provider package, loaded: its descriptor, factory and facade adapter, and its create call. */
export interface ProviderModule {
  readonly descriptor: RegistryDescriptor;
  /** The package's factory (\`createVerifa(options)\`); options are not checked beyond what the client checks. */
  createClient(options: Readonly<Record<string, unknown>>): object;
  /** The package's facade adapter of a client (\`verifaSessions(client)\`), checked by the caller. */
  createSessions(client: object): unknown;
  /** The package's webhook adapter of a client (\`verifaWebhooks(client)\`), checked by the caller. */
  createWebhooks(client: object): unknown;
  /** The package's result adapter of a client (\`verifaResults(client)\`), checked by the caller. */
  createResults(client: object): unknown;
  /** The client's create-session method with \`body\` (path parameters, if any, from the spec's examples). */
  create(client: object, body: unknown): Promise<unknown>;
  /** The first outcome operation, with the spec's examples as path parameters; absent when none is documented. */
  readOutcome?: (client: object) => Promise<unknown>;
}

/** A provider package the workspace builds, known without loading it. */
export interface RegistryEntry {
  /** The spec's name (\`specs/<name>.yaml\`), also the facade's key. */
  readonly name: string;
  /** Display name (\`x-verifetch-provider.title\`). */
  readonly title: string;
  readonly packageName: string;
  /** The credential options the create-session operation needs (its security schemes'). */
  readonly sessionCredentials: readonly string[];
  /** The create-session operation's first request example in the spec: the body the provider documents. */
  readonly requestExample: unknown;
  /** The operation that reads a session back by its id (\`verifetch session get\`); null when the spec documents none. */
  readonly readOperation: string | null;
  /** The spec's example id for \`readOperation\` (one the mock accepts); null when it has none. */
  readonly readExampleId: string | null;
  /** Imports the package. */
  load(): Promise<ProviderModule>;
}

/** Every provider package, by spec name. */
export const PROVIDERS: readonly RegistryEntry[] = [
${entries.join("\n")}
];
`;
}

/** `@verifetch/testing`'s list of provider names (\`packages/testing/src/generated/providers.ts\`). */
export function renderProviderNames(names: readonly string[]): string {
  return `/**
 * verifetch's providers: each \`@verifetch/<name>\` package ships its spec as \`openapi.yaml\`. Only the
 * error for a name that is not installed uses this list; resolving a spec asks the installed
 * packages, so a provider missing here still works.
 */
export const PROVIDER_NAMES: readonly string[] = ${q(names)};
`;
}

/**
 * The bench's consumer of every provider package and the facade (type-checked for the
 * \`tsc --noEmit\` timing, never run): each client's create call with its spec's first request
 * example, then each provider, and a fallback over all of them, through the facade.
 */
export function renderBenchConsumer(providers: readonly ProviderFacts[]): string {
  const imports = providers.map((facts) => {
    const names = providerNames(facts);
    return `import { ${[names.factory, `${lowerFirst(facts.identifier)}Sessions`].sort().join(", ")} } from ${q(facts.packageName)};`;
  });
  const variable = (facts: ProviderFacts) => lowerFirst(facts.identifier);
  const clients = providers.map(
    (facts) =>
      `const ${variable(facts)} = ${providerNames(facts).factory}(${JSON.stringify(dummyCredentials(facts, "consumer"))});`,
  );
  const direct = providers.flatMap((facts) => {
    const body = JSON.stringify(facts.session.create.requestExample ?? {}, null, 2);
    const args = callArguments(facts.session.create, indent(body, 4));
    return args ? [`    ${variable(facts)}.${facts.session.create.operationId}(${args.join(", ")}),`] : [];
  });
  const adapters = providers.map((facts) => `      ${q(facts.name)}: ${variable(facts)}Sessions(${variable(facts)}),`);
  const options = (list: readonly ProviderFacts[]) =>
    `providerOptions: { ${list.map((facts) => `${q(facts.name)}: options()`).join(", ")} }`;
  const viaFacade = providers.map(
    (facts) => `    vf.createSession(${q(facts.name)}, { ...shared, ${options([facts])} }),`,
  );
  return `${[...imports, 'import { createVerifetch } from "verifetch";'].join("\n")}

/** Options of the type a call expects: this program is type-checked, never run. */
declare function options<T>(): T;

${clients.join("\n")}

/** Creates one session with each provider's own method, then each through the facade, then a fallback over all. */
export async function createEverySession(): Promise<unknown[]> {
  const direct = await Promise.all([
${direct.join("\n")}
  ]);
  const vf = createVerifetch({
    providers: {
${adapters.join("\n")}
    },
  });
  const shared = {
    reference: "user_123",
    redirectUrl: "https://app.example/verified",
    cancelUrl: "https://app.example/cancelled",
  };
  const sessions = await Promise.all([
${viaFacade.join("\n")}
    vf.createSession(${q(providers.map((facts) => facts.name))}, { ...shared, ${options(providers)} }),
  ]);
  return [...direct, ...sessions];
}
`;
}

/** How requests authenticate, for the README: each scheme's header (or HTTP Basic) and env vars. */
function authCell(facts: ProviderFacts): string {
  const describe = (names: readonly string[], withVariables: boolean) =>
    facts.schemes
      .filter((scheme) => names.includes(scheme.name))
      .map((scheme) => {
        const variables = scheme.credentials.map((credential) => `\`${credential.envVar}\``).join(", ");
        const kind =
          scheme.type === "basic"
            ? "HTTP Basic"
            : scheme.type === "bearer"
              ? "`Authorization: Bearer`"
              : scheme.type === "signature"
                ? `\`${scheme.header}\` (HMAC-${scheme.signature?.algorithm} of the request)`
                : `\`${scheme.header}\``;
        return withVariables ? `${kind} from ${variables}` : kind;
      })
      .join(" + ");
  const every = facts.security[0] ?? [];
  const create = facts.session.create.auth;
  const differs = create.join() !== every.join();
  return `${describe(every, true)}${differs ? ` (create: ${describe(create, false) || "none"})` : ""}`;
}

function environmentsCell(facts: ProviderFacts): string {
  const env = facts.environments;
  const list = (prefixes: readonly string[]) => prefixes.map((prefix) => `\`${prefix}\``).join(" or ");
  switch (env.decidedBy) {
    case "api-key": {
      const refused = Object.keys(env.refusedKeyPrefixes);
      const prefixes = env.keyPrefixes;
      return `key prefix ${list(prefixes?.sandbox ?? [])} / ${list(prefixes?.live ?? [])}${refused.length > 0 ? ` (${list(refused)} refused)` : ""}`;
    }
    case "host":
      return "separate hosts (`environment` option, sandbox by default)";
    case "integration":
      return "property of the integration key";
    default:
      return "not documented";
  }
}

function retryCell(facts: ProviderFacts): string {
  const create = facts.session.create;
  if (create.idempotencyHeader) return `yes: same \`${create.idempotencyHeader}\` on every attempt`;
  return create.retriedAfterArrival ? "yes (idempotent method)" : "no (no idempotency key documented)";
}

function webhookCell(facts: ProviderFacts): string {
  const webhook = facts.webhook;
  const headers = webhook.headers.map((header) => `\`${header}\``).join(" or ");
  switch (webhook.scheme) {
    case "none":
      return "none documented: cannot be verified";
    case "timestamped-hmac":
      return `\`t=…,v1=…\` HMAC-${webhook.algorithm} in ${headers}, ${webhook.toleranceSeconds} s tolerance`;
    default:
      return `HMAC-${webhook.algorithm} of the body in ${headers}`;
  }
}

function lifetimeCell(facts: ProviderFacts): string {
  const seconds = facts.session.ttlSeconds;
  if (seconds === undefined) return "not documented";
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** The root README's provider table (between {@link README_MARKERS}), one row per spec. */
export function renderReadmeProviders(providers: readonly ProviderFacts[]): string {
  const header = [
    "provider",
    "package",
    "auth (env vars)",
    "environments",
    "create retried after it may have arrived?",
    "webhook signature",
    "session URL lifetime",
  ];
  const rows = providers.map((facts) => [
    facts.displayName,
    `\`${facts.packageName}\``,
    authCell(facts),
    environmentsCell(facts),
    retryCell(facts),
    webhookCell(facts),
    lifetimeCell(facts),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** `text` with the part between the README markers replaced by `table`; an error when a marker is missing. */
export function replaceReadmeProviders(text: string, table: string): string {
  return replaceBetweenMarkers(text, README_MARKERS, table, "README.md: the provider table");
}

/** The markers around the generated "Outcomes" table in a provider package's README. */
export function outcomeMarkers(name: string): { start: string; end: string } {
  return {
    start: `<!-- generated:outcomes (pnpm codegen, from specs/${name}.yaml; do not edit by hand) -->`,
    end: "<!-- /generated:outcomes -->",
  };
}

/** A provider README's "Outcomes" table: each documented status, its outcome and whether it is final. */
export function renderReadmeOutcomes(facts: ProviderFacts): string {
  const { outcomes } = facts;
  const header = ["status", "outcome", "terminal", "why"];
  const rows = Object.entries(outcomes.statuses).map(([status, outcome]) => [
    `\`${status}\``,
    `\`${outcome}\``,
    isTerminalOutcome(outcome) ? "yes" : "no",
    (outcomes.notes[status] ?? "").replaceAll("|", "\\|"),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [
    `A webhook event's \`outcome\` is read from ${outcomes.field}. Any other status, or none, is \`unknown\` — never a success: re-fetch the outcome before acting on it.`,
    "",
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
    "",
    `Source: ${outcomes.source}${outcomes.inferred ? ` Inferred: ${outcomes.inferred}` : ""}`,
  ].join("\n");
}

/** `text` with the part between a provider README's outcome markers replaced by its table. */
export function replaceReadmeOutcomes(text: string, facts: ProviderFacts): string {
  return replaceBetweenMarkers(
    text,
    outcomeMarkers(facts.name),
    renderReadmeOutcomes(facts),
    `packages/${facts.name}/README.md: the outcomes table`,
  );
}

/** `text` with the part between `markers` replaced by `content`; an error naming `what` when a marker is missing. */
function replaceBetweenMarkers(
  text: string,
  markers: { start: string; end: string },
  content: string,
  what: string,
): string {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`${what} needs the markers ${markers.start} … ${markers.end}`);
  return `${text.slice(0, start + markers.start.length)}\n${content}\n${text.slice(end)}`;
}
