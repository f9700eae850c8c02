// Every provider package follows the shared template, and specs and provider packages pair up one
// to one (a spec without a package, or a package without a spec, fails here).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
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
  const files = providerPackageFiles({
    name: "acme-id",
    title: "Acme ID API",
    summary: "Acme hosted sessions.",
    defaultServer: "https://api.acme.test",
    specFiles: ["specs/acme-id.yaml"],
    auth: { kind: "header", header: "X-Acme-Key" },
    operationIds: ["createSession"],
  });

  it("writes the template package.json and the files every package has", () => {
    expect(JSON.parse(files["package.json"] ?? "{}")).toEqual(providerManifest("acme-id", "Acme hosted sessions.", []));
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.md",
        "package.json",
        "src/acme-id-client.ts",
        "src/acme-id-contract.test.ts",
        "src/index.ts",
        "src/version.ts",
        "tsconfig.json",
        "tsconfig.test.json",
        "tsdown.config.ts",
        "turbo.json",
      ].sort(),
    );
  });

  it("wires the spec's auth header and env var into the client skeleton", () => {
    const client = files["src/acme-id-client.ts"] ?? "";
    expect(client).toContain('request.headers.set("X-Acme-Key"');
    expect(client).toContain('envVar: "ACME_ID_API_KEY"');
    expect(client).toContain("export class AcmeId");
    // The key goes back to the transport so errors and logs redact it.
    expect(client).toContain("return [apiKey];");
    expect(client).toContain("export function acmeIdApiClient(client: AcmeId): AcmeIdApiClient");
    expect(files["src/index.ts"]).toContain("acmeIdApiClient,");
  });

  it("writes a contract test that fails until every operation has a call", () => {
    expect(files["src/acme-id-contract.test.ts"]).toContain('coversEveryOperation("acme-id", calls)');
  });
});
