import { describe, expect, it, vi } from "vitest";
import { iterateCursorPages } from "./pagination-cursor.ts";

describe("iterateCursorPages", () => {
  it("follows the cursor of each next URL until there is none", async () => {
    const pages: Record<string, { next: string | null; results: number[] }> = {
      first: { next: "https://api.acme.test/v2/things?limit=2&cursor=c2", results: [1, 2] },
      c2: { next: "https://api.acme.test/v2/things?limit=2&cursor=c3", results: [3, 4] },
      c3: { next: null, results: [5] },
    };
    const fetchPage = vi.fn(
      async (cursor: string | undefined) => pages[cursor ?? "first"] ?? { next: null, results: [] },
    );
    const items: number[] = [];
    for await (const item of iterateCursorPages(fetchPage)) items.push(item);
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([undefined, "c2", "c3"]);
  });

  it("stops when a provider repeats a cursor instead of looping forever", async () => {
    const fetchPage = vi.fn(async () => ({ next: "https://api.acme.test/x?cursor=same", results: [1] }));
    const items: number[] = [];
    for await (const item of iterateCursorPages(fetchPage)) items.push(item);
    expect(items).toEqual([1, 1]);
  });
});
