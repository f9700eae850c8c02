// The size budgets follow the packages: one per provider package (named by its spec's factory), the
// limits from tools/release/size-budgets.json, and a provider package without a limit fails naming
// what to add. The README's size table shows the same budgets.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { budgets, providerFolders } from "./size-limit.config.ts";
import { REPO_ROOT } from "./workspace-packages.ts";

describe("size budgets", () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("has one budget per provider package, named by its factory, with the committed limit", () => {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, "tools/release/size-budgets.json"), "utf8")) as {
      providers: Record<string, string>;
    };
    const all = budgets(REPO_ROOT);
    const folders = providerFolders(REPO_ROOT);
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const budget = all.find((candidate) => Object.keys(candidate.imports).join() === folder);
      expect(budget?.name, folder).toMatch(new RegExp(`^@verifetch/${folder}: create[A-Z]\\w*$`));
      expect(budget?.limit).toBe(file.providers[`@verifetch/${folder}`]);
    }
  });

  it("fails for a provider package without a limit, saying what to add where", () => {
    scratch = mkdtempSync(join(tmpdir(), "verifetch-size-"));
    mkdirSync(join(scratch, "specs"));
    mkdirSync(join(scratch, "packages/acme-id/src/generated"), { recursive: true });
    mkdirSync(join(scratch, "tools/release"), { recursive: true });
    cpSync(join(REPO_ROOT, "specs/verifa.yaml"), join(scratch, "specs/acme-id.yaml"));
    cpSync(join(REPO_ROOT, "tools/release/size-budgets.json"), join(scratch, "tools/release/size-budgets.json"));
    expect(() => budgets(scratch)).toThrow(
      'size: @verifetch/acme-id has no size budget. Add "@verifetch/acme-id": "<limit>" to "providers" in tools/release/size-budgets.json',
    );
  });

  it("the README's size table shows every budget", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const rows = new Map(
      [...readme.matchAll(/^\| (`[^|]+?) +\| [^|]+ \| ([^|]+?) +\|$/gm)].map((match) => [
        (match[1] ?? "").replaceAll("`", ""),
        match[2],
      ]),
    );
    for (const budget of budgets(REPO_ROOT)) expect(rows.get(budget.name), budget.name).toBe(budget.limit);
  });
});
