// Opens the built API reference site in headless Chromium (from the `@sparticuz/chromium` npm
// package, see docs-chromium.ts; driven by playwright-core) served from 127.0.0.1: the index and every provider page must render every
// operation of their spec with no console error, no page error and no request to any other host.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findSpecNames, type OperationFacts } from "../../codegen/src/spec-facts.ts";
import { buildDocsSite, type DocsBuildResult, REPO_ROOT } from "./docs-build.ts";
import { findChromium } from "./docs-chromium.ts";
import { operationFragment } from "./docs-index-page.ts";
import { remoteReferences } from "./docs-offline-check.ts";

const SCREENSHOT_DIR = join(REPO_ROOT, "docs", "site", "screenshots");
const SPEC_NAMES = findSpecNames(REPO_ROOT);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let outDir: string | undefined;
let site: DocsBuildResult;
let server: Server | undefined;
let baseUrl: string;
let browser: Browser | undefined;

// A setup failure (above all: no Chromium) is rethrown by every test, so each one fails with the
// reason instead of being reported as skipped.
let setupError: unknown;

beforeAll(async () => {
  try {
    const chromiumLaunch = await findChromium();
    outDir = mkdtempSync(join(tmpdir(), "verifetch-docs-"));
    site = await buildDocsSite({ outDir });
    const served = await serveStatic(outDir);
    server = served.server;
    baseUrl = served.baseUrl;
    browser = await chromium
      .launch({ executablePath: chromiumLaunch.executablePath, args: chromiumLaunch.args, timeout: 30_000 })
      .catch((error: unknown) => {
        throw new Error(`Chromium from ${chromiumLaunch.source} did not start`, { cause: error });
      });
  } catch (error) {
    setupError = error;
  }
}, 90_000);

function requireSetup(): void {
  if (setupError !== undefined) throw setupError;
}

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((done) => server?.close(() => done()));
  }
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** What went wrong on a page while it was open. */
interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  remoteRequests: string[];
}

/** Opens `path` in a fresh context, recording console errors, page errors and requests off 127.0.0.1. */
async function openPage(path: string): Promise<{ page: Page; problems: PageProblems; close: () => Promise<void> }> {
  if (!browser) throw new Error("the browser did not start");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], remoteRequests: [] };
  const isRemote = (url: string) => {
    const { protocol, hostname } = new URL(url);
    return !["data:", "blob:", "about:"].includes(protocol) && hostname !== "127.0.0.1";
  };
  // Requests to any other host are recorded and refused, so a regression fails here rather than
  // reaching out (or hanging) on a machine with a network.
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isRemote(url)) {
      problems.remoteRequests.push(url);
      await route.abort("blockedbyclient");
    } else {
      await route.continue();
    }
  });
  context.on("request", (request) => {
    if (isRemote(request.url()) && !problems.remoteRequests.includes(request.url())) {
      problems.remoteRequests.push(request.url());
    }
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => {
    problems.pageErrors.push(error.message);
  });
  const response = await page.goto(`${baseUrl}/${path}`, { waitUntil: "load" });
  expect(response?.status(), `GET /${path}`).toBe(200);
  return { page, problems, close: () => context.close() };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, name);
  // Finished transitions, not a sidebar caught mid-animation.
  await page.screenshot({ path: file, animations: "disabled" });
  const png = readFileSync(file);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`).toBe(true);
  expect(png.byteLength, `${file} size`).toBeGreaterThan(5_000);
}

describe("the API reference site", () => {
  test("has one reference page per spec and references nothing remote", () => {
    requireSetup();
    expect(site.pages.map((page) => page.name).sort()).toEqual(SPEC_NAMES);
    for (const file of [site.indexFile, ...site.pages.map((page) => page.file)]) {
      expect(remoteReferences(readFileSync(file, "utf8")), file).toEqual([]);
    }
  });

  test("index lists every provider with its operations, facts and links", async () => {
    requireSetup();
    const { page, problems, close } = await openPage("index.html");
    try {
      await expect.poll(() => page.title()).toBe("verifetch API reference");
      const matrix = page.locator("#features table");
      expect(await matrix.isVisible()).toBe(true);
      for (const { name, facts } of site.pages) {
        expect(await page.locator(`[data-provider="${name}"]`).isVisible(), `${name} card`).toBe(true);
        expect(await matrix.locator("thead th", { hasText: facts.title }).count(), `${name} matrix column`).toBe(1);
        const section = page.locator(`[data-provider-section="${name}"]`);
        for (const operation of facts.operations) {
          const link = section.locator(`[data-operation-link="${operation.operationId}"]`);
          expect(await link.isVisible(), `${name} ${operation.operationId}`).toBe(true);
          expect((await link.textContent())?.trim()).toBe(operation.summary);
          expect(await link.getAttribute("href")).toBe(`${name}.html${operationFragment(operation)}`);
          const row = section.locator(`tr[data-operation="${operation.operationId}"]`);
          expect(await row.textContent()).toContain(operation.path);
        }
        // The README and spec links point at files that exist in the repository.
        for (const label of ["README", "Spec"]) {
          const href = await section.locator(".links a", { hasText: new RegExp(`^${label}$`) }).getAttribute("href");
          expect(href, `${name} ${label} link`).toBeTruthy();
          expect(existsSync(resolve(site.outDir, decodeURIComponent(href ?? ""))), `${name} ${label}: ${href}`).toBe(
            true,
          );
        }
      }
      await screenshot(page, "index.png");
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], remoteRequests: [] });
    } finally {
      await close();
    }
  });

  test.each(SPEC_NAMES)("%s reference page renders every operation offline", async (name) => {
    requireSetup();
    const built = site.pages.find((page) => page.name === name);
    if (!built) throw new Error(`no page was built for ${name}`);
    const { page, problems, close } = await openPage(`${name}.html`);
    try {
      await page.locator("h1", { hasText: built.facts.title }).first().waitFor({ state: "visible", timeout: 10_000 });
      for (const operation of built.facts.operations) {
        await showOperation(page, operation);
        expect(await page.locator("main").textContent(), `${name} ${operation.operationId}`).toContain(operation.path);
      }
      if (name === "complycube") {
        await showOperation(page, built.facts.session.create);
        await screenshot(page, `${name}.png`);
      }
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], remoteRequests: [] });
    } finally {
      await close();
    }
  });
});

/** Follows the route the index links to; Redoc then shows the operation under its summary. */
async function showOperation(page: Page, operation: OperationFacts): Promise<void> {
  await page.evaluate((fragment) => {
    window.location.hash = fragment;
  }, operationFragment(operation));
  const heading = page
    .locator("main h1, main h2")
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(operation.summary)}\\s*$`) });
  await heading.first().waitFor({ state: "visible", timeout: 5_000 });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `root` read-only on 127.0.0.1 (a free port); starts within 5 s or fails. */
async function serveStatic(root: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    const inside = file.startsWith(root + sep);
    if (request.method !== "GET" || !inside || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error("the static server did not start within 5 s")), 5_000);
    server.once("error", (error) => {
      clearTimeout(timer);
      fail(error);
    });
    server.listen(0, "127.0.0.1", () => {
      clearTimeout(timer);
      ready();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}
