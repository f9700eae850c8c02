// Renders a run's results as the markdown of docs/benchmarks.md: tables, the issue's targets with
// pass/miss, the Node transport experiment, versions and machine. Figures are data, not assertions.
import { FACADE_ID, OPENAPI_FETCH_ID, RAW_FETCH_ID, VERIFETCH_COMPLYCUBE_ID } from "./bench-contenders.ts";
import type { DependencyFootprint } from "./bench-deps.ts";
import { table } from "./bench-markdown.ts";
import { type BenchResults, type ContenderResult, platformLabel, type ToolingResults } from "./bench-run.ts";
import type { ToolTiming } from "./bench-tooling.ts";

/** The issue's targets, in the units the report uses. */
export const TARGETS = {
  /** `@verifetch/complycube` median per request over bare openapi-fetch's. */
  requestRatioToOpenapiFetch: 1.05,
  /** One provider with core and openapi-fetch: one-call program, gzip bytes. */
  providerGzipBytes: 4000,
  /** The facade plus one provider: one-call program, gzip bytes. */
  facadeGzipBytes: 5000,
  /** Cold import of a provider package, median milliseconds. */
  providerImportMs: 8,
} as const;

/** A target's outcome. */
export interface TargetOutcome {
  target: string;
  measured: string;
  pass: boolean | null;
}

const us = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : "—");
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : "—");
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "—");
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;
const verdict = (pass: boolean | null): string => (pass === null ? "not measured" : pass ? "**pass**" : "**miss**");

function byId(results: BenchResults, id: string): ContenderResult | undefined {
  return results.contenders.find((contender) => contender.id === id);
}

/** The issue's targets, evaluated on this run. */
export function evaluateTargets(results: BenchResults): TargetOutcome[] {
  const openapiFetch = byId(results, OPENAPI_FETCH_ID);
  const complycube = byId(results, VERIFETCH_COMPLYCUBE_ID);
  const facade = byId(results, FACADE_ID);
  const providers = results.packageImports.filter((p) => p.kind === "provider");
  const slowest = providers.reduce<(typeof providers)[number] | undefined>(
    (worst, p) => (worst === undefined || p.coldImport.ms.median > worst.coldImport.ms.median ? p : worst),
    undefined,
  );
  const loaders = providers.filter((p) => p.coldImport.loadsFetchInternals).map((p) => p.name);
  const requestRatio =
    complycube && openapiFetch
      ? complycube.timing.perRequest.median / openapiFetch.timing.perRequest.median
      : Number.NaN;
  return [
    {
      target: `\`@verifetch/complycube\` (retries on) ≤ ${TARGETS.requestRatioToOpenapiFetch}× bare openapi-fetch per request (median)`,
      measured: ratio(requestRatio),
      pass: Number.isFinite(requestRatio) ? requestRatio <= TARGETS.requestRatioToOpenapiFetch : null,
    },
    {
      target: `one provider with core + openapi-fetch ≤ ${kB(TARGETS.providerGzipBytes)} gzipped (ComplyCube one-call program)`,
      measured: complycube ? kB(complycube.bundle.gzipBytes) : "—",
      pass: complycube ? complycube.bundle.gzipBytes <= TARGETS.providerGzipBytes : null,
    },
    {
      target: `facade + one provider ≤ ${kB(TARGETS.facadeGzipBytes)} gzipped (one-call program)`,
      measured: facade ? kB(facade.bundle.gzipBytes) : "—",
      pass: facade ? facade.bundle.gzipBytes <= TARGETS.facadeGzipBytes : null,
    },
    {
      target: "importing a provider package loads no fetch internals (undici)",
      measured: loaders.length === 0 ? `none of ${providers.length} does` : `loaded by ${loaders.join(", ")}`,
      pass: providers.length === 0 ? null : loaders.length === 0,
    },
    {
      target: `importing a provider package takes ≤ ${TARGETS.providerImportMs} ms (median, slowest provider)`,
      measured: slowest ? `${ms(slowest.coldImport.ms.median)} ms (${slowest.name})` : "—",
      pass: slowest ? slowest.coldImport.ms.median <= TARGETS.providerImportMs : null,
    },
  ];
}

function requestTable(results: BenchResults): string {
  const raw = byId(results, RAW_FETCH_ID)?.timing.perRequest.median ?? Number.NaN;
  const bare = byId(results, OPENAPI_FETCH_ID)?.timing.perRequest.median ?? Number.NaN;
  const rows = results.contenders.map((c) => {
    const t = c.timing.perRequest;
    return [c.label, us(t.median), us(t.p90), us(t.iqr), us(t.mean), ratio(t.median / raw), ratio(t.median / bare)];
  });
  return table(["contender", "median µs", "p90 µs", "IQR µs", "mean µs", "× raw fetch", "× openapi-fetch"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
    "right",
  ]);
}

function sizeTable(results: BenchResults): string {
  const raw = byId(results, RAW_FETCH_ID)?.bundle.gzipBytes ?? Number.NaN;
  const rows = results.contenders.map((c) => [
    c.label,
    platformLabel(c.bundle.platform),
    String(c.bundle.minifiedBytes),
    String(c.bundle.gzipBytes),
    kB(c.bundle.gzipBytes),
    c.id === RAW_FETCH_ID ? "—" : `+${kB(c.bundle.gzipBytes - raw)}`,
  ]);
  return table(["contender", "platform", "minified B", "gzip B", "gzip", "over raw fetch"], rows, [
    "left",
    "left",
    "right",
    "right",
    "right",
    "right",
  ]);
}

/** Modules below this share of a bundle's minified bytes are summed into one row. */
const SMALL_MODULE_SHARE = 0.01;

function breakdownSection(results: BenchResults): string {
  return results.contenders
    .flatMap((c) => {
      const modules = c.bundle.modules;
      if (modules === undefined) return [];
      const total = c.bundle.minifiedBytes;
      const large = modules.filter((m) => m.minifiedBytes >= total * SMALL_MODULE_SHARE);
      const small = modules.filter((m) => m.minifiedBytes < total * SMALL_MODULE_SHARE);
      const share = (bytes: number): string => `${((bytes / total) * 100).toFixed(1)} %`;
      const rows = large.map((m) => [
        `\`${m.module}\``,
        String(m.minifiedBytes),
        share(m.minifiedBytes),
        String(m.gzipBytes),
      ]);
      if (small.length > 0) {
        const bytes = small.reduce((sum, m) => sum + m.minifiedBytes, 0);
        rows.push([`${small.length} smaller modules`, String(bytes), share(bytes), "—"]);
      }
      return [
        `### ${c.label}: ${c.bundle.minifiedBytes} B minified, ${c.bundle.gzipBytes} B gzipped`,
        "",
        table(["module", "minified B", "share", "gzip cost B"], rows, ["left", "right", "right", "right"]),
        "",
      ];
    })
    .join("\n")
    .trimEnd();
}

function importTable(results: BenchResults): string {
  const rows = results.contenders.map((c) => [
    c.label,
    c.importDescription,
    ms(c.coldImport.ms.median),
    `${ms(c.coldImport.ms.min)}–${ms(c.coldImport.ms.max)}`,
    c.coldImport.loadsFetchInternals ? "yes" : "no",
  ]);
  return table(["contender", "imported", "median ms", "min–max ms", "loads fetch internals"], rows, [
    "left",
    "left",
    "right",
    "right",
    "left",
  ]);
}

function packageImportTable(results: BenchResults): string {
  return table(
    ["package", "kind", "median ms", "min–max ms", "loads fetch internals"],
    results.packageImports.map((p) => [
      `\`${p.name}\``,
      p.kind,
      ms(p.coldImport.ms.median),
      `${ms(p.coldImport.ms.min)}–${ms(p.coldImport.ms.max)}`,
      p.coldImport.loadsFetchInternals ? "yes" : "no",
    ]),
    ["left", "left", "right", "right", "left"],
  );
}

function closureText(footprint: DependencyFootprint): string {
  if (footprint.names.length <= 5) return footprint.names.join(", ");
  return `direct: ${footprint.direct.join(", ")}; ${footprint.transitive} more transitively`;
}

function dependencyTable(results: BenchResults): string {
  const rows = results.contenders.map((c) => [
    c.label,
    String(c.dependencies.packages),
    `${(c.dependencies.bytes / 1000).toFixed(1)} kB`,
    c.dependencies.note || closureText(c.dependencies),
  ]);
  return table(["contender", "packages", "bytes", "closure"], rows, ["left", "right", "right", "left"]);
}

function toolingTable(tooling: ToolingResults | null, runs: number): string {
  if (tooling === null) return "Not measured in this run (quick mode).";
  const row = (task: string, timing: ToolTiming): string[] => [
    task,
    ms(timing.ms.median),
    `${ms(timing.ms.min)}–${ms(timing.ms.max)}`,
    timing.note,
  ];
  return table(
    ["task", `median ms (${runs} runs)`, "min–max ms", "result"],
    [
      row("`node tools/codegen/src/codegen-cli.ts --check` (all specs: types + bundled spec)", tooling.codegen),
      row("hey-api generator, complycube spec only (`bench/src/hey-api-codegen.ts`)", tooling.heyApiCodegen),
      row("no-op `turbo run build` (second run)", tooling.noopTurboBuild),
      row("`tsc --noEmit` of a consumer of every provider + facade", tooling.consumerTypecheck),
    ],
    ["left", "right", "right", "left"],
  );
}

/** The whole report. */
export function renderReport(results: BenchResults): string {
  const t = results.options.timing;
  const m = results.machine;
  return `${[
    "# Benchmarks",
    "",
    `Generated by \`pnpm bench\` (\`bench/\`) on ${results.startedAt.toISOString().slice(0, 10)}; the run took ${(results.durationMs / 1000).toFixed(0)} s.`,
    "Every figure below comes from that one run. They are data, not assertions: rerun `pnpm bench` to reproduce them on your machine.",
    "",
    "The call: ComplyCube create-flow-session (`POST /v1/flow/sessions`) with the check-driven request example of",
    "`specs/complycube.yaml`, answered with the spec's example `FlowSession` by a keep-alive `node:http` server on",
    "127.0.0.1 running in a separate process. The server refuses any other path, key or body, so every contender is",
    "checked to make the same call before it is timed.",
    "",
    "## Targets (issue 7)",
    "",
    table(
      ["target", "measured", "result"],
      evaluateTargets(results).map((o) => [o.target, o.measured, verdict(o.pass)]),
      ["left", "left", "left"],
    ),
    "",
    "## Per request",
    "",
    `${t.warmupRequests} warm-up requests per contender, then ${t.rounds} interleaved rounds: each round runs ${t.batch} sequential`,
    "requests for every contender, in an order that rotates (and reverses every other pass) from round to round.",
    `Figures are over all ${t.rounds * t.batch} timed requests per contender; ratios compare medians.`,
    "",
    requestTable(results),
    "",
    "## Bundle size",
    "",
    "A one-call program per contender (the same request body, imported from `bench/src/bench-fixture.ts`), bundled",
    "and minified by esbuild as an ES module, gzipped at level 9 (1 kB = 1000 B). Fetch-based clients are bundled",
    "for the browser; axios and the official SDK for Node, with Node builtins external.",
    "",
    sizeTable(results),
    "",
    "## Where the bytes go",
    "",
    "verifetch's one-call programs above, traced module by module through the packages' source maps (esbuild",
    "composes each package's `dist/index.mjs.map`). `gzip cost` is how much smaller the gzipped bundle is without",
    "the module's output; modules share gzip's window, so that column ranks costs rather than adding up to the",
    `total. Modules under ${SMALL_MODULE_SHARE * 100} % of a bundle's minified bytes share the last row.`,
    "",
    breakdownSection(results),
    "",
    "## Cold import",
    "",
    `Median over ${results.options.importRuns} fresh Node processes of \`await import(…)\` of what a program imports, timed inside the`,
    'process; `loads fetch internals` is `process.moduleLoadList.some((m) => m.includes("undici"))` afterwards.',
    "",
    importTable(results),
    "",
    "Every user-facing workspace package on its own (built `dist/`):",
    "",
    packageImportTable(results),
    "",
    "## Installed dependencies",
    "",
    "The production dependency closure (`dependencies` and installed `optionalDependencies`, recursively) as",
    "installed here, counting the contender's own package. Registry packages count their installed directory;",
    "workspace packages count what they would publish (package.json `files`, package.json, README, LICENSE).",
    "",
    dependencyTable(results),
    "",
    "## Node transport experiment (issue 7, item 3)",
    "",
    "An opt-in `fetch` on `node:http` keep-alive agents was measured against the official SDK and removed, as it",
    "did not beat it: see [node-transport-experiment.md](node-transport-experiment.md).",
    "",
    "## Developer loop",
    "",
    toolingTable(results.tooling, results.options.toolRuns),
    "",
    "## Notes",
    "",
    "- The official SDK hard-codes `https://api.complycube.com/v1`; the bench sets `defaults.baseURL` on its public",
    "  `axiosInstance` (no patching). It posts to `/v1/flow/sessions/` (trailing slash), which the server accepts.",
    "  Like axios, it sends through `node:http` with Node's default keep-alive agent; the fetch-based clients use",
    "  undici's pool. All contenders reuse one warm keep-alive connection per request in sequence.",
    "- The hey-api contender is generated from `specs/complycube.yaml` (the spec `@verifetch/complycube` is generated",
    "  from) into `bench/src/generated/hey-api/`; its cold import is of that code compiled to unbundled JavaScript,",
    "  so it measures the client rather than Node's TypeScript stripping.",
    "- On Node 24, an ES `import` of `node:http` (even of named exports) loads undici: building the module's ESM",
    '  facade reads its lazy `WebSocket`-family getters. `require("node:http")` and',
    '  `process.getBuiltinModule("node:http")` do not. This is why a Node-only ESM module can show',
    "  `loads fetch internals: yes` without calling fetch.",
    "- The machine may be shared with other work while the bench runs; interleaving spreads that noise over all",
    "  contenders, but compare ratios within one run rather than absolute figures across runs.",
    "",
    "## Versions and machine",
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory; ${m.os}`,
    `- Node ${m.node}`,
    `- Contenders: ${results.contenderVersions.map((v) => `\`${v}\``).join(", ")}`,
    `- Tools: ${results.toolVersions.map((v) => `\`${v}\``).join(", ")}`,
  ].join("\n")}\n`;
}
