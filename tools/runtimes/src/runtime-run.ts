// Runs an entry module in one runtime and returns the JSON it answers. Deno and Bun run the TypeScript
// entry as it is, importing the packages from node_modules; workerd runs it bundled by esbuild (as
// wrangler would), without nodejs_compat, with outbound network limited to loopback addresses.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { ROOT, type RuntimeName, runtimeBinary, workerdCompatibilityDate } from "./runtime-binaries.ts";
import { type CompletedRun, runToEnd, startListening } from "./runtime-process.ts";

/** Where runs keep their files and how long each may take. */
export interface RunOptions {
  /** A scratch directory, owned by the caller (HOME, Deno's cache, workerd's bundles). */
  workDir: string;
  /** Bound on the whole run (start, calls, exit). */
  timeoutMs: number;
}

const HERE = join(ROOT, "tools/runtimes");

/** A clean environment: no provider keys, no proxy settings, no user config from the real HOME. */
function childEnv(workDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: workDir,
    NO_COLOR: "1",
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...extra,
  };
}

function lastJsonLine(run: CompletedRun, what: string): unknown {
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.code !== 0 || run.timedOut) {
    const end = run.timedOut ? "was stopped after its time limit" : `exited with ${run.signal ?? `code ${run.code}`}`;
    throw new Error(`${what} ${end}\n${run.stderr}${run.stdout}`);
  }
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`${what} printed no JSON line\n${run.stderr}${run.stdout}`);
  }
}

async function runDeno(entry: string, input: unknown, options: RunOptions): Promise<unknown> {
  const args = [
    "run",
    "--no-prompt",
    "--no-lock", // never write a deno.lock into the workspace
    "--node-modules-dir=manual", // the packages come from pnpm's node_modules, as they would in a user's project
    "--allow-net=127.0.0.1", // the mocks, nothing else: no env, no file system
    relative(HERE, entry),
    JSON.stringify(input),
  ];
  const env = childEnv(options.workDir, { DENO_DIR: join(options.workDir, "deno"), DENO_NO_UPDATE_CHECK: "1" });
  const run = await runToEnd(runtimeBinary("deno"), args, { cwd: HERE, env, timeoutMs: options.timeoutMs });
  return lastJsonLine(run, "deno");
}

async function runBun(entry: string, input: unknown, options: RunOptions): Promise<unknown> {
  const args = ["--no-install", "--no-env-file", relative(HERE, entry), JSON.stringify(input)];
  const env = childEnv(options.workDir, { DO_NOT_TRACK: "1", BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" });
  const run = await runToEnd(runtimeBinary("bun"), args, { cwd: HERE, env, timeoutMs: options.timeoutMs });
  return lastJsonLine(run, "bun");
}

/** The workerd config: one worker, one socket on 127.0.0.1 (port chosen by the OS), loopback-only outbound. */
function workerdConfig(moduleFile: string, input: unknown): string {
  // A Cap'n Proto text literal takes a JSON string's escapes.
  const json = JSON.stringify(JSON.stringify(input));
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .probe),
    # The default outbound network reaches public addresses only; the mocks listen on 127.0.0.1.
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const probe :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed ${JSON.stringify(moduleFile)})],
  compatibilityDate = ${JSON.stringify(workerdCompatibilityDate())},
  bindings = [(name = "INPUT", json = ${json})],
  globalOutbound = "loopback",
);
`;
}

async function runWorkerd(entry: string, input: unknown, options: RunOptions): Promise<unknown> {
  const deadline = Date.now() + options.timeoutMs;
  const dir = join(options.workDir, `workerd-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: join(dir, "worker.mjs"),
    bundle: true,
    format: "esm",
    // No Node built-ins: a package that needs one fails here, as it would in a Worker without nodejs_compat.
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    logLevel: "silent",
  });
  writeFileSync(join(dir, "config.capnp"), workerdConfig("worker.mjs", input));
  const server = await startListening(runtimeBinary("workerd"), ["serve", "config.capnp", "--control-fd=3"], {
    cwd: dir,
    env: childEnv(options.workDir),
    timeoutMs: Math.max(1, deadline - Date.now()),
  });
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/`, {
      signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`workerd answered ${response.status}: ${body}\n${server.output()}`);
    return JSON.parse(body);
  } finally {
    await server.stop();
  }
}

/**
 * Runs `entry` (a module of this package) in a runtime with `input`, and returns what it answered:
 * Deno and Bun get the input as their first argument and print one JSON line; workerd gets it as the
 * `INPUT` JSON binding and answers a GET with JSON.
 */
export function runInRuntime(name: RuntimeName, entry: string, input: unknown, options: RunOptions): Promise<unknown> {
  switch (name) {
    case "workerd":
      return runWorkerd(entry, input, options);
    case "deno":
      return runDeno(entry, input, options);
    case "bun":
      return runBun(entry, input, options);
  }
}

/** What a runtime's executable says its version is (`--version`), e.g. `deno 2.9.6 (…)`. */
export async function reportedVersion(name: RuntimeName, options: RunOptions): Promise<string> {
  const run = await runToEnd(runtimeBinary(name), ["--version"], {
    cwd: options.workDir,
    env: childEnv(options.workDir),
    timeoutMs: options.timeoutMs,
  });
  if (run.code !== 0)
    throw new Error(`${name} --version exited with ${run.signal ?? `code ${run.code}`}\n${run.stderr}`);
  return run.stdout.trim();
}
