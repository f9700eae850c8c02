import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
