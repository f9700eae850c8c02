// The changeset check (`pnpm check:changesets`, part of `pnpm test`): a change to the src/ of a
// published package since its last release needs a pending changeset that names the package, so
// every user-visible change reaches a version bump and a CHANGELOG line.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { pendingChangesets } from "./release-steps.ts";
import { publishedPackages } from "./workspace-packages.ts";

/** The verdict for one published package. */
export interface ChangesetCheck {
  name: string;
  /** What the package is compared with: its last release tag, or the `since` ref. Undefined: never released. */
  base: string | undefined;
  /** Non-test files under src/ that differ from `base` (committed, staged, unstaged or new). */
  changedFiles: string[];
  /** Pending changesets naming the package. */
  changesets: string[];
  ok: boolean;
}

/** Tests do not reach users; everything else under src/ (generated code included) does. */
const TEST_FILE = /\.test(-d)?\.ts$/;

/**
 * Checks every published package. `since` (a git ref, e.g. `origin/main` on a pull request) replaces
 * the default base, which is the package's newest release tag (`<name>@<version>`, created by
 * `changeset publish`). A package with neither has never been released: its first release ships
 * everything, so there is nothing to check yet.
 */
export function checkChangesets(rootDir: string, since?: string): ChangesetCheck[] {
  const byPackage = changesetsByPackage(rootDir);
  return publishedPackages(rootDir).map((pkg) => {
    const base = since ? mergeBase(rootDir, since) : latestReleaseTag(rootDir, pkg.name);
    const srcDir = relative(rootDir, join(pkg.dir, "src"));
    const changedFiles = base === undefined ? [] : changedSince(rootDir, base, srcDir);
    const changesets = byPackage.get(pkg.name) ?? [];
    return {
      name: pkg.name,
      base: since && base ? since : base,
      changedFiles,
      changesets,
      ok: changedFiles.length === 0 || changesets.length > 0,
    };
  });
}

/** Package name → pending changeset files that bump it (from each file's front matter). */
export function changesetsByPackage(rootDir: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const file of pendingChangesets(rootDir)) {
    const text = readFileSync(join(rootDir, ".changeset", file), "utf8");
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text)?.[1] ?? "";
    const releases = (parse(frontMatter) ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(releases)) {
      result.set(name, [...(result.get(name) ?? []), `.changeset/${file}`]);
    }
  }
  return result;
}

function git(rootDir: string, args: string[]): string {
  return execFileSync("git", args, { cwd: rootDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The newest `<name>@x.y.z` tag, by semver. */
export function latestReleaseTag(rootDir: string, name: string): string | undefined {
  const tags = git(rootDir, ["tag", "--list", `${name}@*`])
    .split("\n")
    .map((tag) => tag.trim())
    .filter((tag) => /@\d+\.\d+\.\d+(-[\w.]+)?$/.test(tag));
  const version = (tag: string) => (tag.slice(tag.lastIndexOf("@") + 1).split(/[.-]/, 3) as string[]).map(Number);
  tags.sort((a, b) => {
    const [va, vb] = [version(a), version(b)];
    for (let i = 0; i < 3; i++) {
      const diff = (va[i] ?? 0) - (vb[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return tags.at(-1);
}

function mergeBase(rootDir: string, ref: string): string {
  return git(rootDir, ["merge-base", ref, "HEAD"]).trim();
}

function changedSince(rootDir: string, base: string, srcDir: string): string[] {
  const tracked = git(rootDir, ["diff", "--name-only", base, "--", srcDir]).split("\n");
  const untracked = git(rootDir, ["ls-files", "--others", "--exclude-standard", "--", srcDir]).split("\n");
  return [...new Set([...tracked, ...untracked])]
    .map((file) => file.trim())
    .filter((file) => file !== "" && !TEST_FILE.test(file))
    .sort();
}

/** A report for the console; the failing packages come with the command that fixes them. */
export function formatChangesetChecks(checks: readonly ChangesetCheck[]): string {
  return checks
    .map((check) => {
      if (check.base === undefined) return `ok    ${check.name}: not released yet`;
      if (check.changedFiles.length === 0) return `ok    ${check.name}: src/ unchanged since ${check.base}`;
      if (check.ok) {
        return `ok    ${check.name}: ${check.changedFiles.length} changed files, covered by ${check.changesets.join(", ")}`;
      }
      const files = check.changedFiles.map((file) => `        ${file}`).join("\n");
      return `FAIL  ${check.name}: src/ changed since ${check.base} without a changeset:\n${files}\n      run: pnpm changeset (or: pnpm changeset --patch ${check.name} -m "what changed for users")`;
    })
    .join("\n");
}
