// Entry for workerd, bundled by esbuild: every request runs the calls and answers their outcomes as
// JSON. The trap is imported first so that it is in place while the packages are evaluated (see
// module-scope-trap.ts); a bare import keeps the import sorter from moving it.
import "./module-scope-trap.ts";

import { liftModuleScopeTrap } from "./module-scope-trap.ts";
import { type RuntimeMockUrls, runRuntimeCalls } from "./runtime-calls.ts";

liftModuleScopeTrap();

export default {
  async fetch(_request: Request, env: { INPUT: RuntimeMockUrls }): Promise<Response> {
    return Response.json(await runRuntimeCalls(env.INPUT));
  },
};
