// The release rules of package-checks.ts on hand-made manifests (the real tarballs are checked by
// `pnpm check:packages` and by the release end-to-end test).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { danglingSourceMaps, manifestProblems, nonCodeExports, reexportOnlyFiles } from "./package-checks.ts";
import { type PackageManifest, publishedPackages, REPO_ROOT, readManifest } from "./workspace-packages.ts";

const provider = (): PackageManifest => ({
  ...readManifest(join(REPO_ROOT, "packages/complycube/package.json")),
  dependencies: { "@verifetch/core": "^0.1.0", "openapi-fetch": "^0.17.0" },
});
const FILES = new Set([
  "LICENSE",
  "README.md",
  "dist/index.d.mts",
  "dist/index.mjs",
  "dist/index.mjs.map",
  "openapi.yaml",
  "package.json",
]);

describe("manifestProblems", () => {
  it("accepts a provider package as packed", () => {
    expect(manifestProblems(provider(), FILES)).toEqual([]);
  });

  it("names every export a tarball without dist/ cannot resolve", () => {
    const problems = manifestProblems(
      { ...provider(), files: ["openapi.yaml"] },
      new Set(["LICENSE", "README.md", "openapi.yaml", "package.json"]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'exports["."] points to ./dist/index.d.mts, which is not in the tarball',
        'exports["."] points to ./dist/index.mjs, which is not in the tarball',
      ]),
    );
  });

  it("wants types first, ESM builds with source maps, and no workspace-only ranges", () => {
    const manifest = {
      ...provider(),
      exports: { ".": { default: "./dist/index.js", types: "./dist/index.d.mts" } },
      dependencies: { "@verifetch/core": "workspace:^" },
    };
    expect(manifestProblems(manifest, new Set([...FILES, "dist/index.js"]))).toEqual([
      'dependencies.@verifetch/core is "workspace:^": pack with pnpm so it is rewritten',
      'exports["."]: "types" must come first, found default, types',
      'exports["."] → ./dist/index.js: the build is ESM only (.mjs)',
      "./dist/index.js has no source map (./dist/index.js.map)",
    ]);
  });

  it("wants caret ranges for runtime dependencies, exact versions only where held back on purpose", () => {
    const manifest = {
      ...provider(),
      dependencies: { "@verifetch/core": "^0.1.0", "openapi-fetch": "0.17.0", uqr: "~0.1.3" },
      peerDependencies: { "@verifetch/testing": ">=0.1.0" },
    };
    expect(manifestProblems(manifest, FILES)).toEqual([
      'dependencies.openapi-fetch is "0.17.0": a runtime dependency takes a caret range (^x.y.z), so installs dedupe and receive fixes',
      'dependencies.uqr is "~0.1.3": a runtime dependency takes a caret range (^x.y.z), so installs dedupe and receive fixes',
      'peerDependencies.@verifetch/testing is ">=0.1.0": a runtime dependency takes a caret range (^x.y.z), so installs dedupe and receive fixes',
    ]);
    // devDependencies are not published as a range anyone installs: exact stays fine there.
    expect(manifestProblems({ ...provider(), devDependencies: { vitest: "5.1.1" } }, FILES)).toEqual([]);

    const testing = readManifest(join(REPO_ROOT, "packages/testing/package.json"));
    const packed = { ...testing, dependencies: { ...testing.dependencies, "@verifetch/core": "^0.1.0" } };
    const files = new Set([
      "LICENSE",
      "README.md",
      "package.json",
      "dist/index.d.mts",
      "dist/index.mjs",
      "dist/index.mjs.map",
    ]);
    expect(manifestProblems(packed, files)).toEqual([]);
    const loosened = { ...packed, dependencies: { ...packed.dependencies, "@stoplight/prism-core": "^5.8.0" } };
    expect(manifestProblems(loosened, files)).toEqual([
      expect.stringMatching(/^dependencies\.@stoplight\/prism-core is "\^5\.8\.0": pin it exactly \(Prism 5\.14\.2/),
    ]);
  });

  it("holds the release metadata: sideEffects, engines, provenance, no tests shipped", () => {
    const manifest = {
      ...provider(),
      sideEffects: true,
      engines: { node: ">=18" },
      publishConfig: { access: "public" },
    };
    expect(manifestProblems(manifest, new Set([...FILES, "dist/index.test.mjs"]))).toEqual([
      '"sideEffects" must be false, found true',
      '"engines.node" must be ">=20.19", found >=18',
      '"publishConfig.provenance" must be true',
      'dist/index.test.mjs is a test file; keep tests out of "files"',
    ]);
  });

  it("wants the license file in the tarball", () => {
    const files = new Set([...FILES].filter((file) => file !== "LICENSE"));
    expect(manifestProblems(provider(), files)).toEqual([
      "LICENSE is not in the tarball (copy the repository's LICENSE into the package)",
    ]);
  });

  it("lets attw skip data exports such as the bundled spec", () => {
    expect(nonCodeExports(provider())).toEqual(["./openapi.yaml"]);
  });
});

describe("danglingSourceMaps", () => {
  it("names a sourceMappingURL whose map is not shipped, and accepts one that is", () => {
    const dir = mkdtempSync(join(tmpdir(), "verifetch-maps-"));
    try {
      mkdirSync(join(dir, "dist"));
      writeFileSync(join(dir, "dist/index.mjs"), "export {};\n//# sourceMappingURL=index.mjs.map\n");
      writeFileSync(join(dir, "dist/index.mjs.map"), "{}");
      writeFileSync(join(dir, "dist/index.d.mts"), "export {};\n//# sourceMappingURL=index.d.mts.map");
      const files = ["dist/index.d.mts", "dist/index.mjs", "dist/index.mjs.map"];
      expect(danglingSourceMaps(dir, files)).toEqual([
        "dist/index.d.mts names the source map dist/index.d.mts.map, which is not in the tarball",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("publishedPackages", () => {
  it("finds every non-private package under packages/", () => {
    const names = publishedPackages().map((pkg) => pkg.name);
    expect(names).toContain("@verifetch/complycube");
    expect(names).toContain("@verifetch/core");
    expect(names.every((name) => name === "verifetch" || name.startsWith("@verifetch/"))).toBe(true);
  });
});

describe("reexportOnlyFiles", () => {
  it("spares an entry of nothing but re-exports the source map, never a file with code", () => {
    const dir = mkdtempSync(join(tmpdir(), "verifetch-reexports-"));
    try {
      mkdirSync(join(dir, "dist"));
      writeFileSync(
        join(dir, "dist/index.mjs"),
        'export { a as A, b as B } from "./chunk-x1.mjs";\nimport "./chunk-y2.mjs";\n',
      );
      writeFileSync(
        join(dir, "dist/code.mjs"),
        'export { a as A } from "./chunk-x1.mjs";\nconst b = 1;\nexport { b };\n',
      );
      const files = ["dist/index.mjs", "dist/code.mjs"];
      const reexports = reexportOnlyFiles(dir, files);
      expect([...reexports]).toEqual(["dist/index.mjs"]);
      const withoutMap = new Set([...FILES].filter((file) => file !== "dist/index.mjs.map"));
      expect(manifestProblems(provider(), withoutMap, reexports)).toEqual([]);
      expect(manifestProblems(provider(), withoutMap)).toEqual([
        "./dist/index.mjs has no source map (./dist/index.mjs.map)",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
