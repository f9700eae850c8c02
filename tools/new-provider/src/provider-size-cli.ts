// `pnpm check:provider-size`: fails when a provider package holds more than 150 hand-written lines
// (non-test, non-generated `.ts` under src/), naming the package, its count and its files.
import { resolve } from "node:path";
import { checkProviderSizes, PROVIDER_LINE_LIMIT } from "./provider-size.ts";

const rootDir = resolve(import.meta.dirname, "../../..");
const { sizes, over, report } = checkProviderSizes(rootDir);
for (const line of report)
  (over.some((size) => line.startsWith(`packages/${size.name}:`)) ? console.error : console.log)(line);
if (over.length > 0) {
  console.error(
    `check:provider-size: ${over.map((size) => `packages/${size.name} (${size.lines})`).join(", ")} over ${PROVIDER_LINE_LIMIT} hand-written lines: move what the spec can say into specs/<name>.yaml (x-verifetch-* facts) and let codegen write it.`,
  );
  process.exit(1);
}
console.log(
  `check:provider-size: ${sizes.length} provider package(s) within ${PROVIDER_LINE_LIMIT} hand-written lines`,
);
