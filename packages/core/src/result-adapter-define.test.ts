import { describe, expect, it } from "vitest";
import type { Clock } from "./clock.ts";
import { AbortError, InternalServerError, NotFoundError, RateLimitError } from "./error-classes.ts";
import { defineResultAdapter } from "./result-adapter-define.ts";
import { OutcomeTimeoutError, OutcomeUnavailableError } from "./result-errors.ts";
import type { AdapterDescriptor } from "./session-adapter-define.ts";
import type { OutcomeMapping } from "./session-outcome.ts";
import { createTransport } from "./transport-create.ts";

const descriptor: AdapterDescriptor<"acme"> = {
  provider: "acme",
  title: "Acme",
  session: { ttlMs: null },
  webhook: { scheme: "none" } as AdapterDescriptor["webhook"],
};
const outcomes: OutcomeMapping = {
  source: "test",
  field: "status",
  statuses: { waiting: "pending", passed: "approved", failed: "declined" },
  read: {
    operation: "getThing",
    status: "/decision/status",
    missing: "pending",
    reasons: [{ code: "/decision/reasons/*/code", text: "/decision/reasons/*/text" }],
  },
};

const { read: _read, ...withoutRead } = outcomes;

interface Answer {
  decision: { status: string; reasons?: { code: string; text: string }[] } | null;
}

/** A fake clock whose sleeps pass at once, recording each wait. */
function fakeClock(start = 1_000_000): Clock & { waits: number[] } {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    random: () => 0,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw signal.reason;
      waits.push(ms);
      now += ms;
    },
  };
}

/** A client whose reads answer `answers` in turn (an Error is thrown), counting the reads. */
function clientAnswering(clock: Clock, answers: (Answer | Error)[]) {
  const client = { reads: 0 };
  createTransport(client, {
    packageName: "acme",
    version: "0",
    baseUrl: "https://api.acme.test",
    authenticate: () => [],
    options: { clock },
  });
  const read = async (owner: typeof client, id: string) => {
    expect(id).toBe("s_1");
    const answer = answers[Math.min(owner.reads++, answers.length - 1)] as Answer | Error;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { client, read };
}

const rateLimited = (retryAfterSeconds: number) =>
  new RateLimitError({
    provider: "acme",
    status: 429,
    body: {},
    headers: new Headers({ "retry-after": String(retryAfterSeconds) }),
  });

describe("defineResultAdapter", () => {
  it("reads the status and reasons with the spec's pointers, and the documented outcome of none", async () => {
    const clock = fakeClock();
    const { client, read } = clientAnswering(clock, [
      {
        decision: {
          status: "failed",
          reasons: [
            { code: "102", text: "Document expired" },
            { code: "201", text: "Face mismatch" },
          ],
        },
      },
      { decision: null },
      { decision: { status: "mystery" } },
    ]);
    const results = defineResultAdapter(descriptor, outcomes, read)(client);
    expect(results.readOperation).toBe("getThing");
    expect(await results.getOutcome("s_1")).toEqual({
      provider: "acme",
      sessionId: "s_1",
      outcome: "declined",
      terminal: true,
      status: "failed",
      reasons: [
        { code: "102", text: "Document expired" },
        { code: "201", text: "Face mismatch" },
      ],
      raw: expect.objectContaining({ decision: expect.objectContaining({ status: "failed" }) }),
    });
    expect(await results.getOutcome("s_1")).toMatchObject({ outcome: "pending", terminal: false, status: null });
    // A status the mapping does not know is never a success.
    expect(await results.getOutcome("s_1")).toMatchObject({ outcome: "unknown", terminal: false, status: "mystery" });
  });

  it("says so with a typed error, sending nothing, where the provider documents no read", async () => {
    const clock = fakeClock();
    const { client } = clientAnswering(clock, []);
    const results = defineResultAdapter<typeof client, "acme", never>(descriptor, withoutRead, null)(client);
    expect(results.readOperation).toBeNull();
    await expect(results.getOutcome("s_1")).rejects.toThrow(OutcomeUnavailableError);
    await expect(results.waitForOutcome("s_1")).rejects.toThrow(/Acme's webhooks/);
    expect(client.reads).toBe(0);
  });

  it("waits longer between reads until the outcome is terminal", async () => {
    const clock = fakeClock();
    const waiting = { decision: { status: "waiting" } };
    const { client, read } = clientAnswering(clock, [waiting, waiting, waiting, { decision: { status: "passed" } }]);
    const seen: string[] = [];
    const outcome = await defineResultAdapter(
      descriptor,
      outcomes,
      read,
    )(client).waitForOutcome("s_1", {
      intervalMs: 1000,
      onPoll: (polled) => seen.push(polled.outcome),
    });
    expect(outcome).toMatchObject({ outcome: "approved", terminal: true });
    expect(client.reads).toBe(4);
    expect(clock.waits).toEqual([1000, 1500, 2250]);
    expect(seen).toEqual(["pending", "pending", "pending"]);
  });

  it("honours a 429's Retry-After, reads again after a transient failure, and stops on any other", async () => {
    const clock = fakeClock();
    const transient = new InternalServerError({ provider: "acme", status: 503, body: {}, headers: new Headers() });
    const { client, read } = clientAnswering(clock, [rateLimited(7), transient, { decision: { status: "passed" } }]);
    const results = defineResultAdapter(descriptor, outcomes, read)(client);
    expect(await results.waitForOutcome("s_1", { intervalMs: 1000 })).toMatchObject({ outcome: "approved" });
    expect(clock.waits).toEqual([7000, 1500]);

    const missing = new NotFoundError({ provider: "acme", status: 404, body: {}, headers: new Headers() });
    const gone = clientAnswering(clock, [missing]);
    await expect(defineResultAdapter(descriptor, outcomes, gone.read)(gone.client).waitForOutcome("s_1")).rejects.toBe(
      missing,
    );
    expect(gone.client.reads).toBe(1);
  });

  it("reads once more at the deadline, then throws OutcomeTimeoutError with the last outcome", async () => {
    const clock = fakeClock();
    const { client, read } = clientAnswering(clock, [{ decision: { status: "waiting" } }]);
    const results = defineResultAdapter(descriptor, outcomes, read)(client);
    const error = await results
      .waitForOutcome("s_1", { intervalMs: 1000, deadline: clock.now() + 2000 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeTimeoutError);
    expect(error).toMatchObject({ sessionId: "s_1", lastOutcome: { outcome: "pending" } });
    // 1000, then the 1500 cut to the 1000 left; the third read is at the deadline.
    expect(clock.waits).toEqual([1000, 1000]);
    expect(client.reads).toBe(3);

    // A wait the provider asks for beyond the deadline is not cut short: it ends the wait at once.
    const limited = clientAnswering(clock, [rateLimited(60)]);
    await expect(
      defineResultAdapter(
        descriptor,
        outcomes,
        limited.read,
      )(limited.client).waitForOutcome("s_1", {
        deadline: new Date(clock.now() + 5000),
      }),
    ).rejects.toThrow(/no terminal outcome by the deadline \(last: none read\)/);
  });

  it("stops with AbortError when the caller aborts between reads", async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const { client, read } = clientAnswering(clock, [{ decision: { status: "waiting" } }]);
    const results = defineResultAdapter(descriptor, outcomes, read)(client);
    const waiting = results.waitForOutcome("s_1", { signal: controller.signal, onPoll: () => controller.abort() });
    await expect(waiting).rejects.toThrow(AbortError);
    expect(client.reads).toBe(1);
  });
});
