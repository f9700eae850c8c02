// Runs the BUILT `verifetch` bin as a user would: a child process, the provider packages it depends
// on, Prism mocks from their shipped specs. `pnpm test` builds first; alone, build with
// `pnpm exec turbo run build --filter=@verifetch/cli...`.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
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
import { OUTCOMES } from "@verifetch/core";
import decodeQR from "qr/decode.js";
import { describe, expect, it } from "vitest";
import { type CliProvider, loadProviders, mockExample, PROVIDER_NAMES } from "./cli-providers.ts";

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
  input?: Uint8Array,
): { child: ChildProcess; done: Promise<Run> } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build @verifetch/cli first`);
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: [input ? "pipe" : "ignore", "pipe", "pipe"] });
  child.stdin?.end(input);
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

const run = (args: readonly string[], env?: NodeJS.ProcessEnv, input?: Uint8Array) => start(args, env, input).done;

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

/** Providers by webhook scheme, from their descriptors: a new provider is covered without a change here. */
const schemeOf = (provider: CliProvider) => provider.module.descriptor.adapter.webhook;
const SIGNED = PROVIDERS.filter(
  (provider) => schemeOf(provider).secret !== undefined && schemeOf(provider).scheme !== "none",
);
const UNSIGNED = PROVIDERS.filter((provider) => schemeOf(provider).scheme === "none");
const SECRET = "whsec_test_0123456789";
const NOW_S = () => Math.floor(Date.now() / 1000);

/**
 * A delivery every provider's mapping reads (each takes its type and session from its own fields),
 * formatted as no serializer would write it and with non-ASCII text: verifying it proves the bytes
 * reach the adapter untouched.
 */
const BODY = new TextEncoder().encode(
  `{ "event":"test.event", "type":"test.event", "action":"test.event", "id":"ses_1", "vendorData":"user_123",
  "data":{"session_id":"ses_1","external_ref":"user_123","status":"approved","verification":"ses_1",
  "attributes":{"name":"test.event","payload":{"data":{"id":"ses_1","attributes":{"reference-id":"user_123"}}}},
  "object":{"id":"ses_1","client_reference_id":"user_123","status":"approved"}},
  "payload":{"clientId":"ses_1","externalId":"user_123","outcome":"clear",
  "resource_type":"workflow_run","action":"test.event","object":{"id":"ses_1","status":"approved"}}, "note":"café ✓" }\n`,
);

/** The headers a provider signs `body` with, as its descriptor's scheme says, with `secret`. */
function signedHeaders(provider: CliProvider, body: Uint8Array, secret = SECRET, at = NOW_S()): Record<string, string> {
  const webhook = schemeOf(provider);
  const hmac = (data: Uint8Array) =>
    createHmac((webhook.algorithm ?? "").replace("-", "").toLowerCase(), secret)
      .update(data)
      .digest("hex");
  if (webhook.scheme === "body-hmac") return { [webhook.headers?.[0] ?? ""]: hmac(body) };
  if (webhook.scheme === "timestamped-hmac") {
    const signed = Buffer.concat([Buffer.from(`${at}.`), body]);
    return { [webhook.header ?? ""]: `t=${at},v1=${hmac(signed)}` };
  }
  throw new Error(`${provider.name}: the test does not know how to sign the ${webhook.scheme} scheme`);
}

const headerFlags = (headers: Record<string, string>) =>
  Object.entries(headers).flatMap(([name, value]) => ["--header", `${name}: ${value}`]);

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "verifetch-webhook-"));
}

function writeBody(dir: string, body: Uint8Array = BODY): string {
  const file = join(dir, "body.bin");
  writeFileSync(file, body);
  return file;
}

const secretEnv = (provider: CliProvider, value = SECRET) =>
  cleanEnv({ [schemeOf(provider).secret?.envVar ?? ""]: value });

/** The event the provider's own adapter maps the delivery to, in this process (as JSON). */
async function adapterEvent(provider: CliProvider, headers: Record<string, string>, body: Uint8Array) {
  const option = schemeOf(provider).secret?.option ?? "";
  const webhooks = provider.module.createWebhooks(provider.module.createClient({ [option]: SECRET })) as {
    verifyWebhook(request: { headers: Record<string, string>; rawBody: Uint8Array }): Promise<unknown>;
  };
  return JSON.parse(JSON.stringify(await webhooks.verifyWebhook({ headers, rawBody: body }))) as unknown;
}

const READABLE = PROVIDERS.filter((provider) => provider.entry.readOperation !== null);
const UNREADABLE = PROVIDERS.filter((provider) => provider.entry.readOperation === null);

describe("verifetch session get (the built bin)", () => {
  it("--help names each provider's read operation, from its spec", async () => {
    const result = await run(["session", "get", "--help"]);
    expect(result.code).toBe(0);
    for (const provider of READABLE) {
      expect(result.stdout).toMatch(
        new RegExp(`^ {2}${literal(provider.name)} +${provider.entry.readOperation}$`, "m"),
      );
    }
    for (const provider of UNREADABLE) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${literal(provider.name)} +none documented`, "m"));
    }
  });

  it("the registry reads a session back for every provider whose spec documents a way", () => {
    expect(READABLE.length).toBeGreaterThan(0);
    for (const provider of READABLE) expect(provider.module.createResults).toBeTypeOf("function");
  });

  it.each(READABLE.map((provider) => provider.name))(
    "%s --mock --json prints { provider, id, operation, outcome, terminal, status, reasons, result } from the spec's example answer",
    async (name) => {
      const provider = PROVIDERS.find((candidate) => candidate.name === name) as CliProvider;
      // An id of the spec's own format (its example, else a UUID): the mock checks requests against the spec.
      const id = provider.entry.readExampleId ?? "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
      const result = await run(["session", "get", name, id, "--mock", "--json"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const answer = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(answer).toMatchObject({ provider: name, id, operation: provider.entry.readOperation });
      expect(OUTCOMES).toContain(answer.outcome);
      expect(answer.terminal).toBeTypeOf("boolean");
      expect(answer.reasons).toBeInstanceOf(Array);
      expect(answer.result).toBeTypeOf("object");
      expect(answer.result).not.toBeNull();
    },
    MOCK_TIMEOUT_MS,
  );

  it(
    "prints a title line, the outcome, and the provider's answer as indented JSON",
    async () => {
      const [provider] = READABLE as [CliProvider];
      const id = provider.entry.readExampleId ?? "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
      const result = await run(["session", "get", provider.name, id, "--mock"]);
      expect(result.code).toBe(0);
      const [title, outcome, ...rest] = result.stdout.trimEnd().split("\n");
      expect(title).toBe(`${provider.title} ${provider.entry.readOperation}(${id}) (mock)`);
      expect(outcome).toMatch(/^outcome: [a-z_]+( \(final\))?, status /);
      // Reasons, one per line, then the answer.
      const json = rest.slice(rest.indexOf("{"));
      for (const line of rest.slice(0, rest.indexOf("{"))) expect(line).toMatch(/^reason: /);
      expect(JSON.parse(json.join("\n"))).toBeTypeOf("object");
    },
    MOCK_TIMEOUT_MS,
  );

  it(
    "an id the spec's format refuses, against the mock: exit 1 with the rule it breaks",
    async () => {
      const provider = READABLE.find((candidate) => candidate.name === "argyle");
      if (!provider) throw new Error("argyle is not in the registry");
      expectOneLineError(
        await run(["session", "get", "argyle", "not-a-uuid", "--mock"]),
        1,
        "UnprocessableEntityError",
        /path\.id must match format "uuid"/,
      );
    },
    MOCK_TIMEOUT_MS,
  );

  it.each(UNREADABLE.map((provider) => provider.name))(
    "%s documents no read operation: exit 1 saying so, before asking for keys or starting a mock",
    async (name) => {
      expectOneLineError(await run(["session", "get", name, "x"]), 1, "NoSessionReadError", /documents no operation/);
    },
  );

  it("without --mock and without keys: a ConfigurationError naming the variables, no request", async () => {
    const [provider] = READABLE as [CliProvider];
    const result = await run(["session", "get", provider.name, "ses_1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ConfigurationError: .* not set/);
  });

  it.each<[string[], string, RegExp]>([
    [["session", "get"], "UsageError", /needs a provider and an id/],
    [["session", "get", "verifa"], "UsageError", /needs the session id/],
    [["session", "get", "verifa", "a", "b"], "UsageError", /unexpected "b"/],
    [["session", "get", "acme", "x"], "NoSuchProviderError", /"acme"/],
    [["session", "get", "verifa", "x", "--frobnicate"], "UsageError", /frobnicate/],
  ])("%j: exit 2", async (args, name, message) => {
    expectOneLineError(await run(args), 2, name, message);
  });
});

describe("verifetch webhook verify (the built bin)", () => {
  it("the registry has providers with a signature, and the test signs each of their schemes", () => {
    expect(SIGNED.length).toBeGreaterThan(0);
    for (const provider of SIGNED) expect(() => signedHeaders(provider, BODY)).not.toThrow();
  });

  it.each([
    [["--help"], /webhook verify <provider>/],
    [["webhook", "--help"], /verify <provider>/],
    [["webhook", "verify", "--help"], /--delivery <file\.json>/],
    [["webhook", "verify", "verifa", "-h"], /--secret-env <NAME>/],
  ])("verifetch %j prints its help", async (args, usage) => {
    const result = await run(args);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Usage$/m);
    expect(result.stdout).toMatch(usage);
  });

  it("webhook verify --help states each provider's signature from its descriptor", async () => {
    const { stdout } = await run(["webhook", "verify", "--help"]);
    for (const provider of PROVIDERS) {
      const webhook = schemeOf(provider);
      const line = new RegExp(`^ {2}${literal(provider.name)} +(.+)$`, "m").exec(stdout)?.[1] ?? "";
      if (webhook.scheme === "none") expect(line).toMatch(/no signature/);
      else {
        expect(line).toContain(webhook.header ?? webhook.headers?.[0] ?? "?");
        expect(line).toContain(`HMAC-${webhook.algorithm}`);
        expect(line).toContain(webhook.secret?.envVar ?? "?");
      }
    }
  });

  it("the help's try-it lines work as printed (sh, with Node)", async () => {
    const { stdout } = await run(["webhook", "verify", "--help"]);
    const lines = /^Try it.*\n((?: {2}.*\n)+)/m.exec(stdout)?.[1];
    expect(lines).toBeDefined();
    const dir = scratch();
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "bin", "verifetch"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, {
      mode: 0o755,
    });
    writeFileSync(join(dir, "bin", "node"), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
    const script = (lines ?? "").replace(/^ {2}/gm, "");
    const env = cleanEnv({ PATH: `${join(dir, "bin")}:${process.env.PATH ?? ""}` });
    const child = spawn("sh", ["-e", "-c", script], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    const code = await new Promise((resolve) => child.once("close", resolve));
    expect(code, out).toBe(0);
    expect(out).toMatch(/^verified: the signature matches the body$/m);
    expect(out).toMatch(/^ {2}type +test\.event$/m);
  });

  describe.each(SIGNED)("$name", (provider) => {
    const envVar = schemeOf(provider).secret?.envVar ?? "";

    it("a signed delivery (--body <file> and --header) verifies: exit 0, --json prints { ok, event } as the adapter maps it", async () => {
      const headers = signedHeaders(provider, BODY);
      const result = await run(
        ["webhook", "verify", provider.name, "--body", writeBody(scratch()), ...headerFlags(headers), "--json"],
        secretEnv(provider),
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout) as { ok: boolean; event: Record<string, unknown> };
      expect(printed).toEqual({ ok: true, event: await adapterEvent(provider, headers, BODY) });
      expect(printed.event).toMatchObject({ provider: provider.name, type: "test.event", sessionId: "ses_1" });
    });

    it("a saved delivery (--delivery file.json) verifies and prints the event", async () => {
      const file = join(scratch(), "delivery.json");
      writeFileSync(
        file,
        JSON.stringify({ headers: signedHeaders(provider, BODY), body: new TextDecoder().decode(BODY) }, null, 2),
      );
      const result = await run(["webhook", "verify", provider.name, "--delivery", file], secretEnv(provider));
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^verified: the signature matches the body$/m);
      expect(result.stdout).toMatch(new RegExp(`^ {2}provider +${literal(provider.name)}$`, "m"));
      expect(result.stdout).toMatch(/^ {2}type +test\.event$/m);
      expect(result.stdout).toMatch(/^ {2}session +ses_1$/m);
    });

    it("--body - reads the body from stdin, as bytes", async () => {
      const result = await run(
        ["webhook", "verify", provider.name, "--body", "-", ...headerFlags(signedHeaders(provider, BODY)), "--json"],
        secretEnv(provider),
        BODY,
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, event: { provider: provider.name } });
    });

    it("a tampered body exits 1 with the WebhookVerificationError", async () => {
      const headers = signedHeaders(provider, BODY);
      const tampered = new TextEncoder().encode(new TextDecoder().decode(BODY).replace("approved", "declined"));
      const result = await run(
        ["webhook", "verify", provider.name, "--body", writeBody(scratch(), tampered), ...headerFlags(headers)],
        secretEnv(provider),
      );
      expectOneLineError(result, 1, "WebhookVerificationError", /signature does not match the body$/);
    });

    it("a delivery signed with another secret exits 1", async () => {
      const headers = signedHeaders(provider, BODY, "another-secret");
      const result = await run(
        ["webhook", "verify", provider.name, "--body", writeBody(scratch()), ...headerFlags(headers)],
        secretEnv(provider),
      );
      expectOneLineError(result, 1, "WebhookVerificationError", /does not match/);
    });

    it("a missing signature header exits 1; with --json the error is JSON on stderr", async () => {
      const result = await run(
        ["webhook", "verify", provider.name, "--body", writeBody(scratch())],
        secretEnv(provider),
      );
      expectOneLineError(result, 1, "WebhookVerificationError", /header is missing$/);
      const json = await run(
        ["webhook", "verify", provider.name, "--body", writeBody(scratch()), "--json"],
        secretEnv(provider),
      );
      expect(json).toMatchObject({ code: 1, stdout: "" });
      expect(JSON.parse(json.stderr)).toMatchObject({
        error: { name: "WebhookVerificationError", provider: provider.name, message: expect.stringMatching(/missing/) },
        exitCode: 1,
      });
    });

    it(`without ${envVar}: exit 1, a ConfigurationError naming the variable and the option`, async () => {
      const args = ["webhook", "verify", provider.name, "--body", writeBody(scratch())];
      const result = await run([...args, ...headerFlags(signedHeaders(provider, BODY))]);
      expectOneLineError(
        result,
        1,
        "ConfigurationError",
        new RegExp(`^${envVar} is not set: .*\`${schemeOf(provider).secret?.option}\``),
      );
      const json = await run([...args, "--json"]);
      expect(JSON.parse(json.stderr)).toMatchObject({
        error: { name: "ConfigurationError", envVar, option: schemeOf(provider).secret?.option },
        exitCode: 1,
      });
    });

    it("--secret-env NAME reads the secret from NAME instead, and says so when NAME is not set", async () => {
      const args = ["webhook", "verify", provider.name, "--body", writeBody(scratch())];
      const signed = [...args, ...headerFlags(signedHeaders(provider, BODY)), "--secret-env", "STAGING_WEBHOOK_SECRET"];
      const result = await run([...signed, "--json"], cleanEnv({ STAGING_WEBHOOK_SECRET: SECRET, [envVar]: "wrong" }));
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expectOneLineError(
        await run(signed, secretEnv(provider)),
        1,
        "ConfigurationError",
        /^STAGING_WEBHOOK_SECRET is not set: --secret-env names it/,
      );
    });

    if (schemeOf(provider).scheme === "timestamped-hmac") {
      it("a timestamp outside the tolerance exits 1 (a possible replay)", async () => {
        const stale = NOW_S() - (schemeOf(provider).toleranceSeconds ?? 0) - 60;
        const headers = signedHeaders(provider, BODY, SECRET, stale);
        const result = await run(
          ["webhook", "verify", provider.name, "--body", writeBody(scratch()), ...headerFlags(headers)],
          secretEnv(provider),
        );
        expectOneLineError(result, 1, "WebhookVerificationError", /possible replay/);
      });
    }
  });

  it.each(UNSIGNED.map((provider) => provider.name))(
    "%s (no documented signature) exits 1 with the ConfigurationError saying so",
    async (name) => {
      const result = await run(["webhook", "verify", name, "--body", writeBody(scratch()), "--header", "X-Sig: 00"]);
      expectOneLineError(result, 1, "ConfigurationError", /webhooks cannot be verified/);
    },
  );

  describe("usage errors: exit 2 and one line on stderr", () => {
    const dir = scratch();
    const body = writeBody(dir);
    const name = SIGNED[0]?.name ?? FIRST.name;
    const bad = (file: string, content: string) => {
      writeFileSync(join(dir, file), content);
      return join(dir, file);
    };
    it.each<[string[], string, RegExp]>([
      [
        ["webhook", "verify", "acme", "--body", body],
        "NoSuchProviderError",
        new RegExp(`"acme" .*configured: ${literal(PROVIDER_NAMES.join(", "))}$`),
      ],
      [["webhook", "verify"], "UsageError", new RegExp(`needs a provider: ${literal(PROVIDER_NAMES.join(", "))}`)],
      [["webhook", "verify", name], "UsageError", /needs the delivery/],
      [["webhook", "verify", name, "--header", "X-Sig: 1"], "UsageError", /needs the delivery/],
      [["webhook", "verify", name, "--body", body, "--header", "no colon"], "UsageError", /'Name: value'/],
      [["webhook", "verify", name, "--body", body, "--header", ": value"], "UsageError", /'Name: value'/],
      [["webhook", "verify", name, "--body", body, "--header", "Bad Name: v"], "UsageError", /'Name: value'/],
      [
        ["webhook", "verify", name, "--body", body, "-H", "X-A: 1", "-H", "x-a: 2"],
        "UsageError",
        /X-A is given twice|x-a is given twice/,
      ],
      [["webhook", "verify", name, "--body", body, "--body", body], "UsageError", /^--body is given more than once/],
      [["webhook", "verify", name, "--body", join(dir, "missing.bin")], "UsageError", /^--body: cannot read .*ENOENT/],
      [["webhook", "verify", name, "--delivery", body, "--body", body], "UsageError", /give it alone/],
      [["webhook", "verify", name, "--delivery", bad("a.json", "{")], "UsageError", /is not JSON/],
      [
        ["webhook", "verify", name, "--delivery", bad("b.json", '{"body":"x"}')],
        "UsageError",
        /"headers" must be an object/,
      ],
      [
        ["webhook", "verify", name, "--delivery", bad("c.json", '{"headers":{},"body":{"parsed":true}}')],
        "UsageError",
        /"body" must be the raw body/,
      ],
      [
        ["webhook", "verify", name, "--delivery", bad("d.json", '{"headers":{"X":1},"body":""}')],
        "UsageError",
        /header "X" must be a string/,
      ],
      [["webhook", "verify", name, "--body", body, "--secret-env", "NOT-A-NAME"], "UsageError", /--secret-env takes/],
      [["webhook", "verify", name, "--body", body, "--secret", "s"], "UsageError", /Unknown option '--secret'/],
      [["webhook", "verify", name, "--body", body, "--mock"], "UsageError", /Unknown option '--mock'/],
      [["webhook", "verify", name, "extra", "--body", body], "UsageError", /one provider/],
      [["webhook", "sign"], "UsageError", /unknown command "webhook sign"/],
    ])("verifetch %j", async (args, errorName, message) => {
      expectOneLineError(await run(args), 2, errorName, message);
    });

    it("a bare `verifetch webhook` prints its usage to stderr and exits 2", async () => {
      const result = await run(["webhook"]);
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr).toMatch(/^Usage$/m);
    });

    it("--json: a usage error is one line of JSON on stderr with exit code 2", async () => {
      const result = await run(["webhook", "verify", name, "--json"]);
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(JSON.parse(result.stderr)).toMatchObject({ error: { name: "UsageError" }, exitCode: 2 });
    });
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
