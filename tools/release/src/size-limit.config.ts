// Size budgets, checked by `pnpm size` (part of `pnpm test` and of `pnpm release`) with size-limit
// and esbuild: the named import bundled for the browser (esbuild's default platform), minified,
// with every dependency included (openapi-fetch, @verifetch/core), measured gzipped.
// One budget per provider package — every package with generated code and a spec, its factory named
// by its spec — plus the combined bundles listed in tools/release/size-budgets.json. The limits live
// in that file, keyed by package: a budget is the size measured when it was set, rounded up a little,
// and is a ratchet (never raised; find the bytes elsewhere in the bundle). A provider package without
// a limit there fails `pnpm size`, saying what to add. The README's table shows what `pnpm size`
// prints. Issue 7 aims at <= 4.0 kB for one provider and <= 5.0 kB for the facade plus one.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { providerNames } from "../../codegen/src/render-client.ts";
import { findSpecNames, readProviderFacts } from "../../codegen/src/spec-facts.ts";

interface Budget {
  name: string;
  /** Package folders under packages/ whose built entry points the bundle imports, with the import clause. */
  imports: Record<string, string>;
  /** Gzipped size limit (size-limit syntax; 1 kB = 1000 bytes). */
  limit: string;
}

/** tools/release/size-budgets.json: the limits, by provider package name, and the combined bundles. */
interface BudgetFile {
  providers: Record<string, string>;
  bundles: Record<string, { imports: Record<string, string>; limit: string }>;
}

const root = join(import.meta.dirname, "../../..");
const BUDGET_FILE = "tools/release/size-budgets.json";
const entry = (folder: string) => join(root, "packages", folder, "dist", "index.mjs");

/** A provider package: a folder under packages/ with generated code and a spec of the same name. */
export function providerFolders(rootDir: string): string[] {
  return findSpecNames(rootDir).filter((name) => existsSync(join(rootDir, "packages", name, "src", "generated")));
}

/**
 * Every budget: one per provider package (its factory, as a user bundles it with core and
 * openapi-fetch), then the combined bundles. Throws, naming what to add, for a provider package
 * without a limit in the budget file.
 */
export function budgets(rootDir: string = root): Budget[] {
  const file = JSON.parse(readFileSync(join(rootDir, BUDGET_FILE), "utf8")) as BudgetFile;
  const providers = providerFolders(rootDir).map((folder): Budget => {
    const facts = readProviderFacts(rootDir, folder);
    const factory = providerNames(facts).factory;
    const limit = file.providers[facts.packageName];
    if (limit === undefined) {
      throw new Error(
        `size: ${facts.packageName} has no size budget. Add "${facts.packageName}": "<limit>" to "providers" in ${BUDGET_FILE}: build it, measure with \`pnpm size\` (a generous limit first, e.g. "10 kB"), then set the measured gzipped size rounded up a little — a budget only ever goes down.`,
      );
    }
    return { name: `${facts.packageName}: ${factory}`, imports: { [folder]: `{ ${factory} }` }, limit };
  });
  const combined = Object.entries(file.bundles).map(([name, bundle]): Budget => ({ name, ...bundle }));
  return [...providers, ...combined];
}

// A combined bundle whose package is not in the workspace is skipped, loudly; a package that exists
// but is not built fails (size-limit reports the missing file): run `pnpm build` first.
const active = budgets().filter((budget) => {
  const missing = Object.keys(budget.imports).filter((folder) => !existsSync(join(root, "packages", folder)));
  if (missing.length > 0)
    console.warn(`size: skipped "${budget.name}": packages/${missing.join(", packages/")} missing`);
  return missing.length === 0;
});

export default active.map((budget) => ({
  name: budget.name,
  path: Object.keys(budget.imports).map(entry),
  import: Object.fromEntries(Object.entries(budget.imports).map(([folder, clause]) => [entry(folder), clause])),
  limit: budget.limit,
  gzip: true,
}));
