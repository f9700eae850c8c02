import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./cli-errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `parseArgs` in strict mode with positionals, turning its errors (unknown flag, missing value)
 * into a UsageError that points at the command's help.
 */
export function parseCommandArgs<const O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's own text ends with a hint about `--` that does not apply here; keep its first sentence.
    const first = message.split(/\.\s/, 1)[0]?.replace(/\.$/, "") ?? message;
    throw new UsageError(`${first} (see verifetch ${command} --help)`);
  }
}
