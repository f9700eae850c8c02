// One rendered reference page per spec: Redocly CLI's `build-docs` (Redoc 3), made fully offline.
//
// What keeps it offline, and why:
// - `--inlineBundle`: without it the page imports Redoc from Redocly's CDN (a modulepreload link and
//   an `import` in the inline script). With it, the standalone bundle that ships inside
//   @redocly/cli (lib/chunks/redoc.standalone.js, the same version) is inlined into the page.
//   Each page is then ~2.5 MB, but self-contained and correct for the CLI version we pin.
// - Our own template (docs-reference-template.hbs): the default one is fine, but ours adds a
//   Content-Security-Policy that makes the browser refuse any network fetch, an empty favicon (so
//   nothing asks the server for /favicon.ico), and a bar linking back to the index and the README.
// - Redoc 3's sidebar footer always renders an "API docs by <Redocly logo>" attribution whose
//   image is loaded from cdn.redoc.ly, and no option turns it off. We keep the attribution link
//   and swap the image URL for an inline SVG with the word "Redocly" (REDOCLY_LOGO_URLS below).
// Redocly telemetry is off (`REDOCLY_TELEMETRY=off`, and `telemetry: off` in specs/redocly.yaml,
// which is passed as the config and also sets the page's own `disableTelemetry`).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The attribution images Redoc 3 loads from its CDN. */
export const REDOCLY_LOGO_URLS: readonly string[] = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];

/** An inline stand-in for the attribution logo: the word "Redocly" (the link around it stays). */
export const REDOCLY_WORDMARK_DATA_URL = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14">' +
    '<text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#0044D4">Redocly</text></svg>',
)}`;

/** Height of the template's top bar in px; Redoc offsets its layout by it (`scrollYOffset`). */
const BAR_HEIGHT_PX = 44;

const TEMPLATE_PATH = join(import.meta.dirname, "docs-reference-template.hbs");

/** What one reference page is built from. */
export interface ReferencePageInput {
  /** The repository root (where specs/redocly.yaml is). */
  rootDir: string;
  /** The spec to render. */
  specPath: string;
  /** The HTML file to write. */
  outputPath: string;
  /** The npm package, shown in the top bar. */
  packageName: string;
  /** Link from the page to the package README (relative to the page). */
  readmeHref: string;
}

/** Renders `specPath` into `outputPath` with Redocly's `build-docs`, then makes the page offline. */
export async function buildReferencePage(input: ReferencePageInput): Promise<void> {
  await runRedocly(input.rootDir, [
    "build-docs",
    input.specPath,
    "--output",
    input.outputPath,
    "--inlineBundle",
    "--template",
    TEMPLATE_PATH,
    "--config",
    join(input.rootDir, "specs", "redocly.yaml"),
    `--openapi.scrollYOffset=${BAR_HEIGHT_PX}`,
    `--templateOptions.packageName=${input.packageName}`,
    `--templateOptions.readme=${input.readmeHref}`,
  ]);
  let page = readFileSync(input.outputPath, "utf8");
  for (const url of REDOCLY_LOGO_URLS) page = page.replaceAll(url, REDOCLY_WORDMARK_DATA_URL);
  writeFileSync(input.outputPath, page);
}

function redoclyCliPath(): string {
  const manifestPath = createRequire(import.meta.url).resolve("@redocly/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  const bin = manifest.bin.redocly;
  if (!bin) throw new Error(`${manifestPath} has no redocly bin`);
  return join(dirname(manifestPath), bin);
}

function runRedocly(cwd: string, args: string[]): Promise<void> {
  // process.execPath keeps Redocly on the Node that runs this script (24), whatever is on PATH.
  const child = spawn(process.execPath, [redoclyCliPath(), ...args], {
    cwd,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`redocly ${args.slice(0, 2).join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}
