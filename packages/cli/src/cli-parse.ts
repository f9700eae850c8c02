import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./cli-errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `parseArgs` in strict mode with positionals, turning its errors (unknown flag, missing value)
 * into a UsageError that points at the command's help. A flag that takes one value and is given
 * twice is refused too (`parseArgs` would silently keep the last one).
 */
export function parseCommandArgs<const O extends Options>(command: string, args: readonly string[], options: O) {
  let parsed: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true; tokens: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's own text ends with a hint about `--` that does not apply here; keep its first sentence.
    const first = message.split(/\.\s/, 1)[0]?.replace(/\.$/, "") ?? message;
    throw new UsageError(`${first} (see verifetch ${command} --help)`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option" || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) {
      const short = options[token.name]?.short;
      const spelled = short === undefined ? `--${token.name}` : `--${token.name} (-${short})`;
      throw new UsageError(`${spelled} is given more than once (see verifetch ${command} --help)`);
    }
    seen.add(token.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
