// Per-request timing in interleaved rounds: every round runs a batch of sequential requests for every
// contender, in an order that rotates each round, so drift (CPU frequency, GC, the server's JIT, other
// load on the machine) spreads over all contenders instead of favouring whoever ran last.
import type { BenchCall } from "./bench-contenders.ts";
import { type Summary, summarize } from "./bench-stats.ts";

/** How long to measure. */
export interface TimingOptions {
  /** Requests per contender before measuring (JIT, connection pool). */
  warmupRequests: number;
  rounds: number;
  /** Sequential requests per contender per round. */
  batch: number;
}

/** A contender's per-request figures, in microseconds. */
export interface TimingResult {
  /** Over every timed request. */
  perRequest: Summary;
  /** Over the rounds' mean per-request time (robust to one slow round; shows GC costs in the mean). */
  perRound: Summary;
}

/** Runs the calls and returns their timing, keyed like `calls`. */
export async function measureRequests(
  calls: ReadonlyMap<string, BenchCall>,
  options: TimingOptions,
): Promise<Map<string, TimingResult>> {
  const ids = [...calls.keys()];
  const samples = new Map<string, number[]>(ids.map((id) => [id, []]));
  const roundMeans = new Map<string, number[]>(ids.map((id) => [id, []]));
  const callOf = (id: string): BenchCall => {
    const call = calls.get(id);
    if (call === undefined) throw new Error(`no call for ${id}`);
    return call;
  };

  // Warm up interleaved too, in small slices, so no contender's warm-up is further from the timing.
  const slice = Math.max(1, Math.ceil(options.warmupRequests / 10));
  for (let done = 0; done < options.warmupRequests; done += slice) {
    for (const id of ids) {
      const call = callOf(id);
      for (let i = 0; i < Math.min(slice, options.warmupRequests - done); i++) await call();
    }
  }

  for (let round = 0; round < options.rounds; round++) {
    for (const id of rotate(ids, round)) {
      const call = callOf(id);
      const list = samples.get(id) as number[];
      const started = performance.now();
      for (let i = 0; i < options.batch; i++) {
        const before = performance.now();
        await call();
        list.push((performance.now() - before) * 1000);
      }
      (roundMeans.get(id) as number[]).push(((performance.now() - started) * 1000) / options.batch);
    }
  }

  return new Map(
    ids.map((id) => [
      id,
      { perRequest: summarize(samples.get(id) as number[]), perRound: summarize(roundMeans.get(id) as number[]) },
    ]),
  );
}

/**
 * The order for round `round`: rotated by the round number, and reversed every other round so each
 * contender also swaps which neighbour runs before it.
 */
export function rotate<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return [];
  const shift = round % items.length;
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return Math.floor(round / items.length) % 2 === 1 ? rotated.reverse() : rotated;
}
