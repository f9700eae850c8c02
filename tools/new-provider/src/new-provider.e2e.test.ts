// The proof that a provider is its spec and its sessions file (part of `pnpm test`): in a temp copy
// of the workspace, the fixture spec (tools/new-provider/fixtures/acme-id.yaml, every x-verifetch fact)
// becomes a provider with `pnpm new-provider acme-id`, the fixture sessions file replaces the
// skeleton and a contract test is added (its tests), `pnpm codegen` runs — and then, with no other
// edit, the package builds, its contract tests and its README's example pass against its mock, the
// CLI lists it and creates a session with it against its mock, and the facade creates a session and
// verifies a signed webhook.
// Cost, measured on 2 shared cores: about 45 s (copy + install 2 s, new-provider 3 s, codegen 2 s, build 16 s, tests 15 s)
// (the copy reuses the warm pnpm store, so nothing is downloaded).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumerEnv } from "../../release/src/consumer-projects.ts";
import { type RunResult, run } from "../../release/src/run-command.ts";
import { copyWorkspace } from "../../release/src/workspace-copy.ts";
import { REPO_ROOT } from "../../release/src/workspace-packages.ts";
import { PROVIDER_LINE_LIMIT, providerSize } from "./provider-size.ts";

const NAME = "acme-id";
const FIXTURES = join(import.meta.dirname, "../fixtures");
/** What `pnpm new-provider` and `pnpm codegen` may change outside the new package: generated files only. */
const WRITTEN_BY_TOOLS = [
  "README.md", // the provider table between its markers
  "bench/src/generated/consumer/consumer-all-providers.ts",
  "packages/cli/package.json", // the provider dependencies
  "packages/cli/src/generated/providers.ts",
  "packages/testing/src/generated/providers.ts",
  "pnpm-lock.yaml",
  "specs/redocly.yaml", // the spec registered with the linter
  "tools/readme-examples/package.json", // the provider dependencies
];

let tmp: string;
let workspace: string;
let changed: string[] = [];
const timings: Record<string, number> = {};

/** The machine's environment for commands in the copy (no workspace tools or pnpm settings of ours). */
const env = { ...consumerEnv(), TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" };

async function timed<T>(name: string, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await task();
  } finally {
    timings[name] = Date.now() - started;
  }
}

/** Runs a command in the copy, with extra environment variables. */
const inCopy = (command: string, args: string[], extra: Record<string, string> = {}, allowFailure = false) =>
  run(command, args, { cwd: workspace, env: { ...env, ...extra }, timeoutMs: 300_000, allowFailure });
/** The copy's Node 24 (its `node` devDependency), for scripts run directly. */
const node = (args: string[], extra: Record<string, string> = {}) =>
  inCopy(join(workspace, "node_modules/.bin/node"), args, extra);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "verifetch-new-provider-"));
  workspace = join(tmp, "workspace");
  await timed("copy workspace + install", () => copyWorkspace(REPO_ROOT, workspace));
  // The baseline is the workspace as codegen leaves it (already so when \`codegen --check\` passes),
  // so that what follows shows exactly what adding the provider changes.
  await inCopy("pnpm", ["codegen"]);
  await inCopy("git", ["add", "--all"]);
  await inCopy("git", ["commit", "--quiet", "--allow-empty", "--message", "codegen baseline"]);
  copyFileSync(join(FIXTURES, `${NAME}.yaml`), join(workspace, "specs", `${NAME}.yaml`));
  await timed("pnpm new-provider", () => inCopy("pnpm", ["new-provider", NAME]));
  // The provider's own code: its sessions file and its tests.
  copyFileSync(join(FIXTURES, `${NAME}-sessions.ts`), join(workspace, "packages", NAME, "src", `${NAME}-sessions.ts`));
  copyFileSync(
    join(FIXTURES, `${NAME}-contract.test.ts`),
    join(workspace, "packages", NAME, "src", `${NAME}-contract.test.ts`),
  );
  await timed("pnpm codegen", () => inCopy("pnpm", ["codegen"]));
  const status = await inCopy("git", ["status", "--porcelain", "--untracked-files=all"]);
  changed = status.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3));
  await timed("build", () =>
    inCopy("pnpm", ["exec", "turbo", "run", "build", "--filter=@verifetch/cli...", "--output-logs=errors-only"]),
  );
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(
    `new-provider e2e timings (s): ${Object.entries(timings)
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`)
      .join(" · ")}`,
  );
});

/** The JSON a program printed: all of its output, or else its last line. */
function printedJson(result: RunResult): Record<string, unknown> {
  const text = result.stdout.trim();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return JSON.parse(text.split("\n").at(-1) ?? "") as Record<string, unknown>;
  }
}

describe("a provider added from its spec and its sessions file alone", { timeout: 300_000 }, () => {
  it("changes nothing by hand outside its spec and its package: the rest is written by the tools", () => {
    const outside = changed.filter((path) => !path.startsWith(`packages/${NAME}/`));
    expect(outside.sort()).toEqual([...WRITTEN_BY_TOOLS, `specs/${NAME}.yaml`].sort());
    // In the package: the frame new-provider writes, codegen's output, the sessions file and its test.
    const own = changed.filter((path) => path.startsWith(`packages/${NAME}/src/`) && !path.includes("/generated/"));
    expect(own.sort()).toEqual(
      [
        `packages/${NAME}/src/index.ts`,
        `packages/${NAME}/src/${NAME}-contract.test.ts`,
        `packages/${NAME}/src/${NAME}-sessions.ts`,
      ].sort(),
    );
  });

  it("is in sync with its spec (codegen --check) and within the hand-written line ratchet", async () => {
    const check = await inCopy("pnpm", ["codegen", "--check"]);
    expect(check.stdout).toMatch(/up to date/);
    expect(providerSize(workspace, NAME).lines).toBeLessThanOrEqual(PROVIDER_LINE_LIMIT);
  });

  it("type-checks, and passes its contract tests against a mock of its spec", async () => {
    await inCopy("pnpm", ["--filter", `@verifetch/${NAME}`, "run", "typecheck"]);
    const tests = await inCopy("pnpm", ["exec", "vitest", "run", `packages/${NAME}`], { VERIFETCH_MOCK_SPECS: NAME });
    expect(tests.stdout).toMatch(/Tests\s+\d+ passed/);
  });

  it("its README's example (the spec's own create call) runs against its mock and prints the hosted URL", async () => {
    const readme = await inCopy(
      "pnpm",
      ["exec", "vitest", "run", "tools/readme-examples/src/readme-examples.test.ts", "-t", `${NAME}:`],
      { VERIFETCH_MOCK_SPECS: NAME },
    );
    expect(readme.stdout).toMatch(/Tests\s+1 passed/);
  });

  it("the CLI lists it and creates a session with it against its mock", async () => {
    const cli = join(workspace, "packages/cli/dist/cli.mjs");
    const providers = await node([cli, "providers"]);
    expect(providers.stdout).toMatch(/^acme-id\s+ACME_ID_API_KEY\s+API key\s+no$/m);
    expect(providers.stdout).toMatch(/^\s+ACME_ID_WEBHOOK_SECRET\s+webhook secret\s+no$/m);
    const help = await node([cli, "session", "create", "--help"]);
    expect(help.stdout).toContain(`verifetch session create ${NAME} --mock --reference user_123`);
    const args = ["session", "create", NAME, "--mock", "--reference", "user_123", "--redirect-url"];
    const created = await node([
      cli,
      ...args,
      "https://app.example/done",
      "--option",
      "documentType=passport",
      "--json",
    ]);
    const session = printedJson(created);
    expect(session).toMatchObject({ provider: NAME, id: "ses_123", status: "pending", sandbox: true });
    expect(String(session.url)).toMatch(/^https:\/\/verify\.acme-id\.example\//);
    // The spec's one-hour session lifetime (x-verifetch-session-ttl-seconds).
    expect(Date.parse(String(session.expiresAt)) - Date.now()).toBeGreaterThan(3_500_000);
  });

  it("the facade creates a session from the spec's example and verifies a webhook signed with its scheme", async () => {
    const delivery = {
      type: "session.approved",
      session: { id: "ses_123", reference: "user_123", status: "approved" },
    };
    const result = printedJson(
      await node(["tools/new-provider/src/new-provider-facade-check.ts", NAME, JSON.stringify(delivery)]),
    );
    expect(result.input).toMatchObject({ providerOptions: { [NAME]: { documentType: "passport" } } });
    expect(result.session).toMatchObject({ provider: NAME, id: "ses_123", url: expect.stringMatching(/^https:\/\//) });
    expect(result.event).toMatchObject({ provider: NAME, type: "session.approved", sessionId: "ses_123" });
    expect(result.violations).toEqual([]);
  });

  it("has no size budget until one is set, and `pnpm size` says what to add", async () => {
    const size = await inCopy("pnpm", ["size"], {}, true);
    expect(size.exitCode).not.toBe(0);
    expect(size.stdout + size.stderr).toContain(
      `size: @verifetch/${NAME} has no size budget. Add "@verifetch/${NAME}": "<limit>" to "providers" in tools/release/size-budgets.json`,
    );
  });
});
