// `pnpm bench [--quick] [--out <file>]`: runs every contender and writes the markdown report to
// docs/benchmarks.md (or --out), and prints it. Progress goes to stderr.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "./bench-paths.ts";
import { renderReport } from "./bench-report.ts";
import { FULL_OPTIONS, QUICK_OPTIONS, runBench } from "./bench-run.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string" },
  },
});

const out = resolve(values.out ?? resolve(REPO_ROOT, "docs/benchmarks.md"));
const results = await runBench({
  ...(values.quick ? QUICK_OPTIONS : FULL_OPTIONS),
  log: (line) => process.stderr.write(`bench: ${line}\n`),
});
const markdown = renderReport(results);
writeFileSync(out, markdown);
process.stdout.write(markdown);
process.stderr.write(`bench: wrote ${out} (${(results.durationMs / 1000).toFixed(1)} s)\n`);
