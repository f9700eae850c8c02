// Runs `pnpm demo`'s program as a user would (a child process, embedded mocks, no keys) so the
// README's first command stays true, for every provider of the registry.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { OUTCOMES } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { mockClientOptions, providerEnvVars } from "../../../packages/cli/src/cli-provider-registry.ts";
import { PROVIDERS } from "../../../packages/cli/src/generated/providers.ts";

const run = promisify(execFile);
const demo = fileURLToPath(new URL("./demo.ts", import.meta.url));
const providers = await Promise.all(PROVIDERS.map(async (entry) => ({ entry, module: await entry.load() })));

describe("pnpm demo", () => {
  it("creates a session with every provider through the facade, then a fallback, a webhook check and each provider's lifecycle", async () => {
    const env = { ...process.env };
    for (const { entry, module } of providers) {
      for (const variable of providerEnvVars(entry, module.descriptor)) delete env[variable.name];
    }
    delete env.VERIFETCH_DEMO_OPTIONS;
    const { stdout } = await run(process.execPath, [demo], { env, timeout: 60_000 });
    for (const { entry, module } of providers) {
      expect(stdout).toMatch(new RegExp(`^${entry.name}\\s+mock\\s+https://\\S+$`, "m"));
      const create = module.descriptor.operations.find(
        (operation) => operation.operationId === module.descriptor.session.create,
      );
      expect(stdout).toContain(`sent ${create?.method} ${create?.path}`);
    }
    const [first, second] = providers;
    if (first && second) {
      expect(stdout).toMatch(
        new RegExp(`^fallback\\s+${first.entry.name} answered 429 → ${second.entry.name}\\s+https://\\S+$`, "m"),
      );
    }
    const signed = providers.find(({ module }) => module.descriptor.adapter.webhook.scheme !== "none");
    if (signed) {
      expect(stdout).toMatch(
        new RegExp(`^webhook\\s+${signed.entry.name} \\(\\S+\\): a signed delivery verifies: \\{`, "m"),
      );
      expect(stdout).toContain("the same delivery with its body changed: WebhookVerificationError");
    }
    // The lifecycle table: every provider, its webhook verified (where signed) and its redelivery
    // dropped, and the outcome re-fetched from its mock equal to the one the webhook carried.
    const table = stdout.slice(stdout.indexOf("lifecycle (mocks)"));
    for (const { entry, module } of providers) {
      const row = table.split("\n").find((line) => line.startsWith(`${entry.name} `));
      expect(row, `lifecycle row of ${entry.name}`).toBeDefined();
      const [, sent, ...rest] = (row as string).split(/ {2,}/);
      expect(OUTCOMES).toContain(sent);
      if (module.descriptor.adapter.webhook.scheme === "none") {
        expect(rest).toEqual(["unsigned: cannot be verified", "-", sent, sent]);
      } else {
        expect(rest).toEqual([`${sent} (first)`, "ignored (duplicate)", sent, sent]);
      }
    }
    // The mocks' dummy keys are never printed.
    for (const { module } of providers) {
      const { baseUrl: _, ...keys } = mockClientOptions(module.descriptor, "http://127.0.0.1", "demo");
      for (const key of Object.values(keys)) expect(stdout).not.toContain(key);
    }
  }, 60_000);
});
