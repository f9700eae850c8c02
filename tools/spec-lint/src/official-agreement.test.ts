// The official-spec agreement check: every specs/official/<name>.yaml excerpt against specs/<name>.yaml,
// plus the comparison's own cases on small inline documents.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareWithOfficial, officialSource } from "./official-agreement.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
const officialDir = join(rootDir, "specs", "official");
const excerpts = existsSync(officialDir)
  ? readdirSync(officialDir)
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => file.slice(0, -".yaml".length))
      .sort()
  : [];

describe("official-spec agreement (specs/official/<name>.yaml vs specs/<name>.yaml)", () => {
  it("finds the excerpts", () => {
    expect(excerpts).toContain("persona");
  });

  describe.each(excerpts)("%s", (name) => {
    const officialFile = join(officialDir, `${name}.yaml`);
    const oursFile = join(rootDir, "specs", `${name}.yaml`);
    const official = parse(readFileSync(officialFile, "utf8"));

    it("records where the excerpt comes from (repository, commit, path)", () => {
      expect(() => officialSource(official)).not.toThrow();
    });

    it(`agrees with the official document (ours may be a subset, never a contradiction)`, () => {
      expect(existsSync(oursFile), `specs/${name}.yaml is missing`).toBe(true);
      const issues = compareWithOfficial(
        { document: parse(readFileSync(oursFile, "utf8")), file: oursFile },
        { document: official, file: officialFile },
      );
      expect(issues.map((issue) => `specs/${name}.yaml ${issue.pointer}: ${issue.message}`)).toEqual([]);
    });
  });
});

// --- the comparison, on inline documents ---------------------------------------------------------

const official = {
  openapi: "3.1.0",
  servers: [{ url: "https://api.example.com/api/v1" }],
  paths: {
    "/things": {
      post: {
        parameters: [
          { name: "Idempotency-Key", in: "header", schema: { type: "string" } },
          { name: "Mode", in: "header", schema: { type: "string", enum: ["a", "b"] } },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { name: { type: ["string", "null"] }, kind: { type: "string", enum: ["x", "y"] } },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "400": { description: "bad" },
        },
      },
    },
    "/things/{thing-id}": {
      get: {
        parameters: [{ name: "thing-id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
      },
    },
  },
  webhooks: {
    "thing.done": {
      post: {
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  data: {
                    allOf: [{ $ref: "#/components/schemas/Event" }, { properties: { name: { const: "thing.done" } } }],
                  },
                },
              },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        required: ["id", "status"],
        properties: {
          id: { type: "string" },
          status: { type: "string", enum: ["open", "closed"] },
          tags: { type: "array", items: { type: "string" } },
          related: { "x-official-omitted": "schemas/related-objects", description: "side-loads" },
        },
      },
      Event: { type: "object", properties: { id: { type: "string" }, type: { type: "string", const: "event" } } },
    },
  },
};

/** A spec of ours that agrees (a subset, with its own server split and parameter names). */
function agreeing(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    servers: [{ url: "https://api.example.com" }],
    paths: {
      "/api/v1/things": {
        post: {
          parameters: [{ $ref: "#/components/parameters/Key" }],
          requestBody: {
            content: {
              "application/json": { schema: { type: "object", properties: { kind: { type: "string", enum: ["x"] } } } },
            },
          },
          responses: {
            "201": {
              description: "created",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Mine" } } },
            },
          },
        },
      },
      "/api/v1/things/{id}": {
        get: {
          parameters: [{ name: "thing-id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok" } },
        },
      },
    },
    webhooks: {
      "thing.done": {
        post: {
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: {
                      type: "object",
                      properties: { id: { type: "string" }, type: { enum: ["event"] }, name: { type: "string" } },
                    },
                  },
                },
              },
            },
          },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      parameters: { Key: { name: "idempotency-key", in: "header", schema: { type: "string" } } },
      schemas: {
        Mine: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string" },
            status: { type: "string" },
            tags: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  };
}

const compare = (ours: unknown) => compareWithOfficial({ document: ours }, { document: official });
const at = (document: Record<string, unknown>, ...path: string[]): Record<string, unknown> =>
  path.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, document);

describe("compareWithOfficial", () => {
  it("passes an agreeing subset (server base paths, $refs, allOf, const and header case all resolved)", () => {
    expect(compare(agreeing())).toEqual([]);
  });

  it("fails an enum value the official enum lacks, naming the pointer and the value", () => {
    const ours = agreeing();
    at(ours, "components", "schemas", "Mine", "properties").status = { type: "string", enum: ["open", "archived"] };
    expect(compare(ours)).toEqual([
      {
        pointer: "/paths/~1api~1v1~1things/post/responses/201/content/application~1json/schema/properties/status",
        message: 'enum value(s) ["archived"] are not in the official enum ["open","closed"]',
      },
    ]);
  });

  it("fails an enum where the official schema has none", () => {
    const ours = agreeing();
    at(ours, "components", "schemas", "Mine", "properties").id = { type: "string", enum: ["a"] };
    expect(compare(ours).map((issue) => issue.message)).toEqual([
      'enum ["a"]: the official schema has no enum here (any value)',
    ]);
  });

  it("fails a type that differs, including a dropped null", () => {
    const ours = agreeing();
    at(ours, "components", "schemas", "Mine", "properties").tags = { type: "array", items: { type: "integer" } };
    at(
      ours,
      "paths",
      "/api/v1/things",
      "post",
      "requestBody",
      "content",
      "application/json",
      "schema",
      "properties",
    ).name = { type: "string" };
    expect(compare(ours).map((issue) => `${issue.pointer}: ${issue.message}`)).toEqual([
      '/paths/~1api~1v1~1things/post/requestBody/content/application~1json/schema/properties/name: type "string" differs from the official ["null","string"]',
      '/paths/~1api~1v1~1things/post/responses/201/content/application~1json/schema/properties/tags/items: type "integer" differs from the official "string"',
    ]);
  });

  it("fails an operation the official document lacks", () => {
    const ours = agreeing();
    at(ours, "paths")["/api/v1/things/{id}/cancel"] = { post: { responses: { "200": { description: "ok" } } } };
    at(ours, "paths", "/api/v1/things/{id}").delete = { responses: { "204": { description: "gone" } } };
    expect(compare(ours).map((issue) => issue.message)).toEqual([
      "DELETE /api/v1/things/{id} is not in the official document",
      "POST /api/v1/things/{id}/cancel is not in the official document",
    ]);
  });

  it("fails a property, a required entry, a parameter, a response and a webhook the official lacks", () => {
    const ours = agreeing();
    const mine = at(ours, "components", "schemas", "Mine");
    (mine.properties as Record<string, unknown>).colour = { type: "string" };
    mine.required = ["id", "tags"];
    (at(ours, "paths", "/api/v1/things", "post").parameters as unknown[]).push({
      name: "Extra",
      in: "header",
      schema: { type: "string" },
    });
    at(ours, "paths", "/api/v1/things/{id}", "get", "responses")["404"] = { description: "missing" };
    at(ours, "webhooks")["thing.lost"] = { post: { responses: { "200": { description: "ok" } } } };
    expect(compare(ours).map((issue) => issue.message)).toEqual([
      "parameter Extra (in header) is not in the official operation",
      '"tags" is required here but not officially',
      'property "colour" is not in the official schema',
      "response 404 is not in the official operation (official: 200)",
      "webhook thing.lost (post) is not in the official document",
    ]);
  });

  it("takes an official `default` or `4XX` response as covering a status it does not list, and compares with it", () => {
    const withDefault = structuredClone(official) as Record<string, unknown>;
    at(withDefault, "paths", "/things/{thing-id}", "get", "responses").default = {
      description: "an error",
      content: { "application/json": { schema: { type: "object", properties: { error: { type: "string" } } } } },
    };
    const ours = agreeing();
    at(ours, "paths", "/api/v1/things/{id}", "get", "responses")["404"] = {
      description: "missing",
      content: { "application/json": { schema: { type: "object", properties: { error: { type: "integer" } } } } },
    };
    const issues = compareWithOfficial({ document: ours }, { document: withDefault }).map((issue) => issue.message);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/type/);
  });

  it("fails a parameter whose required flag differs", () => {
    const ours = agreeing();
    at(ours, "components", "parameters", "Key").required = true;
    expect(compare(ours).map((issue) => issue.message)).toEqual(["required is true but officially false"]);
  });

  it("refuses to check under a node the excerpt omitted", () => {
    const ours = agreeing();
    at(ours, "components", "schemas", "Mine", "properties").related = { type: "array" };
    expect(compare(ours).map((issue) => issue.message)).toEqual([
      "the official excerpt omits schemas/related-objects here; excerpt it to check this node",
    ]);
  });

  it("skips a node marked x-verifetch-official-deviation, and insists on its reason", () => {
    const ours = agreeing();
    at(ours, "components", "schemas", "Mine", "properties").status = {
      type: "string",
      enum: ["open", "archived"],
      "x-verifetch-official-deviation": "the vendor's docs list archived; the official document lags",
    };
    at(ours, "paths")["/api/v1/other"] = { "x-verifetch-official-deviation": "", get: {} };
    expect(compare(ours)).toEqual([
      { pointer: "/paths/~1api~1v1~1other", message: "x-verifetch-official-deviation needs the reason as a string" },
    ]);
  });

  it("reads x-official-source and refuses a malformed one", () => {
    const source = { repository: "acme/openapi", commit: "a".repeat(40), path: "v1/openapi.yaml" };
    expect(officialSource({ "x-official-source": source })).toEqual(source);
    expect(() => officialSource({})).toThrow("x-official-source is missing");
    expect(() => officialSource({ "x-official-source": { ...source, commit: "main" } })).toThrow("40-hex");
  });
});
