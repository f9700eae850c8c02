// Runs the whole bench harness in its quick mode (every contender, every measurement path, few
// samples) and checks the report it would write. Timing values are not asserted, only that they exist.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderReport } from "./bench-report.ts";
import { type BenchResults, QUICK_OPTIONS, runBench } from "./bench-run.ts";

const dir = mkdtempSync(join(tmpdir(), "verifetch-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pnpm bench, quick mode", () => {
  let results: BenchResults;
  let markdown: string;

  it("measures every contender", { timeout: 60_000 }, async () => {
    results = await runBench({ ...QUICK_OPTIONS, log: () => {} });
    const out = join(dir, "benchmarks.md");
    writeFileSync(out, renderReport(results));
    markdown = readFileSync(out, "utf8");

    const ids = results.contenders.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "raw-fetch",
        "openapi-fetch",
        "verifetch-complycube",
        "verifetch-facade",
        "hey-api",
        "axios",
        "complycube-api",
      ]),
    );
    for (const contender of results.contenders) {
      expect(Number.isFinite(contender.timing.perRequest.median), contender.id).toBe(true);
      expect(contender.timing.perRequest.count, contender.id).toBe(
        QUICK_OPTIONS.timing.rounds * QUICK_OPTIONS.timing.batch,
      );
      expect(contender.bundle.gzipBytes, contender.id).toBeGreaterThan(0);
      const traced = contender.bundle.modules?.reduce((sum, m) => sum + m.minifiedBytes, 0);
      if (traced !== undefined) expect(traced, contender.id).toBe(contender.bundle.minifiedBytes);
      expect(Number.isFinite(contender.coldImport.ms.median), contender.id).toBe(true);
    }
  });

  it("writes a row per contender in every table", () => {
    const sections = markdown.split("\n## ");
    for (const heading of ["Per request", "Bundle size", "Cold import", "Installed dependencies"]) {
      const section = sections.find((s) => s.startsWith(heading));
      expect(section, heading).toBeDefined();
      const rows = (section ?? "").split("\n").filter((line) => line.startsWith("| "));
      for (const contender of results.contenders) {
        expect(
          rows.some((row) => row.startsWith(`| ${contender.label} `)),
          `${heading}: ${contender.label}`,
        ).toBe(true);
      }
    }
    expect(markdown).toContain("## Targets (issue 7)");
    const breakdown = sections.find((s) => s.startsWith("Where the bytes go")) ?? "";
    for (const contender of results.contenders.filter((c) => c.id.startsWith("verifetch"))) {
      expect(breakdown, contender.label).toContain(`### ${contender.label}: `);
    }
    expect(breakdown).toMatch(/^\| `packages\/core\/src\/retry-send\.ts` +\| +\d+ \| [\d.]+ % \| +\d+ \|$/m);
    expect(markdown).toContain(`Node ${process.version}`);
  });
});
