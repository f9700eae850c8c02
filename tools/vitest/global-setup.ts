// Starts one Prism mock per spec in specs/ for the whole test run and hands their URLs to tests
// through `inject("mockBaseUrls")`. Every mock is stopped in teardown, whatever happened.
// VERIFETCH_MOCK_SPECS (comma-separated spec names) limits the mocks to those specs, for a run that
// needs only some (the new-provider end-to-end test runs one package's contract tests this way).
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { type MockServer, startMock } from "../../packages/testing/src/index.ts";
import { findSpecTargets } from "../codegen/src/codegen.ts";
import type {} from "./mock-urls.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rootDir = resolve(import.meta.dirname, "../..");
  const only = process.env.VERIFETCH_MOCK_SPECS?.split(",").filter(Boolean);
  const targets = findSpecTargets(rootDir).filter((target) => !only || only.includes(target.name));
  const started = await Promise.allSettled(targets.map((target) => startMock(target.specPath)));
  const mocks = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stopAll = async () => {
    await Promise.all(mocks.map((mock: MockServer) => mock.stop()));
  };
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  project.provide(
    "mockBaseUrls",
    Object.fromEntries(targets.map((target, index) => [target.name, mocks[index]?.baseUrl ?? ""])),
  );
  return stopAll;
}
