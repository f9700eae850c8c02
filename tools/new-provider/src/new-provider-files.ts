// The files `pnpm new-provider <name>` writes, rendered from the spec. The client and the contract
// test are skeletons: the provider-specific code (methods, environments, key checks) is written by
// hand, and the generated contract test fails until every operation has a call.
import { constantCase, pascalCase, providerManifest } from "./provider-package-template.ts";

/** What the scaffold reads from a spec. */
export interface SpecSummary {
  name: string;
  title: string;
  summary: string;
  defaultServer: string;
  /** Files the spec is made of (itself and every file it `$ref`s), relative to the repo root. */
  specFiles: string[];
  auth: { kind: "header"; header: string } | { kind: "basic" };
  operationIds: string[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every file of a new provider package, keyed by path relative to `packages/<name>/`. */
export function providerPackageFiles(spec: SpecSummary): Record<string, string> {
  const Name = pascalCase(spec.name);
  const ENV = constantCase(spec.name);
  return {
    "package.json": json(providerManifest(spec.name, spec.summary, [])),
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
          inputs: [...spec.specFiles.map((file) => `$TURBO_ROOT$/${file}`), "$TURBO_ROOT$/tools/codegen/src/**"],
        },
      },
    }),
    "src/version.ts": `declare const __PACKAGE_VERSION__: string | undefined;

/** This package's version, baked in at build time (\`0.0.0-dev\` when run from source). */
export const VERSION: string = typeof __PACKAGE_VERSION__ === "string" ? __PACKAGE_VERSION__ : "0.0.0-dev";
`,
    "src/index.ts": `export {
  ${Name},
  type ${Name}ApiClient,
  ${Name.charAt(0).toLowerCase()}${Name.slice(1)}ApiClient,
  type ${Name}Options,
  ${ENV}_BASE_URL,
  create${Name},
} from "./${spec.name}-client.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";
`,
    [`src/${spec.name}-client.ts`]: clientSource(spec, Name, ENV),
    [`src/${spec.name}-contract.test.ts`]: contractTestSource(spec, Name),
    // The example is the provider's create-session call once the client has it; until then it does
    // not compile, so tools/readme-examples (which runs every README's example) fails and says so.
    "README.md": `# @verifetch/${spec.name}

${spec.summary}

## Install

\`\`\`sh
npm install @verifetch/${spec.name}
\`\`\`

<!-- readme-example: run by tools/readme-examples against a mock of the spec; keep it working -->
\`\`\`ts
import { create${Name} } from "@verifetch/${spec.name}";

const client = create${Name}(); // reads the API key from the environment at the first request
const session = await client.${spec.operationIds[0] ?? "createSession"}({ /* the create-session body */ });
console.log(session); // print the hosted URL to send the user to
\`\`\`

Generated from [\`specs/${spec.name}.yaml\`](../../specs/${spec.name}.yaml) (${spec.title}). Add the
package to tools/readme-examples (its devDependencies and \`PRINTS\`) and write Options, Errors and the
facade mapping table below.
`,
  };
}

function clientSource(spec: SpecSummary, Name: string, ENV: string): string {
  const camel = `${Name.charAt(0).toLowerCase()}${Name.slice(1)}`;
  const basic = spec.auth.kind === "basic";
  const credentialOptions = basic
    ? `  /** API key id. Defaults to \`${ENV}_API_KEY_ID\`, read at request time. */
  apiKeyId?: string;
  /** API key secret. Defaults to \`${ENV}_API_KEY_SECRET\`, read at request time. */
  apiKeySecret?: string;`
    : `  /** API key. Defaults to \`${ENV}_API_KEY\`, read at request time. */
  apiKey?: string;`;
  const fields = basic
    ? "  readonly #apiKeyId: string | undefined;\n  readonly #apiKeySecret: string | undefined;"
    : "  readonly #apiKey: string | undefined;";
  const assign = basic
    ? "    this.#apiKeyId = options.apiKeyId;\n    this.#apiKeySecret = options.apiKeySecret;"
    : "    this.#apiKey = options.apiKey;";
  const authenticate = basic
    ? `        const id = loadSetting({ value: this.#apiKeyId, option: "apiKeyId", envVar: "${ENV}_API_KEY_ID", description: "${Name} API key id" });
        const secret = loadSetting({ value: this.#apiKeySecret, option: "apiKeySecret", envVar: "${ENV}_API_KEY_SECRET", description: "${Name} API key secret" });
        return setBasicAuthorization(request, id, secret);`
    : `        const apiKey = loadSetting({ value: this.#apiKey, option: "apiKey", envVar: "${ENV}_API_KEY", description: "${Name} API key" });
        request.headers.set(${JSON.stringify(spec.auth.kind === "header" ? spec.auth.header : "")}, apiKey);
        return [apiKey];`;
  const imports = basic
    ? "createTransport, loadSetting, type OperationCaller, openApiClientOf, operationCaller, type ProviderClientOptions, setBasicAuthorization"
    : "createTransport, loadSetting, type OperationCaller, openApiClientOf, operationCaller, type ProviderClientOptions";
  return `import { ${imports} } from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

/** The typed openapi-fetch client for every operation in the ${Name} spec. */
export type ${Name}ApiClient = OpenApiClient<paths, "application/json">;

/** ${spec.title}: the default API host. */
export const ${ENV}_BASE_URL = ${JSON.stringify(spec.defaultServer)};

/** Options for {@link create${Name}}. */
export interface ${Name}Options extends ProviderClientOptions {
${credentialOptions}
}

/** A configured ${Name} client. Create it with {@link create${Name}}. */
export class ${Name} {
${fields}
  // Typed from the spec: this.#call("post", "/path", { body, params }, options) returns data or throws typed errors.
  readonly #call: OperationCaller<paths>;

  constructor(options: ${Name}Options = {}) {
${assign}
    const transport = createTransport(this, {
      packageName: ${JSON.stringify(spec.name)},
      version: VERSION,
      baseUrl: options.baseUrl ?? ${ENV}_BASE_URL,
      options,
      // Sets the credentials on each call and returns the secret values, which are redacted from errors and logs.
      authenticate: (request) => {
${authenticate}
      },
    });
    this.#call = operationCaller<paths>(transport);
  }

  // Add a method per operation the session flow needs, e.g.:
  //   ${spec.operationIds[0] ?? "operation"}(body: …, options?: CallOptions) { return this.#call("post", "/…", { body }, options); }
  // Operations in the spec: ${spec.operationIds.join(", ")}.
}

/** The typed openapi-fetch client of \`client\` for every operation of the spec (same credentials and retries). */
export function ${camel}ApiClient(client: ${Name}): ${Name}ApiClient {
  return openApiClientOf<paths>(client);
}

/** Creates a ${Name} client. Credentials are read lazily, so this never throws for a missing key. */
export function create${Name}(options: ${Name}Options = {}): ${Name} {
  return new ${Name}(options);
}
`;
}

function contractTestSource(spec: SpecSummary, Name: string): string {
  return `// Contract tests: the client against a Prism mock built from specs/${spec.name}.yaml.
import { describe, expect } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { create${Name} } from "./${spec.name}-client.ts";

const client = create${Name}({ baseUrl: mockBaseUrl(${JSON.stringify(spec.name)}) });

// One call per operation in the spec (${spec.operationIds.join(", ")}), each passing \`headers\` on.
const calls = {} satisfies Record<string, OperationCall>;

describe("${Name} contract (Prism)", () => {
  coversEveryOperation(${JSON.stringify(spec.name)}, calls);
  declaredErrorCases(${JSON.stringify(spec.name)}, calls, (body) => {
    expect(body).toBeDefined();
  });
  void client;
});
`;
}
