// `pnpm new-provider <name>`: adds a provider from specs/<name>.yaml. It writes packages/<name>'s
// frame (package.json from the shared template, tsconfigs, build, turbo.json, LICENSE, README
// skeleton, src/index.ts and the src/<name>-sessions.ts skeleton), registers the spec with the
// linter, then runs `pnpm codegen`, which writes everything else — the package's generated client,
// and every workspace file that lists the providers (CLI registry, @verifetch/testing's names, the
// README table, the bench consumer, the provider dependencies) — and `pnpm install` to link it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import { parseDocument } from "yaml";
import { readProviderFacts } from "../../codegen/src/spec-facts.ts";
import { providerPackageFiles } from "./new-provider-files.ts";

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

// The facts first: a spec without its x-verifetch-* facts (or with a malformed one) stops here, naming it.
let facts: ReturnType<typeof readProviderFacts>;
try {
  facts = readProviderFacts(rootDir, name, `@verifetch/${name}`);
} catch (error) {
  console.error(`new-provider: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const bundled = await bundle({ ref: specPath, config: await createConfig({}), dereference: false });
const specFiles = [...new Set([specPath, ...bundled.fileDependencies].map((file) => relative(rootDir, file)))].sort();

// Every published package ships the repository's license.
const files = { ...providerPackageFiles(facts, specFiles), LICENSE: readFileSync(join(rootDir, "LICENSE"), "utf8") };
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
// A full run: the package's generated modules and every workspace file that lists the providers.
run(process.execPath, [join(rootDir, "tools/codegen/src/codegen-cli.ts")]);
run("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"]);
run("pnpm", ["exec", "biome", "check", "--write", packageDir]);
console.log(
  `\nNext: write the facade mapping in packages/${name}/src/${name}-sessions.ts (each TODO is a type error until then), its tests and its README; give it a size budget in tools/release/size-budgets.json; then pnpm test.`,
);
