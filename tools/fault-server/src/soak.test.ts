// Soak: thousands of calls with retries, with the real clock and timers, against one long-lived
// AbortSignal (as a server passes its shutdown signal to every call) and without any signal. Nothing
// may accumulate: abort listeners, timers, sockets — and a process that made such calls, timed-out
// stalled bodies included, exits as soon as its work is done.
import { spawn } from "node:child_process";
import { getEventListeners } from "node:events";
import { fileURLToPath } from "node:url";
import { AbortError, TimeoutError } from "@verifetch/core";
import { createVerifa } from "@verifetch/verifa";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FaultServer, startFaultServer } from "./fault-server.ts";

const sessionJson = JSON.stringify({
  id: "session_1",
  status: "pending",
  capture_url: "https://app.withverifa.com/verify/tok_1",
  is_sandbox: true,
  created_at: "2026-02-01T12:00:00Z",
  expires_at: "2026-02-01T12:20:00Z",
  external_ref: null,
  qr_code_data_url: null,
  tags: [],
});
// A 1 ms wait the provider asks for: real sleeps, without slowing the soak down.
const unavailable = { status: 503, headers: { "retry-after-ms": "1" }, body: "{}" };

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.stop());

const count = (kind: string) => process.getActiveResourcesInfo().filter((resource) => resource === kind).length;

/** Runs `tasks` with at most `width` in flight. */
async function pool(tasks: (() => Promise<unknown>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await (tasks[next++] as () => Promise<unknown>)();
    }),
  );
}

describe("soak: nothing accumulates", () => {
  it("3000 calls with retries on one long-lived signal leave no listener, timer or socket behind", async () => {
    const timersBefore = count("Timeout");
    const socketsBefore = count("TCPSocketWrap");
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const shutdown = new AbortController();
    const verifa = createVerifa({ apiKey: "vk_sandbox_soak", baseUrl: server.baseUrl, maxRetries: 2 });
    const tasks: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < 2000; i++) {
      // GETs: 503 (retried after the 1 ms asked for), then 200; half with the shared signal, half without.
      server.script(`/api/v1/sessions/s${i}`, unavailable, { status: 200, body: sessionJson });
      const options = i % 2 === 0 ? { signal: shutdown.signal } : {};
      tasks.push(() => verifa.getSession(`s${i}`, options));
    }
    for (let i = 0; i < 1000; i++) {
      // Creates, retried with their idempotency key; a create's listener must go too.
      tasks.push(() => verifa.createSession({ external_ref: `u${i}` }, { signal: shutdown.signal }));
    }
    // Each create's first attempt is refused; its retry (same Idempotency-Key) succeeds.
    server.answer("/api/v1/sessions", (request, earlier) =>
      earlier.some((seen) => seen.headers["idempotency-key"] === request.headers["idempotency-key"])
        ? { status: 201, body: sessionJson }
        : unavailable,
    );
    await pool(tasks, 50);
    expect(server.seen("/api/v1/sessions")).toHaveLength(2000);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
    expect(count("Timeout")).toBeLessThanOrEqual(timersBefore);
    process.off("warning", onWarning);
    expect(warnings.map(String)).toEqual([]);
    // Pooled keep-alive connections are fine while the server lives; once it closes them, none is left.
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count("TCPSocketWrap")).toBeLessThanOrEqual(socketsBefore);
    server = await startFaultServer();
  }, 60_000);

  it("stalled bodies ended by timeout, deadline and abort leave nothing armed either", async () => {
    const timersBefore = count("Timeout");
    const shutdown = new AbortController();
    const verifa = createVerifa({ apiKey: "vk_sandbox_soak", baseUrl: server.baseUrl, maxRetries: 0 });
    const stalled = { stall: "after-headers", status: 200, body: "{" } as const;
    for (let i = 0; i < 30; i++) server.script(`/api/v1/sessions/t${i}`, stalled);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => {
        const local = new AbortController();
        if (i % 3 === 2) setTimeout(() => local.abort(), 50);
        const signal = i % 3 === 2 ? AbortSignal.any([shutdown.signal, local.signal]) : shutdown.signal;
        // The default 30 s attempt timer must not outlive a call ended by its deadline.
        const options = i % 3 === 0 ? { timeoutMs: 100, signal } : { deadlineMs: 100, signal };
        return verifa.getSession(`t${i}`, options);
      }),
    );
    const errors = results.map((result) => (result.status === "rejected" ? result.reason : undefined));
    expect(errors.filter((error) => error instanceof TimeoutError)).toHaveLength(20);
    expect(errors.filter((error) => error instanceof AbortError)).toHaveLength(10);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
    expect(count("Timeout")).toBeLessThanOrEqual(timersBefore);
  });
});

describe("soak: the process exits promptly", () => {
  it("a program that made calls with retries, stalled bodies, deadlines and aborts exits at once", async () => {
    // The child gets the server's paths scripted here, and reports when its work is done.
    for (let i = 0; i < 200; i++)
      server.script(`/api/v1/sessions/e${i}`, unavailable, { status: 200, body: sessionJson });
    server.script("/api/v1/sessions/stall-timeout", { stall: "after-headers", status: 200, body: "{" });
    server.script("/api/v1/sessions/stall-deadline", { stall: "after-headers", status: 200, body: "{" });
    server.script("/api/v1/sessions/stall-abort", { stall: "after-headers", status: 200, body: "{" });
    server.script("/api/v1/sessions/hang", { hang: true });
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL("./soak-exit-child.ts", import.meta.url)), server.baseUrl],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    const exited = await new Promise<number>((resolve) => child.on("exit", () => resolve(Date.now())));
    const report = /^done (\d+) (.*)$/m.exec(output);
    expect(report, output).not.toBeNull();
    const [, doneAt, outcomes] = report as RegExpExecArray;
    expect(JSON.parse(outcomes as string)).toEqual({
      ok: 200,
      TimeoutError: 3,
      AbortError: 1,
      listeners: 0,
    });
    // Nothing the calls started (a 30 s attempt timer, a socket of an abandoned body) holds it open.
    expect(exited - Number(doneAt)).toBeLessThan(1500);
  }, 30_000);
});
