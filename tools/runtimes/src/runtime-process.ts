// Child processes of the runtime tier: each in its own process group (so a runtime's own children go
// too), every wait bounded, and every group killed when stopped, on a timeout, or when the test process
// exits whatever happened.
import { type ChildProcess, spawn } from "node:child_process";

const OUTPUT_CHARS_KEPT = 20_000;
const STOP_GRACE_MS = 5_000;

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Stops a child's whole process group: SIGTERM, then SIGKILL after a grace period. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (hasExited(child) || child.pid === undefined) {
    running.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(child, "SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      running.delete(child);
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}

/** Collects a stream's text, keeping its last OUTPUT_CHARS_KEPT characters. */
function collect(stream: NodeJS.ReadableStream | null | undefined): () => string {
  let text = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => {
    text = (text + chunk).slice(-OUTPUT_CHARS_KEPT);
  });
  return () => text;
}

/** Where and how a runtime process runs. */
export interface SpawnOptions {
  cwd: string;
  /** The whole environment of the child (nothing is inherited). */
  env: Record<string, string>;
  timeoutMs: number;
}

/** The end of a process run to completion. */
export interface CompletedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command to its end; its process group is killed if it is still running after `timeoutMs`. */
export function runToEnd(command: string, args: readonly string[], options: SpawnOptions): Promise<CompletedRun> {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signalGroup(child, "SIGKILL");
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(new Error(`could not start ${command}: ${error.message}`, { cause: error }));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      // The group may still hold children of the runtime.
      signalGroup(child, "SIGKILL");
      running.delete(child);
      resolve({ code, signal, stdout: stdout(), stderr: stderr(), timedOut });
    });
  });
}

/** A server process that reported the port it listens on. */
export interface ListeningProcess {
  port: number;
  /** stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server that reports its port as a JSON line `{"event":"listen","port":…}` on file
 * descriptor 3 (workerd's `--control-fd=3`), and waits at most `timeoutMs` for it.
 */
export function startListening(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<ListeningProcess> {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  running.add(child);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  const output = () => [stdout(), stderr()].filter(Boolean).join("\n");
  const control = collect(child.stdio[3] as NodeJS.ReadableStream | null);
  const stop = () => stopGroup(child);

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      clearInterval(poll);
      void stop().then(() => reject(new Error(`${command} did not start: ${reason}\n${output()}`)));
    };
    const timer = setTimeout(() => fail(`no listening port within ${options.timeoutMs} ms`), options.timeoutMs);
    const poll = setInterval(() => {
      const match = /"event":"listen"[^\n]*"port":(\d+)/.exec(control());
      if (!match) return;
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ port: Number(match[1]), output, stop });
    }, 20);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
  });
}
