import { describe, expect, it } from "vitest";
import { table } from "./bench-markdown.ts";

describe("table", () => {
  it("pads columns to the widest cell (at least 3), right-aligning where asked", () => {
    expect(
      table(
        ["a", "value"],
        [
          ["µs × ≤", "1"],
          ["x|y", "22"],
        ],
        ["left", "right"],
      ),
    ).toBe(["| a      | value |", "| ------ | ----: |", "| µs × ≤ |     1 |", "| x\\|y   |    22 |"].join("\n"));
  });
});
