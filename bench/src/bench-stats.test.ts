import { describe, expect, it } from "vitest";
import { quantile, summarize } from "./bench-stats.ts";
import { rotate } from "./bench-timing.ts";

describe("summarize", () => {
  it("interpolates quantiles between ranks", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.9)).toBe(10);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it("sorts a copy and reports spread", () => {
    const samples = [5, 1, 4, 2, 3];
    const summary = summarize(samples);
    expect(samples).toEqual([5, 1, 4, 2, 3]);
    expect(summary).toMatchObject({ count: 5, median: 3, min: 1, max: 5, q1: 2, q3: 4, iqr: 2, mean: 3 });
    expect(summary.p90).toBeCloseTo(4.6);
  });
});

describe("rotate", () => {
  it("gives every item every position across rounds, and alternates direction per pass", () => {
    const items = ["a", "b", "c"];
    expect([0, 1, 2].map((round) => rotate(items, round).join(""))).toEqual(["abc", "bca", "cab"]);
    expect([3, 4, 5].map((round) => rotate(items, round).join(""))).toEqual(["cba", "acb", "bac"]);
    expect(rotate([], 4)).toEqual([]);
  });
});
