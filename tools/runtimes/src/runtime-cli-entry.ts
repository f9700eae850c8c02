// Entry for Deno and Bun: `<runtime> runtime-cli-entry.ts '<mock urls as JSON>'` prints the outcome of
// every call as one JSON line. The trap is imported first so that it is in place while the packages
// are evaluated (see module-scope-trap.ts); a bare import keeps the import sorter from moving it.
import "./module-scope-trap.ts";

import { liftModuleScopeTrap } from "./module-scope-trap.ts";
import { loadEveryProvider, type RuntimeMockUrls, runRuntimeCalls } from "./runtime-calls.ts";

// The provider packages load on demand: evaluate them all while the trap is still in place.
await loadEveryProvider();
liftModuleScopeTrap();

const runtime = globalThis as { Deno?: { args: string[] }; process?: { argv: string[] } };
const args = runtime.Deno?.args ?? runtime.process?.argv.slice(2) ?? [];
const mocks = JSON.parse(args[0] ?? "{}") as RuntimeMockUrls;
console.log(JSON.stringify(await runRuntimeCalls(mocks)));
