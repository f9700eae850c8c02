// Builds the API reference site into a folder: <name>.html per spec (Redocly build-docs, offline)
// and index.html (the providers, their facts and the feature matrix). Every page is checked for
// remote references before the build reports success.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { findSpecNames, type ProviderFacts, readProviderFacts } from "../../codegen/src/spec-facts.ts";
import { type IndexEntry, renderIndexPage } from "./docs-index-page.ts";
import { remoteReferences } from "./docs-offline-check.ts";
import { buildReferencePage } from "./docs-reference-page.ts";

/** The repository root. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

/** The default output folder (gitignored). */
export const DEFAULT_OUT_DIR = join(REPO_ROOT, "docs", "site");

/** Options of {@link buildDocsSite}. */
export interface DocsBuildOptions {
  /** Where the site is written; created if needed. Stale `*.html` files in it are removed. */
  outDir: string;
  /** The repository to read specs and packages from (default: this one). */
  rootDir?: string;
}

/** One built reference page. */
export interface BuiltPage {
  name: string;
  file: string;
  bytes: number;
  facts: ProviderFacts;
}

/** What {@link buildDocsSite} produced. */
export interface DocsBuildResult {
  outDir: string;
  indexFile: string;
  pages: BuiltPage[];
  durationMs: number;
}

/** Builds the whole site into `options.outDir`. */
export async function buildDocsSite(options: DocsBuildOptions): Promise<DocsBuildResult> {
  const started = performance.now();
  const rootDir = options.rootDir ?? REPO_ROOT;
  const outDir = resolve(options.outDir);
  // Read every spec first: a malformed x-verifetch fact fails before anything is rendered.
  const facts = findSpecNames(rootDir).map((name) => readProviderFacts(rootDir, name));
  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) rmSync(join(outDir, entry.name));
  }
  const href = (target: string) =>
    relative(outDir, target).split("\\").join("/").split("/").map(encodeURIComponent).join("/");
  const entries: IndexEntry[] = facts.map((provider) => ({
    facts: provider,
    links: {
      reference: `${encodeURIComponent(provider.name)}.html`,
      readme: href(join(rootDir, "packages", provider.name, "README.md")),
      spec: href(join(rootDir, provider.specPath)),
    },
  }));

  await Promise.all(
    entries.map((entry) =>
      buildReferencePage({
        rootDir,
        specPath: join(rootDir, entry.facts.specPath),
        outputPath: join(outDir, `${entry.facts.name}.html`),
        packageName: entry.facts.packageName,
        readmeHref: entry.links.readme,
      }),
    ),
  );
  const indexFile = join(outDir, "index.html");
  writeFileSync(indexFile, renderIndexPage(entries));

  const pages = entries.map((entry) => {
    const file = join(outDir, `${entry.facts.name}.html`);
    return { name: entry.facts.name, file, bytes: readFileSync(file).byteLength, facts: entry.facts };
  });
  const problems = [indexFile, ...pages.map((page) => page.file)].flatMap((file) =>
    remoteReferences(readFileSync(file, "utf8")).map((reference) => `${relative(outDir, file)}: ${reference}`),
  );
  if (problems.length > 0) {
    throw new Error(`docs: the site would load from the network:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  return { outDir, indexFile, pages, durationMs: performance.now() - started };
}
