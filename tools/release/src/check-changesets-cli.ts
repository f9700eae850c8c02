// `pnpm check:changesets [--since <ref>]`: fails when a published package's src/ changed since its
// last release (or since <ref>, e.g. origin/main on a pull request) without a pending changeset.
import { parseArgs } from "node:util";
import { checkChangesets, formatChangesetChecks } from "./changeset-check.ts";
import { REPO_ROOT } from "./workspace-packages.ts";

const { values } = parseArgs({ options: { since: { type: "string" } } });
const checks = checkChangesets(REPO_ROOT, values.since);
console.log(formatChangesetChecks(checks));
const failing = checks.filter((check) => !check.ok);
if (failing.length > 0) {
  console.error(`\ncheck:changesets: ${failing.map((check) => check.name).join(", ")} changed without a changeset`);
  process.exitCode = 1;
}
