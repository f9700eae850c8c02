import { spawn } from "node:child_process";

/** Options for {@link run}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this many ms (default 5 minutes). */
  timeoutMs?: number;
  /** Resolve with the result instead of throwing when the command exits non-zero. */
  allowFailure?: boolean;
  /** Text written to the command's standard input (otherwise it gets none). */
  input?: string;
}

/** What a finished command printed. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Wall time in ms. */
  durationMs: number;
}

/** A command that exited non-zero (or timed out), with everything it printed. */
export class CommandError extends Error {
  readonly result: RunResult;
  constructor(message: string, result: RunResult) {
    super(message);
    this.name = "CommandError";
    this.result = result;
  }
}

const OUTPUT_TAIL_CHARS = 6_000;

/**
 * Runs a command without a shell and collects its output. Throws a {@link CommandError} with the
 * command line and the tail of its output when it fails, so a failing step explains itself.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 300_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start \`${commandLine(command, args)}\` in ${options.cwd}: ${error.message}`));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = { exitCode: code ?? 1, stdout, stderr, durationMs: Date.now() - started };
      if (code === 0 || (options.allowFailure && !timedOut)) {
        resolve(result);
        return;
      }
      const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${signal ?? `code ${code}`}`;
      const output = `${stdout}\n${stderr}`.trim();
      const tail = output.length > OUTPUT_TAIL_CHARS ? `…${output.slice(-OUTPUT_TAIL_CHARS)}` : output;
      reject(new CommandError(`\`${commandLine(command, args)}\` in ${options.cwd} ${why}\n${tail}`, result));
    });
  });
}

function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@./:=,+-]+$/.test(part) ? part : JSON.stringify(part))).join(" ");
}

/** Runs `tasks` with at most `limit` of them at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
