// The runtime tier: for every provider package of the registry, its create-session call, its first
// outcome read (Veriff's is HMAC-signed) and one session through the facade, made by the built
// packages inside workerd, Deno and Bun (all three from npm,
// pinned in the root package.json) against the Prism mocks of the vitest global setup. Never skipped:
// a runtime that cannot be had fails its tests. `pnpm test` builds first; alone:
// `pnpm build && pnpm exec vitest run tools/runtimes`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROVIDERS } from "../../../packages/cli/src/generated/providers.ts";
import { mockBaseUrl } from "../../vitest/mock-urls.ts";
import { pinnedVersion, RUNTIME_NAMES, type RuntimeName, workerdCompatibilityDate } from "./runtime-binaries.ts";
import { RUNTIME_MOCKS, type RuntimeMockUrls, runtimeCallNames } from "./runtime-calls.ts";
import { reportedVersion, runInRuntime } from "./runtime-run.ts";

const RUN_TIMEOUT_MS = 60_000;
// Above RUN_TIMEOUT_MS, so a hanging runtime is stopped by the run and reported with its output.
const TEST_TIMEOUT_MS = RUN_TIMEOUT_MS + 15_000;

/** Scratch space of the runs (HOME, Deno's cache, workerd's bundles), made only when a test runs. */
const options = { workDir: "", timeoutMs: RUN_TIMEOUT_MS };
beforeAll(() => {
  options.workDir = mkdtempSync(join(tmpdir(), "verifetch-runtimes-"));
});
afterAll(() => {
  if (options.workDir) rmSync(options.workDir, { recursive: true, force: true });
});

const entry = (file: string) => join(import.meta.dirname, file);

/**
 * What each call must bring back from its mock: a hosted https URL from the create call and the
 * facade (the spec's example response), and something read from the outcome operation.
 */
const EXPECTED: Record<string, RegExp> = Object.fromEntries(
  (
    await Promise.all(
      PROVIDERS.map(async (entry) => {
        const module = await entry.load();
        const { session } = module.descriptor;
        const names = runtimeCallNames(entry.name, {
          create: session.create,
          outcome: module.readOutcome ? session.outcome[0] : undefined,
        });
        return [
          [names.create, /^https:\/\/\S+$/],
          ...(names.outcome ? [[names.outcome, /\S/]] : []),
          [names.facade, new RegExp(`^${entry.name} https://\\S+$`)],
        ];
      }),
    )
  ).flat(),
);

/** What each runtime's `--version` prints for the pinned package version. */
const VERSION_LINE: Record<RuntimeName, (version: string) => RegExp> = {
  workerd: () => new RegExp(`^workerd ${workerdCompatibilityDate()}$`),
  deno: (version) => new RegExp(`^deno ${version.replaceAll(".", "\\.")} `),
  bun: (version) => new RegExp(`^${version.replaceAll(".", "\\.")}$`),
};

function mockUrls(): RuntimeMockUrls {
  return Object.fromEntries(RUNTIME_MOCKS.map((name) => [name, mockBaseUrl(name)])) as RuntimeMockUrls;
}

it("calls every provider whose spec has a mock (a spec whose package is not in the registry fails here)", () => {
  expect([...RUNTIME_MOCKS].sort()).toEqual(Object.keys(inject("mockBaseUrls")).sort());
});

describe.each(RUNTIME_NAMES)("%s", (runtime) => {
  const calls = runtime === "workerd" ? "runtime-worker-entry.ts" : "runtime-cli-entry.ts";
  const ruleBreaker =
    runtime === "workerd" ? "fixtures/rule-breaker-worker-entry.ts" : "fixtures/rule-breaker-cli-entry.ts";

  it("is the version pinned in the root package.json, installed from npm", { timeout: TEST_TIMEOUT_MS }, async () => {
    const line = await reportedVersion(runtime, options);
    expect(line.split("\n")[0]).toMatch(VERSION_LINE[runtime](pinnedVersion(runtime)));
  });

  it("creates a session with every provider and through the facade, against the mocks", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const outcomes = await runInRuntime(runtime, entry(calls), mockUrls(), options);
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([call, value]) => [call, { ok: true, value: expect.stringMatching(value) }]),
    );
    expect(outcomes).toEqual(expected);
  });

  it("fails a run whose packages create an AbortController at module load", { timeout: TEST_TIMEOUT_MS }, async () => {
    await expect(runInRuntime(runtime, entry(ruleBreaker), {}, options)).rejects.toThrow(
      /new AbortController\(\) called while the packages were being imported/,
    );
  });
});

describe("workerd itself", () => {
  it("refuses a timer at global scope, and the run reports it", { timeout: TEST_TIMEOUT_MS }, async () => {
    await expect(runInRuntime("workerd", entry("fixtures/global-timer-worker-entry.ts"), {}, options)).rejects.toThrow(
      /Disallowed operation called within global scope/,
    );
  });
});
