import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "./mock-port.ts";

/** A running Prism mock server. */
export interface MockServer {
  /** Base URL to hand to a client as `baseUrl`, e.g. `http://127.0.0.1:43121`. */
  readonly baseUrl: string;
  readonly port: number;
  /** The spec the mock serves. */
  readonly specPath: string;
  /** Stops the server; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options for {@link startMock}. */
export interface StartMockOptions {
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** How long to wait for Prism to answer before giving up (default 30 000 ms). */
  readyTimeoutMs?: number;
  /**
   * Make responses that break the spec (including examples that do not match their own schema)
   * fail with 500 instead of passing with a warning header. Default true.
   */
  errors?: boolean;
  /** Generate responses from the schemas instead of the spec's examples. Default false. */
  dynamic?: boolean;
}

let prismBin: string | undefined;

/** Prism's entry script, found when the first mock starts: importing this package reads no file. */
function findPrismBin(): string {
  if (prismBin) return prismBin;
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error("@stoplight/prism-cli has no `prism` bin entry");
  prismBin = join(dirname(manifestPath), bin);
  return prismBin;
}

const ADDRESS_IN_USE = /EADDRINUSE|address already in use/i;
const OUTPUT_LINES_KEPT = 40;

const PROVIDER_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Where a spec lives: a provider name (`"complycube"`) means the `openapi.yaml` shipped in the
 * installed `@verifetch/<name>` package, resolved from the current working directory; anything else
 * is a path or `file:` URL.
 */
export function resolveSpec(spec: string | URL): string {
  if (spec instanceof URL) return fileURLToPath(spec);
  if (!PROVIDER_NAME.test(spec)) return resolve(spec);
  const require = createRequire(join(process.cwd(), "package.json"));
  try {
    return require.resolve(`@verifetch/${spec}/openapi.yaml`);
  } catch (error) {
    throw new Error(
      `cannot find the spec of "${spec}": install @verifetch/${spec}, or pass a path to an OpenAPI file`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Starts a Prism mock server for an OpenAPI spec on 127.0.0.1 and waits (bounded) until it answers.
 * `spec` is a provider name (`"complycube"`), a path or a `file:` URL. Always call `stop()` (e.g. in
 * `afterAll` or a vitest `globalSetup` teardown).
 */
export async function startMock(spec: string | URL, options: StartMockOptions = {}): Promise<MockServer> {
  const specPath = resolveSpec(spec);
  // A port picked free can be taken before Prism binds it; pick another in that case.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launch(specPath, port, options);
    } catch (error) {
      const retryable = options.port === undefined && attempt < 3 && ADDRESS_IN_USE.test(String(error));
      if (!retryable) throw error;
    }
  }
}

async function launch(specPath: string, port: number, options: StartMockOptions): Promise<MockServer> {
  const args = [
    findPrismBin(),
    "mock",
    specPath,
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "-v",
    "warn",
    "--multiprocess",
    "false",
  ];
  if (options.errors ?? true) args.push("--errors");
  if (options.dynamic) args.push("--dynamic");
  // The same Node that runs the caller runs Prism, so it works wherever the tests do.
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= terminate(child).finally(() => process.off("exit", killOnExit));
    return stopping;
  };

  try {
    await waitUntilReady(child, baseUrl, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Prism did not start for ${specPath}: ${reason}\n${output.join("\n")}`, { cause: error });
  }
  return { baseUrl, port, specPath, stop };
}

async function waitUntilReady(child: ChildProcess, baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    exited = `the process exited (${signal ?? `code ${code}`})`;
  });
  child.once("error", (error) => {
    exited = `the process failed to start (${error.message})`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    try {
      // Any HTTP answer (even 404 for an unknown path) means Prism is listening.
      const response = await fetch(baseUrl, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
