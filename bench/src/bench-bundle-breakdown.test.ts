import { gzipSync } from "node:zlib";
import { encode } from "@jridgewell/sourcemap-codec";
import { describe, expect, it } from "vitest";
import { moduleCosts, moduleLabel } from "./bench-bundle-breakdown.ts";

// Segments are [generated column, source index, source line, source column].
const code = 'var a="é";function b(){}\nb();';
const map = {
  sources: ["src/a.ts", "src/b.ts", "src/a-too.ts"],
  mappings: encode([
    [
      [4, 0, 0, 0],
      [10, 1, 0, 0],
    ],
    [[0, 2, 0, 0], [3]],
  ]),
};

describe("moduleCosts", () => {
  const costs = moduleCosts(code, map, (source) => (source.endsWith("b.ts") ? "b" : "a"));

  it("counts UTF-8 bytes per module, merging sources with the same label, largest first", () => {
    expect(costs.map(({ module, minifiedBytes }) => [module, minifiedBytes])).toEqual([
      ["b", 14],
      // 'a="é";' (é is two bytes) + 'b()'
      ["a", 10],
      // 'var ', the newline and the unmapped ';' at the end
      ["(unmapped)", 6],
    ]);
    expect(costs.reduce((sum, cost) => sum + cost.minifiedBytes, 0)).toBe(Buffer.byteLength(code));
  });

  it("measures each module's gzip cost as the bundle without its output", () => {
    const gzip = (text: string) => gzipSync(text, { level: 9 }).byteLength;
    const withoutB = 'var a="é";\nb();';
    expect(costs.find((cost) => cost.module === "b")?.gzipBytes).toBe(gzip(code) - gzip(withoutB));
  });
});

describe("moduleLabel", () => {
  it("keeps workspace paths and names npm packages, scoped ones included", () => {
    expect(moduleLabel("packages/core/src/retry-send.ts")).toBe("packages/core/src/retry-send.ts");
    expect(moduleLabel("node_modules/.pnpm/openapi-fetch@0.17.0/node_modules/openapi-fetch/dist/index.mjs")).toBe(
      "openapi-fetch",
    );
    expect(moduleLabel("node_modules/.pnpm/@scope+pkg@1.0.0/node_modules/@scope/pkg/index.js")).toBe("@scope/pkg");
  });
});
