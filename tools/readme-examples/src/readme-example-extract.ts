// Finds the executed example of a package README and checks the layout issue 7 asks of every
// README: `# <package name>`, a description, then `## Install` as the first section, holding the
// install command and the example — so the example is the first thing a reader sees after it.

/** Marks the executed block: the fenced block on the line right after this comment. */
export const EXAMPLE_MARKER = "<!-- readme-example";

/** The longest example accepted, in lines between the fences ("a 10-line working example", give or take). */
export const MAX_EXAMPLE_LINES = 12;

/** A README's executed example. */
export interface ReadmeExample {
  /** The fence's language: TypeScript, run on Node, or a shell script, run with `sh -e`. */
  lang: "ts" | "sh";
  code: string;
  /** Lines between the fences. */
  lineCount: number;
  /** 1-based README line of the example's first code line, for messages. */
  line: number;
}

const FENCE = /^```(\S*)\s*$/;

interface Heading {
  level: number;
  text: string;
  index: number;
}

/** Headings outside fenced blocks (a `#` comment in a shell block is not a heading). */
function headingsOf(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6}) (.+)$/.exec(line);
    if (match?.[1] && match[2]) headings.push({ level: match[1].length, text: match[2].trim(), index });
  });
  return headings;
}

/**
 * Returns the example of the README of `packageName`, or throws an Error naming what is out of
 * place: the title, `## Install` not being the first section, a missing install command, a missing,
 * repeated or misplaced marker, a block that is not `ts`/`sh`, or an example over {@link MAX_EXAMPLE_LINES}.
 */
export function extractReadmeExample(markdown: string, packageName: string): ReadmeExample {
  const lines = markdown.split(/\r?\n/);
  const headings = headingsOf(lines);
  const title = headings[0];
  if (title?.level !== 1 || title.index !== 0 || title.text !== packageName) {
    throw new Error(`the README must start with "# ${packageName}"`);
  }
  const sections = headings.filter((heading) => heading.level === 2);
  const install = sections[0];
  if (install?.text !== "Install") {
    throw new Error(`the first section must be "## Install" (found ${install ? `"## ${install.text}"` : "none"})`);
  }
  if (!lines.slice(1, install.index).some((line) => line.trim() !== "")) {
    throw new Error(`a description must come between the title and "## Install"`);
  }
  const installEnd = sections[1]?.index ?? lines.length;
  const installLines = lines.slice(install.index, installEnd);
  if (!installLines.some((line) => /^npm install (?:-\S+ )*/.test(line) && line.split(/\s+/).includes(packageName))) {
    throw new Error(`"## Install" must hold the command "npm install ${packageName}"`);
  }

  const markers = lines.flatMap((line, index) => (line.startsWith(EXAMPLE_MARKER) ? [index] : []));
  if (markers.length !== 1) {
    throw new Error(`the README must mark exactly one example with "${EXAMPLE_MARKER} -->" (found ${markers.length})`);
  }
  const marker = markers[0] ?? 0;
  if (marker < install.index || marker >= installEnd) {
    throw new Error(`the example must be in "## Install", before any other section (marker on line ${marker + 1})`);
  }
  const lang = FENCE.exec(lines[marker + 1] ?? "")?.[1];
  if (lang !== "ts" && lang !== "sh") {
    throw new Error(`the line after the marker (line ${marker + 2}) must open a \`\`\`ts or \`\`\`sh block`);
  }
  const end = lines.findIndex((line, index) => index > marker + 1 && line.trim() === "```");
  if (end === -1 || end > installEnd) throw new Error(`the example block (line ${marker + 2}) is never closed`);
  const code = lines.slice(marker + 2, end);
  if (code.length > MAX_EXAMPLE_LINES) {
    throw new Error(`the example has ${code.length} lines; at most ${MAX_EXAMPLE_LINES} are allowed`);
  }
  return { lang, code: `${code.join("\n")}\n`, lineCount: code.length, line: marker + 3 };
}
