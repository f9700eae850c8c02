// Order statistics of timing samples.

/** Summary of a set of samples (same unit as the samples). */
export interface Summary {
  count: number;
  median: number;
  p10: number;
  p90: number;
  q1: number;
  q3: number;
  /** q3 − q1. */
  iqr: number;
  mean: number;
  min: number;
  max: number;
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending `sorted`, linearly interpolated between ranks. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (rank - below);
}

/** Summarizes `samples` (need not be sorted; not modified). NaN fields when there are none. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    q1,
    q3,
    iqr: q3 - q1,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
