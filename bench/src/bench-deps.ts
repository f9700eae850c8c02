// Installed footprint: the production dependency closure of a contender's packages (what
// `npm install <package>` puts on disk): package count and bytes. A registry package counts its
// installed directory (already only the published files); a workspace package counts what it would
// publish (package.json `files`, plus package.json, README and LICENSE), not its sources and tests.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** The closure's size. */
export interface DependencyFootprint {
  /** Packages installed, the contender's own included. */
  packages: number;
  bytes: number;
  /** `name@version` of every package in the closure, sorted. */
  names: string[];
  /** Names of the roots' own dependencies (what their package.json lists), sorted. */
  direct: string[];
  /** Packages in the closure that are neither a root nor a direct dependency. */
  transitive: number;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  files?: string[];
}

/** Finds the directory of package `name` as Node would from `fromDir` (nearest node_modules upwards). */
export function findPackageDir(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a package directory's package.json. */
export function readManifest(packageDir: string): Manifest {
  return JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Manifest;
}

/** The production closure of `names`, resolved from `fromDir`. */
export function dependencyFootprint(names: readonly string[], fromDir: string): DependencyFootprint {
  const seen = new Map<string, Manifest>();
  const pending: Array<{ name: string; from: string; optional: boolean }> = names.map((name) => ({
    name,
    from: fromDir,
    optional: false,
  }));
  const roots = new Set(names);
  const direct = new Set<string>();
  let bytes = 0;
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const dir = findPackageDir(next.name, next.from);
    if (dir === undefined) {
      // An optional dependency for another platform is legitimately absent.
      if (next.optional) continue;
      throw new Error(`cannot find ${next.name} from ${next.from}`);
    }
    if (seen.has(dir)) continue;
    const manifest = readManifest(dir);
    seen.set(dir, manifest);
    if (roots.has(manifest.name)) {
      for (const name of Object.keys(manifest.dependencies ?? {})) if (!roots.has(name)) direct.add(name);
    }
    bytes += isWorkspacePackage(dir) ? publishedBytes(dir, manifest) : directoryBytes(dir);
    for (const name of Object.keys(manifest.dependencies ?? {})) pending.push({ name, from: dir, optional: false });
    for (const name of Object.keys(manifest.optionalDependencies ?? {}))
      pending.push({ name, from: dir, optional: true });
  }
  const list = [...seen.values()].map((m) => `${m.name}@${m.version}`).sort();
  const transitive = [...seen.values()].filter((m) => !roots.has(m.name) && !direct.has(m.name)).length;
  return { packages: list.length, bytes, names: list, direct: [...direct].sort(), transitive };
}

/** Bytes of every file under `dir` (its own node_modules excluded: those are other packages). */
export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function isWorkspacePackage(dir: string): boolean {
  return !dir.split("/").includes("node_modules");
}

// npm always publishes these, whatever `files` says.
const ALWAYS_PUBLISHED = /^(package\.json|readme(\..*)?|licen[cs]e(\..*)?)$/i;

function publishedBytes(dir: string, manifest: Manifest): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && ALWAYS_PUBLISHED.test(entry.name)) total += statSync(join(dir, entry.name)).size;
  }
  for (const file of manifest.files ?? []) {
    const path = join(dir, file);
    if (!existsSync(path) || ALWAYS_PUBLISHED.test(file)) continue;
    total += statSync(path).isDirectory() ? directoryBytes(path) : statSync(path).size;
  }
  return total;
}
