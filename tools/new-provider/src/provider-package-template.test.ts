// Every provider package follows the shared template, and specs and provider packages pair up one
// to one (a spec without a package, or a package without a spec, fails here).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readProviderFacts } from "../../codegen/src/spec-facts.ts";
import { providerPackageFiles } from "./new-provider-files.ts";
import { providerManifest, TEMPLATE_FIELDS } from "./provider-package-template.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
/** Packages that are not a provider API client. */
const NON_PROVIDER_PACKAGES = new Set(["core", "testing", "verifetch", "cli"]);

const specNames = readdirSync(join(rootDir, "specs"))
  .filter((file) => file.endsWith(".yaml") && file !== "redocly.yaml")
  .map((file) => file.replace(/\.yaml$/, ""))
  .sort();
const providerPackages = readdirSync(join(rootDir, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NON_PROVIDER_PACKAGES.has(entry.name))
  .map((entry) => entry.name)
  .sort();

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("provider packages", () => {
  it("pair up one to one with the specs in specs/", () => {
    expect(providerPackages).toEqual(specNames);
    expect(specNames.length).toBeGreaterThan(0);
  });

  describe.each(providerPackages)("packages/%s", (name) => {
    const dir = join(rootDir, "packages", name);
    const manifest = readJson(join(dir, "package.json"));
    const template = providerManifest(name, "", []);

    it.each(TEMPLATE_FIELDS)("package.json %s follows the template", (field) => {
      expect(manifest[field]).toEqual(template[field]);
    });

    it("has a description, a semver version and only template dev tooling", () => {
      expect(manifest.description).toEqual(expect.stringMatching(/\S{3}/));
      expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      expect(Object.keys(manifest.devDependencies as object).sort()).toEqual(
        Object.keys(template.devDependencies).sort(),
      );
    });

    it("regenerates types from its spec in turbo whenever the spec changes", () => {
      const turbo = readJson(join(dir, "turbo.json")) as { tasks: { codegen: { inputs: string[] } } };
      expect(turbo.tasks.codegen.inputs).toContain(`$TURBO_ROOT$/specs/${name}.yaml`);
    });

    it("has a README, an index and generated types", () => {
      for (const file of ["README.md", "src/index.ts", "src/generated/openapi.ts", "openapi.yaml"]) {
        expect(existsSync(join(dir, file)), file).toBe(true);
      }
    });
  });
});

describe("new-provider scaffold", () => {
  // The fixture spec of the throwaway provider (new-provider.e2e.test.ts), read as new-provider reads it.
  const scratch = mkdtempSync(join(tmpdir(), "verifetch-scaffold-"));
  mkdirSync(join(scratch, "specs"));
  cpSync(join(rootDir, "tools/new-provider/fixtures/acme-id.yaml"), join(scratch, "specs/acme-id.yaml"));
  const facts = readProviderFacts(scratch, "acme-id", "@verifetch/acme-id");
  rmSync(scratch, { recursive: true, force: true });
  const files = providerPackageFiles(facts, ["specs/acme-id.yaml"]);

  it("writes the template package.json, the frame, the index and the sessions skeleton: nothing codegen writes", () => {
    expect(JSON.parse(files["package.json"] ?? "{}")).toEqual(providerManifest("acme-id", facts.summary, []));
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.md",
        "package.json",
        "src/acme-id-sessions.ts",
        "src/index.ts",
        "tsconfig.json",
        "tsconfig.test.json",
        "tsdown.config.ts",
        "turbo.json",
      ].sort(),
    );
    expect(files["src/index.ts"]).toBe(
      'export * from "./generated/index.ts";\nexport * from "./acme-id-sessions.ts";\n',
    );
  });

  it("writes the sessions skeleton on defineSessionAdapter, with its holes as type errors", () => {
    const sessions = files["src/acme-id-sessions.ts"] ?? "";
    expect(sessions).toContain(
      "export const acmeIdSessions = /* @__PURE__ */ defineSessionAdapter(acmeIdAdapterDescriptor, {",
    );
    expect(sessions).toContain("client.createSession(TODO, call)");
    expect(sessions).toContain("A created session must carry `id`, `url`");
    expect(sessions).toContain('sandbox: client.environment === "sandbox"');
  });

  it("writes a README whose example is the spec's own create call, printing the hosted URL", () => {
    const readme = files["README.md"] ?? "";
    expect(readme).toContain("const acmeId = createAcmeId(); // reads ACME_ID_API_KEY when the first request is sent");
    expect(readme).toContain('"return_url": "https://app.example/verified"');
    expect(readme).toContain("console.log(session.url); // send the user there");
  });

  it("regenerates types from its spec in turbo whenever the spec changes", () => {
    expect(JSON.parse(files["turbo.json"] ?? "{}").tasks.codegen.inputs).toContain("$TURBO_ROOT$/specs/acme-id.yaml");
  });
});
