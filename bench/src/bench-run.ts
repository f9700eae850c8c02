// One bench run: every contender measured the same way in the same process run, plus the
// developer-loop figures. Returns data; bench-report.ts turns it into markdown.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BenchCall, type BundlePlatform, CONTENDERS, type Contender } from "./bench-contenders.ts";
import { type DependencyFootprint, dependencyFootprint, directoryBytes, findPackageDir } from "./bench-deps.ts";
import { FLOW_SESSION_RESPONSE } from "./bench-fixture.ts";
import { type ImportResult, measureImports, resolveSpecifiers, workspaceEntryUrl } from "./bench-imports.ts";
import { type MachineInfo, machineInfo, packageVersions } from "./bench-machine.ts";
import { userFacingPackages } from "./bench-packages.ts";
import { BENCH_SRC } from "./bench-paths.ts";
import { startBenchServer } from "./bench-server.ts";
import { type BundleSize, measureBundleSizes } from "./bench-sizes.ts";
import { measureRequests, type TimingOptions, type TimingResult } from "./bench-timing.ts";
import {
  type ToolTiming,
  timeCodegen,
  timeConsumerTypecheck,
  timeHeyApiCodegen,
  timeNoopTurboBuild,
} from "./bench-tooling.ts";
import { compileToJavaScript, HEY_API_OUTPUT } from "./hey-api-generate.ts";

/** How much to measure. */
export interface BenchOptions {
  timing: TimingOptions;
  /** Fresh processes per cold-import figure. */
  importRuns: number;
  /** Runs per developer-loop command; 0 skips them. */
  toolRuns: number;
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void;
}

/** The full run `pnpm bench` does (about two minutes on two cores). */
export const FULL_OPTIONS: Omit<BenchOptions, "log"> = {
  timing: { warmupRequests: 500, rounds: 60, batch: 100 },
  importRuns: 15,
  toolRuns: 3,
};

/** A seconds-long run for the smoke test: every code path, too few samples to mean anything. */
export const QUICK_OPTIONS: Omit<BenchOptions, "log"> = {
  timing: { warmupRequests: 5, rounds: 2, batch: 5 },
  importRuns: 1,
  toolRuns: 0,
};

/** Everything measured for one contender. */
export interface ContenderResult {
  id: string;
  label: string;
  timing: TimingResult;
  bundle: BundleSize;
  /** What was imported for the cold-import figure, in words. */
  importDescription: string;
  coldImport: ImportResult;
  dependencies: DependencyFootprint & { note: string };
}

/** A workspace package's cold import. */
export interface PackageImportResult {
  name: string;
  kind: "provider" | "facade" | "core";
  coldImport: ImportResult;
}

/** The developer-loop figures. */
export interface ToolingResults {
  codegen: ToolTiming;
  heyApiCodegen: ToolTiming;
  noopTurboBuild: ToolTiming;
  consumerTypecheck: ToolTiming;
}

/** One run's results. */
export interface BenchResults {
  startedAt: Date;
  durationMs: number;
  options: Omit<BenchOptions, "log">;
  machine: MachineInfo;
  /** `name@version` of every package the contenders use (and the official SDK's own axios). */
  contenderVersions: string[];
  toolVersions: string[];
  contenders: ContenderResult[];
  packageImports: PackageImportResult[];
  tooling: ToolingResults | null;
}

/** Runs the bench. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const startedAt = new Date();
  const started = performance.now();
  const contenders = CONTENDERS;

  options.log(`per request: ${contenders.length} contenders, ${describeTiming(options.timing)}`);
  const timings = await timeContenders(contenders, options.timing);

  options.log("bundle sizes (esbuild)");
  const sizes = await measureBundleSizes(contenders, BENCH_SRC);

  options.log(`cold imports (${options.importRuns} fresh processes each)`);
  const packages = userFacingPackages();
  const heyApiJs = mkdtempSync(join(tmpdir(), "verifetch-bench-hey-api-js-"));
  let imports: ImportResult[];
  try {
    await compileToJavaScript(HEY_API_OUTPUT, heyApiJs);
    const targets = [
      ...contenders.map((contender) => importTarget(contender, heyApiJs).target),
      ...packages.map((pkg) => ({ urls: [workspaceEntryUrl(pkg.dir)] })),
    ];
    imports = await measureImports(targets, options.importRuns);
  } finally {
    rmSync(heyApiJs, { recursive: true, force: true });
  }
  const results = contenders.map(
    (contender, index): ContenderResult => ({
      id: contender.id,
      label: contender.label,
      timing: required(timings.get(contender.id), contender.id),
      bundle: required(sizes.get(contender.id), contender.id),
      importDescription: importTarget(contender, heyApiJs).description,
      coldImport: required(imports[index], contender.id),
      dependencies: footprint(contender),
    }),
  );
  const packageImports = packages.map(
    (pkg, index): PackageImportResult => ({
      name: pkg.name,
      kind: pkg.kind,
      coldImport: required(imports[contenders.length + index], pkg.name),
    }),
  );

  let tooling: ToolingResults | null = null;
  if (options.toolRuns > 0) {
    options.log(`developer loop (${options.toolRuns} runs each)`);
    tooling = {
      codegen: await timeCodegen(options.toolRuns),
      heyApiCodegen: await timeHeyApiCodegen(options.toolRuns),
      noopTurboBuild: await timeNoopTurboBuild(options.toolRuns),
      consumerTypecheck: await timeConsumerTypecheck(options.toolRuns),
    };
  }

  return {
    startedAt,
    durationMs: performance.now() - started,
    options: { timing: options.timing, importRuns: options.importRuns, toolRuns: options.toolRuns },
    machine: machineInfo(),
    contenderVersions: contenderVersions(),
    toolVersions: packageVersions(["esbuild", "typescript", "turbo", "@hey-api/openapi-ts", "vitest"], BENCH_SRC),
    contenders: results,
    packageImports,
    tooling,
  };
}

function contenderVersions(): string[] {
  const versions = packageVersions(
    [
      "openapi-fetch",
      "@verifetch/core",
      "@verifetch/complycube",
      "verifetch",
      "@hey-api/openapi-ts",
      "axios",
      "@complycube/api",
    ],
    BENCH_SRC,
  );
  const sdkDir = findPackageDir("@complycube/api", BENCH_SRC);
  if (sdkDir !== undefined)
    versions.push(...packageVersions(["axios"], sdkDir).map((v) => `${v} (inside @complycube/api)`));
  return versions;
}

function describeTiming(timing: TimingOptions): string {
  return `${timing.warmupRequests} warm-up + ${timing.rounds} rounds × ${timing.batch} requests each`;
}

async function timeContenders(
  contenders: readonly Contender[],
  timing: TimingOptions,
): Promise<Map<string, TimingResult>> {
  const server = await startBenchServer();
  try {
    const calls = new Map<string, BenchCall>();
    for (const contender of contenders) {
      const call = await contender.create(server.baseUrl);
      // Each contender must make the call correctly before it is timed (the server refuses others).
      const url = await call();
      if (url !== FLOW_SESSION_RESPONSE.redirectUrl) {
        throw new Error(`${contender.id} returned ${JSON.stringify(url)}, not the example session's redirectUrl`);
      }
      calls.set(contender.id, call);
    }
    return await measureRequests(calls, timing);
  } finally {
    await server.stop();
  }
}

function importTarget(
  contender: Contender,
  heyApiJs: string,
): { target: { urls: string[] } | { globalFetch: true }; description: string } {
  if (contender.imports === "fetch") {
    return { target: { globalFetch: true }, description: "Node's fetch: its first call (loads undici)" };
  }
  if (contender.imports === "hey-api") {
    return {
      target: { urls: [pathToFileURL(join(heyApiJs, "index.js")).href] },
      description: "the generated client, compiled to JS (unbundled)",
    };
  }
  return { target: { urls: resolveSpecifiers(contender.imports) }, description: contender.imports.join(" + ") };
}

function footprint(contender: Contender): DependencyFootprint & { note: string } {
  if (contender.imports === "fetch") {
    return { packages: 0, bytes: 0, names: [], direct: [], transitive: 0, note: "built into the runtime" };
  }
  if (contender.imports === "hey-api") {
    return {
      packages: 0,
      bytes: directoryBytes(HEY_API_OUTPUT),
      names: [],
      direct: [],
      transitive: 0,
      note: "generated source in your repo, no runtime dependency (the generator is a dev dependency)",
    };
  }
  return { ...dependencyFootprint(contender.packages, BENCH_SRC), note: "" };
}

function required<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`no result for ${id}`);
  return value;
}

/** The platform column's wording. */
export function platformLabel(platform: BundlePlatform): string {
  return platform === "browser" ? "browser" : "node (builtins external)";
}
