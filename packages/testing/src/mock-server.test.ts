import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveSpec, startMock } from "./mock-server.ts";

const tinySpec = `openapi: 3.1.0
info: { title: tiny, version: "1" }
paths:
  /ping:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, required: [pong], properties: { pong: { type: boolean } } }
              examples: { ok: { value: { pong: true } } }
`;

describe("startMock", () => {
  it("serves a spec on 127.0.0.1 and stops cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verifetch-mock-"));
    const spec = join(dir, "tiny.yaml");
    writeFileSync(spec, tinySpec);
    const mock = await startMock(spec);
    try {
      expect(mock.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${mock.baseUrl}/ping`);
      expect(await response.json()).toEqual({ pong: true });
    } finally {
      await mock.stop();
      await mock.stop(); // idempotent
    }
    await expect(fetch(`${mock.baseUrl}/ping`)).rejects.toThrow();
  });

  it("fails within the bounded wait, with Prism's output, for a broken spec", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verifetch-mock-"));
    const spec = join(dir, "broken.yaml");
    writeFileSync(spec, "openapi: 3.1.0\ninfo: [not, an, object\n");
    await expect(startMock(spec, { readyTimeoutMs: 15_000 })).rejects.toThrow(/Prism did not start for .*broken\.yaml/);
  });

  it("resolves a provider name to the spec its installed package ships", () => {
    expect(() => resolveSpec("not-a-provider")).toThrow(/install @verifetch\/not-a-provider/);
    expect(resolveSpec("./specs/complycube.yaml")).toMatch(/specs\/complycube\.yaml$/);
  });
});

describe("importing the package", () => {
  it("does no work: Prism is looked up only when a mock starts", () => {
    // A resolve hook that fails any lookup of Prism, then a plain import of the package.
    const hook = `import { registerHooks } from "node:module";
registerHooks({ resolve(specifier, context, next) {
  if (specifier.startsWith("@stoplight/prism-cli")) throw new Error("Prism was looked up at import");
  return next(specifier, context);
} });`;
    const entry = pathToFileURL(join(import.meta.dirname, "index.ts")).href;
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        `data:text/javascript,${encodeURIComponent(hook)}`,
        "--input-type=module",
        "-e",
        `await import("${entry}");`,
      ],
      { encoding: "utf8", timeout: 20_000 },
    );
    expect(run.stderr).not.toMatch(/Prism was looked up at import/);
    expect(run.status).toBe(0);
  });
});
