// `node bench/src/hey-api-codegen.ts [--out <dir>] [--extension .ts|.js]`: regenerates the committed
// hey-api contender (bench/src/generated/hey-api/), or writes a copy elsewhere (the bench times that).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateHeyApiClient, HEY_API_OUTPUT } from "./hey-api-generate.ts";

const { values } = parseArgs({
  options: { out: { type: "string" }, extension: { type: "string", default: ".ts" } },
});
if (values.extension !== ".ts" && values.extension !== ".js") {
  console.error(`hey-api-codegen: --extension must be .ts or .js, not ${values.extension}`);
  process.exit(1);
}
const outputDir = values.out === undefined ? HEY_API_OUTPUT : resolve(values.out);
await generateHeyApiClient(outputDir, values.extension);
if (values.out === undefined) console.log(`hey-api-codegen: wrote ${outputDir}`);
