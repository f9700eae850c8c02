// Which Chromium the docs-site test drives. `pnpm install` alone must be enough on a machine with
// only Node and npm, so the default is the Chromium shipped inside the `@sparticuz/chromium` npm
// package (Linux x64; unpacked into the temp folder on first use). VERIFETCH_CHROMIUM, or a
// Chromium/Chrome already installed where that package has no binary, are the alternatives.
import { existsSync } from "node:fs";

/** A browser binary and the flags it needs. */
export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Where it came from, for failure messages. */
  source: string;
}

// What every launch gets: headless, no sandbox (CI runs as root), and nothing that reaches out on
// its own — this machine's network is closed and the test asserts that no page makes a request.
const BASE_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// @sparticuz/chromium's flags for serverless use that the test does not want: relaxed security (the
// test wants a normal browser), `--single-process` (closing one browser context would end the whole
// browser, and the test opens one context per page) and its own headless mode (playwright sets one).
const UNWANTED_PACKAGE_ARGS = new Set([
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--single-process",
  "--headless='shell'",
]);

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Finds a Chromium to launch: `VERIFETCH_CHROMIUM` if set, else the one inside `@sparticuz/chromium`
 * (Linux x64), else a system Chromium or Chrome. Throws, naming every place it looked, if none exists.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  const configured = env.VERIFETCH_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`VERIFETCH_CHROMIUM is ${configured}, which does not exist`);
    return { executablePath: configured, args: BASE_ARGS, source: "VERIFETCH_CHROMIUM" };
  }
  let packageProblem = "";
  if (process.platform === "linux" && process.arch === "x64") {
    try {
      const { default: chromium } = await import("@sparticuz/chromium");
      const executablePath = await chromium.executablePath();
      const packageArgs = chromium.args.filter((arg) => !UNWANTED_PACKAGE_ARGS.has(arg));
      return {
        executablePath,
        args: [...new Set([...BASE_ARGS, ...packageArgs])],
        source: "@sparticuz/chromium",
      };
    } catch (error) {
      packageProblem = `@sparticuz/chromium failed (${error instanceof Error ? error.message : String(error)}); `;
    }
  } else {
    packageProblem = `@sparticuz/chromium ships no binary for ${process.platform}-${process.arch}; `;
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: BASE_ARGS, source: system };
  throw new Error(
    `No Chromium for the docs site test: ${packageProblem}none of ${SYSTEM_BROWSERS.join(", ")} exists. ` +
      "Run `pnpm install` (it brings @sparticuz/chromium on Linux x64) or set VERIFETCH_CHROMIUM to a Chromium or Chrome binary.",
  );
}
