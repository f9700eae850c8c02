import { describe, expect, it } from "vitest";
import { extractReadmeExample, MAX_EXAMPLE_LINES } from "./readme-example-extract.ts";

const MARKER = "<!-- readme-example: run by tools/readme-examples -->";
const FENCE = "```";

function readme({
  title = "# @verifetch/acme",
  install = "npm install @verifetch/acme",
  lang = "ts",
  code = ['import { createAcme } from "@verifetch/acme";', "console.log(await createAcme().ping());"],
  before = "",
  marker = MARKER,
}: Partial<{ title: string; install: string; lang: string; code: string[]; before: string; marker: string }> = {}) {
  return [
    title,
    "",
    "Typed client for Acme.",
    "",
    before,
    "## Install",
    "",
    `${FENCE}sh`,
    install,
    FENCE,
    "",
    marker,
    `${FENCE}${lang}`,
    ...code,
    FENCE,
    "",
    "## Options",
    "",
    `${FENCE}ts`,
    "const more = 1;",
    FENCE,
    "",
  ].join("\n");
}

describe("extractReadmeExample", () => {
  it("returns the marked block of the Install section", () => {
    const example = extractReadmeExample(readme(), "@verifetch/acme");
    expect(example).toEqual({
      lang: "ts",
      code: 'import { createAcme } from "@verifetch/acme";\nconsole.log(await createAcme().ping());\n',
      lineCount: 2,
      line: 14,
    });
  });

  it("takes a shell example and an install command with flags", () => {
    const example = extractReadmeExample(
      readme({ lang: "sh", install: "npm install -g @verifetch/acme  # or npx", code: ["npx @verifetch/acme ping"] }),
      "@verifetch/acme",
    );
    expect(example.lang).toBe("sh");
    expect(example.code).toBe("npx @verifetch/acme ping\n");
  });

  it("ignores # lines inside fenced blocks when finding sections", () => {
    const code = ["# a shell comment, not a title", "## nor a section", "npx @verifetch/acme"];
    expect(extractReadmeExample(readme({ lang: "sh", code }), "@verifetch/acme").lineCount).toBe(3);
  });

  it("refuses a README whose title is not the package name", () => {
    expect(() => extractReadmeExample(readme({ title: "# Acme" }), "@verifetch/acme")).toThrow('"# @verifetch/acme"');
  });

  it("refuses an example placed after another section", () => {
    const text = readme({ before: "## Why Acme\n\nBecause.\n" });
    expect(() => extractReadmeExample(text, "@verifetch/acme")).toThrow('found "## Why Acme"');
  });

  it("refuses an Install section without the package's install command", () => {
    expect(() => extractReadmeExample(readme({ install: "npm install @verifetch/other" }), "@verifetch/acme")).toThrow(
      "npm install @verifetch/acme",
    );
  });

  it("refuses a missing or repeated marker, and a marker outside Install", () => {
    expect(() => extractReadmeExample(readme({ marker: "" }), "@verifetch/acme")).toThrow("found 0");
    const twice = readme().replace("## Options\n", `## Options\n\n${MARKER}\n${FENCE}ts\nx;\n${FENCE}\n`);
    expect(() => extractReadmeExample(twice, "@verifetch/acme")).toThrow("found 2");
    const moved = readme({ marker: "" }).replace("## Options\n", `## Options\n\n${MARKER}\n`);
    expect(() => extractReadmeExample(moved, "@verifetch/acme")).toThrow('in "## Install"');
  });

  it("refuses a marked block that is not ts or sh", () => {
    expect(() => extractReadmeExample(readme({ lang: "js" }), "@verifetch/acme")).toThrow("```ts or ```sh");
  });

  it(`refuses an example over ${MAX_EXAMPLE_LINES} lines`, () => {
    const code = Array.from({ length: MAX_EXAMPLE_LINES + 1 }, (_, i) => `console.log(${i});`);
    expect(() => extractReadmeExample(readme({ code }), "@verifetch/acme")).toThrow(
      `has ${MAX_EXAMPLE_LINES + 1} lines`,
    );
    expect(extractReadmeExample(readme({ code: code.slice(1) }), "@verifetch/acme").lineCount).toBe(MAX_EXAMPLE_LINES);
  });
});
