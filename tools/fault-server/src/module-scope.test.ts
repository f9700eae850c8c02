// Nothing is made at module load in any published package: no AbortController or AbortSignal, no
// timer. Cloudflare Workers refuse such work at global scope (the never-aborting signal core once
// created on import broke every Worker), and a timer made on import would hold a process open.
// Each built entry point is imported in a fresh Node process whose globals throw when used.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const packagesDir = join(import.meta.dirname, "../../../packages");
const entries = readdirSync(packagesDir)
  .map((folder) => join(packagesDir, folder, "dist", "index.mjs"))
  .filter((entry) => existsSync(entry));

const trap = `
const forbidden = (what) => { throw new Error(what + " at module load"); };
const saved = { AbortController, setTimeout, setInterval, timeout: AbortSignal.timeout, any: AbortSignal.any, abort: AbortSignal.abort };
globalThis.AbortController = class { constructor() { forbidden("new AbortController()"); } };
globalThis.setTimeout = () => forbidden("setTimeout");
globalThis.setInterval = () => forbidden("setInterval");
AbortSignal.timeout = () => forbidden("AbortSignal.timeout");
AbortSignal.any = () => forbidden("AbortSignal.any");
AbortSignal.abort = () => forbidden("AbortSignal.abort");
for (const url of JSON.parse(process.argv[1])) await import(url);
Object.assign(globalThis, { AbortController: saved.AbortController, setTimeout: saved.setTimeout, setInterval: saved.setInterval });
console.log("imported " + JSON.parse(process.argv[1]).length);
`;

describe("module scope", () => {
  it("covers every published package's build", () => {
    expect(entries.length).toBeGreaterThanOrEqual(9);
  });

  it("the trap catches work at module load (the check can fail)", () => {
    const result = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", trap, JSON.stringify(["data:text/javascript,new AbortController()"])],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("new AbortController() at module load");
  });

  it("importing every package creates no AbortController, AbortSignal or timer", () => {
    const urls = entries.map((entry) => pathToFileURL(entry).href);
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", trap, JSON.stringify(urls)], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(`imported ${urls.length}`);
  });
});
