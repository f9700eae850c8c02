// Bundle size of each contender's one-call program: esbuild (pinned) bundle + minify, then gzip.
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { type ModuleCost, moduleCosts, moduleLabel } from "./bench-bundle-breakdown.ts";
import type { BundlePlatform, Contender } from "./bench-contenders.ts";
import { REPO_ROOT } from "./bench-paths.ts";

/** The size of one bundled program. */
export interface BundleSize {
  platform: BundlePlatform;
  minifiedBytes: number;
  gzipBytes: number;
  /** What each module adds, largest first (only when asked for: it gzips the bundle once per module). */
  modules?: ModuleCost[];
}

/**
 * Bundles `source` (an ES module resolved from `resolveDir`) for `platform` and measures it; with
 * `breakdown`, also what each module adds.
 */
export async function bundleSize(
  source: string,
  resolveDir: string,
  platform: BundlePlatform,
  breakdown = false,
): Promise<BundleSize> {
  // Nothing is written: the out file only anchors the source map's relative paths.
  const outfile = join(resolveDir, "one-call-program.js");
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "ts", sourcefile: "one-call-program.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    // Node programs keep node: builtins external (esbuild's node platform does that); browser ones
    // must not reach any, and esbuild fails the build if they do.
    platform,
    target: platform === "node" ? "node20" : "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
    outfile,
    // "external" adds no sourceMappingURL comment, so the measured code is the same with or without it.
    sourcemap: breakdown ? "external" : false,
    sourcesContent: false,
  });
  const output = result.outputFiles.find((file) => file.path === outfile);
  if (output === undefined) throw new Error("esbuild produced no output");
  const size: BundleSize = {
    platform,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
  };
  if (breakdown) {
    const map = result.outputFiles.find((file) => file.path === `${outfile}.map`);
    if (map === undefined) throw new Error("esbuild produced no source map");
    size.modules = moduleCosts(output.text, JSON.parse(map.text), (mapSource) =>
      moduleLabel(relative(REPO_ROOT, resolve(resolveDir, mapSource)).split("\\").join("/")),
    );
  }
  return size;
}

/** Sizes of every contender's one-call program, keyed by contender id. */
export async function measureBundleSizes(
  contenders: readonly Contender[],
  resolveDir: string,
): Promise<Map<string, BundleSize>> {
  const sizes = new Map<string, BundleSize>();
  for (const contender of contenders) {
    sizes.set(
      contender.id,
      await bundleSize(contender.bundleEntry, resolveDir, contender.bundlePlatform, contender.sizeBreakdown === true),
    );
  }
  return sizes;
}
