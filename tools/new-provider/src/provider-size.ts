// The ratchet on provider packages (`pnpm check:provider-size`, part of `pnpm test`): what a spec
// cannot say is written by hand in `packages/<name>/src/`, everything else is generated, and the
// hand-written part of each provider package stays at most PROVIDER_LINE_LIMIT lines.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The most hand-written lines a provider package may have. */
export const PROVIDER_LINE_LIMIT = 150;

/** One provider package's hand-written source. */
export interface ProviderSize {
  /** The package folder, e.g. `verifa`. */
  name: string;
  lines: number;
  /** Each counted file (relative to the package) with its lines, largest first. */
  files: { file: string; lines: number }[];
}

/** A provider package: a folder under packages/ with generated code (`src/generated/`) and a spec. */
export function providerPackageNames(rootDir: string): string[] {
  const packagesDir = join(rootDir, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(join(packagesDir, entry.name, "src", "generated")) &&
        existsSync(join(rootDir, "specs", `${entry.name}.yaml`)),
    )
    .map((entry) => entry.name)
    .sort();
}

/** Whether a file under `src/` counts: TypeScript, not generated, not a test, not a test fixture. */
export function isHandWrittenSource(path: string): boolean {
  const parts = path.split("/");
  return (
    path.endsWith(".ts") &&
    !/\.test(-d)?\.ts$/.test(path) &&
    !parts.includes("generated") &&
    !parts.includes("fixtures")
  );
}

/** The lines of a text as `wc -l` counts them (a last line without a newline counts too). */
function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** The hand-written lines of `packages/<name>/src/`. */
export function providerSize(rootDir: string, name: string): ProviderSize {
  const packageDir = join(rootDir, "packages", name);
  const files = (readdirSync(join(packageDir, "src"), { recursive: true, encoding: "utf8" }) as string[])
    .map((file) => `src/${file.split("\\").join("/")}`)
    .filter(isHandWrittenSource)
    .map((file) => ({ file, lines: lineCount(readFileSync(join(packageDir, file), "utf8")) }))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
  return { name, lines: files.reduce((sum, file) => sum + file.lines, 0), files };
}

/** Every provider package's size, and a report line each (over the limit: with its files). */
export function checkProviderSizes(rootDir: string): { sizes: ProviderSize[]; over: ProviderSize[]; report: string[] } {
  const sizes = providerPackageNames(rootDir).map((name) => providerSize(rootDir, name));
  const over = sizes.filter((size) => size.lines > PROVIDER_LINE_LIMIT);
  const report = sizes.map((size) => {
    const where = relative(rootDir, join(rootDir, "packages", size.name));
    const line = `${where}: ${size.lines} hand-written lines in src/ (limit ${PROVIDER_LINE_LIMIT})`;
    if (size.lines <= PROVIDER_LINE_LIMIT) return line;
    return `${line} — over by ${size.lines - PROVIDER_LINE_LIMIT}: ${size.files.map((f) => `${f.file} ${f.lines}`).join(", ")}`;
  });
  return { sizes, over, report };
}
