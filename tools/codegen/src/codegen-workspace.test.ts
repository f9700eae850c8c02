// The workspace files that list the providers are written by codegen from the specs: each is what
// the specs render now (a stale README table, registry or dependency list fails here, as it fails
// `pnpm codegen --check`), and the pieces render what they say.
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { exportsGeneratedClient, renderWorkspaceOutputs, withProviderDependencies } from "./codegen-workspace.ts";
import { README_MARKERS, renderReadmeProviders, replaceReadmeProviders } from "./render-workspace.ts";
import { findSpecNames, readProviderFacts } from "./spec-facts.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

describe("workspace files that list the providers", () => {
  it.each(renderWorkspaceOutputs(ROOT, () => {}).map((output) => [relative(ROOT, output.path), output] as const))(
    "%s is what the specs render (run `pnpm codegen` when this fails)",
    (_path, output) => {
      expect(readFileSync(output.path, "utf8")).toBe(output.content);
    },
  );

  it("the README table has a row per spec with its package, credentials and webhook scheme", () => {
    const all = findSpecNames(ROOT).map((name) => readProviderFacts(ROOT, name));
    const table = renderReadmeProviders(all);
    for (const facts of all) {
      const row = table.split("\n").find((line) => line.startsWith(`| ${facts.displayName} `));
      expect(row, facts.name).toContain(`\`${facts.packageName}\``);
      const every = facts.schemes.filter((scheme) => facts.security[0]?.includes(scheme.name));
      for (const credential of every.flatMap((scheme) => scheme.credentials)) expect(row).toContain(credential.envVar);
    }
    expect(table).toContain("`t=…,v1=…` HMAC-SHA-256 in `X-Verifa-Signature`, 300 s tolerance");
    // Veriff's create is the one unsigned operation.
    expect(table).toContain("(HMAC-SHA-256 of the request) from `VERIFF_SHARED_SECRET` (create: `X-AUTH-CLIENT`)");
    expect(() => replaceReadmeProviders("no markers here", table)).toThrow(README_MARKERS.start);
  });

  it("provider dependencies: every provider package added, a removed one dropped, the rest kept, sorted", () => {
    const manifest = `${JSON.stringify({ name: "x", dependencies: { zod: "1", "@verifetch/gone": "workspace:^", "@verifetch/core": "workspace:^" } }, null, 2)}\n`;
    const isProvider = (name: string) => ["@verifetch/gone", "@verifetch/acme", "@verifetch/beta"].includes(name);
    const text = withProviderDependencies(
      manifest,
      "dependencies",
      "workspace:^",
      ["@verifetch/beta", "@verifetch/acme"],
      isProvider,
    );
    expect(Object.entries((JSON.parse(text) as { dependencies: Record<string, string> }).dependencies)).toEqual([
      ["@verifetch/acme", "workspace:^"],
      ["@verifetch/beta", "workspace:^"],
      ["@verifetch/core", "workspace:^"],
      ["zod", "1"],
    ]);
  });

  it("the registry holds the packages built on their generated client", () => {
    const registry = readFileSync(join(ROOT, "packages/cli/src/generated/providers.ts"), "utf8");
    for (const name of findSpecNames(ROOT)) {
      expect(registry.includes(`name: ${JSON.stringify(name)},`), name).toBe(exportsGeneratedClient(ROOT, name));
    }
    expect(exportsGeneratedClient(ROOT, "verifa")).toBe(true);
  });
});
