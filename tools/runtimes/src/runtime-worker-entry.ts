// Entry for workerd, bundled by esbuild: every request runs the calls and answers their outcomes as
// JSON. The trap is imported first so that it is in place while the packages are evaluated (the provider packages, loaded on demand, before it is lifted) (see
// module-scope-trap.ts); a bare import keeps the import sorter from moving it.
import "./module-scope-trap.ts";

import { liftModuleScopeTrap } from "./module-scope-trap.ts";
import { loadEveryProvider, type RuntimeMockUrls, runRuntimeCalls } from "./runtime-calls.ts";

// The provider packages load on demand: evaluate them all while the trap is still in place.
await loadEveryProvider();
liftModuleScopeTrap();

export default {
  async fetch(_request: Request, env: { INPUT: RuntimeMockUrls }): Promise<Response> {
    return Response.json(await runRuntimeCalls(env.INPUT));
  },
};
