// Every code block of every README in the repository is checked (see readme-blocks.ts for the
// kinds): TypeScript is type-checked under the strict workspace settings (continuations together
// with the block they continue) and run against the mocks where marked; shell blocks are run, or
// each command is checked against the workspace; a layout's paths must exist. A README that gains a
// block without a check fails here. The headline example of each package README is also run, with
// its expected output, by readme-examples.test.ts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type {} from "../../vitest/mock-urls.ts";
import {
  allReadmeBlocks,
  importedPackages,
  layoutPaths,
  type ReadmeBlock,
  readmeBlocks,
  shellCommands,
  typeScriptPrograms,
} from "./readme-blocks.ts";
import { type ExampleWorkspace, exampleWorkspace, packages, ROOT, run, TEST_TIMEOUT_MS } from "./readme-run.ts";

/** Every README git knows of (tracked, or new and not ignored). */
const READMES = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*README.md"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\n")
  .filter((path) => path !== "" && existsSync(join(ROOT, path)));
const { blocks, problems: blockProblems } = allReadmeBlocks(ROOT, READMES);
const where = (block: ReadmeBlock) => `${block.readme}:${block.line}`;

const rootManifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  packageManager: string;
  scripts: Record<string, string>;
};
const published = new Set(packages.filter((pkg) => !pkg.manifest.private).map((pkg) => pkg.manifest.name));
// What a README may tell a user to install besides our packages: the tools of a user's own test suite.
const THIRD_PARTY = new Set(["vitest", "typescript"]);

/** Why a command of a `commands` block is wrong, or undefined when it names what the workspace has. */
function commandProblem(words: readonly string[]): string | undefined {
  const [tool, verb, ...rest] = words;
  if (tool === "npm" && (verb === "install" || verb === "i")) {
    const names = rest.filter((word) => !word.startsWith("-"));
    if (names.length === 0) return "installs nothing";
    for (const spec of names) {
      const at = spec.lastIndexOf("@");
      const name = at > 0 ? spec.slice(0, at) : spec;
      if (name === "pnpm") {
        if (`pnpm@${spec.slice(at + 1)}` !== rootManifest.packageManager) {
          return `installs ${spec}, but the workspace pins ${rootManifest.packageManager}`;
        }
      } else if (!published.has(name) && !THIRD_PARTY.has(name)) {
        return `installs ${name}, which is not a published package of this workspace`;
      }
    }
    return undefined;
  }
  if (tool === "pnpm") {
    if (verb === "install" || verb === undefined) return undefined;
    const script = verb === "run" ? rest[0] : verb;
    if (verb === "exec") {
      return existsSync(join(ROOT, "node_modules", ".bin", rest[0] ?? "")) ? undefined : `no bin ${rest[0]}`;
    }
    return script !== undefined && rootManifest.scripts[script] !== undefined ? undefined : `no script "${script}"`;
  }
  return `\`${words.join(" ")}\` cannot be checked as a workspace command: mark the block <!-- check: run -->`;
}

let workspace: ExampleWorkspace;

beforeAll(() => {
  workspace = exampleWorkspace(inject("mockBaseUrls"));
});

afterAll(() => workspace?.stop());

describe("every README code block", () => {
  it("is found in every README, each with a check", () => {
    expect(blockProblems).toEqual([]);
    expect(READMES).toContain("README.md");
    expect(READMES.filter((path) => path.startsWith("packages/")).length).toBe(packages.length);
    expect(blocks.length).toBeGreaterThan(40);
  });

  it("TypeScript: every block type-checks under the strict workspace settings (continuations with their block)", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const dir = join(workspace.dir, "typecheck");
    mkdirSync(dir);
    const map: string[] = [];
    typeScriptPrograms(blocks).forEach(({ parts }, index) => {
      const file = `block-${index}.ts`;
      // `export {}` makes every block its own module, as a user's file is.
      writeFileSync(join(dir, file), `${parts.map((part) => part.code).join("")}export {};\n`);
      map.push(`${file}: ${parts.map(where).join(" + ")}`);
    });
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", include: ["*.ts"] }));
    const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
    const result = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], process.env);
    expect(result.code, `${result.stdout}${result.stderr}\n${map.join("\n")}`).toBe(0);
  });

  const runnable = typeScriptPrograms(blocks).filter(({ first }) => first.check === "run" && !first.headline);
  it.concurrent.each(runnable.map((program) => [where(program.first), program] as const))(
    "TypeScript %s runs against the mocks",
    { timeout: TEST_TIMEOUT_MS },
    async (_at, { first, parts }) => {
      const name = `${first.readme.replace(/\W+/g, "-")}-${first.line}`;
      const result = await workspace.runTypeScript(name, parts.map((part) => part.code).join(""));
      expect(result.code, `${where(first)}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
    },
  );

  // A shell block may start several mocks one after another (the CLI's --mock): more time than one program.
  const SHELL_TIMEOUT_MS = 120_000;
  const shellRuns = blocks.filter((block) => block.lang === "sh" && block.check === "run" && !block.headline);
  it.concurrent.each(shellRuns.map((block) => [where(block), block] as const))(
    "shell %s runs",
    { timeout: SHELL_TIMEOUT_MS + 10_000 },
    async (_at, block) => {
      const name = `${block.readme.replace(/\W+/g, "-")}-${block.line}`;
      const result = await workspace.runShell(name, block.code, SHELL_TIMEOUT_MS);
      expect(result.code, `${where(block)}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
    },
  );

  it("shell: every command of the other blocks names what the workspace has", () => {
    const problems = blocks
      .filter((block) => block.check === "commands")
      .flatMap((block) =>
        shellCommands(block.code).flatMap((words) => {
          const problem = commandProblem(words);
          return problem ? [`${where(block)}: ${problem}`] : [];
        }),
      );
    expect(problems).toEqual([]);
  });

  it("every README that imports our packages says how to install each of them", () => {
    const problems = READMES.flatMap((readme) => {
      const own = blocks.filter((block) => block.readme === readme);
      const installed = new Set(
        own
          .filter((block) => block.lang === "sh")
          .flatMap((block) => shellCommands(block.code))
          .filter(([tool, verb]) => tool === "npm" && (verb === "install" || verb === "i"))
          .flatMap((words) => words.slice(2)),
      );
      const imported = own.filter((block) => block.lang === "ts").flatMap((block) => importedPackages(block.code));
      return [...new Set(imported)]
        .filter((name) => published.has(name) && !installed.has(name))
        .map((name) => `${readme} imports ${name} but no \`npm install\` line of it names it`);
    });
    expect(problems).toEqual([]);
  });

  it("every yaml and json block parses", () => {
    const broken = blocks
      .filter((block) => block.check === "parse")
      .flatMap((block) => {
        try {
          if (block.lang === "json") JSON.parse(block.code);
          else parseYaml(block.code);
          return [];
        } catch (error) {
          return [`${where(block)}: ${error instanceof Error ? error.message : String(error)}`];
        }
      });
    expect(broken).toEqual([]);
  });

  it("every path of a layout exists", () => {
    const missing = blocks
      .filter((block) => block.check === "layout")
      .flatMap((block) => {
        const base = dirname(block.readme);
        return layoutPaths(block.code)
          .filter((path) => !existsSync(join(ROOT, base, path)))
          .map((path) => `${where(block)}: ${path}`);
      });
    expect(missing).toEqual([]);
  });
});

describe("readmeBlocks (how a README declares its checks)", () => {
  it("reads the language, the check and the code of each block", () => {
    const markdown = [
      "# x",
      "```ts",
      "const a = 1;",
      "```",
      "<!-- check: run -->",
      "```sh",
      "npx @verifetch/cli providers",
      "```",
      "<!-- check: layout -->",
      "```text",
      "specs/",
      "```",
    ].join("\n");
    expect(readmeBlocks(markdown, "R.md").map(({ line, lang, check, code }) => ({ line, lang, check, code }))).toEqual([
      { line: 2, lang: "ts", check: "typecheck", code: "const a = 1;\n" },
      { line: 6, lang: "sh", check: "run", code: "npx @verifetch/cli providers\n" },
      { line: 10, lang: "text", check: "layout", code: "specs/\n" },
    ]);
  });

  it("fails a block that has no check: an unknown language, or text without layout/output", () => {
    expect(() => readmeBlocks("```python\nprint(1)\n```\n", "R.md")).toThrow(/R\.md:1: a ```python block has no check/);
    expect(() => readmeBlocks("```\nsomething\n```\n", "R.md")).toThrow(/no language/);
    expect(() => readmeBlocks("```text\nx\n```\n", "R.md")).toThrow(/needs <!-- check: layout\|output -->/);
    expect(() => readmeBlocks("<!-- check: layout -->\n```ts\nx\n```\n", "R.md")).toThrow(/typecheck\|run\|continues/);
  });

  it("joins a continuing block onto the one it continues, and refuses one that continues nothing", () => {
    const continued = readmeBlocks(
      "```ts\nconst a = 1;\n```\n<!-- check: continues -->\n```ts\nconsole.log(a);\n```\n",
      "R.md",
    );
    expect(typeScriptPrograms(continued).map(({ parts }) => parts.map((part) => part.line))).toEqual([[1, 5]]);
    expect(() => typeScriptPrograms(readmeBlocks("<!-- check: continues -->\n```ts\nx\n```\n", "R.md"))).toThrow(
      /needs a ts block before it/,
    );
  });

  it("splits shell commands and reads imports and layout paths", () => {
    expect(shellCommands("npm install -g pnpm@12.21.0 && pnpm install # set up\n\npnpm test\n")).toEqual([
      ["npm", "install", "-g", "pnpm@12.21.0"],
      ["pnpm", "install"],
      ["pnpm", "test"],
    ]);
    expect(
      importedPackages('import { a } from "@verifetch/core";\nimport b from "verifetch";\nimport "./x.ts";'),
    ).toEqual(["@verifetch/core", "verifetch"]);
    expect(layoutPaths("specs/   the specs\n  components/  shared\npackages/\n  core/\n    src/\n")).toEqual([
      "specs/",
      "specs/components/",
      "packages/",
      "packages/core/",
      "packages/core/src/",
    ]);
  });

  it("checks commands against the workspace", () => {
    expect(commandProblem(["pnpm", "test"])).toBeUndefined();
    expect(commandProblem(["pnpm", "run", "docs", "--out", "/tmp/x"])).toBeUndefined();
    expect(commandProblem(["pnpm", "frobnicate"])).toBe('no script "frobnicate"');
    expect(commandProblem(["npm", "install", "-g", "pnpm@1.0.0"])).toMatch(/the workspace pins/);
    expect(commandProblem(["npm", "install", "@verifetch/nope"])).toMatch(/not a published package/);
    expect(commandProblem(["npx", "@verifetch/cli"])).toMatch(/mark the block <!-- check: run -->/);
  });
});
