// Fresh consumer projects for the release end-to-end test: each is a temp folder outside the
// workspace with its own package.json, installed with npm from the local registry like a user would.
import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, sep } from "node:path";
import { providerNames } from "../../codegen/src/render-client.ts";
import { dummyCredentials } from "../../codegen/src/render-workspace.ts";
import { readProviderFacts } from "../../codegen/src/spec-facts.ts";
import { type RunResult, run } from "./run-command.ts";

/** The Node every workspace script runs on (the `node` devDependency, 24.x). */
export const NODE_24 = realpathSync(process.execPath);
/** The machine's own Node (20.x on CI), the oldest line published packages support. */
export const SYSTEM_NODE = "/usr/bin/node";
/** The pinned @types/node a TypeScript consumer installs. */
const TYPES_NODE = "24.19.2";

/**
 * The environment of a consumer: the machine's, without anything pnpm or the workspace put there
 * (npm_config_* variables would outrank the project's settings; node_modules/.bin would lend it
 * the workspace's tools and Node 24). `nodeBinDir` puts that Node first on PATH.
 */
export function consumerEnv(nodeBinDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/i.test(key) || /^(VITEST|NODE_OPTIONS|NODE$|INIT_CWD|PNPM_)/.test(key)) continue;
    env[key] = value;
  }
  const path = (process.env.PATH ?? "")
    .split(delimiter)
    .filter(
      (entry) => entry !== "" && !entry.includes(`${sep}node_modules${sep}`) && !entry.includes(`${sep}pnpm${sep}`),
    );
  env.PATH = [...(nodeBinDir ? [nodeBinDir] : []), ...path].join(delimiter);
  return env;
}

/** The registry npm is configured with on this machine (read, never written down). */
export async function upstreamRegistry(cwd: string): Promise<string> {
  const result = await run("npm", ["config", "get", "registry"], { cwd, env: consumerEnv() });
  const url = result.stdout.trim();
  if (!/^https?:\/\//.test(url)) throw new Error(`npm has no registry configured (got "${url}")`);
  return url.endsWith("/") ? url : `${url}/`;
}

export interface ConsumerProject {
  dir: string;
  /** What `npm install` printed (warnings included when the project installs with `engineStrict`). */
  install: RunResult;
  /**
   * Runs a command in the project (or in `options.cwd`) with the consumer environment; with
   * `allowFailure` a non-zero exit resolves instead of throwing.
   */
  run(
    command: string,
    args: string[],
    env?: NodeJS.ProcessEnv,
    options?: { cwd?: string; allowFailure?: boolean },
  ): Promise<RunResult>;
  /** Resolves a module specifier the way the project's Node would (exports included). */
  resolve(specifier: string): string;
  /** The packages installed under node_modules/@verifetch (folder names). */
  verifetchPackages(): string[];
}

export interface ConsumerOptions {
  dir: string;
  registry: string;
  /** The npm cache for this run (a throwaway folder, so nothing stale is installed). */
  npmCache: string;
  manifest: Record<string, unknown>;
  files: Record<string, string>;
  /**
   * Install with `--engine-strict` (an engine a dependency declares that the system Node does not
   * meet fails the install) and keep npm's warnings in {@link ConsumerProject.install}.
   */
  engineStrict?: boolean;
}

/** Writes a project and installs it with npm from `registry` (every package, ours and third-party, comes through it). */
export async function createConsumer(options: ConsumerOptions): Promise<ConsumerProject> {
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(join(options.dir, "package.json"), `${JSON.stringify(options.manifest, null, 2)}\n`);
  for (const [file, content] of Object.entries(options.files)) {
    mkdirSync(dirname(join(options.dir, file)), { recursive: true });
    writeFileSync(join(options.dir, file), content);
  }
  const env = consumerEnv();
  const install = await run(
    "npm",
    [
      "install",
      "--registry",
      options.registry,
      "--cache",
      options.npmCache,
      "--no-audit",
      "--no-fund",
      "--no-update-notifier",
      "--ignore-scripts",
      ...(options.engineStrict ? ["--engine-strict", "--loglevel", "warn"] : ["--loglevel", "error"]),
    ],
    { cwd: options.dir, env, timeoutMs: 300_000 },
  );
  return {
    dir: options.dir,
    install,
    run: (command, args, runEnv, runOptions = {}) =>
      run(command, args, {
        cwd: runOptions.cwd ?? options.dir,
        env: runEnv ?? env,
        timeoutMs: 120_000,
        allowFailure: runOptions.allowFailure ?? false,
      }),
    resolve: (specifier) => createRequire(join(options.dir, "package.json")).resolve(specifier),
    verifetchPackages: () => readdirSync(join(options.dir, "node_modules", "@verifetch")).sort(),
  };
}

/** The workspace's TypeScript compiler (the version a user would install, 5.9). */
export const TSC = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");

/** Type-checks (or, with an outDir in its tsconfig, compiles) a consumer project. */
export function tsc(project: ConsumerProject): Promise<RunResult> {
  return run(NODE_24, [TSC, "-p", join(project.dir, "tsconfig.json")], {
    cwd: project.dir,
    env: consumerEnv(),
    timeoutMs: 120_000,
  });
}

/** Bundles `entry` for the browser with esbuild (the workspace's pinned copy), as an app's bundler would. */
export async function bundleForBrowser(project: ConsumerProject, entry: string, define: Record<string, string>) {
  const esbuild = await import("esbuild");
  const outfile = join(project.dir, "dist", "bundle.mjs");
  const result = await esbuild.build({
    absWorkingDir: project.dir,
    entryPoints: [join(project.dir, entry)],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    outfile,
    metafile: true,
    logLevel: "silent",
    define,
  });
  return { outfile, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * A provider package as the consumer programs use it, from its spec: its factory, dummy credentials
 * that pass the client's own checks, the create-session method with the spec's documented request
 * example, and where the hosted URL is in the answer.
 */
export interface ConsumerProvider {
  /** The spec's and package folder's name, e.g. `verifa`. */
  name: string;
  packageName: string;
  /** `createVerifa`. */
  factory: string;
  /** `verifaSessions`. */
  adapter: string;
  /** `{ apiKey: "vk_sandbox_release_e2e" }`, as code. */
  credentials: string;
  /** `createSession`. */
  createOperation: string;
  /** The create call's arguments, as code (path-parameter examples, then the request example). */
  createArguments: string;
  /** The answer's hosted URL, as code reading `session` (e.g. `session.capture_url`). */
  urlExpression: string;
}

/** The consumer programs' view of `specs/<name>.yaml`. */
export function consumerProvider(rootDir: string, name: string): ConsumerProvider {
  const facts = readProviderFacts(rootDir, name);
  const names = providerNames(facts);
  const create = facts.session.create;
  const path = create.pathParameters.map((parameter) => JSON.stringify(create.pathExamples[parameter] ?? ""));
  const body = create.body ? [JSON.stringify(create.requestExample ?? {}, null, 2)] : [];
  const urlPath = facts.session.required
    .flatMap((field) => field.split("|"))
    .find((field) => {
      const value = field
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], create.responseExample);
      return typeof value === "string" && value.startsWith("https://");
    });
  if (urlPath === undefined)
    throw new Error(`${facts.specPath}: no hosted URL among ${facts.session.required.join(", ")}`);
  return {
    name,
    packageName: facts.packageName,
    factory: names.factory,
    adapter: `${facts.identifier.charAt(0).toLowerCase()}${facts.identifier.slice(1)}Sessions`,
    credentials: JSON.stringify(dummyCredentials(facts, "release_e2e")),
    createOperation: create.operationId,
    createArguments: [...path, ...body].join(", "),
    urlExpression: `session.${urlPath.split(".").join("?.")}`,
  };
}

/** The body of every single-provider program: one create call through a recording fetch. */
const providerCall = (provider: ConsumerProvider, baseUrl: string) => `
let userAgent: string | null = null;
const client = ${provider.factory}({
  ...${provider.credentials},
  baseUrl: ${baseUrl},
  fetch: (request) => {
    userAgent = request.headers.get("user-agent");
    return fetch(request);
  },
});
const session = await client.${provider.createOperation}(${provider.createArguments});
const url = ${provider.urlExpression};
`;

/** A TypeScript ESM project (`module: NodeNext`, strict, no DOM types) run with Node's type stripping. */
export function singleProviderEsmProject(provider: ConsumerProvider, version: string) {
  return {
    manifest: {
      name: "consumer-esm-typescript",
      private: true,
      type: "module",
      dependencies: { [provider.packageName]: `^${version}` },
      devDependencies: { "@types/node": TYPES_NODE },
    },
    files: {
      "tsconfig.json": tsconfig({ module: "nodenext", moduleResolution: "nodenext", types: ["node"], lib: ["es2023"] }),
      "main.ts": `import { ${provider.factory}, VERSION } from "${provider.packageName}";

// The published types are the real ones: a field the spec does not have does not compile.
// @ts-expect-error notARequestField is not a field of the create request
const notAField = () => ${provider.factory}().${provider.createOperation}({ notARequestField: true });
void notAField;

const baseUrl = process.argv[2];
if (!baseUrl) throw new Error("usage: node main.ts <mock base URL>");
${providerCall(provider, "baseUrl")}
console.log(JSON.stringify({ node: process.version, version: VERSION, userAgent, url }));
`,
    },
  };
}

/** A bundler-resolution project (\`moduleResolution: bundler\`, DOM types only), bundled for the browser. */
export function singleProviderBundlerProject(provider: ConsumerProvider, version: string) {
  return {
    manifest: {
      name: "consumer-bundler",
      private: true,
      type: "module",
      dependencies: { [provider.packageName]: `^${version}` },
    },
    files: {
      "tsconfig.json": tsconfig({ module: "preserve", moduleResolution: "bundler", types: [], lib: ["es2023", "dom"] }),
      "main.ts": `import { ${provider.factory}, VERSION } from "${provider.packageName}";

declare const __MOCK_BASE_URL__: string;
${providerCall(provider, "__MOCK_BASE_URL__")}
console.log(JSON.stringify({ version: VERSION, userAgent, url }));
`,
    },
  };
}

/** A CommonJS TypeScript project: compiled by tsc to \`require()\` calls, run on Node 20 and 24. */
export function singleProviderCommonJsProject(provider: ConsumerProvider, version: string) {
  return {
    manifest: {
      name: "consumer-commonjs",
      private: true,
      type: "commonjs",
      dependencies: { [provider.packageName]: `^${version}` },
      devDependencies: { "@types/node": TYPES_NODE },
    },
    files: {
      "tsconfig.json": tsconfig(
        { module: "nodenext", moduleResolution: "nodenext", types: ["node"], lib: ["es2023"], outDir: "dist" },
        { noEmit: false },
      ),
      "main.cts": `import { ${provider.factory}, VERSION } from "${provider.packageName}";

async function main(): Promise<void> {
  const baseUrl = process.argv[2];
  if (!baseUrl) throw new Error("usage: node dist/main.cjs <mock base URL>");
${indentLines(providerCall(provider, "baseUrl"), 2)}
  console.log(JSON.stringify({ node: process.version, version: VERSION, userAgent, url }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`,
      // Plain ESM JavaScript too, for Node 20 (which cannot strip types).
      "main.mjs": `import { ${provider.factory}, VERSION } from "${provider.packageName}";

const baseUrl = process.argv[2];
${providerCall(provider, "baseUrl").replace("let userAgent: string | null = null;", "let userAgent = null;")}
console.log(JSON.stringify({ node: process.version, version: VERSION, userAgent, url }));
`,
    },
  };
}

/** A provider of the facade project: its consumer view and the session input its adapter accepts. */
export interface FacadeProvider extends ConsumerProvider {
  /** The \`createSession\` input, as JSON (made from the spec's example; see the CLI's exampleSessionInput). */
  input: Record<string, unknown>;
  version: string;
}

const facadeSetup = (providers: readonly FacadeProvider[]) => `const vf = createVerifetch({
  providers: {
${providers
  .map(
    (provider, index) =>
      `    ${JSON.stringify(provider.name)}: ${provider.adapter}(${provider.factory}({ ...${provider.credentials}, baseUrl: urls[${index}] })),`,
  )
  .join("\n")}
  },
});`;

const facadeCalls = (
  providers: readonly FacadeProvider[],
) => `const sessions: { provider: string; id: string; url: string }[] = [];
${providers
  .map(
    (provider) =>
      `sessions.push(await vf.createSession(${JSON.stringify(provider.name)}, ${JSON.stringify(provider.input)}));`,
  )
  .join("\n")}
const summary = sessions.map((session) => ({
  provider: session.provider,
  id: session.id,
  url: session.url,
}));`;

const facadeImports = (providers: readonly FacadeProvider[]) =>
  `${providers
    .map(
      (provider) =>
        `import { ${[provider.adapter, provider.factory].sort().join(", ")} } from "${provider.packageName}";`,
    )
    .join("\n")}
import { createVerifetch } from "verifetch";`;

/**
 * The facade with \`providers\` (each with the input its adapter accepts): ESM and CommonJS TypeScript
 * (NodeNext), compiled to dist/main.js and dist/main.cjs, taking the mocks' URLs in order.
 */
export function facadeProject(verifetchVersion: string, providers: readonly FacadeProvider[]) {
  return {
    manifest: {
      name: "consumer-facade",
      private: true,
      type: "module",
      dependencies: {
        verifetch: `^${verifetchVersion}`,
        ...Object.fromEntries(providers.map((provider) => [provider.packageName, `^${provider.version}`])),
      },
      devDependencies: { "@types/node": TYPES_NODE },
    },
    files: {
      "tsconfig.json": tsconfig(
        { module: "nodenext", moduleResolution: "nodenext", types: ["node"], lib: ["es2023"], outDir: "dist" },
        { noEmit: false, files: ["main.ts", "main.cts"] },
      ),
      "main.ts": `${facadeImports(providers)}

const urls = process.argv.slice(2);
${facadeSetup(providers)}
// Provider keys are typed: one that was not registered does not compile.
// @ts-expect-error "not-a-provider" is not a registered provider
const unknownProvider = () => vf.createSession("not-a-provider", { reference: "user_123" });
void unknownProvider;
${facadeCalls(providers)}
console.log(JSON.stringify({ node: process.version, sessions: summary }));
`,
      "main.cts": `${facadeImports(providers)}

async function main(): Promise<void> {
  const urls = process.argv.slice(2);
${indentLines(facadeSetup(providers), 2)}
${indentLines(facadeCalls(providers), 2)}
  console.log(JSON.stringify({ node: process.version, sessions: summary }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`,
    },
  };
}

/** A project that installs only the CLI (as \`npx @verifetch/cli\` or a devDependency would): no Prism. */
export function cliProject(version: string) {
  return {
    manifest: { name: "consumer-cli", private: true, devDependencies: { "@verifetch/cli": `^${version}` } },
    files: {},
    engineStrict: true,
  };
}

/**
 * A project that tests its own Verifa integration with @verifetch/testing, and has the CLI next to
 * it (so \`verifetch … --mock\` works). Its script runs on Node 20 from any working directory: a
 * session against the mock, a request the spec refuses, and a provider name with a typo.
 */
export function testingProject(versions: { testing: string; verifa: string; cli: string }) {
  return {
    manifest: {
      name: "consumer-testing",
      private: true,
      type: "module",
      devDependencies: {
        "@verifetch/testing": `^${versions.testing}`,
        "@verifetch/verifa": `^${versions.verifa}`,
        "@verifetch/cli": `^${versions.cli}`,
      },
    },
    files: {
      "test/mock-check.mjs": `import { startMock } from "@verifetch/testing";
import { createVerifa } from "@verifetch/verifa";

const outcome = (promise) =>
  promise.then(
    (value) => ({ value }),
    (error) => ({ error: { name: error.name, message: error.message } }),
  );
const mock = await startMock("verifa");
try {
  const verifa = createVerifa({ apiKey: "vk_sandbox_release_e2e", baseUrl: mock.baseUrl });
  const session = await verifa.createSession({ external_ref: "user_123" });
  const refused = await outcome(verifa.createSession({ external_ref: "user_123", country: "GBR" }));
  const typo = await outcome(startMock("verifaa"));
  console.log(JSON.stringify({
    node: process.version,
    specPath: mock.specPath,
    captureUrl: session.capture_url,
    refused: refused.error,
    violations: mock.violations(),
    typo: typo.error,
  }));
} finally {
  await mock.stop();
}
`,
    },
    engineStrict: true,
  };
}

/** The `@verifetch/testing` README's vitest recipe: the block after `<!-- recipe: <file> -->`, as written. */
export function testingRecipe(rootDir: string, file: string): string {
  const readme = readFileSync(join(rootDir, "packages", "testing", "README.md"), "utf8");
  const marker = `<!-- recipe: ${file} -->\n\`\`\`ts\n`;
  const start = readme.indexOf(marker);
  if (start === -1) throw new Error(`packages/testing/README.md has no ${JSON.stringify(marker.trim())} block`);
  const body = readme.slice(start + marker.length);
  return body.slice(0, body.indexOf("\n```\n") + 1);
}

/**
 * A user's own vitest suite, exactly as the @verifetch/testing README's recipe writes it: a
 * webhook handler and polling code tested with `signWebhook`, `webhookEventFor` and
 * `mock.scenario`. vitest is the user's (current major); it needs Node 22+, so this project installs
 * without --engine-strict and runs on the workspace's Node 24.
 */
export function recipeProject(
  versions: { verifetch: string; testing: string; veriff: string; vitest: string },
  recipe: string,
) {
  return {
    manifest: {
      name: "consumer-recipe",
      private: true,
      type: "module",
      dependencies: { verifetch: `^${versions.verifetch}`, "@verifetch/veriff": `^${versions.veriff}` },
      devDependencies: { "@verifetch/testing": `^${versions.testing}`, vitest: versions.vitest },
    },
    files: { "test/lifecycle.test.ts": recipe },
  };
}

function tsconfig(options: Record<string, unknown>, extra: { noEmit?: boolean; files?: string[] } = {}): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: "es2022",
        strict: true,
        noEmit: extra.noEmit ?? true,
        skipLibCheck: false,
        verbatimModuleSyntax: false,
        ...options,
      },
      ...(extra.files ? { files: extra.files } : {}),
    },
    null,
    2,
  )}\n`;
}

function indentLines(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? line : `${pad}${line}`))
    .join("\n");
}
