// The committed hey-api client must be what the generator makes from today's spec, as
// `codegen --check` does for our own packages; otherwise the bench would compare against a stale client.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateHeyApiClient, HEY_API_OUTPUT } from "./hey-api-generate.ts";

const fresh = mkdtempSync(join(tmpdir(), "verifetch-bench-hey-api-check-"));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .sort();
}

describe("bench/src/generated/hey-api", () => {
  it("is up to date with specs/complycube.yaml (regenerate: node bench/src/hey-api-codegen.ts)", async () => {
    await generateHeyApiClient(fresh);
    expect(files(HEY_API_OUTPUT)).toEqual(files(fresh));
    for (const file of files(fresh)) {
      expect(readFileSync(join(HEY_API_OUTPUT, file), "utf8"), file).toBe(readFileSync(join(fresh, file), "utf8"));
    }
  });
});
