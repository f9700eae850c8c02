// Runs `pnpm demo`'s program as a user would (a child process, embedded mocks, no keys) so the
// README's first command stays true.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const demo = fileURLToPath(new URL("./demo.ts", import.meta.url));
const providerKeys = ["COMPLYCUBE_API_KEY"];

describe("pnpm demo", () => {
  it("creates a session with every provider against the embedded mocks", async () => {
    const env = { ...process.env };
    for (const key of providerKeys) delete env[key];
    const { stdout } = await run(process.execPath, [demo], { env, timeout: 60_000 });
    expect(stdout).toMatch(/^complycube\s+mock\s+https:\/\/flow\.complycube\.com\/test_\S+$/m);
    expect(stdout).toContain("sent POST /v1/flow/sessions");
    expect(stdout).not.toContain("test_demo");
  }, 60_000);
});
