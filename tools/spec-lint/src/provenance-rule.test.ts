// The provenance rule as `pnpm lint:specs` runs it: Redocly CLI with specs/redocly.yaml (so the
// plugin wiring is tested too) on two fixture specs that differ only by their source/marker keys.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { hasProvenance, narrowingConstraints, PROVENANCE_KEYS } from "./provenance-rule.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
const config = join(rootDir, "specs", "redocly.yaml");
const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);
const redoclyBin = join(dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin", "cli.js");

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; location: { pointer: string }[] }[];
}

/** Runs `redocly lint <file> --config specs/redocly.yaml --format json`; resolves whatever the exit code. */
async function lint(file: string): Promise<{ exitCode: number; report: LintReport }> {
  const run = promisify(execFile);
  const args = [redoclyBin, "lint", file, "--config", config, "--format", "json"];
  const env = { ...process.env, REDOCLY_TELEMETRY: "off" };
  try {
    const { stdout } = await run(process.execPath, args, { cwd: rootDir, env });
    return { exitCode: 0, report: JSON.parse(stdout) as LintReport };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { exitCode: failed.code, report: JSON.parse(failed.stdout) as LintReport };
  }
}

/** A parsed YAML document with every source/marker key removed, at any depth. */
function withoutProvenance(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProvenance);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(PROVENANCE_KEYS as readonly string[]).includes(key))
      .map(([key, entry]) => [key, withoutProvenance(entry)]),
  );
}

describe("verifetch/provenance (redocly lint --config specs/redocly.yaml)", () => {
  it("is an error-level rule of pnpm lint:specs, loaded from this package's plugin", () => {
    const lintConfig = parse(readFileSync(config, "utf8")) as { plugins: string[]; rules: Record<string, unknown> };
    expect(lintConfig.rules["verifetch/provenance"]).toBe("error");
    expect(lintConfig.plugins.map((plugin) => resolve(dirname(config), plugin))).toContain(
      join(import.meta.dirname, "redocly-plugin.ts"),
    );
  });

  it("the two fixtures differ only by their source and marker keys", () => {
    const marked = parse(readFileSync(fixture("narrowing-marked.yaml"), "utf8")) as Record<string, unknown>;
    const unmarked = parse(readFileSync(fixture("narrowing-unmarked.yaml"), "utf8")) as Record<string, unknown>;
    const strip = (document: Record<string, unknown>) => {
      const { info, ...rest } = withoutProvenance(document) as Record<string, unknown>;
      return { ...rest, info: { ...(info as object), summary: undefined } };
    };
    expect(strip(unmarked)).toEqual(strip(marked));
  });

  it("passes a spec whose narrowing constraints all carry a source or a marker", async () => {
    const { exitCode, report } = await lint(fixture("narrowing-marked.yaml"));
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(exitCode).toBe(0);
  });

  it("fails the same spec without them, once per unmarked narrowing (refs and nesting followed)", async () => {
    const { exitCode, report } = await lint(fixture("narrowing-unmarked.yaml"));
    expect(exitCode).not.toBe(0);
    expect(report.problems.map((problem) => [problem.ruleId, problem.location[0]?.pointer])).toEqual([
      ["verifetch/provenance", "#/paths/~1widgets~1{widgetId}/post/parameters/0/schema/pattern"],
      ["verifetch/provenance", "#/components/schemas/WidgetRequest/properties/name/maxLength"],
      ["verifetch/provenance", "#/components/schemas/Size/additionalProperties"],
      ["verifetch/provenance", "#/components/schemas/WidgetRequest/properties/contact/format"],
      ["verifetch/provenance", "#/components/schemas/Widget/required"],
      ["verifetch/provenance", "#/components/schemas/WidgetEvent/required"],
    ]);
  });
});

describe("narrowingConstraints / hasProvenance", () => {
  it("finds closed objects, patterns, formats and bounds in requests, required lists in responses, required lists and closed objects in deliveries", () => {
    const schema = { additionalProperties: false, pattern: "^a$", maxItems: 2, required: ["id"], format: "uuid" };
    expect(narrowingConstraints(schema, "request")).toEqual([
      "additionalProperties: false",
      "pattern",
      "maxItems",
      "format",
    ]);
    expect(narrowingConstraints(schema, "response")).toEqual(["required"]);
    expect(narrowingConstraints(schema, "delivery")).toEqual(["required", "additionalProperties: false"]);
    expect(narrowingConstraints({ required: [] }, "response")).toEqual([]);
    expect(narrowingConstraints({ required: ["id"], additionalProperties: true, type: "string" }, "request")).toEqual(
      [],
    );
    // OpenAPI's numeric formats only annotate the type; no validator refuses a value for them.
    expect(narrowingConstraints({ type: "integer", format: "int64" }, "request")).toEqual([]);
  });

  it("accepts a source or either marker with a reason, not an empty one", () => {
    expect(hasProvenance({ "x-verifetch-source": "https://docs.example/errors" })).toBe(true);
    expect(hasProvenance({ "x-verifetch-inferred": "every example has it" })).toBe(true);
    expect(hasProvenance({ "x-verifetch-unconfirmed": "third-party spec" })).toBe(true);
    expect(hasProvenance({ "x-verifetch-source": "  " })).toBe(false);
    expect(hasProvenance({ "x-verifetch-inferred": true })).toBe(false);
    expect(hasProvenance({ description: "source: the docs" })).toBe(false);
  });
});
