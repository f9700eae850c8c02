// Runs the example at the top of every package README (packages/*/README.md, discovered, so a new
// package cannot be left out) the way a user runs it: the text unchanged, in a child process on this
// Node 24, importing the built workspace packages. The provider hosts are routed to the run's Prism
// mocks by a preloaded fetch (readme-fetch-route.ts) and keys are dummies in the environment, so the
// examples can keep the real default hosts and documented env vars. Shell examples run with `sh -e`,
// `npx <package>` and the packages' bin names resolving to the workspace's built bins. Every other
// block of every README is checked by readme-blocks.test.ts (type-checks included).
// `pnpm test` builds first; alone: `pnpm build && pnpm exec vitest run tools/readme-examples`.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findSpecNames, readProviderFacts } from "../../codegen/src/spec-facts.ts";
import type {} from "../../vitest/mock-urls.ts";
import { extractReadmeExample } from "./readme-example-extract.ts";
import { type ExampleWorkspace, exampleWorkspace, packages, ROOT, TEST_TIMEOUT_MS } from "./readme-run.ts";

/**
 * What each example must print on stdout, by package directory (the mocks answer with the specs'
 * example responses). A provider package prints the hosted URL of its create call: the origin of the
 * https URL its spec's create response example carries (in a field a created session must have).
 * Every other package needs an entry here: the first test fails until it has one.
 */
const PRINTS: Record<string, readonly RegExp[]> = {
  ...Object.fromEntries(findSpecNames(ROOT).map((name) => [name, [sessionUrlLine(name)]])),
  core: [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/m], // the generated idempotency key
  verifetch: [/^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m],
  testing: [/^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m],
  cli: [
    /^verifa +VERIFA_API_KEY +API key +no$/m,
    /^https:\/\/app\.withverifa\.com\/verify\/tok_\S+$/m,
    /^ +id +session_abc123$/m,
  ],
};

/** A line holding a URL on the origin of the hosted URL in `specs/<name>.yaml`'s create response example. */
function sessionUrlLine(name: string): RegExp {
  const { session } = readProviderFacts(ROOT, name);
  for (const path of session.required.flatMap((field) => field.split("|"))) {
    const value = path
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], session.create.responseExample);
    if (typeof value === "string" && value.startsWith("https://")) {
      return new RegExp(`^${new URL(value).origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\S*$`, "m");
    }
  }
  throw new Error(`specs/${name}.yaml: the create response example has no https URL in ${session.required.join(", ")}`);
}

let workspace: ExampleWorkspace;

beforeAll(() => {
  workspace = exampleWorkspace(inject("mockBaseUrls"));
});

afterAll(() => workspace?.stop());

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
      const result =
        example.lang === "sh"
          ? await workspace.runShell(pkg.dir, example.code)
          : await workspace.runTypeScript(pkg.dir, example.code);
      const report = `README example of ${pkg.manifest.name} (README.md line ${example.line})\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
      expect(result.code, report).toBe(0);
      for (const expected of PRINTS[pkg.dir] ?? []) expect(result.stdout, report).toMatch(expected);
    });
  }
});
