import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
    hooks: { "build:done": () => dropDanglingSourceMapComments(join(packageDir, "dist")) },
    ...overrides,
  });
}

/**
 * rolldown writes `//# sourceMappingURL=index.d.mts.map` into the declarations without writing that
 * map: a published file must not name a file the package does not ship, so such a comment goes.
 */
export function dropDanglingSourceMapComments(dist: string): void {
  for (const name of readdirSync(dist)) {
    const file = join(dist, name);
    if (!/\.(mjs|d\.mts)$/.test(name)) continue;
    const text = readFileSync(file, "utf8");
    const kept = text.replace(/\n\/\/# sourceMappingURL=(\S+)\s*$/, (comment, map: string) =>
      existsSync(join(dist, map)) ? comment : "\n",
    );
    if (kept !== text) writeFileSync(file, kept);
  }
}
