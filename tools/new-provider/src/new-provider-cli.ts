// `pnpm new-provider <name>`: scaffolds packages/<name> from specs/<name>.yaml — package.json from
// the shared template, generated types, a client factory skeleton and a contract-test file — and
// registers the spec with the linter.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import { parseDocument } from "yaml";
import { providerPackageFiles, type SpecSummary } from "./new-provider-files.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error("usage: pnpm new-provider <name>   (kebab-case; specs/<name>.yaml must exist)");
  process.exit(1);
}
const specPath = join(rootDir, "specs", `${name}.yaml`);
const packageDir = join(rootDir, "packages", name);
if (!existsSync(specPath)) {
  console.error(`new-provider: write specs/${name}.yaml first`);
  process.exit(1);
}
if (existsSync(packageDir)) {
  console.error(`new-provider: packages/${name} already exists; it will not be overwritten`);
  process.exit(1);
}

const bundled = await bundle({ ref: specPath, config: await createConfig({}), dereference: true });
const document = bundled.bundle.parsed as {
  info: { title: string; summary?: string; description?: string };
  servers?: { url: string }[];
  components?: { securitySchemes?: Record<string, { type: string; in?: string; name?: string; scheme?: string }> };
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const schemes = Object.values(document.components?.securitySchemes ?? {});
const header = schemes.find((s) => s.type === "apiKey" && s.in === "header");
const basic = schemes.find((s) => s.type === "http" && s.scheme?.toLowerCase() === "basic");
if (!header && !basic) {
  console.error("new-provider: the spec needs an apiKey-in-header or HTTP Basic security scheme");
  process.exit(1);
}
const summary: SpecSummary = {
  name,
  title: document.info.title,
  summary: document.info.summary ?? document.info.title,
  defaultServer: document.servers?.[0]?.url ?? "https://example.invalid",
  specFiles: [...new Set([specPath, ...bundled.fileDependencies].map((file) => relative(rootDir, file)))].sort(),
  auth: basic ? { kind: "basic" } : { kind: "header", header: header?.name ?? "" },
  operationIds: Object.values(document.paths).flatMap((item) =>
    Object.values(item).flatMap((op) => (typeof op === "object" && op?.operationId ? [op.operationId] : [])),
  ),
};

// Every published package ships the repository's license.
const files = { ...providerPackageFiles(summary), LICENSE: readFileSync(join(rootDir, "LICENSE"), "utf8") };
for (const [file, content] of Object.entries(files)) {
  const path = join(packageDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`new-provider: wrote packages/${name}/${file}`);
}

// Register the spec with the linter (specs/redocly.yaml `apis`).
const lintConfigPath = join(rootDir, "specs", "redocly.yaml");
const lintConfig = parseDocument(readFileSync(lintConfigPath, "utf8"));
if (!lintConfig.hasIn(["apis", name])) {
  lintConfig.setIn(["apis", name], { root: `./${name}.yaml` });
  writeFileSync(lintConfigPath, lintConfig.toString());
  console.log(`new-provider: added ${name} to specs/redocly.yaml`);
}

const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: rootDir, stdio: "inherit" });
run(process.execPath, [join(rootDir, "tools/codegen/src/codegen-cli.ts"), "--only", name]);
run("pnpm", ["install", "--prefer-offline"]);
run("pnpm", ["exec", "biome", "check", "--write", packageDir, lintConfigPath]);
console.log(
  `\nNext: write the provider-specific code in packages/${name}/src/${name}-client.ts, fill the contract test's calls, then pnpm test.`,
);
