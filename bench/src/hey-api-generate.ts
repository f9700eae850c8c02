// Generates the @hey-api/openapi-ts contender from OUR ComplyCube spec, with its fetch client.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createClient } from "@hey-api/openapi-ts";
import { build } from "esbuild";
import { REPO_ROOT } from "./bench-paths.ts";

/** The spec the hey-api client is generated from (the same one @verifetch/complycube is generated from). */
export const HEY_API_INPUT = resolve(REPO_ROOT, "specs/complycube.yaml");
/** Where the committed hey-api client lives. */
export const HEY_API_OUTPUT = resolve(import.meta.dirname, "generated/hey-api");

/**
 * Writes the hey-api client for specs/complycube.yaml into `outputDir` (replacing its contents).
 * `extension` is what relative imports end with: `.ts` for the committed copy Node runs directly,
 * `.js` for a copy compiled to JavaScript.
 */
export async function generateHeyApiClient(outputDir: string, extension: ".ts" | ".js" = ".ts"): Promise<void> {
  await createClient({
    input: HEY_API_INPUT,
    output: { path: outputDir, module: { extension } },
    plugins: ["@hey-api/typescript", "@hey-api/sdk", "@hey-api/client-fetch"],
    logs: { level: "silent" },
  });
}

/**
 * Compiles the generated client in `sourceDir` to unbundled JavaScript in `outputDir`, one `.js` per
 * `.ts` with relative imports pointing at the `.js` files — what a user's own tsc build would emit.
 * Cold-import timing uses this copy so it measures the client, not Node's TypeScript stripping.
 */
export async function compileToJavaScript(sourceDir: string, outputDir: string): Promise<void> {
  const entryPoints = readdirSync(sourceDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(sourceDir, file));
  await build({
    entryPoints,
    outdir: outputDir,
    outbase: sourceDir,
    // Bundling with every relative import external compiles each file on its own while letting the
    // plugin rewrite `./x.ts` to `./x.js`, which esbuild's plain transform cannot do.
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
    plugins: [
      {
        name: "relative-ts-to-js",
        setup(plugin) {
          plugin.onResolve({ filter: /^\.\.?\// }, (args) => ({
            path: args.path.replace(/\.ts$/, ".js"),
            external: true,
          }));
        },
      },
    ],
  });
}
