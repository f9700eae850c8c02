import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type UserConfig } from "tsdown";

/**
 * The one build every published package uses: ESM only with .d.mts declarations and source maps,
 * the package version baked in for the User-Agent, dependencies left external.
 */
export function libraryConfig(packageDir: string, overrides: UserConfig = {}): UserConfig {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    platform: "neutral",
    target: "es2022",
    dts: true,
    sourcemap: true,
    clean: true,
    fixedExtension: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(manifest.version) },
    ...overrides,
  });
}
