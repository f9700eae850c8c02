// The requests the vendors publish (specs/examples), pasted as object literals into each provider's
// typed client method, must compile: the generated request types are closed (an unknown key is a
// compile error) and carry the spec's enums, so a field or value the vendor documents but the spec
// leaves out shows up here, where a user pasting the vendor's docs would meet it. Checked with the
// TypeScript compiler in memory, against the built packages, as a user's project sees them.
import { join, resolve } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { bodyOf, publishedCalls } from "../../../tools/spec-lint/src/vendor-examples.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
// Inside this package, so `@verifetch/*` resolve as its own dependencies do.
const programFile = join(import.meta.dirname, "__vendor-requests__.ts");

interface Case {
  id: string;
  line: number;
}

/** One statement per published request: `createX({}).operation(...pathExamples, <literal>)`. */
function programText(): { text: string; cases: Case[] } {
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const cases: Case[] = [];
  for (const { example, facts, operation } of publishedCalls(rootDir)) {
    const factory = `create${facts.identifier}`;
    imports.set(facts.packageName, factory);
    const path = operation.pathParameters.map((name) => JSON.stringify(operation.pathExamples[name] ?? "id"));
    const body = JSON.stringify(bodyOf(example.request));
    cases.push({ id: example.id, line: lines.length });
    lines.push(`void ${factory}({}).${operation.operationId}(${[...path, body].join(", ")});`);
  }
  const header = [...imports].map(([name, factory]) => `import { ${factory} } from "${name}";`);
  for (const entry of cases) entry.line += header.length;
  return { text: [...header, ...lines].join("\n"), cases };
}

it("every published request compiles against its provider's client method", () => {
  const { text, cases } = programText();
  expect(cases.length).toBeGreaterThan(20);
  const config = ts.readConfigFile(join(rootDir, "tools/tsconfig/node.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, join(rootDir, "tools/tsconfig"));
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(programFile, text, ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) => (name === programFile ? source : getSourceFile(name, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === programFile || fileExists(name);
  const program = ts.createProgram({ rootNames: [programFile], options, host });

  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (diagnostic.file?.fileName !== programFile || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${cases.find((entry) => entry.line === line)?.id ?? `line ${line}`}: ${message}`;
  });
  expect(problems).toEqual([]);
});
