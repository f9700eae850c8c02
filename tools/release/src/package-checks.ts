// The checks every tarball passes before it is published, run by `pnpm check:packages` on the
// workspace and by `pnpm release` (and its end-to-end test) on the tarballs it is about to publish.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { mapLimit, run } from "./run-command.ts";
import { type PackageManifest, readManifest, tarballBaseName, type WorkspacePackage } from "./workspace-packages.ts";

/** A packed package: what would be uploaded to the registry. */
export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
}

/** The verdict on one tarball. */
export interface TarballReport {
  name: string;
  version: string;
  tarball: string;
  /** Packed size in bytes. */
  packedBytes: number;
  /** Files in the tarball, relative to the package root. */
  files: string[];
  /** Every problem found; empty means the tarball may be published. */
  problems: string[];
}

/**
 * Packs a workspace package with pnpm (which rewrites `workspace:` and `catalog:` ranges, as
 * `pnpm publish` does; `npm pack` would leave them in and publish a broken manifest).
 */
export async function packWithPnpm(pkg: WorkspacePackage, outDir: string): Promise<PackedPackage> {
  const tarball = join(outDir, `${tarballBaseName(pkg.name)}-${pkg.version}.tgz`);
  await run("pnpm", ["pack", "--out", tarball], { cwd: pkg.dir, timeoutMs: 120_000 });
  return { name: pkg.name, version: pkg.version, tarball };
}

/** Runs every check on every tarball, two at a time (CI has two cores). */
export function checkTarballs(packed: readonly PackedPackage[], toolsRoot: string): Promise<TarballReport[]> {
  return mapLimit(packed, 2, (item) => checkTarball(item, toolsRoot));
}

/**
 * Checks one tarball: the release metadata every verifetch package promises (below), then publint
 * (`--strict`: warnings fail too) and `attw --profile esm-only` (types resolve under node16 ESM and
 * bundler resolution; CommonJS consumers load the ESM build through require(esm)).
 * `toolsRoot` is the workspace whose node_modules/.bin provides publint and attw.
 */
export async function checkTarball(packed: PackedPackage, toolsRoot: string): Promise<TarballReport> {
  const unpackDir = mkdtempSync(join(tmpdir(), "verifetch-tarball-"));
  try {
    await run("tar", ["-xzf", packed.tarball, "-C", unpackDir], { cwd: unpackDir });
    const packageDir = join(unpackDir, "package");
    const files = listFiles(packageDir);
    const manifest = readManifest(join(packageDir, "package.json"));
    const problems = manifestProblems(manifest, new Set(files), reexportOnlyFiles(packageDir, files));
    problems.push(...danglingSourceMaps(packageDir, files));
    if (manifest.name !== packed.name || manifest.version !== packed.version) {
      problems.push(`tarball holds ${manifest.name}@${manifest.version}, expected ${packed.name}@${packed.version}`);
    }
    const bin = (tool: string) => join(toolsRoot, "node_modules", ".bin", tool);
    const publint = await run(bin("publint"), ["run", packed.tarball, "--strict"], {
      cwd: unpackDir,
      allowFailure: true,
      timeoutMs: 60_000,
    });
    if (publint.exitCode !== 0) problems.push(`publint:\n${indent(publint.stdout + publint.stderr)}`);
    const attwArgs = [packed.tarball, "--profile", "esm-only", "--no-definitely-typed", "--format", "ascii"];
    const dataExports = nonCodeExports(manifest);
    if (dataExports.length > 0) attwArgs.push("--exclude-entrypoints", ...dataExports);
    const attw = await run(bin("attw"), attwArgs, { cwd: unpackDir, allowFailure: true, timeoutMs: 120_000 });
    if (attw.exitCode !== 0) problems.push(`attw --profile esm-only:\n${indent(attw.stdout + attw.stderr)}`);
    return {
      name: packed.name,
      version: packed.version,
      tarball: packed.tarball,
      packedBytes: statSync(packed.tarball).size,
      files,
      problems,
    };
  } finally {
    rmSync(unpackDir, { recursive: true, force: true });
  }
}

const CODE_FILE = /\.(m|c)?js$|\.d\.(m|c)?ts$|\.json$/;
const PROTOCOL_RANGE = /^(workspace|catalog|link|file|portal):/;
const CARET_RANGE = /^\^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

const PRISM_HELD_BACK =
  "Prism 5.14.2 with its 5.8/5.12 internals runs on Node 20.19+ and installs no @scarf/scarf; its caret ranges would pull the 5.16 internals, so npm must dedupe onto exact versions";

/**
 * Runtime dependencies held back on purpose: pinned exactly, with the reason. Every other runtime
 * dependency takes a caret range, so users' installs dedupe and receive fixes.
 */
export const EXACT_PINS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "@verifetch/testing": {
    "@stoplight/prism-cli": PRISM_HELD_BACK,
    "@stoplight/prism-core": PRISM_HELD_BACK,
    "@stoplight/prism-http": PRISM_HELD_BACK,
    "@stoplight/prism-http-server": PRISM_HELD_BACK,
  },
};
const TEST_FILE = /\.test(-d)?\.(m|c)?[jt]s$/;

/**
 * The release metadata every published verifetch package has (issue 6): ESM only, `.d.mts` types
 * listed first in `exports`, source maps, `sideEffects: false`, a `files` allow-list, Node >= 20.19,
 * public access with provenance, caret ranges for runtime dependencies (exact only for
 * {@link EXACT_PINS}), nothing but what `files` allows.
 */
export function manifestProblems(
  manifest: PackageManifest,
  files: ReadonlySet<string>,
  reexportOnly: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  expect(manifest.type === "module", `"type" must be "module" (ESM only), found ${JSON.stringify(manifest.type)}`);
  expect(manifest.sideEffects === false, `"sideEffects" must be false, found ${JSON.stringify(manifest.sideEffects)}`);
  expect(Array.isArray(manifest.files) && manifest.files.length > 0, `"files" must be an allow-list`);
  expect(manifest.engines?.node === ">=20.19", `"engines.node" must be ">=20.19", found ${manifest.engines?.node}`);
  expect(manifest.publishConfig?.access === "public", `"publishConfig.access" must be "public"`);
  expect(manifest.publishConfig?.provenance === true, `"publishConfig.provenance" must be true`);
  expect(typeof manifest.license === "string", `"license" is missing`);
  expect(files.has("LICENSE"), "LICENSE is not in the tarball (copy the repository's LICENSE into the package)");
  expect(typeof manifest.repository?.directory === "string", `"repository.directory" is missing`);
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      const heldBack = EXACT_PINS[manifest.name]?.[dependency];
      if (PROTOCOL_RANGE.test(range)) {
        problems.push(`${field}.${dependency} is "${range}": pack with pnpm so it is rewritten`);
      } else if (heldBack !== undefined) {
        expect(EXACT_VERSION.test(range), `${field}.${dependency} is "${range}": pin it exactly (${heldBack})`);
      } else {
        expect(
          CARET_RANGE.test(range),
          `${field}.${dependency} is "${range}": a runtime dependency takes a caret range (^x.y.z), so installs dedupe and receive fixes`,
        );
      }
    }
  }
  for (const file of files) {
    expect(!TEST_FILE.test(file), `${file} is a test file; keep tests out of "files"`);
  }

  const entries = exportEntries(manifest.exports);
  expect(entries.length > 0 || manifest.bin !== undefined, `"exports" (or "bin") is missing`);
  for (const { subpath, conditions, targets } of entries) {
    if (conditions.length > 0 && conditions.includes("types")) {
      expect(
        conditions[0] === "types",
        `exports["${subpath}"]: "types" must come first, found ${conditions.join(", ")}`,
      );
    }
    if (conditions.length > 0 && CODE_FILE.test(targets[0] ?? "") && !conditions.includes("types")) {
      problems.push(`exports["${subpath}"] has no "types" condition`);
    }
    for (const target of targets) {
      const file = posix.normalize(target.replace(/^\.\//, ""));
      expect(files.has(file), `exports["${subpath}"] points to ./${file}, which is not in the tarball`);
      if (/\.(m|c)?js$/.test(file)) {
        expect(file.endsWith(".mjs"), `exports["${subpath}"] → ./${file}: the build is ESM only (.mjs)`);
        // An entry of nothing but re-exports has no code of its own to map (the bundler writes none).
        expect(files.has(`${file}.map`) || reexportOnly.has(file), `./${file} has no source map (./${file}.map)`);
      }
    }
  }
  for (const binTarget of binTargets(manifest.bin)) {
    const file = posix.normalize(binTarget.replace(/^\.\//, ""));
    expect(files.has(file), `bin → ./${file}, which is not in the tarball`);
  }
  return problems;
}

interface ExportEntry {
  subpath: string;
  /** Condition names in order (empty for a plain string target). */
  conditions: string[];
  /** Every file the entry can resolve to. */
  targets: string[];
}

function exportEntries(exports: unknown): ExportEntry[] {
  if (exports === undefined) return [];
  if (typeof exports === "string") return [{ subpath: ".", conditions: [], targets: [exports] }];
  if (typeof exports !== "object" || exports === null) return [];
  const record = exports as Record<string, unknown>;
  const isSubpathMap = Object.keys(record).every((key) => key.startsWith("."));
  const bySubpath = isSubpathMap ? record : { ".": record };
  return Object.entries(bySubpath).map(([subpath, value]) => ({
    subpath,
    conditions: typeof value === "object" && value !== null ? Object.keys(value) : [],
    targets: collectTargets(value),
  }));
}

function collectTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(collectTargets);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(collectTargets);
  return [];
}

function binTargets(bin: PackageManifest["bin"]): string[] {
  if (bin === undefined) return [];
  return typeof bin === "string" ? [bin] : Object.values(bin);
}

/** Export subpaths that are data rather than code (a bundled spec): attw has nothing to check there. */
export function nonCodeExports(manifest: PackageManifest): string[] {
  return exportEntries(manifest.exports)
    .filter(({ targets }) => targets.length > 0 && targets.every((target) => !CODE_FILE.test(target)))
    .map(({ subpath }) => subpath);
}

/** Each `//# sourceMappingURL=` comment of a shipped file that names a file the tarball does not have. */
/** The `.mjs` files made only of `export … from` / `import` statements (an entry re-exporting shared chunks). */
export function reexportOnlyFiles(packageDir: string, files: readonly string[]): Set<string> {
  const statement =
    /^\s*(export\s*\{[^}]*\}\s*from\s*"[^"]+"|import\s*"[^"]+"|import\s*\{[^}]*\}\s*from\s*"[^"]+")\s*;?\s*$/;
  return new Set(
    files.filter((file) => {
      if (!file.endsWith(".mjs")) return false;
      const lines = readFileSync(join(packageDir, file), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "");
      return lines.length > 0 && lines.every((line) => statement.test(line));
    }),
  );
}

export function danglingSourceMaps(packageDir: string, files: readonly string[]): string[] {
  const shipped = new Set(files);
  return files
    .filter((file) => /\.(m|c)?js$|\.d\.(m|c)?ts$/.test(file))
    .flatMap((file) => {
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(packageDir, file), "utf8"))?.[1];
      if (map === undefined || map.startsWith("data:")) return [];
      const target = posix.normalize(posix.join(posix.dirname(file), map));
      return shipped.has(target) ? [] : [`${file} names the source map ${target}, which is not in the tarball`];
    });
}

function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

function indent(text: string): string {
  return text
    .trim()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

/** One line per tarball plus each problem, for the console. */
export function formatReports(reports: readonly TarballReport[]): string {
  const width = Math.max(...reports.map((report) => `${report.name}@${report.version}`.length));
  return reports
    .map((report) => {
      const id = `${report.name}@${report.version}`.padEnd(width);
      const size = `${(report.packedBytes / 1024).toFixed(1)} KiB`.padStart(9);
      const head = `${report.problems.length === 0 ? "ok  " : "FAIL"}  ${id}  ${size}  ${report.files.length} files`;
      return [head, ...report.problems.map((problem) => `      - ${problem}`)].join("\n");
    })
    .join("\n");
}
