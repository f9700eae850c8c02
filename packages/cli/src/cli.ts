// The `verifetch` bin (built to dist/cli.mjs with a `#!/usr/bin/env node` banner).
import { errorLine } from "./cli-errors.ts";
import { main } from "./cli-main.ts";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // The reader went away (`verifetch … | head -1`): stop quietly, as Unix tools do. Output is
  // written only after the session exists and its mock has been stopped, so nothing is left running.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(`${errorLine(error)}\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2));
