// `pnpm docs [--out <dir>]`: builds the offline API reference site (default docs/site/).
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { buildDocsSite, DEFAULT_OUT_DIR, REPO_ROOT } from "./docs-build.ts";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const outDir = values.out ?? DEFAULT_OUT_DIR;

try {
  const result = await buildDocsSite({ outDir });
  const shown = (file: string) => {
    const path = relative(process.cwd(), file);
    return path.startsWith("..") ? file : path;
  };
  for (const page of result.pages) {
    const kib = Math.round(page.bytes / 1024);
    console.log(`docs: ${shown(page.file)}  ${page.facts.operations.length} operations  ${kib} KiB`);
  }
  console.log(`docs: ${shown(result.indexFile)}  ${result.pages.length} providers`);
  console.log(`docs: built offline in ${(result.durationMs / 1000).toFixed(1)} s; open ${shown(result.indexFile)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`docs: build failed (repository ${REPO_ROOT})`);
  process.exitCode = 1;
}
