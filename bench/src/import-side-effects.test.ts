// Importing a verifetch package must not load Node's fetch implementation (undici): a program pays
// for it on its first request, not at start-up, and code that never sends a request never pays.
// Each package is imported from its built dist/ in a fresh Node process.
import { describe, expect, it } from "vitest";
import { importOnce, workspaceEntryUrl } from "./bench-imports.ts";
import { userFacingPackages } from "./bench-packages.ts";

const packages = userFacingPackages();

describe("importing a package loads no fetch internals", () => {
  it("covers every provider, the facade and core", () => {
    expect(packages.filter((p) => p.kind === "provider").length).toBeGreaterThanOrEqual(6);
    expect(packages.map((p) => p.name)).toEqual(expect.arrayContaining(["verifetch", "@verifetch/core"]));
  });

  it("detects fetch internals when they are loaded (the check can fail)", async () => {
    expect((await importOnce({ globalFetch: true })).undici).toBe(true);
  });

  it.each(packages.map((p) => [p.name, p.dir] as const))("%s", async (_name, dir) => {
    const sample = await importOnce({ urls: [workspaceEntryUrl(dir)] });
    expect(sample.undici).toBe(false);
  });
});
