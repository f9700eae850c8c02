import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The fields of a package.json the release tooling reads. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  sideEffects?: boolean | string[];
  license?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  files?: string[];
  engines?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
  repository?: { type?: string; url?: string; directory?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** A package of the workspace that is published to npm. */
export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute directory. */
  dir: string;
  /** Directory name under packages/, e.g. `complycube`. */
  folder: string;
  manifest: PackageManifest;
}

/** The repository root (this file lives in tools/release/src). */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

export function readManifest(path: string): PackageManifest {
  return JSON.parse(readFileSync(path, "utf8")) as PackageManifest;
}

/**
 * Every published package: each folder under packages/ whose package.json is not `private`.
 * Found from the tree rather than listed, so a new package (the facade, the CLI, a new provider)
 * is released and checked without touching the release tooling.
 */
export function publishedPackages(rootDir: string = REPO_ROOT): WorkspacePackage[] {
  const packagesDir = join(rootDir, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, "package.json")))
    .map((entry) => {
      const dir = join(packagesDir, entry.name);
      const manifest = readManifest(join(dir, "package.json"));
      return { name: manifest.name, version: manifest.version, dir, folder: entry.name, manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `@verifetch/complycube` → `verifetch-complycube` (how npm and changesets name tarballs). */
export function tarballBaseName(name: string): string {
  return name.replace(/^@/, "").replace("/", "-");
}
