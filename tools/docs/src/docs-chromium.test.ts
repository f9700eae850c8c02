import { describe, expect, test } from "vitest";
import { findChromium } from "./docs-chromium.ts";

describe("findChromium", () => {
  test("uses VERIFETCH_CHROMIUM when it names a file, with the shared headless flags", async () => {
    const launch = await findChromium({ VERIFETCH_CHROMIUM: process.execPath });
    expect(launch).toMatchObject({ executablePath: process.execPath, source: "VERIFETCH_CHROMIUM" });
    expect(launch.args).toContain("--disable-background-networking");
  });

  test("refuses a VERIFETCH_CHROMIUM that does not exist instead of falling back silently", async () => {
    await expect(findChromium({ VERIFETCH_CHROMIUM: "/nonexistent/chromium" })).rejects.toThrow(
      /VERIFETCH_CHROMIUM is \/nonexistent\/chromium, which does not exist/,
    );
  });

  test.runIf(process.platform === "linux" && process.arch === "x64")(
    "on Linux x64 the default is the Chromium that pnpm install brought, without serverless-only flags",
    async () => {
      const launch = await findChromium({});
      expect(launch.source).toBe("@sparticuz/chromium");
      expect(launch.args).not.toContain("--single-process");
      expect(launch.args).not.toContain("--disable-web-security");
    },
  );
});
