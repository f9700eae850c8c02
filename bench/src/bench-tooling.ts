// Developer-loop figures: codegen for every spec, the hey-api generator on one spec for comparison,
// a no-op turbo build, and `tsc --noEmit` of a consumer of every provider package.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { BENCH_ROOT, REPO_ROOT } from "./bench-paths.ts";
import { type Summary, summarize } from "./bench-stats.ts";

const run = promisify(execFile);

/** A timed command. */
export interface ToolTiming {
  /** Wall-clock milliseconds of the whole process, start to exit. */
  ms: Summary;
  /** What the last run said about itself (e.g. whether turbo hit its cache), or why it failed. */
  note: string;
  /** Whether every run exited 0. */
  ok: boolean;
}

interface CommandOutcome {
  ok: boolean;
  stdout: string;
  stderr: string;
}

async function timeCommand(
  file: string,
  args: string[],
  runs: number,
  describe: (outcome: CommandOutcome) => string,
): Promise<ToolTiming> {
  const times: number[] = [];
  let last: CommandOutcome = { ok: true, stdout: "", stderr: "" };
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    try {
      const { stdout, stderr } = await run(file, args, {
        cwd: REPO_ROOT,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NODE_OPTIONS: "" },
      });
      last = { ok: true, stdout, stderr };
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      last = { ok: false, stdout: failed.stdout ?? "", stderr: failed.stderr ?? String(error) };
      ok = false;
    }
    times.push(performance.now() - started);
  }
  return { ms: summarize(times), note: describe(last), ok };
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

/** `node tools/codegen/src/codegen-cli.ts --check`: renders every spec's types and bundle, writes nothing. */
export function timeCodegen(runs: number): Promise<ToolTiming> {
  return timeCommand(
    process.execPath,
    [resolve(REPO_ROOT, "tools/codegen/src/codegen-cli.ts"), "--check"],
    runs,
    (o) => (o.ok ? firstLine(o.stdout) : `failed: ${firstLine(o.stderr)}`),
  );
}

/** The hey-api generator on specs/complycube.yaml into a temporary directory (a fresh process per run). */
export async function timeHeyApiCodegen(runs: number): Promise<ToolTiming> {
  const outputDir = mkdtempSync(join(tmpdir(), "verifetch-bench-hey-api-"));
  try {
    return await timeCommand(
      process.execPath,
      [resolve(BENCH_ROOT, "src/hey-api-codegen.ts"), "--out", outputDir],
      runs,
      (o) => (o.ok ? "1 spec (complycube), types + sdk + fetch client" : `failed: ${firstLine(o.stderr)}`),
    );
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

/** `turbo run build` when everything is already built: the cost of a no-op rebuild. */
export async function timeNoopTurboBuild(runs: number): Promise<ToolTiming> {
  const turbo = resolve(REPO_ROOT, "node_modules/.bin/turbo");
  const args = ["run", "build", "--output-logs=none"];
  // One untimed run first, so the timed ones are second runs whatever ran before.
  await run(turbo, args, { cwd: REPO_ROOT, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } }).catch(() => {});
  return timeCommand(turbo, args, runs, (o) => {
    if (!o.ok) return `failed: ${firstLine(o.stderr)}`;
    const cached = /Cached:\s+(\d+ cached, \d+ total)/.exec(o.stdout)?.[1] ?? "cache state not reported";
    return o.stdout.includes("FULL TURBO") ? `${cached}, FULL TURBO` : `${cached} (not a full cache hit)`;
  });
}

/** `tsc --noEmit -p bench/tsconfig.consumer.json`: a consumer of every provider package and the facade (bench/src/generated/consumer, written by `pnpm codegen`). */
export function timeConsumerTypecheck(runs: number): Promise<ToolTiming> {
  const tsc = resolve(BENCH_ROOT, "node_modules/typescript/bin/tsc");
  return timeCommand(
    process.execPath,
    [tsc, "--noEmit", "-p", resolve(BENCH_ROOT, "tsconfig.consumer.json")],
    runs,
    (o) => (o.ok ? "no type errors" : `type errors: ${firstLine(o.stdout || o.stderr)}`),
  );
}
