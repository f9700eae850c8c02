// The release, step by step. `pnpm release` runs it against the registry the maintainer is logged in
// to; the end-to-end test (release.e2e.test.ts) runs exactly the same steps against a throwaway
// Verdaccio. The differences are the options below: the registry address and its token file, and
// provenance, which needs a CI provider's OIDC token that a local run does not have.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkTarballs, formatReports, type PackedPackage, type TarballReport } from "./package-checks.ts";
import { run } from "./run-command.ts";

export interface ReleaseOptions {
  /** The workspace to release (a clean git checkout). */
  rootDir: string;
  /** Registry to check and publish to; omitted, the one pnpm is configured with. */
  registry?: string | undefined;
  /** An npmrc file with the registry's auth token (pnpm 12 reads credentials from npmrc files only). */
  authFile?: string | undefined;
  /** Publish with a provenance attestation (`pnpm publish --provenance`); needs CI with OIDC. */
  provenance: boolean;
  /** Where the tarballs are written (created when missing). */
  packDir: string;
  /** Progress lines. */
  log: (line: string) => void;
  /** Pack and check everything, but do not commit, publish or tag. */
  dryRun?: boolean | undefined;
}

/** What a release did. */
export interface ReleaseSummary {
  /** False when there were no pending changesets (the current versions were published as they are). */
  versioned: boolean;
  /** Tarballs that were (or, in a dry run, would have been) published. */
  packed: PackedPackage[];
  reports: TarballReport[];
  /** size-limit's output. */
  sizes: string;
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

const RELEASE_COMMIT_MESSAGE = "Version packages";

/**
 * The environment of every release command. pnpm 12 ignores `npm_config_*` variables, so the
 * registry and the token file are passed as `pnpm_config_*`. `publishConfig.provenance` in
 * package.json is NOT applied by pnpm 12's publish (measured), so provenance is requested here.
 */
export function releaseEnv(options: Pick<ReleaseOptions, "registry" | "authFile" | "provenance">): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
  if (options.registry) env.pnpm_config_registry = options.registry;
  if (options.authFile) env.pnpm_config_npmrc_auth_file = options.authFile;
  env.pnpm_config_provenance = String(options.provenance);
  return env;
}

const bin = (options: ReleaseOptions, tool: string) => join(options.rootDir, "node_modules", ".bin", tool);

/** Pending changeset files in .changeset/ (README.md excluded). */
export function pendingChangesets(rootDir: string): string[] {
  const dir = join(rootDir, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .sort();
}

/** 0. A release starts from a committed tree, so the version commit and the tags describe it exactly. */
export async function assertCleanTree(options: ReleaseOptions): Promise<void> {
  const status = await run("git", ["status", "--porcelain"], { cwd: options.rootDir });
  if (status.stdout.trim() !== "") {
    throw new Error(`release: commit or stash your changes first:\n${status.stdout.trim()}`);
  }
}

/**
 * 1. `changeset version`: consumes the pending changesets, bumps versions (dependents of a bumped
 * package get a patch bump), writes each package's CHANGELOG.md. With no pending changesets it is
 * skipped, and the current versions are published if the registry does not have them yet.
 */
export async function versionPackages(options: ReleaseOptions): Promise<boolean> {
  if (pendingChangesets(options.rootDir).length === 0) {
    options.log("version: no pending changesets; publishing the current versions the registry lacks");
    return false;
  }
  await run(bin(options, "changeset"), ["version"], { cwd: options.rootDir, env: releaseEnv(options) });
  return true;
}

/** 2. Build every package with the bumped versions (they are baked into each User-Agent). */
export async function buildPackages(options: ReleaseOptions): Promise<void> {
  await run(bin(options, "turbo"), ["run", "build", "--output-logs=errors-only"], {
    cwd: options.rootDir,
    env: releaseEnv(options),
    timeoutMs: 600_000,
  });
}

/**
 * 3. `changeset pack`: asks the registry which versions it lacks and packs exactly those with pnpm
 * (rewriting `workspace:` and `catalog:` ranges), writing the tarballs and a publish plan.
 */
export async function packPackages(options: ReleaseOptions): Promise<PackedPackage[]> {
  mkdirSync(options.packDir, { recursive: true });
  await run(bin(options, "changeset"), ["pack", "--out-dir", options.packDir], {
    cwd: options.rootDir,
    env: releaseEnv(options),
  });
  const plan = JSON.parse(readFileSync(join(options.packDir, "publish-plan.json"), "utf8")) as {
    plan: { kind: string; name: string; version: string; tarball?: { path: string } }[][];
  };
  return plan.plan
    .flat()
    .filter((release) => release.kind === "publish" && release.tarball)
    .map((release) => ({
      name: release.name,
      version: release.version,
      tarball: join(options.packDir, release.tarball?.path ?? ""),
    }));
}

/** 4a. The package checks on the very tarballs that will be published. */
export async function checkPackages(options: ReleaseOptions, packed: PackedPackage[]): Promise<TarballReport[]> {
  const reports = await checkTarballs(packed, options.rootDir);
  options.log(formatReports(reports));
  const failed = reports.filter((report) => report.problems.length > 0);
  if (failed.length > 0) {
    throw new Error(
      `release: ${failed.map((report) => report.name).join(", ")} would publish broken:\n${formatReports(failed)}`,
    );
  }
  return reports;
}

/** 4b. The size budgets (tools/release/src/size-limit.config.ts). */
export async function checkSizes(options: ReleaseOptions): Promise<string> {
  const result = await run(bin(options, "size-limit"), ["--config", "tools/release/src/size-limit.config.ts"], {
    cwd: options.rootDir,
    env: releaseEnv(options),
  });
  return result.stdout;
}

/** 5. Commit the version bumps and changelogs, so the release tags point at them. */
export async function commitVersions(options: ReleaseOptions): Promise<void> {
  await run("git", ["add", "--all", "--", ".changeset", "packages"], { cwd: options.rootDir });
  const staged = await run("git", ["diff", "--cached", "--quiet"], { cwd: options.rootDir, allowFailure: true });
  if (staged.exitCode === 0) return;
  await run("git", ["commit", "--quiet", "--message", RELEASE_COMMIT_MESSAGE], { cwd: options.rootDir });
}

/** 6. `changeset publish --from-pack-dir`: uploads the checked tarballs in dependency order and tags each release in git. */
export async function publishPackages(options: ReleaseOptions): Promise<void> {
  await run(bin(options, "changeset"), ["publish", "--from-pack-dir", options.packDir], {
    cwd: options.rootDir,
    env: releaseEnv(options),
  });
}

/** Every step in order. Throws at the first failing one; nothing is published unless every check passed. */
export async function release(options: ReleaseOptions): Promise<ReleaseSummary> {
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    options.log(`release: ${name}…`);
    const result = await task();
    timings[name] = Date.now() - started;
    return result;
  };
  await step("clean tree", () => assertCleanTree(options));
  const versioned = await step("version", () => versionPackages(options));
  await step("build", () => buildPackages(options));
  const packed = await step("pack", () => packPackages(options));
  if (packed.length === 0) {
    options.log("release: every package version is already on the registry; nothing to publish");
    return { versioned, packed, reports: [], sizes: "", timings };
  }
  const reports = await step("check packages", () => checkPackages(options, packed));
  const sizes = await step("check sizes", () => checkSizes(options));
  if (options.dryRun) {
    options.log("release: dry run; nothing committed or published");
    return { versioned, packed, reports, sizes, timings };
  }
  await step("commit", () => commitVersions(options));
  await step("publish", () => publishPackages(options));
  return { versioned, packed, reports, sizes, timings };
}
