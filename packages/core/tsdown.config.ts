import { libraryConfig } from "../../tools/tsdown/library-config.ts";

// Two entries: the web-only runtime, and `@verifetch/core/node` (node-fetch), the only code allowed to
// import node: modules — left external, as Node provides them.
export default libraryConfig(import.meta.dirname, {
  entry: ["src/index.ts", "src/node.ts"],
  deps: { neverBundle: [/^node:/] },
});
