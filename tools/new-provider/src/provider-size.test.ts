// The provider-size ratchet counts what it says: hand-written, non-test, non-generated TypeScript
// under src/ of packages that have generated code and a spec, and fails above the limit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkProviderSizes, isHandWrittenSource, PROVIDER_LINE_LIMIT, providerPackageNames } from "./provider-size.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "verifetch-provider-size-"));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

const lines = (count: number) => "x;\n".repeat(count);

describe("check:provider-size", () => {
  it("counts only hand-written, non-test, non-generated TypeScript", () => {
    expect(isHandWrittenSource("src/acme-sessions.ts")).toBe(true);
    expect(isHandWrittenSource("src/index.ts")).toBe(true);
    for (const file of [
      "src/generated/acme-client.ts",
      "src/acme-sessions.test.ts",
      "src/acme-client.test-d.ts",
      "src/fixtures/seed.ts",
      "src/notes.md",
    ]) {
      expect(isHandWrittenSource(file), file).toBe(false);
    }
  });

  it("checks packages with generated code and a spec, and fails above the limit naming the package and count", () => {
    const dir = workspace({
      "specs/acme.yaml": "",
      "specs/lean.yaml": "",
      "packages/acme/src/generated/acme-client.ts": lines(900),
      "packages/acme/src/acme-sessions.ts": lines(PROVIDER_LINE_LIMIT),
      "packages/acme/src/index.ts": "export * from './generated/index.ts';\nexport * from './acme-sessions.ts';",
      "packages/acme/src/acme-sessions.test.ts": lines(400),
      "packages/lean/src/generated/lean-client.ts": lines(10),
      "packages/lean/src/index.ts": lines(2),
      "packages/core/src/index.ts": lines(5000),
      "packages/nospec/src/generated/x.ts": lines(1),
      "packages/nospec/src/big.ts": lines(5000),
    });
    expect(providerPackageNames(dir)).toEqual(["acme", "lean"]);
    const { sizes, over, report } = checkProviderSizes(dir);
    expect(sizes.map((size) => [size.name, size.lines])).toEqual([
      ["acme", PROVIDER_LINE_LIMIT + 2],
      ["lean", 2],
    ]);
    expect(over.map((size) => size.name)).toEqual(["acme"]);
    expect(report[0]).toBe(
      `packages/acme: ${PROVIDER_LINE_LIMIT + 2} hand-written lines in src/ (limit 150) — over by 2: src/acme-sessions.ts 150, src/index.ts 2`,
    );
    expect(report[1]).toBe("packages/lean: 2 hand-written lines in src/ (limit 150)");
  });
});
