// Cold import time: a fresh Node process per sample imports the contender's entry modules and reports
// how long that took and whether it loaded Node's fetch implementation (undici), which costs several
// milliseconds and memory that a program using the package only in a browser-like way should not pay.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type Summary, summarize } from "./bench-stats.ts";

const run = promisify(execFile);

/**
 * What one fresh process imports: module URLs, or Node's own fetch (its first call, on a `data:` URL:
 * Node loads undici on the first call, not when `fetch` is read).
 */
export type ImportTarget = { urls: string[] } | { globalFetch: true };

/** Cold-import figures over several fresh processes. */
export interface ImportResult {
  /** Milliseconds from the first import to the last import's completion. */
  ms: Summary;
  /** Whether any sample loaded Node's fetch internals (undici). */
  loadsFetchInternals: boolean;
}

// Runs in the child. It reads its targets from argv, so nothing is interpolated into code.
const CHILD_SCRIPT = `
const target = JSON.parse(process.argv[1]);
const started = performance.now();
if (target.globalFetch) await (await fetch("data:,")).text();
else for (const url of target.urls) await import(url);
const ms = performance.now() - started;
const undici = process.moduleLoadList.some((name) => name.includes("undici"));
process.stdout.write(JSON.stringify({ ms, undici }));
`;

/** One fresh process importing `target`. */
export async function importOnce(target: ImportTarget): Promise<{ ms: number; undici: boolean }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "-e", CHILD_SCRIPT, JSON.stringify(target)],
      {
        timeout: 30_000,
        // A clean process: no loaders or --require hooks inherited from whoever runs the bench.
        env: { ...process.env, NODE_OPTIONS: "" },
      },
    );
    return JSON.parse(stdout) as { ms: number; undici: boolean };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    const reason = stderr.split("\n").find((line) => /Error/.test(line)) ?? String(error);
    throw new Error(`importing ${JSON.stringify(target)} in a fresh process failed: ${reason.trim()}`);
  }
}

/**
 * `runs` fresh processes per target, one at a time (in parallel they would compete for the two
 * cores), interleaved: each pass imports every target once, so a burst of load elsewhere on the
 * machine lands on all targets rather than on whichever was being measured. Results follow `targets`.
 */
export async function measureImports(targets: readonly ImportTarget[], runs: number): Promise<ImportResult[]> {
  const times = targets.map((): number[] => []);
  const undici = targets.map(() => false);
  for (let run = 0; run < runs; run++) {
    for (const [index, target] of targets.entries()) {
      const sample = await importOnce(target);
      times[index]?.push(sample.ms);
      undici[index] ||= sample.undici;
    }
  }
  return targets.map((_, index) => ({
    ms: summarize(times[index] ?? []),
    loadsFetchInternals: undici[index] ?? false,
  }));
}

/** Resolves bare specifiers the way a module in bench/src would. */
export function resolveSpecifiers(specifiers: readonly string[]): string[] {
  return specifiers.map((specifier) => import.meta.resolve(specifier));
}

/** The file URL of a workspace package's main (`exports["."]`) entry, e.g. `packages/argyle`. */
export function workspaceEntryUrl(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: Record<string, string | { default?: string; import?: string }>;
  };
  const main = manifest.exports?.["."];
  const file = typeof main === "string" ? main : (main?.import ?? main?.default);
  if (file === undefined) throw new Error(`${packageDir}/package.json has no exports["."] entry`);
  return pathToFileURL(join(packageDir, file)).href;
}
