// A throwaway Verdaccio on 127.0.0.1 for the release end-to-end test: storage, htpasswd and config
// live in a directory the caller owns and deletes; the server is always stopped with `stop()`.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { findFreePort } from "../../../packages/testing/src/index.ts";

/** A running local registry. */
export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:41234/` (with the trailing slash npm and pnpm expect). */
  readonly url: string;
  /** Creates a user and returns its token (no prompts). */
  createToken(user: string, password: string): Promise<string>;
  /** Writes an npmrc file holding only this registry's token; pnpm 12 reads auth from npmrc files only. */
  writeAuthFile(path: string, token: string): void;
  /** Stops the server; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalRegistryOptions {
  /** Directory for config, storage and htpasswd (created; the caller deletes it). */
  dir: string;
  /** Registry that third-party packages are proxied from (our packages never are). */
  upstream: string;
  /** Bounded wait for the server to answer (default 30 s). */
  readyTimeoutMs?: number;
}

const TEMPLATE = resolve(import.meta.dirname, "../verdaccio.template.yaml");
const ADDRESS_IN_USE = /EADDRINUSE|address already in use/i;

const VERDACCIO_BIN = (() => {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("verdaccio/package.json");
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.verdaccio;
  if (!bin) throw new Error("verdaccio has no bin entry");
  return join(dirname(manifestPath), bin);
})();

/** Fills the config template (exported for tests). */
export function verdaccioConfig(values: { storage: string; htpasswd: string; upstream: string; port: number }): string {
  return readFileSync(TEMPLATE, "utf8").replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key as keyof typeof values];
    if (value === undefined) throw new Error(`verdaccio.template.yaml: no value for {{${key}}}`);
    return String(value);
  });
}

/** Starts Verdaccio on a free 127.0.0.1 port and waits (bounded) until it answers. */
export async function startLocalRegistry(options: LocalRegistryOptions): Promise<LocalRegistry> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    try {
      return await launch(options, port);
    } catch (error) {
      if (attempt >= 3 || !ADDRESS_IN_USE.test(String(error))) throw error;
    }
  }
}

async function launch(options: LocalRegistryOptions, port: number): Promise<LocalRegistry> {
  mkdirSync(join(options.dir, "storage"), { recursive: true });
  const configPath = join(options.dir, "config.yaml");
  writeFileSync(
    configPath,
    verdaccioConfig({
      storage: join(options.dir, "storage"),
      htpasswd: join(options.dir, "htpasswd"),
      upstream: options.upstream,
      port,
    }),
  );
  // The server itself is the child (not a shell or a shim), so killing it leaves nothing behind.
  const child = spawn(process.execPath, [VERDACCIO_BIN, "--config", configPath], {
    cwd: options.dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= terminate(child).finally(() => process.off("exit", killOnExit));
    return stopping;
  };

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilReady(child, `${url}-/ping`, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Verdaccio did not start on ${url}: ${reason}\n${output.join("\n")}`, { cause: error });
  }

  return {
    url,
    stop,
    async createToken(user, password) {
      const response = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(user)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: user, password }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await response.json()) as { token?: string; error?: string };
      if (!response.ok || !body.token) {
        throw new Error(`could not create the registry user ${user}: ${response.status} ${body.error ?? ""}`);
      }
      return body.token;
    },
    writeAuthFile(path, token) {
      writeFileSync(path, `//127.0.0.1:${port}/:_authToken=${token}\n`, { mode: 0o600 });
    },
  };
}

async function waitUntilReady(child: ChildProcess, pingUrl: string, timeoutMs: number): Promise<void> {
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
      const response = await fetch(pingUrl, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
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
