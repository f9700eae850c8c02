// Where the runtimes are: each comes from npm through `pnpm install` (root devDependencies, exact
// versions; their postinstall scripts are allowed in pnpm-workspace.yaml). Nothing is looked up on
// PATH and nothing is downloaded: a runtime that is not installed is an error naming the fix.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

/** The workspace root. */
export const ROOT = resolve(import.meta.dirname, "../../..");

const rootRequire = createRequire(join(ROOT, "package.json"));

/** The runtimes of the tier, by the npm package that brings each. */
export const RUNTIME_NAMES = ["workerd", "deno", "bun"] as const;

/** One of the tier's runtimes. */
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

/** The exact version of a runtime's npm package in the root package.json. */
export function pinnedVersion(name: RuntimeName): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    devDependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.[name];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`the root package.json must pin "${name}" to an exact version in devDependencies`);
  }
  return version;
}

function packageDir(name: RuntimeName): string {
  try {
    return dirname(rootRequire.resolve(`${name}/package.json`));
  } catch (error) {
    throw new Error(`the "${name}" package is not installed: run pnpm install`, { cause: error });
  }
}

function existing(path: string, name: RuntimeName): string {
  if (!existsSync(path)) {
    throw new Error(
      `the "${name}" package has no executable at ${path}: its postinstall did not run ` +
        `(allowBuilds in pnpm-workspace.yaml), or its platform package is missing; run pnpm install`,
    );
  }
  return path;
}

/** The native executable of a runtime, as its npm package installs it. */
export function runtimeBinary(name: RuntimeName): string {
  const dir = packageDir(name);
  switch (name) {
    case "workerd":
      // The package's main module resolves its platform package's binary.
      return existing((rootRequire("workerd") as { default: string }).default, name);
    case "deno":
      // The postinstall links the platform package's binary here.
      return existing(join(dir, "deno"), name);
    case "bun":
      // The postinstall moves the platform package's binary over this placeholder script.
      return existing(join(dir, "bin", "bun.exe"), name);
  }
}

/** The newest compatibility date the installed workerd supports. */
export function workerdCompatibilityDate(): string {
  packageDir("workerd");
  return (rootRequire("workerd") as { compatibilityDate: string }).compatibilityDate;
}
