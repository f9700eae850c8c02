// Every fenced code block of every README, with how the README says it is checked. A README is
// what users paste from, so no block may go unchecked: the test (readme-blocks.test.ts) runs or
// type-checks each one, checks each command against the workspace, or — for the two non-code kinds —
// checks that a layout's paths exist and lets a sample of output be.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * How a block is checked, from the `<!-- check: … -->` comment on the line before its fence:
 * - `typecheck` (default for `ts`): type-checked on its own, under the workspace's strict settings;
 * - `run` (`ts` or `sh`): also executed against the mocks, and must exit 0;
 * - `continues` (`ts`): the rest of the previous `ts` block of the README, checked (and run) with it;
 * - `commands` (default for `sh`): every command is checked against the workspace (an `npm install`
 *   names published packages or the pinned pnpm, a `pnpm` command names a script or a bin);
 * - `layout` (`text`): every path of the tree exists;
 * - `output` (`text`): what a command prints — not code, nothing to paste;
 * - `parse` (default for `yaml` and `json`): the block parses.
 */
export type BlockCheck = "typecheck" | "run" | "continues" | "commands" | "layout" | "output" | "parse";

const CHECKS_BY_LANG: Record<string, { default?: BlockCheck; allowed: readonly BlockCheck[] }> = {
  ts: { default: "typecheck", allowed: ["typecheck", "run", "continues"] },
  sh: { default: "commands", allowed: ["commands", "run"] },
  text: { allowed: ["layout", "output"] },
  yaml: { default: "parse", allowed: ["parse"] },
  json: { default: "parse", allowed: ["parse"] },
};

/** One fenced block. */
export interface ReadmeBlock {
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  check: BlockCheck;
  code: string;
  /** Whether it is the package's headline example (`<!-- readme-example -->`, run by readme-examples.test.ts). */
  headline: boolean;
}

const FENCE = /^```(\S*)\s*$/;
const DIRECTIVE = /^<!-- check: ([a-z]+) -->$/;

/**
 * The fenced blocks of `markdown`. A block whose language has no check, or whose directive does not
 * fit its language, is a problem naming its README line: pushed to `problems` when given (and the
 * block skipped), thrown otherwise.
 */
export function readmeBlocks(markdown: string, readme: string, problems?: string[]): ReadmeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: ReadmeBlock[] = [];
  const problem = (message: string) => {
    if (!problems) throw new Error(message);
    problems.push(message);
  };
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index] ?? "");
    if (!open) continue;
    const lang = open[1] ?? "";
    const end = lines.findIndex((line, at) => at > index && line.trim() === "```");
    if (end === -1) {
      problem(`${readme}:${index + 1}: the block is never closed`);
      break;
    }
    const before = lines[index - 1]?.trim() ?? "";
    const headline = before.startsWith("<!-- readme-example");
    const rules = CHECKS_BY_LANG[lang];
    const named = DIRECTIVE.exec(before)?.[1] as BlockCheck | undefined;
    const check = headline ? "run" : (named ?? rules?.default);
    if (!rules) {
      problem(
        `${readme}:${index + 1}: a \`\`\`${lang || "(no language)"} block has no check; use ts, sh, yaml, json or text (with <!-- check: layout|output -->)`,
      );
    } else if (check === undefined || !rules.allowed.includes(check)) {
      problem(
        `${readme}:${index + 1}: a \`\`\`${lang} block needs <!-- check: ${rules.allowed.join("|")} --> on the line before it`,
      );
    } else
      blocks.push({
        readme,
        line: index + 1,
        lang,
        check,
        code: `${lines.slice(index + 1, end).join("\n")}\n`,
        headline,
      });
    index = end;
  }
  return blocks;
}

/** The blocks of every README given (paths relative to `root`), and the problems found. */
export function allReadmeBlocks(
  root: string,
  readmes: readonly string[],
): { blocks: ReadmeBlock[]; problems: string[] } {
  const problems: string[] = [];
  const blocks = readmes.flatMap((readme) => readmeBlocks(readFileSync(join(root, readme), "utf8"), readme, problems));
  return { blocks, problems };
}

/**
 * TypeScript programs to check: each `ts` block with the `continues` blocks that follow it joined on,
 * so a continuation is checked (and run) with the block it continues.
 */
export function typeScriptPrograms(blocks: readonly ReadmeBlock[]): { first: ReadmeBlock; parts: ReadmeBlock[] }[] {
  const programs: { first: ReadmeBlock; parts: ReadmeBlock[] }[] = [];
  for (const block of blocks) {
    if (block.lang !== "ts") continue;
    const previous = programs.at(-1);
    if (block.check === "continues") {
      if (previous?.first.readme !== block.readme) {
        throw new Error(`${block.readme}:${block.line}: a continuing block needs a ts block before it in the README`);
      }
      previous.parts.push(block);
    } else {
      programs.push({ first: block, parts: [block] });
    }
  }
  return programs;
}

/** The commands of a shell block: comments dropped, `\`-continued lines joined, split on `&&`, `;` and `|`. */
export function shellCommands(code: string): string[][] {
  return code
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "")
    .flatMap((line) => line.split(/&&|\|\||;|\|/))
    .map((command) => command.trim().split(/\s+/))
    .filter((words) => words.length > 0 && words[0] !== "");
}

/** The package names a TypeScript block imports (`import … from "x"`, `import("x")`). */
export function importedPackages(code: string): string[] {
  const names = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)["']([^"'.][^"']*)["']/gm)].map(
    (match) => match[1] ?? "",
  );
  return [
    ...new Set(
      names.map((name) =>
        name.startsWith("@") ? name.split("/").slice(0, 2).join("/") : (name.split("/")[0] ?? name),
      ),
    ),
  ];
}

/** The paths of a layout tree: each entry's first word, under the entry of smaller indentation above it. */
export function layoutPaths(code: string): string[] {
  const stack: { indent: number; path: string }[] = [];
  const paths: string[] = [];
  for (const line of code.split("\n")) {
    const match = /^(\s*)(\S+)/.exec(line);
    if (!match?.[2]) continue;
    const indent = match[1]?.length ?? 0;
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const path = `${stack.at(-1)?.path ?? ""}${match[2]}`;
    paths.push(path);
    if (path.endsWith("/")) stack.push({ indent, path });
  }
  return paths;
}
