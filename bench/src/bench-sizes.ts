// Bundle size of each contender's one-call program: esbuild (pinned) bundle + minify, then gzip.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { BundlePlatform, Contender } from "./bench-contenders.ts";

/** The size of one bundled program. */
export interface BundleSize {
  platform: BundlePlatform;
  minifiedBytes: number;
  gzipBytes: number;
}

/** Bundles `source` (an ES module resolved from `resolveDir`) for `platform` and measures it. */
export async function bundleSize(source: string, resolveDir: string, platform: BundlePlatform): Promise<BundleSize> {
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
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no output");
  return {
    platform,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}

/** Sizes of every contender's one-call program, keyed by contender id. */
export async function measureBundleSizes(
  contenders: readonly Contender[],
  resolveDir: string,
): Promise<Map<string, BundleSize>> {
  const sizes = new Map<string, BundleSize>();
  for (const contender of contenders) {
    sizes.set(contender.id, await bundleSize(contender.bundleEntry, resolveDir, contender.bundlePlatform));
  }
  return sizes;
}
