// Runs the BUILT `verifetch` bin as a user would: a child process, the provider packages it depends
// on, Prism mocks from their shipped specs. `pnpm test` builds first; alone, build with
// `pnpm exec turbo run build --filter=@verifetch/cli...`.
import { type ChildProcess, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import decodeQR from "qr/decode.js";
import { describe, expect, it } from "vitest";
import { loadProviders, mockExample } from "./cli-providers.ts";

const BIN = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const MANIFEST = fileURLToPath(new URL("../package.json", import.meta.url));
const MOCK_TIMEOUT_MS = 60_000;
/** Every provider of the registry, loaded: the tests cover each one the CLI knows. */
const PROVIDERS = await loadProviders();
/** Providers whose package picks its host by `--environment`, and providers that need options. */
const HOST_PICKING = PROVIDERS.filter((provider) => provider.environments);
const NEEDING_OPTIONS = PROVIDERS.filter((provider) => mockExample(provider).requiredOptions.length > 0);
const [FIRST] = PROVIDERS;
if (!FIRST) throw new Error("the registry has no provider");

/** The environment without any provider variable, so output never depends on the machine's keys. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const provider of PROVIDERS) for (const envVar of provider.envVars) delete env[envVar.name];
  return { ...env, ...extra };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(
  args: readonly string[],
  env: NodeJS.ProcessEnv = cleanEnv(),
): { child: ChildProcess; done: Promise<Run> } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build @verifetch/cli first`);
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const run = (args: readonly string[], env?: NodeJS.ProcessEnv) => start(args, env).done;

/**
 * The built bin in a folder of its own whose node_modules has every dependency of the CLI but not
 * its optional peer @verifetch/testing — what `npx @verifetch/cli` installs.
 */
function cliWithoutTesting(): string {
  const dir = mkdtempSync(join(tmpdir(), "verifetch-cli-alone-"));
  mkdirSync(join(dir, "dist"));
  copyFileSync(BIN, join(dir, "dist", "cli.mjs"));
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { dependencies: Record<string, string> };
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "@verifetch/cli", type: "module" }));
  for (const name of Object.keys(manifest.dependencies)) {
    const target = realpathSync(join(dirname(MANIFEST), "node_modules", name));
    mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true });
    symlinkSync(target, join(dir, "node_modules", name));
  }
  return join(dir, "dist", "cli.mjs");
}

/**
 * The arguments that make `session create <provider> --mock` succeed: the spec's create example, cut
 * down to what the provider's adapter requires (the line `session create --help` prints).
 */
function mockArgs(name: string): string[] {
  const provider = PROVIDERS.find((candidate) => candidate.name === name);
  if (!provider) throw new Error(`no provider ${name}`);
  return mockExample(provider).args;
}

/** `args` without their `--option key=value` pairs. */
function withoutOptions(args: readonly string[]): string[] {
  return args.filter((arg, index) => arg !== "--option" && args[index - 1] !== "--option");
}

const QR_LINE = /^[█▀▄ ]+$/;

/**
 * Reads the printed QR block back into modules (uqr's half blocks: a block character is a light
 * module, two per character row) and decodes it with an independent decoder (paulmillr's qr).
 */
function decodeQrBlock(lines: readonly string[]): string {
  const modules: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line];
    modules.push(chars.map((c) => c === "█" || c === "▀"));
    modules.push(chars.map((c) => c === "█" || c === "▄"));
  }
  const scale = 4;
  const margin = 4;
  const columns = modules[0]?.length ?? 0;
  const width = (columns + 2 * margin) * scale;
  const height = (modules.length + 2 * margin) * scale;
  const data = new Uint8Array(width * height * 3).fill(255);
  modules.forEach((row, y) => {
    row.forEach((light, x) => {
      if (light) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + margin) * scale + dy) * width + (x + margin) * scale + dx) * 3;
          data.fill(0, at, at + 3);
        }
      }
    });
  });
  return decodeQR({ width, height, data });
}

/** One line on stderr, `SomeError: message`, no stack trace; nothing on stdout; the exit code. */
function expectOneLineError(result: Run, code: 1 | 2, name: string | RegExp, message?: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr.endsWith("\n")).toBe(true);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  const [errorName, ...rest] = (lines[0] ?? "").split(": ");
  expect(errorName).toMatch(name);
  if (message) expect(rest.join(": ")).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("verifetch (the built bin)", () => {
  it("prints its version", async () => {
    const version = (JSON.parse(readFileSync(MANIFEST, "utf8")) as { version: string }).version;
    for (const flag of ["--version", "-v"]) {
      expect(await run([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  });

  it.each([
    [["--help"], /verifetch <command>/],
    [["-h"], /verifetch <command>/],
    [["providers", "--help"], /verifetch providers \[--json\]/],
    [["providers", "-h"], /verifetch providers \[--json\]/],
    [["session", "--help"], /create <provider>/],
    [["session", "create", "--help"], /--reference <ref>/],
    [["session", "create", "verifa", "-h"], /--redirect-url <url>/],
  ])("verifetch %j prints its help", async (args, usage) => {
    const result = await run(args);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage$/m);
    expect(result.stdout).toMatch(usage);
  });

  it.each([
    [[], /verifetch <command>/],
    [["session"], /create <provider>/],
  ])("verifetch %j (no command) prints the usage to stderr and exits 2", async (args, usage) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Usage$/m);
    expect(result.stderr).toMatch(usage);
  });

  it("session create --help names every provider and what each needs", async () => {
    const { stdout } = await run(["session", "create", "--help"]);
    for (const provider of PROVIDERS) {
      const example = mockExample(provider);
      expect(stdout).toContain(example.command);
      const needs = [example.requiredOptions.join(", "), example.requiredFlags.join(" and ")]
        .filter(Boolean)
        .join("; ");
      expect(stdout).toMatch(
        new RegExp(`^ {2}${provider.name} +${literal(needs || "nothing beyond --reference")}$`, "m"),
      );
    }
  });

  describe("providers", () => {
    it("lists every provider with the variables it reads and whether they are set, never their values", async () => {
      // The first provider's session credentials and every webhook secret are set.
      const set = new Set([
        ...FIRST.envVars.filter((envVar) => envVar.purpose === "api-key").map((envVar) => envVar.name),
        ...PROVIDERS.flatMap((provider) => provider.envVars)
          .filter((envVar) => envVar.purpose === "webhook-secret")
          .map((envVar) => envVar.name),
      ]);
      const result = await run(
        ["providers"],
        cleanEnv(Object.fromEntries([...set].map((name) => [name, `value-do-not-print-me-${name}`]))),
      );
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const label = { "api-key": "API key", "webhook-secret": "webhook secret", credential: "credential" };
      for (const provider of PROVIDERS) {
        for (const [index, envVar] of provider.envVars.entries()) {
          const first = index === 0 ? literal(provider.name) : "";
          const row = `^${first}\\s+${envVar.name}\\s+${label[envVar.purpose]}\\s+${set.has(envVar.name) ? "yes" : "no"}$`;
          expect(result.stdout).toMatch(new RegExp(row, "m"));
        }
      }
      const live = PROVIDERS.filter((provider) =>
        provider.envVars.every((envVar) => envVar.purpose !== "api-key" || set.has(envVar.name)),
      );
      expect(result.stdout).toContain(`Sessions are created for real with: ${live.map((p) => p.name).join(", ")}.`);
      expect(result.stdout).not.toContain("do-not-print-me");
    });

    it("--json: the same as data, without values", async () => {
      const keys = FIRST.envVars.filter((envVar) => envVar.purpose === "api-key");
      const env = Object.fromEntries(keys.map((envVar) => [envVar.name, "do-not-print-me"]));
      const result = await run(["providers", "--json"], cleanEnv(env));
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain("do-not-print-me");
      const rows = JSON.parse(result.stdout) as {
        provider: string;
        title: string;
        package: string;
        live: boolean;
        env: { name: string; purpose: string; set: boolean }[];
      }[];
      expect(rows.map((row) => row.provider)).toEqual(PROVIDERS.map((provider) => provider.name));
      const first = rows[0];
      expect(first).toMatchObject({ provider: FIRST.name, title: FIRST.title, package: FIRST.packageName, live: true });
      for (const envVar of keys)
        expect(first?.env).toContainEqual({ name: envVar.name, purpose: "api-key", set: true });
      // Argyle Partners reads Argyle's key variables, so it is live with Argyle; no other provider is.
      const set = new Set(keys.map((envVar) => envVar.name));
      for (const row of rows.slice(1)) {
        const sharesKeys = row.env
          .filter((envVar) => envVar.purpose === "api-key")
          .every((envVar) => set.has(envVar.name));
        expect(row.live, row.provider).toBe(sharesKeys);
      }
      expect(rows.filter((row) => !row.live).length).toBeGreaterThan(0);
    });

    // The table is the CLI's own; this keeps it honest against what each installed package reads.
    it.each(PROVIDERS)("$name: every variable listed is one its package reads", (provider) => {
      const entry = createRequire(MANIFEST).resolve(provider.packageName);
      const code = readFileSync(entry, "utf8");
      for (const envVar of provider.envVars) expect(code).toContain(`"${envVar.name}"`);
    });
  });

  describe("session create --mock", () => {
    it(
      "verifa --json prints the HostedSession as JSON and nothing else",
      async () => {
        const result = await run([...mockArgs("verifa"), "--json"]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const session = JSON.parse(result.stdout) as Record<string, unknown>;
        expect(session).toMatchObject({
          provider: "verifa",
          id: expect.any(String),
          url: expect.stringMatching(/^https:\/\/app\.withverifa\.com\//),
          expiresAt: "2026-02-01T12:20:00.000Z",
          sandbox: true,
          status: expect.any(String),
          raw: expect.objectContaining({ capture_url: expect.any(String) }),
        });
        expect(result.stdout).not.toMatch(/[█▀▄]/);
      },
      MOCK_TIMEOUT_MS,
    );

    it.each(PROVIDERS.map((provider) => provider.name))(
      "%s prints the URL, the session's facts and a QR code that scans to the URL",
      async (name) => {
        const result = await run(mockArgs(name));
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const lines = result.stdout.trimEnd().split("\n");
        const url = lines[0] ?? "";
        expect(new URL(url).protocol).toBe("https:");
        expect(result.stdout).toMatch(new RegExp(`^ {2}provider +${name} \\(mock\\)$`, "m"));
        expect(result.stdout).toMatch(/^ {2}id +\S+/m);
        expect(result.stdout).toMatch(/^ {2}expires +\S+/m);
        expect(result.stdout).toMatch(/^ {2}sandbox +\S+/m);
        const qr = lines.filter((line) => QR_LINE.test(line) && /[█▀▄]/.test(line));
        expect(qr.length).toBeGreaterThan(10);
        expect(decodeQrBlock(qr)).toBe(url);
      },
      MOCK_TIMEOUT_MS,
    );

    for (const provider of HOST_PICKING) {
      it(
        `${provider.name} --environment live: the package's live environment, reported as sandbox: false`,
        async () => {
          const result = await run([...mockArgs(provider.name), "--environment", "live", "--json"]);
          expect(result.stderr).toBe("");
          expect(JSON.parse(result.stdout)).toMatchObject({ provider: provider.name, sandbox: false });
        },
        MOCK_TIMEOUT_MS,
      );
    }

    it(
      "stops the mock when interrupted (SIGINT): exit 130, one line, no Prism left behind",
      async () => {
        if (!existsSync("/proc/self/stat")) return; // finding the child needs Linux's /proc
        const { child, done } = start(mockArgs("verifa"));
        const pid = child.pid ?? -1;
        const prism = await waitFor(() => childPids(pid)[0], 20_000);
        child.kill("SIGINT");
        const result = await done;
        expect(result.code).toBe(130);
        expect(result.stderr).toBe("InterruptedError: stopped by SIGINT\n");
        expect(isAlive(prism)).toBe(false);
      },
      MOCK_TIMEOUT_MS,
    );
  });

  describe("usage errors: exit 2 and one line on stderr", () => {
    it.each<[string[], string, RegExp]>([
      [["session", "create", "acme", "--reference", "r", "--mock"], "NoSuchProviderError", /"acme"/],
      [["session", "create", "verifa", "--mock"], "UsageError", /--reference is required/],
      [
        ["session", "create", "verifa", "--mock", "--reference", "r", "--redirect-url", "http://app.example/done"],
        "InputValidationError",
        /^redirectUrl: must be an https URL \(got "http:\/\/app.example\/done"\)/,
      ],
      [
        ["session", "create", "verifa", "--mock", "--reference", "r", "--redirect-url", "not a url"],
        "InputValidationError",
        /^redirectUrl: must be an https URL \(got "not a url"\)/,
      ],
      [
        ["session", "create", "verifa", "--mock", "--reference", "r", "--country", "GBR"],
        "InputValidationError",
        /^country/,
      ],
      [
        ["session", "create", "verifa", "--reference", "r", "--frobnicate"],
        "UsageError",
        /Unknown option '--frobnicate'/,
      ],
      [["session", "create", "verifa", "--reference", "r", "--option", "novalue"], "UsageError", /key=value/],
      [["session", "create", "verifa", "--reference", "r", "--option", "=1"], "UsageError", /key=value/],
      [["session", "create", "verifa", "--reference", "r", "--option", "__proto__.x=1"], "UsageError", /invalid key/],
      [
        ["session", "create", "verifa", "--reference", "r", "--environment", "live"],
        "UsageError",
        new RegExp(`^--environment applies to ${HOST_PICKING.map((p) => p.name).join(" and ") || "no provider"} only`),
      ],
      ...NEEDING_OPTIONS.map((provider): [string[], string, RegExp] => [
        withoutOptions(mockArgs(provider.name)),
        "InputValidationError",
        new RegExp(`^providerOptions\\.${literal(provider.name)}\\b`),
      ]),
      ...HOST_PICKING.map((provider): [string[], string, RegExp] => [
        ["session", "create", provider.name, "--reference", "r", "--environment", "prod"],
        "UsageError",
        /sandbox or live/,
      ]),
      [["session", "create"], "UsageError", /needs a provider/],
      [["session", "create", "verifa", "veriff", "--reference", "r"], "UsageError", /one provider/],
      [["session", "destroy"], "UsageError", /unknown command "session destroy"/],
      [["frobnicate"], "UsageError", /unknown command "frobnicate"/],
      [["providers", "--all"], "UsageError", /Unknown option '--all'/],
      [
        ["session", "create", "verifa", "-r", "a", "--reference", "b"],
        "UsageError",
        /^--reference \(-r\) is given more than once/,
      ],
      [["session", "create", "verifa", "-r", "a", "--mock", "--mock"], "UsageError", /^--mock is given more than once/],
      [
        ["session", "create", "verifa", "-r", "a", "--country", "GB", "--country=FR"],
        "UsageError",
        /^--country is given more than once/,
      ],
    ])("verifetch %j", async (args, name, message) => {
      expectOneLineError(await run(args), 2, name, message);
    });

    it(
      "repeatable flags may repeat",
      async () => {
        const result = await run([
          ...mockArgs("verifa"),
          "--metadata",
          "a=1",
          "--metadata",
          "b=2",
          "--json",
          "--no-qr",
        ]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
      },
      MOCK_TIMEOUT_MS,
    );
  });

  describe("failures while running: exit 1 and one line on stderr", () => {
    it.each(PROVIDERS)(
      "$name without --mock and without keys: a ConfigurationError naming the variables, no request",
      async (provider) => {
        const keys = provider.envVars.filter((envVar) => envVar.purpose === "api-key").map((envVar) => envVar.name);
        const args = mockArgs(provider.name).filter((arg) => arg !== "--mock");
        expectOneLineError(
          await run(args),
          1,
          "ConfigurationError",
          new RegExp(
            `^${keys.join(" and ")} ${keys.length > 1 ? "are" : "is"} not set: ${literal(provider.name)} reads`,
          ),
        );
      },
    );

    it(
      "a provider option of the wrong type: a usage error naming the field, before any request",
      async () => {
        // workflowId=123 parses as a JSON number; Verifa's workflow id is a string.
        const result = await run([...mockArgs("verifa"), "--option", "workflowId=123"]);
        expectOneLineError(
          result,
          2,
          "InputValidationError",
          /^providerOptions\.verifa\.workflowId: must be a non-empty string \(got 123\)$/,
        );
      },
      MOCK_TIMEOUT_MS,
    );

    it(
      "--mock without @verifetch/testing installed: says the exact command that brings it",
      async () => {
        const bin = cliWithoutTesting();
        const args = [...mockArgs("verifa"), "--metadata", "note=it's"];
        const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr?.on("data", (chunk: Buffer) => {
          stderr += chunk.toString("utf8");
        });
        const code = await new Promise((resolve) => child.once("close", resolve));
        expect(code).toBe(1);
        expect(stderr).toBe(
          "MockUnavailableError: --mock needs @verifetch/testing (the Prism mock server), which is not installed next to @verifetch/cli; run: npx -p @verifetch/cli -p @verifetch/testing verifetch session create verifa --mock --reference user_123 --redirect-url https://app.example/done --metadata 'note=it'\"'\"'s' (or install @verifetch/testing where @verifetch/cli is installed)\n",
        );
      },
      MOCK_TIMEOUT_MS,
    );
  });

  describe("--json: a failure is one line of JSON on stderr, nothing on stdout", () => {
    it.each([
      [["session", "create", "verifa", "--json", "--frobnicate"], 2, { name: "UsageError" }],
      [["--json"], 2, { name: "UsageError", message: 'unknown option "--json" (see verifetch --help)' }],
      [
        ["providers", "--json", "--json"],
        2,
        { name: "UsageError", message: expect.stringMatching(/^--json is given more than once/) },
      ],
      [["session", "create", "acme", "-r", "r", "--json"], 2, { name: "NoSuchProviderError", provider: "acme" }],
      [
        ["session", "create", "verifa", "-r", "r", "--redirect-url", "http://x.example", "--json"],
        2,
        { name: "InputValidationError", field: "redirectUrl" },
      ],
      [["session", "create", "verifa", "-r", "r", "--json"], 1, { name: "ConfigurationError" }],
    ])("verifetch %j", async (args, code, fields) => {
      const result = await run(args);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe("");
      expect(result.stderr.endsWith("\n")).toBe(true);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      const printed = JSON.parse(result.stderr) as { error: Record<string, unknown>; exitCode: number };
      expect(printed.exitCode).toBe(code);
      expect(printed.error).toMatchObject({ message: expect.any(String), ...fields });
    });

    it(
      "an input error carries the field it names",
      async () => {
        const result = await run([...mockArgs("verifa"), "--option", "workflowId=123", "--json"]);
        expect(result.code).toBe(2);
        const printed = JSON.parse(result.stderr) as { error: Record<string, unknown> };
        expect(printed.error).toMatchObject({
          name: "InputValidationError",
          field: "providerOptions.verifa.workflowId",
        });
      },
      MOCK_TIMEOUT_MS,
    );
  });
});

/** `text` as a regular expression that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Child processes of `pid`, from /proc (Linux). */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
