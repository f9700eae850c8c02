// Runs `pnpm demo`'s program as a user would (a child process, embedded mocks, no keys) so the
// README's first command stays true.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const demo = fileURLToPath(new URL("./demo.ts", import.meta.url));
const providerKeys = [
  "COMPLYCUBE_API_KEY",
  "ARGYLE_API_KEY_ID",
  "ARGYLE_API_KEY_SECRET",
  "ARGYLE_PARTNER_CLIENT_ID",
  "VERIFA_API_KEY",
  "EARTHID_API_KEY",
  "VERIFF_API_KEY",
  "VERIFF_SHARED_SECRET",
  "VERIFA_WEBHOOK_SECRET",
];

describe("pnpm demo", () => {
  it("creates a session with every provider through the facade, then a fallback and a webhook check", async () => {
    const env = { ...process.env };
    for (const key of providerKeys) delete env[key];
    const { stdout } = await run(process.execPath, [demo], { env, timeout: 60_000 });
    expect(stdout).toMatch(/^complycube\s+mock\s+https:\/\/flow\.complycube\.com\/test_\S+$/m);
    expect(stdout).toMatch(/^argyle\s+mock\s+https:\/\/connect\.argyle\.com\/\S+$/m);
    expect(stdout).toMatch(/^argyle-partners\s+mock\s+https:\/\/connect\.argyle\.com\/\S+$/m);
    expect(stdout).toMatch(/^verifa\s+mock\s+https:\/\/app\.withverifa\.com\/verify\/\S+$/m);
    expect(stdout).toMatch(/^earthid\s+mock\s+https:\/\/myearth\.id\/\S+$/m);
    expect(stdout).toMatch(/^veriff\s+mock\s+https:\/\/\S+$/m);
    expect(stdout).toContain("sent POST /v1/flow/sessions");
    expect(stdout).toMatch(/^fallback\s+verifa answered 429 → earthid\s+https:\/\/myearth\.id\/\S+$/m);
    expect(stdout).toMatch(
      /^webhook\s+verifa session\.approved: session session_abc123, reference user_123, status completed$/m,
    );
    expect(stdout).toContain("the same delivery with its body changed: WebhookVerificationError");
    for (const credential of ["test_demo", "vk_sandbox_demo", "demo-secret", "demo-earthid-key", "demo-veriff-key"]) {
      expect(stdout).not.toContain(credential);
    }
  }, 60_000);
});
