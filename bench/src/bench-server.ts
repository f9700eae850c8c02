// Starts bench-server-process.ts as a child process on a free 127.0.0.1 port and stops it again.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";

/** A running bench server. */
export interface BenchServer {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Stops the child process (SIGTERM, then SIGKILL after a bounded wait). */
  stop(): Promise<void>;
}

const SERVER_SCRIPT = resolve(import.meta.dirname, "bench-server-process.ts");

/** Starts the server process and waits (at most `startTimeoutMs`) until it listens. */
export async function startBenchServer(startTimeoutMs = 10_000): Promise<BenchServer> {
  const child = spawn(process.execPath, [SERVER_SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  try {
    const port = await waitForPort(child, startTimeoutMs, () => stderr);
    return { baseUrl: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function waitForPort(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    let buffered = "";
    const timer = setTimeout(
      () => reject(new Error(`bench server did not listen within ${timeoutMs} ms; stderr: ${stderr()}`)),
      timeoutMs,
    );
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      buffered += text;
      const line = buffered.split("\n")[0];
      if (line === undefined || !buffered.includes("\n")) return;
      clearTimeout(timer);
      const { port } = JSON.parse(line) as { port: number };
      resolvePort(port);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited (code ${code}) before listening; stderr: ${stderr()}`));
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.stdin?.end();
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
