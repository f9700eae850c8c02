import { libraryConfig } from "../../tools/tsdown/library-config.ts";

// Node-only package: it spawns Prism.
export default libraryConfig(import.meta.dirname, { platform: "node" });
