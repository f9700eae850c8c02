import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "tools/*/src/**/*.test.ts",
      "examples/*/src/**/*.test.ts",
      "bench/src/**/*.test.ts",
    ],
    // One Prism mock per spec, started once for the whole run (see tools/vitest/global-setup.ts).
    globalSetup: ["./tools/vitest/global-setup.ts"],
    typecheck: {
      enabled: true,
      include: ["packages/*/src/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 20_000,
  },
});
