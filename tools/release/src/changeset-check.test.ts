// The changeset check in a scratch git repository: released packages, a src/ change, a changeset.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changesetsByPackage, checkChangesets, latestReleaseTag } from "./changeset-check.ts";

let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" }).toString();
const write = (file: string, content: string) => {
  mkdirSync(join(repo, file, ".."), { recursive: true });
  writeFileSync(join(repo, file), content);
};
const failing = () =>
  checkChangesets(repo)
    .filter((check) => !check.ok)
    .map((check) => check.name);

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "verifetch-changeset-check-"));
  git("init", "--quiet", "--initial-branch=main");
  git("config", "user.name", "test");
  git("config", "user.email", "test@verifetch.invalid");
  write(".changeset/README.md", "# Changesets\n");
  write("packages/alpha/package.json", JSON.stringify({ name: "@x/alpha", version: "0.2.0" }));
  write("packages/alpha/src/index.ts", "export const a = 1;\n");
  write("packages/beta/package.json", JSON.stringify({ name: "@x/beta", version: "0.1.0" }));
  write("packages/beta/src/index.ts", "export const b = 1;\n");
  write("packages/tool/package.json", JSON.stringify({ name: "@x/tool", version: "0.0.0", private: true }));
  write("packages/tool/src/index.ts", "export const t = 1;\n");
  git("add", "--all");
  git("commit", "--quiet", "-m", "release");
  git("tag", "@x/alpha@0.1.0");
  git("tag", "@x/alpha@0.2.0");
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe("checkChangesets", () => {
  it("compares each package with its newest release tag", () => {
    git("tag", "@x/alpha@0.10.0-rc.1", "HEAD");
    expect(latestReleaseTag(repo, "@x/alpha")).toBe("@x/alpha@0.10.0-rc.1");
    expect(latestReleaseTag(repo, "@x/beta")).toBeUndefined();
  });

  it("fails for a released package whose src/ changed (committed or not) without a changeset", () => {
    expect(failing()).toEqual([]);
    write("packages/alpha/src/index.ts", "export const a = 2;\n");
    expect(failing()).toEqual(["@x/alpha"]);
    git("commit", "--quiet", "-am", "change");
    write("packages/alpha/src/new-file.ts", "export {};\n");
    expect(checkChangesets(repo).find((check) => check.name === "@x/alpha")?.changedFiles).toEqual([
      "packages/alpha/src/index.ts",
      "packages/alpha/src/new-file.ts",
    ]);
  });

  it("passes once a pending changeset names the package", () => {
    write("packages/alpha/src/index.ts", "export const a = 2;\n");
    write(".changeset/brave-lions.md", '---\n"@x/alpha": patch\n"@x/beta": minor\n---\n\nFix a.\n');
    expect(failing()).toEqual([]);
    expect(changesetsByPackage(repo).get("@x/beta")).toEqual([".changeset/brave-lions.md"]);
  });

  it("ignores tests, never-released packages and private packages", () => {
    write("packages/alpha/src/index.test.ts", "// a test\n");
    write("packages/beta/src/index.ts", "export const b = 2;\n");
    write("packages/tool/src/index.ts", "export const t = 2;\n");
    expect(failing()).toEqual([]);
  });

  it("with a base ref, checks every package against it", () => {
    write("packages/beta/src/index.ts", "export const b = 2;\n");
    expect(
      checkChangesets(repo, "HEAD")
        .filter((check) => !check.ok)
        .map((check) => check.name),
    ).toEqual(["@x/beta"]);
  });
});
