import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigurationError, InputValidationError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { installedProviders, PROVIDER_NAMES, resolveSpec } from "./mock-spec-resolve.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const MODULE = pathToFileURL(join(import.meta.dirname, "mock-spec-resolve.ts")).href;
// Without NODE_PATH: `pnpm exec` points it at the workspace's hoisted packages, which every lookup
// would then find, wherever it starts.
const { NODE_PATH: _nodePath, ...ENV } = process.env;

const resolveCode = (spec: string) =>
  `import { resolveSpec } from ${JSON.stringify(MODULE)}; console.log(resolveSpec(${spec}));`;

/** Runs ESM \`code\` in a fresh Node in \`cwd\`; returns its output. */
function inChild(code: string, cwd: string): string {
  return execFileSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd,
    env: ENV,
    encoding: "utf8",
  }).trim();
}

/** A project folder with one installed provider package, `@verifetch/<name>`, shipping `openapi.yaml`. */
function projectWithProvider(name: string): { dir: string; spec: string } {
  const dir = mkdtempSync(join(tmpdir(), "verifetch-project-"));
  const pkg = join(dir, "node_modules", "@verifetch", name);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({ name: `@verifetch/${name}`, exports: { "./openapi.yaml": "./openapi.yaml" } }),
  );
  writeFileSync(join(pkg, "openapi.yaml"), "openapi: 3.1.0\n");
  // Not a provider: it ships no spec.
  mkdirSync(join(dir, "node_modules", "@verifetch", "core"), { recursive: true });
  writeFileSync(join(dir, "node_modules", "@verifetch", "core", "package.json"), '{"name":"@verifetch/core"}');
  return { dir, spec: join(pkg, "openapi.yaml") };
}

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
};

describe("resolveSpec", () => {
  it("takes paths and file: URLs as they are", () => {
    expect(resolveSpec("./specs/complycube.yaml")).toBe(join(process.cwd(), "specs/complycube.yaml"));
    expect(resolveSpec(pathToFileURL("/tmp/x.yaml"))).toBe("/tmp/x.yaml");
    expect(resolveSpec(pathToFileURL("/tmp/x.yaml").href)).toBe("/tmp/x.yaml");
  });

  it("finds a provider's spec from resolveFrom (a file or folder, path or URL)", () => {
    const { dir, spec } = projectWithProvider("acme");
    expect(resolveSpec("acme", { resolveFrom: dir })).toBe(spec);
    expect(resolveSpec("acme", { resolveFrom: pathToFileURL(join(dir, "test", "any.test.ts")) })).toBe(spec);
    expect(installedProviders([join(dir, "x.js")])).toContain("acme");
    expect(installedProviders([join(dir, "x.js")])).not.toContain("core");
  });

  // In a child process, so the working directory and the running script are really elsewhere.
  it("finds it wherever the code runs from: the running script's project, or the working directory", () => {
    const { dir, spec } = projectWithProvider("acme");
    const script = join(dir, "scripts", "resolve.mjs");
    mkdirSync(join(dir, "scripts"));
    writeFileSync(script, resolveCode('"acme"'));
    // The script lives in the project; the working directory is somewhere else entirely.
    expect(execFileSync(process.execPath, [script], { cwd: tmpdir(), env: ENV, encoding: "utf8" }).trim()).toBe(spec);
    // The working directory is (inside) the project; the code comes from elsewhere.
    mkdirSync(join(dir, "src"));
    expect(inChild(resolveCode('"acme"'), join(dir, "src"))).toBe(spec);
  });

  it("a name that is no provider: InputValidationError listing the real providers, with a guess", () => {
    const error = thrown(() => resolveSpec("complycub"));
    expect(InputValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: "spec" });
    expect((error as Error).message).toBe(
      `spec: "complycub" is not a verifetch provider (did you mean "complycube"?); the providers are ${PROVIDER_NAMES.join(", ")}. For any other API, pass the path or file: URL of its OpenAPI document`,
    );
    expect((error as Error).message).not.toContain("install @verifetch/complycub");
    expect((thrown(() => resolveSpec("zzz")) as Error).message).not.toContain("did you mean");
  });

  it("a provider that is not installed here: ConfigurationError saying what to install", () => {
    const { dir } = projectWithProvider("acme");
    const code = (options: string) =>
      `import { resolveSpec } from ${JSON.stringify(MODULE)};
try { resolveSpec("veriff", ${options}); } catch (error) { console.log(JSON.stringify({ name: error.name, message: error.message })); }`;
    const nowhere = JSON.parse(inChild(code("{}"), tmpdir())) as { name: string; message: string };
    expect(nowhere.name).toBe("ConfigurationError");
    expect(nowhere.message).toMatch(/^The spec of "veriff" ships in @verifetch\/veriff, which is not installed/);
    expect(nowhere.message).toContain("npm install -D @verifetch/veriff");
    expect(nowhere.message).toMatch(/Installed providers: none$/);
    const withAcme = JSON.parse(inChild(code(JSON.stringify({ resolveFrom: dir })), tmpdir())) as { message: string };
    expect(withAcme.message).toMatch(/Installed providers: acme$/);
    // An installed provider that the list does not know yet is still a provider.
    expect(ConfigurationError.errorName).toBe(nowhere.name);
  });

  it("knows every provider the repository has a spec for", () => {
    const specs = readdirSync(join(REPO, "specs"))
      .filter((file) => file.endsWith(".yaml") && file !== "redocly.yaml")
      .map((file) => basename(file, ".yaml"))
      .sort();
    expect([...PROVIDER_NAMES].sort()).toEqual(specs);
  });
});
