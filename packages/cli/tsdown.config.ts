import { libraryConfig } from "../../tools/tsdown/library-config.ts";

// A Node-only command: one entry, no declarations (nothing is imported from it), and the shebang
// that makes dist/cli.mjs runnable as the `verifetch` bin (tsdown then marks it executable).
export default libraryConfig(import.meta.dirname, {
  entry: ["src/cli.ts"],
  platform: "node",
  dts: false,
  banner: "#!/usr/bin/env node",
});
