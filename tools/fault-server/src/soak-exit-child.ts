// Run by soak.test.ts in its own process against the fault server it names: calls with retries, a
// stalled body ended by the attempt timeout, one ended by the deadline (under the default 30 s attempt
// timer), one ended by an abort, and a hang ended by the deadline. Prints "done <ms> <outcomes>" and
// then simply returns: the process must exit at once, with nothing left armed.
import { getEventListeners } from "node:events";
import { createVerifa } from "@verifetch/verifa";

const baseUrl = process.argv[2] as string;
const verifa = createVerifa({ apiKey: "vk_sandbox_exit", baseUrl });
const shutdown = new AbortController();
const outcomes: Record<string, number> = { ok: 0, TimeoutError: 0, AbortError: 0 };
const record = async (call: Promise<unknown>) => {
  try {
    await call;
    outcomes.ok = (outcomes.ok ?? 0) + 1;
  } catch (error) {
    const name = (error as Error).name;
    outcomes[name] = (outcomes[name] ?? 0) + 1;
  }
};

const aborting = new AbortController();
setTimeout(() => aborting.abort(), 100);
await Promise.all([
  ...Array.from({ length: 200 }, (_, i) => record(verifa.getSession(`e${i}`, { signal: shutdown.signal }))),
  record(verifa.getSession("stall-timeout", { timeoutMs: 100, maxRetries: 0 })),
  record(verifa.getSession("stall-deadline", { deadlineMs: 150, maxRetries: 0 })),
  record(verifa.getSession("stall-abort", { signal: aborting.signal, maxRetries: 0 })),
  record(verifa.getSession("hang", { deadlineMs: 150, maxRetries: 0, signal: shutdown.signal })),
]);
outcomes.listeners = getEventListeners(shutdown.signal, "abort").length;
console.log(`done ${Date.now()} ${JSON.stringify(outcomes)}`);
