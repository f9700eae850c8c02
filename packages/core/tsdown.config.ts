import { libraryConfig } from "../../tools/tsdown/library-config.ts";

// Three entries: the user-facing root, the provider author kit and the facade's session contract.
export default libraryConfig(import.meta.dirname, { entry: ["src/index.ts", "src/provider.ts", "src/session.ts"] });
