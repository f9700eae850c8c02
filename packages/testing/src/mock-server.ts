import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Outcome } from "@verifetch/core";
import { openMockFront } from "./mock-front.ts";
import { findFreePort } from "./mock-port.ts";
import { checkScenario, loadScenarioCatalog, type ScenarioCatalog } from "./mock-scenarios.ts";
import { PROVIDER_NAME, type ResolveSpecOptions, resolveSpec } from "./mock-spec-resolve.ts";
import type { MockViolation } from "./mock-violations.ts";

/** A running Prism mock server. */
export interface MockServer {
  /** Base URL to hand to a client as `baseUrl`, e.g. `http://127.0.0.1:43121`. */
  readonly baseUrl: string;
  readonly port: number;
  /** The spec the mock serves. */
  readonly specPath: string;
  /**
   * Every way the requests so far broke the spec (and, with `errors: false`, the responses), in
   * order, since the start or the last {@link MockServer.clearViolations}. Empty when every request
   * was valid: `expect(mock.violations()).toEqual([])` after a test proves your code speaks the spec.
   */
  violations(): MockViolation[];
  /** Forgets the violations recorded so far (e.g. in `afterEach`). */
  clearViolations(): void;
  /**
   * Plays an outcome: from now on, every request whose operation has an example named `outcome`
   * (in the response Prism serves by default) is answered with that example — e.g. after
   * `mock.scenario("declined")` the provider's session read returns its `declined` example.
   * Operations without such an example keep their default answer, and a request that sends its
   * own `Prefer` header gets what it asks for. `null` goes back to the defaults.
   * `clearViolations()` leaves the scenario as it is.
   *
   * @throws InputValidationError (field `outcome`) when no operation of the spec has an example of
   * that name, or it is no {@link Outcome}: the message names the spec and the outcomes it offers.
   */
  scenario(outcome: Outcome | null): void;
  /** The outcomes {@link MockServer.scenario} can play for this spec, in `OUTCOMES` order. */
  scenarios(): Outcome[];
  /** Stops the server; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options for {@link startMock}. */
export interface StartMockOptions extends ResolveSpecOptions {
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

/** Prism's entry script, found on first use (nothing runs when the module is imported). */
function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error("@stoplight/prism-cli has no `prism` bin entry");
  return join(dirname(manifestPath), bin);
}

const ADDRESS_IN_USE = /EADDRINUSE|address already in use/i;
const OUTPUT_LINES_KEPT = 40;

/**
 * Starts a Prism mock server for an OpenAPI spec on 127.0.0.1 and waits (bounded) until it answers.
 * `spec` is a provider name (`"complycube"`: the spec its installed package ships), a path or a
 * `file:` URL. A request that breaks the spec is answered with the spec's error status and a body
 * naming each violation, and recorded in `violations()`. Always call `stop()` (e.g. in `afterAll`
 * or a vitest `globalSetup` teardown).
 */
export async function startMock(spec: string | URL, options: StartMockOptions = {}): Promise<MockServer> {
  const specPath = resolveSpec(spec, options);
  const front = await openMockFront(options.port);
  // Read while Prism starts; a spec Prism cannot read fails its start with Prism's own words.
  const reading = loadScenarioCatalog(specPath).then(
    (catalog) => ({ catalog }),
    (error: unknown) => ({ error }),
  );
  let prism: Prism | undefined;
  try {
    // A port picked free can be taken before Prism binds it; pick another in that case.
    for (let attempt = 1; !prism; attempt++) {
      try {
        prism = await launch(specPath, await findFreePort(), options);
      } catch (error) {
        if (attempt >= 3 || !ADDRESS_IN_USE.test(String(error))) throw error;
      }
    }
  } catch (error) {
    await front.close();
    throw error;
  }
  front.forwardTo(prism.port);
  const running = prism;
  const read = await reading;
  const specName = typeof spec === "string" && PROVIDER_NAME.test(spec) ? `"${spec}" (${specPath})` : specPath;
  const catalog = (): ScenarioCatalog => {
    if ("catalog" in read) return read.catalog;
    throw new Error(`verifetch mock: could not read the examples of ${specName}`, { cause: read.error });
  };
  let stopping: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${front.port}`,
    port: front.port,
    specPath,
    violations: () => [...front.violations],
    clearViolations: () => {
      front.violations.length = 0;
    },
    scenario: (outcome) => {
      if (outcome === null) {
        front.preferExample = undefined;
        return;
      }
      const playing = catalog();
      const checked = checkScenario(outcome, playing, specName);
      front.preferExample = (method, path) => playing.exampleFor(method, path, checked);
    },
    scenarios: () => [...catalog().offered],
    stop: () => {
      stopping ??= front.close().then(running.stop);
      return stopping;
    },
  };
}

/** A running Prism process. */
interface Prism {
  port: number;
  stop(): Promise<void>;
}

async function launch(specPath: string, port: number, options: StartMockOptions): Promise<Prism> {
  const args = [
    prismBin(),
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
  return { port, stop };
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
