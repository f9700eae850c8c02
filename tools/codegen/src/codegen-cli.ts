// `pnpm codegen [--check] [--only <name>]`: regenerate (or verify) every provider package's generated
// modules (types, client, descriptor, version, index) and bundled spec; a full run (no `--only`) also
// regenerates the workspace files that list the providers (codegen-workspace.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { findSpecTargets, missingPackages, renderBundledSpec, renderModules, renderTypes } from "./codegen.ts";
import { renderWorkspaceOutputs } from "./codegen-workspace.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
const { values } = parseArgs({
  options: { check: { type: "boolean", default: false }, only: { type: "string", multiple: true } },
});

const allTargets = findSpecTargets(rootDir);
const targets = values.only ? allTargets.filter((t) => values.only?.includes(t.name)) : allTargets;
const unknown = (values.only ?? []).filter((name) => !allTargets.some((t) => t.name === name));
if (unknown.length > 0) {
  console.error(`codegen: no spec named ${unknown.map((n) => `specs/${n}.yaml`).join(", ")}`);
  process.exit(1);
}
const orphans = missingPackages(rootDir, targets);
if (orphans.length > 0) {
  for (const t of orphans) {
    console.error(`codegen: specs/${t.name}.yaml has no package; run \`pnpm new-provider ${t.name}\``);
  }
  process.exit(1);
}

const stale: string[] = [];
const outputs = await Promise.all(
  targets.flatMap((target) => [
    renderTypes(rootDir, target).then((content) => ({ path: target.outputPath, content })),
    renderBundledSpec(rootDir, target).then((content) => ({ path: target.bundlePath, content })),
    ...renderModules(rootDir, target).map((output) => Promise.resolve(output)),
  ]),
);
// `--only` runs (each package's turbo codegen task, in parallel) leave the shared files alone.
if (!values.only) outputs.push(...renderWorkspaceOutputs(rootDir, (message) => console.warn(message)));
for (const output of outputs) {
  const outputRelative = relative(rootDir, output.path);
  let current: string | undefined;
  try {
    current = readFileSync(output.path, "utf8");
  } catch {
    current = undefined;
  }
  if (current === output.content) continue;
  if (values.check) {
    stale.push(outputRelative);
  } else {
    mkdirSync(dirname(output.path), { recursive: true });
    writeFileSync(output.path, output.content);
    console.log(`codegen: wrote ${outputRelative}`);
  }
}

if (stale.length > 0) {
  for (const file of stale) console.error(`codegen --check: ${file} is stale (differs from what its spec produces)`);
  console.error("Run `pnpm codegen` and commit the result.");
  process.exit(1);
}
if (values.check)
  console.log(`codegen --check: ${outputs.length} generated files of ${targets.length} spec(s) up to date`);
