// Size budgets, checked by `pnpm size` (part of `pnpm test` and of `pnpm release`) with size-limit
// and esbuild: the named import bundled for the browser (esbuild's default platform), minified,
// with every dependency included (openapi-fetch, @verifetch/core), measured gzipped.
// A budget is the size measured when it was set, rounded up a little: raise it only on purpose,
// and update the table in the README (it shows what `pnpm size` prints). Issue 7 aims at <= 4.0 kB for
// one provider and <= 5.0 kB for the facade plus one; these budgets hold the sizes measured today,
// after the methods stopped bundling openapi-fetch's client (where the rest goes: docs/benchmarks.md).
import { existsSync } from "node:fs";
import { join } from "node:path";

interface Budget {
  name: string;
  /** Package folders under packages/ whose built entry points the bundle imports, with the import clause. */
  imports: Record<string, string>;
  /** Gzipped size limit (size-limit syntax; 1 kB = 1000 bytes). */
  limit: string;
}

/** One provider package, as a user bundles it: its factory, core and openapi-fetch. */
const provider = (folder: string, factory: string, limit: string): Budget => ({
  name: `@verifetch/${folder}: ${factory}`,
  imports: { [folder]: `{ ${factory} }` },
  limit,
});

export const BUDGETS: Budget[] = [
  provider("complycube", "createComplyCube", "5.1 kB"),
  provider("argyle", "createArgyle", "5.7 kB"),
  provider("argyle-partners", "createArgylePartners", "5.65 kB"),
  provider("verifa", "createVerifa", "5.3 kB"),
  provider("earthid", "createEarthId", "5.05 kB"),
  provider("veriff", "createVeriff", "5.6 kB"),
  {
    name: "verifetch + @verifetch/complycube: createVerifetch, createComplyCube, complyCubeSessions",
    imports: { verifetch: "{ createVerifetch }", complycube: "{ createComplyCube, complyCubeSessions }" },
    limit: "8.25 kB",
  },
];

const root = join(import.meta.dirname, "../../..");
const entry = (folder: string) => join(root, "packages", folder, "dist", "index.mjs");

// A budget for a package that is not in the workspace yet is skipped, loudly; a package that exists
// but is not built fails (size-limit reports the missing file): run `pnpm build` first.
const active = BUDGETS.filter((budget) => {
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
