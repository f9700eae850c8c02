// The files `pnpm new-provider <name>` writes, from the spec's facts. Everything a spec can say is
// generated afterwards by `pnpm codegen` (src/generated/, the CLI's registry, the README table, …);
// what is written here is the package's frame and the one hand-written file a provider needs: its
// facade adapter, `src/<name>-sessions.ts`, a skeleton whose `TODO`s are type errors until the
// mapping is written (the package does not build before, and says where).
import type { ProviderFacts } from "../../codegen/src/spec-facts.ts";
import { providerManifest } from "./provider-package-template.ts";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The dotted field of a created session that holds its hosted URL, from the spec's response example. */
export function sessionUrlField(facts: ProviderFacts): string | undefined {
  return facts.session.required
    .flatMap((field) => field.split("|"))
    .find((field) => {
      const value = field
        .split(".")
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | null)?.[key],
          facts.session.create.responseExample,
        );
      return typeof value === "string" && value.startsWith("https://");
    });
}

/**
 * Every file of a new provider package, keyed by path relative to `packages/<name>/`. `specFiles`
 * are the files the spec is made of (itself and every file it `$ref`s), relative to the repo root.
 */
export function providerPackageFiles(facts: ProviderFacts, specFiles: readonly string[]): Record<string, string> {
  const { name } = facts;
  return {
    "package.json": json(providerManifest(name, facts.summary || facts.title, [])),
    "tsconfig.json": json({
      extends: "../../tools/tsconfig/base.json",
      include: ["src"],
      exclude: ["src/**/*.test.ts", "src/**/*.test-d.ts"],
    }),
    "tsconfig.test.json": json({
      extends: "../../tools/tsconfig/node.json",
      compilerOptions: { lib: ["ES2023", "DOM", "DOM.Iterable"] },
      include: ["src"],
    }),
    "tsdown.config.ts": `import { libraryConfig } from "../../tools/tsdown/library-config.ts";\n\nexport default libraryConfig(import.meta.dirname);\n`,
    "turbo.json": json({
      $schema: "https://turborepo.com/schema.json",
      extends: ["//"],
      tasks: {
        codegen: {
          inputs: [...specFiles.map((file) => `$TURBO_ROOT$/${file}`), "$TURBO_ROOT$/tools/codegen/src/**"],
        },
      },
    }),
    "src/index.ts": `export * from "./generated/index.ts";\nexport * from "./${name}-sessions.ts";\n`,
    [`src/${name}-sessions.ts`]: sessionsSkeleton(facts),
    "README.md": readme(facts),
  };
}

/** The facade adapter skeleton: the shape every provider's adapter has, with its holes marked. */
function sessionsSkeleton(facts: ProviderFacts): string {
  const id = facts.identifier;
  const camel = lowerFirst(id);
  const create = facts.session.create;
  const sandbox =
    facts.environments.decidedBy === "api-key" || facts.environments.decidedBy === "host"
      ? `client.environment === "sandbox"`
      : "null";
  return `// ${facts.displayName}'s truth for the \`verifetch\` facade: how the unified input becomes its
// ${create.operationId} request, how its answer becomes a HostedSession, and how its webhook payload
// becomes a WebhookEvent. Everything else (client, descriptor, webhook scheme, session lifetime) is
// generated from specs/${facts.name}.yaml. Written by \`pnpm new-provider\`: each \`TODO\` is a type error
// until it is replaced, so the package does not build before its mapping is written.
import { defineSessionAdapter, defineWebhookAdapter } from "@verifetch/core/provider";
import { type ${id}, ${camel}AdapterDescriptor, ${camel}Outcomes } from "./generated/index.ts";

/** ${facts.displayName}-only options of the unified \`createSession\` (\`providerOptions.${facts.name}\`). */
export interface ${id}SessionOptions {
  // TODO: the request fields the unified input has no place for.
}

/** A ${facts.displayName} webhook delivery, as its docs describe it. */
export interface ${id}WebhookPayload {
  [key: string]: unknown;
}

/** What \`${create.operationId}\` answers. */
type Created = Awaited<ReturnType<${id}[${JSON.stringify(create.operationId)}]>>;

/**
 * The facade adapter of a ${facts.displayName} client: \`createVerifetch({ providers: { ${JSON.stringify(facts.name)}: ${camel}Sessions(client) } })\`.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const ${camel}Sessions = /* @__PURE__ */ defineSessionAdapter(${camel}AdapterDescriptor, {
  // The languages its hosted flow offers (lowercase ISO 639-1), or null when the request takes none.
  languages: TODO,
  // The shared fields its request carries (the others are reported as unsent), and the ones it requires.
  input: { reference: TODO },
  // Its options, checked with field paths before any request: an InputSchema of ${id}SessionOptions.
  options: { properties: TODO },
  create: (client: ${id}, input, options: ${id}SessionOptions | undefined, call) =>
    // The unified input and the options as ${create.operationId}'s request${create.idempotencyHeader ? " (pass `call` on: it carries the idempotency key)" : ""}.
    client.${create.operationId}(TODO, call),
  // A created session must carry ${facts.session.required.map((field) => `\`${field}\``).join(", ")} (the spec's x-verifetch-session.required).
  session: (raw: Created, client) => ({ id: TODO, url: TODO, status: TODO, sandbox: ${sandbox} }),
});

/** The adapter \`${camel}Sessions(client)\` returns. */
export type ${id}Sessions = ReturnType<typeof ${camel}Sessions>;

/**
 * The webhook adapter of a ${facts.displayName} client: \`createVerifetch({ …, webhooks: { ${JSON.stringify(facts.name)}: ${camel}Webhooks(client) } })\`.
 * The signature scheme and secret come from the spec; this maps a verified payload.
 */
export const ${camel}Webhooks = /* @__PURE__ */ defineWebhookAdapter(${camel}AdapterDescriptor, ${camel}Outcomes, (payload) => {
  const event = payload as ${id}WebhookPayload;
  return { type: TODO, sessionId: TODO, reference: TODO, status: TODO, raw: event };
});
`;
}

/** The README skeleton: install, an example that runs against the mock (the spec's own create example), and what to write. */
function readme(facts: ProviderFacts): string {
  const create = facts.session.create;
  const factory = `create${facts.identifier}`;
  const client = lowerFirst(facts.identifier);
  const credentials = facts.schemes
    .filter((scheme) => create.auth.includes(scheme.name))
    .flatMap((scheme) => scheme.credentials.map((credential) => credential.envVar));
  const args = [
    ...create.pathParameters.map((parameter) => JSON.stringify(create.pathExamples[parameter] ?? "")),
    ...(create.body ? [JSON.stringify(create.requestExample ?? {}, null, 2)] : []),
  ];
  const url = sessionUrlField(facts);
  return `# ${facts.packageName}

${facts.summary || facts.title}

## Install

\`\`\`sh
npm install ${facts.packageName}
\`\`\`

<!-- readme-example: run by tools/readme-examples against a mock of the spec; keep it working -->
\`\`\`ts
import { ${factory} } from "${facts.packageName}";

const ${client} = ${factory}(); // reads ${credentials.join(" and ") || "its credentials"} when the first request is sent
const session = await ${client}.${create.operationId}(${args.join(", ")});
console.log(session${url ? propertyPath(url) : ""}); // send the user there
\`\`\`

Generated from [\`specs/${facts.name}.yaml\`](../../specs/${facts.name}.yaml) (${facts.title}): the client,
its options and methods, the environment rules, the webhook scheme and the facade adapter's
descriptor are in \`src/generated/\`; the facade mapping is \`src/${facts.name}-sessions.ts\`. Write the
Options, Errors and facade mapping sections from the provider's docs.

### Outcomes

<!-- generated:outcomes (pnpm codegen, from specs/${facts.name}.yaml; do not edit by hand) -->
<!-- /generated:outcomes -->
`;
}

/** A dotted response field as optional-chained property access (`meta.one-time-link` → `.meta?.["one-time-link"]`). */
function propertyPath(dotted: string): string {
  return dotted
    .split(".")
    .map((key, index) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key);
      if (index === 0) return name ? `.${key}` : `[${JSON.stringify(key)}]`;
      return name ? `?.${key}` : `?.[${JSON.stringify(key)}]`;
    })
    .join("");
}
