import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "./mock-server.ts";

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

// One operation that declares a 400 (Prism answers invalid requests with its example) and one that
// declares none (Prism makes up its own 422), both behind an API key.
const strictSpec = `openapi: 3.1.0
info: { title: strict, version: "1" }
security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
  schemas:
    Thing:
      type: object
      additionalProperties: false
      required: [name]
      properties:
        name: { type: string, maxLength: 3 }
        size: { type: integer }
paths:
  /things:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Thing" }
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Thing" }
              examples: { ok: { value: { name: "abc" } } }
        "400":
          description: invalid
          content:
            application/json:
              schema: { type: object, properties: { error: { type: string } } }
              examples: { bad: { value: { error: "Something was wrong." } } }
        "401":
          description: no key
          content:
            application/json:
              schema: { type: object, properties: { error: { type: string } } }
              examples: { nokey: { value: { error: "No API key." } } }
  /things/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      responses:
        "200":
          description: found
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Thing" }
              examples: { ok: { value: { name: "abc" } } }
`;

function writeSpec(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "verifetch-mock-"));
  const spec = join(dir, name);
  writeFileSync(spec, text);
  return spec;
}

const KEY = { "X-Key": "anything" };
const post = (mock: MockServer, body: unknown, headers: Record<string, string> = KEY) =>
  fetch(`${mock.baseUrl}/things`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("startMock", () => {
  it("serves a spec on 127.0.0.1 and stops cleanly", async () => {
    const mock = await startMock(writeSpec("tiny.yaml", tinySpec));
    try {
      expect(mock.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${mock.baseUrl}/ping`);
      expect(await response.json()).toEqual({ pong: true });
      expect(mock.violations()).toEqual([]);
    } finally {
      await mock.stop();
      await mock.stop(); // idempotent
    }
    await expect(fetch(`${mock.baseUrl}/ping`)).rejects.toThrow();
  });

  it("fails within the bounded wait, with Prism's output, for a broken spec", async () => {
    const spec = writeSpec("broken.yaml", "openapi: 3.1.0\ninfo: [not, an, object\n");
    await expect(startMock(spec, { readyTimeoutMs: 15_000 })).rejects.toThrow(/Prism did not start for .*broken\.yaml/);
  });

  it("refuses a fixed port that is taken, naming it, before starting Prism", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startMock(writeSpec("tiny.yaml", tinySpec), { port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is taken`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe("a request that breaks the spec", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock(writeSpec("strict.yaml", strictSpec));
  });
  afterAll(() => mock?.stop());

  it("is answered with the spec's error status and a body naming each violation (field and rule)", async () => {
    mock.clearViolations();
    const response = await post(mock, { name: "abcdef", colour: "red" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("sl-violations")).toContain("maxLength"); // Prism's header is kept
    const body = (await response.json()) as { detail: string; violations: unknown[] };
    expect(body.detail).toBe(
      "the request breaks the spec: body must NOT have additional properties; found 'colour' (additionalProperties); body.name must NOT have more than 3 characters (maxLength)",
    );
    expect(body.violations).toEqual([
      { location: "body", rule: "additionalProperties", message: expect.stringContaining("'colour'") },
      { location: "body.name", rule: "maxLength", message: expect.stringContaining("3 characters") },
    ]);
    expect(mock.violations()).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/things",
        part: "request",
        location: "body",
        severity: "error",
      }),
      expect.objectContaining({ location: "body.name", rule: "maxLength" }),
    ]);
  });

  it("also when the spec declares no 400/422 (Prism's own 422 lists them in its body)", async () => {
    mock.clearViolations();
    const response = await fetch(`${mock.baseUrl}/things/not-a-uuid`, { headers: KEY });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: string };
    expect(body.detail).toBe('the request breaks the spec: path.id must match format "uuid" (format)');
    expect(mock.violations()).toEqual([
      expect.objectContaining({ method: "GET", path: "/things/not-a-uuid", location: "path.id", rule: "format" }),
    ]);
  });

  it("keeps the spec's own answers: valid requests, forced examples, missing credentials", async () => {
    mock.clearViolations();
    expect(await (await post(mock, { name: "abc" })).json()).toEqual({ name: "abc" });
    const forced = await post(mock, { name: "abc" }, { ...KEY, Prefer: "code=400" });
    expect([forced.status, await forced.json()]).toEqual([400, { error: "Something was wrong." }]);
    expect(mock.violations()).toEqual([]);

    const anonymous = await post(mock, { name: "abc" }, {});
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { error: "No API key." }]);
    expect(mock.violations()).toEqual([expect.objectContaining({ location: "", rule: "401" })]);
    mock.clearViolations();
    expect(mock.violations()).toEqual([]);
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
