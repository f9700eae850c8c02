// Where a one-call bundle's bytes come from, module by module. esbuild composes the source maps of
// the packages it bundles (each workspace package ships dist/index.mjs.map), so every output byte
// can be traced to its original module under packages/*/src, not just to a package's one dist file.
import { gzipSync } from "node:zlib";
import { decode } from "@jridgewell/sourcemap-codec";

/** What one source module adds to a bundle. */
export interface ModuleCost {
  /** The module, as `label` named it; `(unmapped)` for output no source claims (esbuild's glue). */
  module: string;
  /** UTF-8 bytes of minified output traced to the module. */
  minifiedBytes: number;
  /**
   * How many gzip bytes the bundle loses without the module's output. Modules share gzip's window,
   * so these do not add up to the bundle's gzip size; they rank what each module costs.
   */
  gzipBytes: number;
}

/** The parts of a version 3 source map this module reads. */
export interface SourceMap {
  sources: readonly string[];
  mappings: string;
}

const UNMAPPED = "(unmapped)";

/**
 * Splits `code` into the runs of output each source produced (per the map's segments, columns in
 * UTF-16 code units as esbuild writes them) and measures each module, largest first. `label` turns a
 * map source into the module name to report; sources with the same label are counted together.
 */
export function moduleCosts(code: string, map: SourceMap, label: (source: string) => string): ModuleCost[] {
  const pieces: { module: string; text: string }[] = [];
  const lines = code.split("\n");
  const decoded = decode(map.mappings);
  lines.forEach((line, index) => {
    const segments = decoded[index] ?? [];
    const first = segments[0]?.[0] ?? line.length;
    pieces.push({ module: UNMAPPED, text: line.slice(0, first) });
    segments.forEach((segment, position) => {
      const end = segments[position + 1]?.[0] ?? line.length;
      const source = segment.length > 1 ? map.sources[segment[1] as number] : undefined;
      pieces.push({ module: source === undefined ? UNMAPPED : label(source), text: line.slice(segment[0], end) });
    });
    if (index < lines.length - 1) pieces.push({ module: UNMAPPED, text: "\n" });
  });
  const gzip = (text: string): number => gzipSync(text, { level: 9 }).byteLength;
  const whole = gzip(code);
  const modules = [...new Set(pieces.map((piece) => piece.module))];
  return modules
    .map((module) => ({
      module,
      minifiedBytes: pieces
        .filter((piece) => piece.module === module)
        .reduce((sum, piece) => sum + Buffer.byteLength(piece.text), 0),
      gzipBytes:
        whole -
        gzip(
          pieces
            .filter((piece) => piece.module !== module)
            .map((piece) => piece.text)
            .join(""),
        ),
    }))
    .filter((cost) => cost.minifiedBytes > 0)
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
}

/**
 * A short name for a bundled module: its path from the repository root for workspace files
 * (`packages/core/src/retry-send.ts`), the package name for npm packages (`openapi-fetch`).
 */
export function moduleLabel(repoRelativePath: string): string {
  const parts = repoRelativePath.split("/");
  const last = parts.lastIndexOf("node_modules");
  if (last === -1) return repoRelativePath;
  const name = parts[last + 1] ?? repoRelativePath;
  return name.startsWith("@") ? `${name}/${parts[last + 2] ?? ""}` : name;
}
