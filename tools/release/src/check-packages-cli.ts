// `pnpm check:packages`: packs every published workspace package with pnpm and runs the release
// checks (release metadata, publint, attw --profile esm-only) on each tarball. Run after a build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkTarballs, formatReports, packWithPnpm } from "./package-checks.ts";
import { mapLimit } from "./run-command.ts";
import { publishedPackages, REPO_ROOT } from "./workspace-packages.ts";

const started = Date.now();
const outDir = mkdtempSync(join(tmpdir(), "verifetch-pack-"));
try {
  const packages = publishedPackages(REPO_ROOT);
  const packed = await mapLimit(packages, 2, (pkg) => packWithPnpm(pkg, outDir));
  const reports = await checkTarballs(packed, REPO_ROOT);
  console.log(formatReports(reports));
  const failed = reports.filter((report) => report.problems.length > 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed.length > 0) {
    console.error(
      `\ncheck:packages: ${failed.length} of ${reports.length} packages would publish broken (${seconds} s)`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `check:packages: ${reports.length} packages pass publint, attw --profile esm-only and the release rules (${seconds} s)`,
    );
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
