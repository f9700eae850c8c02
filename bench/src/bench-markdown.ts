// Markdown tables laid out the way the repo's formatter (biome) lays them out, so the generated
// docs/benchmarks.md passes `biome check` as written.

/** Column alignment. */
export type Align = "left" | "right";

/** A markdown table with padded columns. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = headers.map((_, column) => Math.max(3, ...cells.map((row) => [...(row[column] ?? "")].length)));
  const pad = (text: string, column: number): string => {
    const fill = " ".repeat((widths[column] ?? 3) - [...text].length);
    return align[column] === "right" ? fill + text : text + fill;
  };
  const line = (row: readonly string[]): string => `| ${row.map((cell, column) => pad(cell, column)).join(" | ")} |`;
  const separator = `| ${widths
    .map((width, column) => (align[column] === "right" ? `${"-".repeat(width - 1)}:` : "-".repeat(width)))
    .join(" | ")} |`;
  const [head, ...body] = cells;
  return [line(head ?? []), separator, ...body.map(line)].join("\n");
}
