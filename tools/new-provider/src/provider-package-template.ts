// The shape every published provider package follows. `pnpm new-provider` writes it, and
// provider-package-template.test.ts checks every existing package against it.

/** Repository URL written into every package.json. */
export const REPOSITORY_URL = "git+https://github.com/verifetch/verifetch.git";

/** Fields of a provider package.json that come from the template. */
export interface ProviderManifest {
  name: string;
  version: string;
  description: string;
  keywords: string[];
  type: "module";
  sideEffects: false;
  license: string;
  exports: Record<string, unknown>;
  files: string[];
  engines: { node: string };
  publishConfig: { access: "public"; provenance: true };
  repository: { type: "git"; url: string; directory: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The template package.json for `@verifetch/<name>`. */
export function providerManifest(name: string, description: string, keywords: string[]): ProviderManifest {
  return {
    name: `@verifetch/${name}`,
    version: "0.1.0",
    description,
    keywords: [...new Set([name, ...keywords, "openapi", "typescript"])],
    type: "module",
    sideEffects: false,
    license: "MIT",
    exports: {
      ".": { types: "./dist/index.d.mts", default: "./dist/index.mjs" },
      "./openapi.yaml": "./openapi.yaml",
      "./package.json": "./package.json",
    },
    files: ["dist", "openapi.yaml"],
    engines: { node: ">=20.19" },
    publishConfig: { access: "public", provenance: true },
    repository: { type: "git", url: REPOSITORY_URL, directory: `packages/${name}` },
    scripts: {
      codegen: `node ../../tools/codegen/src/codegen-cli.ts --only ${name}`,
      build: "tsdown",
      typecheck: "tsc -p tsconfig.json && tsc -p tsconfig.test.json",
    },
    dependencies: { "@verifetch/core": "workspace:^", "openapi-fetch": "catalog:" },
    devDependencies: {
      "@types/node": "catalog:",
      "@verifetch/testing": "workspace:*",
      tsdown: "catalog:",
      typescript: "catalog:",
      vitest: "catalog:",
    },
  };
}

/** Fields whose value must equal the template exactly (name-dependent ones included). */
export const TEMPLATE_FIELDS = [
  "name",
  "type",
  "sideEffects",
  "license",
  "exports",
  "files",
  "engines",
  "publishConfig",
  "repository",
  "scripts",
  "dependencies",
] as const;
