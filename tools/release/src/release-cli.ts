// `pnpm release [--dry-run] [--no-provenance] [--registry <url>]`: version, build, check and publish
// every package with pending changesets (see CONTRIBUTING.md). The same steps run in the release
// end-to-end test against a local Verdaccio.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { release } from "./release-steps.ts";
import { REPO_ROOT } from "./workspace-packages.ts";

const { values } = parseArgs({
  options: {
    "dry-run": { type: "boolean", default: false },
    "no-provenance": { type: "boolean", default: false },
    registry: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: pnpm release [--dry-run] [--no-provenance] [--registry <url>]

Versions the packages with pending changesets, builds, packs, checks the tarballs (publint, attw,
release rules, size budgets), commits "Version packages", publishes the tarballs with provenance
and tags each release. Then push: git push --follow-tags

  --dry-run         stop after the checks (the version bumps stay in the tree for review)
  --no-provenance   publish without a provenance attestation (outside CI, which has no OIDC token)
  --registry <url>  publish to another registry, e.g. a local Verdaccio (default: pnpm's registry)`);
  process.exit(0);
}

const packDir = mkdtempSync(join(tmpdir(), "verifetch-release-"));
try {
  const summary = await release({
    rootDir: REPO_ROOT,
    registry: values.registry,
    provenance: !values["no-provenance"],
    packDir,
    dryRun: values["dry-run"],
    log: (line) => console.log(line),
  });
  console.log(summary.sizes.trim());
  const list = summary.packed.map((item) => `  ${item.name}@${item.version}`).join("\n");
  if (summary.packed.length === 0) {
    console.log("release: nothing to publish");
  } else if (values["dry-run"]) {
    console.log(
      `release: dry run passed; would publish:\n${list}\nUndo the version bumps (the tree was clean before): git checkout -- .changeset packages && git clean -f -- .changeset packages`,
    );
  } else {
    console.log(`release: published\n${list}\nNow push the version commit and the tags: git push --follow-tags`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
