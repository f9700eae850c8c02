// Runs README code as a user would: a TypeScript example unchanged on this Node 24 with the
// provider hosts routed to the run's Prism mocks (readme-fetch-route.ts) and dummy keys in the
// environment; a shell example with `sh -e`, `npx <package>` and the packages' bin names resolving to
// the workspace's built bins. Shared by the headline-example test and the every-block test.
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { findSpecNames, readProviderFacts } from "../../codegen/src/spec-facts.ts";
import { baseUrlKey, ROUTES_ENV } from "./readme-fetch-route.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");
const HERE = resolve(import.meta.dirname, "..");
const PRELOAD = join(import.meta.dirname, "readme-fetch-preload.ts");
export const RUN_TIMEOUT_MS = 30_000;
/** Above RUN_TIMEOUT_MS, so a hanging example is killed by run() and reported with its output. */
export const TEST_TIMEOUT_MS = RUN_TIMEOUT_MS + 10_000;
/** Process groups still running, stopped by the workspace's `stop()` whatever happened to their test. */
const running = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
  running.delete(pid);
}

/**
 * A dummy value for every variable a provider package reads (its credentials and webhook secret,
 * from its spec), so `createX()` with no options works as in the README; the mocks accept any value.
 * The credential whose prefix decides the environment starts with the first sandbox prefix
 * (`vk_sandbox_…`, `test_…`), so the package's own key check passes.
 */
const DUMMY_KEYS: Record<string, string> = Object.fromEntries(
  findSpecNames(ROOT).flatMap((name) => {
    const { schemes, environments, webhook } = readProviderFacts(ROOT, name);
    const prefix = environments.keyPrefixes?.sandbox[0] ?? "";
    const keys = schemes
      .flatMap((scheme) => scheme.credentials)
      .map((credential) => [
        credential.envVar,
        credential.option === environments.credential
          ? `${prefix}readme_example`
          : `readme-example-${credential.option}`,
      ]);
    return webhook.secret ? [...keys, [webhook.secret.envVar, "readme-example-webhook-secret"]] : keys;
  }),
);

/** The fields of a workspace package.json the runner reads. */
export interface Manifest {
  name: string;
  private?: boolean;
  bin?: string | Record<string, string>;
}

/** A workspace package under packages/. */
export interface WorkspacePackage {
  dir: string;
  manifest: Manifest;
  readme: string | undefined;
}

/** Every package under packages/, with its README when it has one. */
export const packages: WorkspacePackage[] = readdirSync(join(ROOT, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, "packages", entry.name, "package.json")))
  .map((entry) => {
    const dir = join(ROOT, "packages", entry.name);
    const readmePath = join(dir, "README.md");
    return {
      dir: entry.name,
      manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest,
      readme: existsSync(readmePath) ? readFileSync(readmePath, "utf8") : undefined,
    };
  });

/** How a child process ended. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a child to completion in `cwd`, killing it (and failing) if it outlives `timeoutMs`. */
export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  { cwd = HERE, timeoutMs = RUN_TIMEOUT_MS }: { cwd?: string; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so killing it also stops what it started (the CLI's Prism).
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const pid = child.pid;
    if (pid !== undefined) running.add(pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => {
      if (pid !== undefined) killGroup(pid);
      reject(new Error(`${args.join(" ")} ran over ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      // Whatever the example left behind in its group goes with it.
      if (pid !== undefined) killGroup(pid);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

/** The workspace packages (by directory) among the package names a program imports. */
function importedPackageDirs(code: string): string[] {
  const names = [...code.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((match) => match[1]);
  return packages.filter((pkg) => names.includes(pkg.manifest.name)).map((pkg) => pkg.dir);
}

/**
 * Each imported provider package's real hosts — its exported `*_BASE_URL` strings and `*_HOSTS`
 * records — mapped to the Prism mock of its spec. Two packages claiming one host (Argyle and
 * Argyle Partners share theirs) in one example cannot be routed and fail the test — or, with
 * `skipShared`, that host is left unrouted (so refused).
 */
async function routesFor(
  dirs: readonly string[],
  mocks: Record<string, string>,
  skipShared = false,
): Promise<Record<string, string>> {
  const shared = new Set<string>();
  const routes: Record<string, string> = {};
  for (const dir of dirs) {
    const mock = mocks[dir];
    if (mock === undefined) continue;
    const name = packages.find((pkg) => pkg.dir === dir)?.manifest.name ?? dir;
    const exports = (await import(name)) as Record<string, unknown>;
    const hosts = Object.entries(exports).flatMap(([key, value]) => {
      if (key.endsWith("_BASE_URL") && typeof value === "string") return [value];
      if (key.endsWith("_HOSTS") && typeof value === "object" && value !== null) {
        return Object.values(value).filter((host): host is string => typeof host === "string");
      }
      return [];
    });
    if (hosts.length === 0) throw new Error(`${name} exports no *_BASE_URL or *_HOSTS constant to route`);
    for (const host of hosts) {
      // Keyed by base URL: a host whose base URL has a path (Onfido's `/v3.6`) is routed without it,
      // as the spec's paths are relative to it.
      const base = baseUrlKey(host);
      if (routes[base] !== undefined && routes[base] !== mock) {
        if (!skipShared) {
          throw new Error(`${base} belongs to two imported packages; an example cannot route it to one mock`);
        }
        shared.add(base);
      }
      routes[base] = mock;
    }
  }
  for (const base of shared) delete routes[base];
  return routes;
}

/**
 * `npx <package>`, `npx -p <package>… <bin>` and each bin name of the workspace packages, as
 * scripts running the built bins.
 */
function writeBinShims(binDir: string): void {
  const cases: string[] = [];
  const binCases: string[] = [];
  for (const pkg of packages) {
    const bins =
      typeof pkg.manifest.bin === "string" ? { [pkg.manifest.name]: pkg.manifest.bin } : (pkg.manifest.bin ?? {});
    for (const [bin, path] of Object.entries(bins)) {
      const target = join(ROOT, "packages", pkg.dir, path);
      const exec = `exec "${process.execPath}" "${target}" "$@"`;
      writeFileSync(join(binDir, bin), `#!/bin/sh\n${exec}\n`);
      chmodSync(join(binDir, bin), 0o755);
      cases.push(`  ${pkg.manifest.name}) shift; ${exec} ;;`);
      binCases.push(`    ${bin}) shift; ${exec} ;;`);
    }
  }
  const names = packages.map((pkg) => pkg.manifest.name).join("|");
  const npx = [
    "#!/bin/sh",
    "# README examples may only run the workspace's own bins: nothing is downloaded.",
    "# `npx -p <package> … <bin>`: every package must be one of the workspace's; the bin runs.",
    'if [ "$1" = "-p" ]; then',
    '  while [ "$1" = "-p" ]; do',
    '    case "$2" in',
    `      ${names}) shift 2 ;;`,
    '      *) echo "npx -p $2: not a workspace package" >&2; exit 127 ;;',
    "    esac",
    "  done",
    '  case "$1" in',
    ...binCases,
    '    *) echo "npx: $1 is not a bin of the workspace packages" >&2; exit 127 ;;',
    "  esac",
    "fi",
    'case "$1" in',
    ...cases,
    '  *) echo "npx $1: not a workspace package with a bin" >&2; exit 127 ;;',
    "esac",
    "",
  ].join("\n");
  writeFileSync(join(binDir, "npx"), npx);
  chmodSync(join(binDir, "npx"), 0o755);
}

/** The parent environment minus provider credentials, plus the fetch routes (and, for TypeScript, dummy keys). */
function exampleEnv(routes: Record<string, string>, keys: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/_(API_KEY|API_KEY_ID|API_KEY_SECRET|SECRET|WEBHOOK_SECRET|SHARED_SECRET)$/.test(key)) env[key] = value;
  }
  return { ...env, ...keys, [ROUTES_ENV]: JSON.stringify(routes) };
}

/** A scratch folder inside this package (so examples' imports resolve to the workspace packages) with the bin shims. */
export interface ExampleWorkspace {
  dir: string;
  /** Runs a TypeScript program as a user would, against the mocks. */
  runTypeScript(name: string, code: string): Promise<Run>;
  /**
   * Runs a shell script with `sh -e`, with no keys set: loopback traffic (the CLI's `--mock`) and
   * each provider's real host, routed to its mock (a host two packages share stays refused).
   */
  runShell(name: string, code: string, timeoutMs?: number): Promise<Run>;
  /** Stops whatever is still running and removes the folder. */
  stop(): void;
}

/** Makes an {@link ExampleWorkspace}; `mocks` are the Prism base URLs by spec name. */
export function exampleWorkspace(mocks: Record<string, string>): ExampleWorkspace {
  const dir = mkdtempSync(join(HERE, ".run-"));
  const binDir = join(dir, "bin");
  mkdirSync(binDir);
  writeBinShims(binDir);
  return {
    dir,
    async runTypeScript(name, code) {
      const file = join(dir, `${name}.ts`);
      writeFileSync(file, code);
      const routes = await routesFor(importedPackageDirs(code), mocks);
      return run(process.execPath, ["--import", PRELOAD, file], exampleEnv(routes, DUMMY_KEYS));
    },
    async runShell(name, code, timeoutMs) {
      const file = join(dir, `${name}.sh`);
      writeFileSync(file, code);
      // The preload reaches the CLI's Node processes too. No keys: the CLI's --mock brings its own,
      // `providers` then shows what a new user sees, and a block that exports a key is routed to a mock.
      const routes = await routesFor(
        packages.map((pkg) => pkg.dir),
        mocks,
        true,
      );
      const env = exampleEnv(routes, {});
      env.PATH = `${binDir}:${env.PATH ?? ""}`;
      env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import ${PRELOAD}`.trim();
      return run("sh", ["-e", file], env, timeoutMs === undefined ? {} : { timeoutMs });
    },
    stop() {
      for (const pid of running) killGroup(pid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
