// Runs the example at the top of every package README (packages/*/README.md, discovered, so a new
// package cannot be left out) the way a user runs it: the text unchanged, in a child process on this
// Node 24, importing the built workspace packages. The provider hosts are routed to the run's Prism
// mocks by a preloaded fetch (readme-fetch-route.ts) and keys are dummies in the environment, so the
// examples can keep the real default hosts and documented env vars. Shell examples run with `sh -e`,
// `npx <package>` and the packages' bin names resolving to the workspace's built bins.
// `pnpm test` builds first; alone: `pnpm build && pnpm exec vitest run tools/readme-examples`.
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
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../vitest/mock-urls.ts";
import { extractReadmeExample, type ReadmeExample } from "./readme-example-extract.ts";
import { ROUTES_ENV } from "./readme-fetch-route.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const HERE = resolve(import.meta.dirname, "..");
const PRELOAD = join(import.meta.dirname, "readme-fetch-preload.ts");
const RUN_TIMEOUT_MS = 30_000;
// Above RUN_TIMEOUT_MS, so a hanging example is killed by run() and reported with its output.
const TEST_TIMEOUT_MS = RUN_TIMEOUT_MS + 10_000;
/** Process groups still running, stopped in afterAll whatever happened to their test. */
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
 * What each example must print on stdout, by package directory (the mocks answer with the specs'
 * example responses). A new package needs an entry: the first test fails until it has one.
 */
const PRINTS: Record<string, readonly RegExp[]> = {
  core: [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/m], // the generated idempotency key
  complycube: [/^https:\/\/flow\.complycube\.com\/test_\S+$/m],
  argyle: [/^https:\/\/connect\.argyle\.com\/\S+$/m],
  "argyle-partners": [/^https:\/\/connect\.argyle\.com\/\S+$/m],
  verifa: [/^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m],
  earthid: [/^https:\/\/myearth\.id\/\S+$/m],
  veriff: [/^https:\/\/alchemy\.veriff\.com\/v\/\S+$/m],
  verifetch: [/^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m],
  testing: [/^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m],
  cli: [
    /^verifa +VERIFA_API_KEY +API key +no$/m,
    /^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m,
    /^ +id +session_abc123$/m,
  ],
};

/**
 * Keys that pass each package's own checks (ComplyCube's `test_` prefix, Verifa's `vk_sandbox_`), so
 * `createX()` with no options works as in the README; the mocks accept any value.
 */
const DUMMY_KEYS: Record<string, string> = {
  COMPLYCUBE_API_KEY: "test_readme_example",
  ARGYLE_API_KEY_ID: "readme-example-key-id",
  ARGYLE_API_KEY_SECRET: "readme-example-key-secret",
  VERIFA_API_KEY: "vk_sandbox_readme_example",
  EARTHID_API_KEY: "readme-example-key",
  VERIFF_API_KEY: "readme-example-key",
  VERIFF_SHARED_SECRET: "readme-example-secret",
};

interface Manifest {
  name: string;
  bin?: string | Record<string, string>;
}

interface PackageReadme {
  dir: string;
  manifest: Manifest;
  readme: string | undefined;
}

const packages: PackageReadme[] = readdirSync(join(ROOT, "packages"), { withFileTypes: true })
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

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a child to completion, killing it (and failing) if it outlives {@link RUN_TIMEOUT_MS}. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so killing it also stops what it started (the CLI's Prism).
    const child = spawn(command, args, { cwd: HERE, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
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
      reject(new Error(`${args.join(" ")} ran over ${RUN_TIMEOUT_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, RUN_TIMEOUT_MS);
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

/** The workspace packages a TypeScript example imports, by directory name. */
function importedPackageDirs(code: string): string[] {
  const names = [...code.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((match) => match[1]);
  return packages.filter((pkg) => names.includes(pkg.manifest.name)).map((pkg) => pkg.dir);
}

/**
 * Each imported provider package's real hosts — its exported `*_BASE_URL` strings and `*_HOSTS`
 * records — mapped to the Prism mock of its spec. Two packages claiming one host (Argyle and
 * Argyle Partners share theirs) in one example cannot be routed and fail the test.
 */
async function routesFor(dirs: readonly string[], mocks: Record<string, string>): Promise<Record<string, string>> {
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
      const origin = new URL(host).origin;
      if (routes[origin] !== undefined && routes[origin] !== mock) {
        throw new Error(`${origin} belongs to two imported packages; an example cannot route it to one mock`);
      }
      routes[origin] = mock;
    }
  }
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

let runDir = "";
let binDir = "";

beforeAll(() => {
  // Inside this package, so the examples' imports resolve to the workspace packages it depends on.
  runDir = mkdtempSync(join(HERE, ".run-"));
  binDir = join(runDir, "bin");
  mkdirSync(binDir);
  writeBinShims(binDir);
});

afterAll(() => {
  for (const pid of running) killGroup(pid);
  if (runDir) rmSync(runDir, { recursive: true, force: true });
});

/** Writes the example next to the others and runs it; returns the run and the file. */
async function runExample(dir: string, example: ReadmeExample): Promise<Run> {
  const mocks = inject("mockBaseUrls");
  if (example.lang === "sh") {
    const file = join(runDir, `${dir}.sh`);
    writeFileSync(file, example.code);
    // The preload reaches the CLI's Node processes too: with no routes, any non-loopback fetch fails.
    // No keys either: the CLI's --mock brings its own, and `providers` then shows what a new user sees.
    const env = exampleEnv({}, {});
    env.PATH = `${binDir}:${env.PATH ?? ""}`;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import ${PRELOAD}`.trim();
    return run("sh", ["-e", file], env);
  }
  const file = join(runDir, `${dir}.ts`);
  writeFileSync(file, example.code);
  const routes = await routesFor(importedPackageDirs(example.code), mocks);
  return run(process.execPath, ["--import", PRELOAD, file], exampleEnv(routes, DUMMY_KEYS));
}

describe.concurrent("package READMEs", () => {
  it("every package has a README and an expected output for its example", () => {
    expect(packages.filter((pkg) => pkg.readme === undefined).map((pkg) => pkg.dir)).toEqual([]);
    expect(packages.map((pkg) => pkg.dir).filter((dir) => PRINTS[dir] === undefined)).toEqual([]);
  });

  for (const pkg of packages) {
    it(`${pkg.dir}: starts with install and an example that runs against the mock`, {
      timeout: TEST_TIMEOUT_MS,
    }, async () => {
      const example = extractReadmeExample(pkg.readme ?? "", pkg.manifest.name);
      if (pkg.dir !== "testing") {
        // Users copy the example: it shows the real default host, never a mock or loopback URL.
        expect(example.code).not.toMatch(/127\.0\.0\.1|localhost|\bbaseUrl\s*:/);
      }
      const result = await runExample(pkg.dir, example);
      const report = `README example of ${pkg.manifest.name} (README.md line ${example.line})\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
      expect(result.code, report).toBe(0);
      for (const expected of PRINTS[pkg.dir] ?? []) expect(result.stdout, report).toMatch(expected);
    });
  }

  it("every TypeScript example type-checks under the strict workspace settings", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const dir = join(runDir, "typecheck");
    mkdirSync(dir);
    const where: string[] = [];
    for (const pkg of packages) {
      const example = extractReadmeExample(pkg.readme ?? "", pkg.manifest.name);
      if (example.lang !== "ts") continue;
      writeFileSync(join(dir, `${pkg.dir}.ts`), example.code);
      where.push(`${pkg.dir}.ts line 1 is packages/${pkg.dir}/README.md line ${example.line}`);
    }
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", include: ["*.ts"] }));
    const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
    const result = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], process.env);
    expect(result.code, `${result.stdout}${result.stderr}\n${where.join("\n")}`).toBe(0);
  });
});
