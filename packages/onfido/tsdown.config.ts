import { libraryConfig } from "../../tools/tsdown/library-config.ts";

export default libraryConfig(import.meta.dirname);
