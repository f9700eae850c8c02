import { describe, expect, it, vi } from "vitest";
import { InvalidResponseError } from "./error-classes.ts";
import { iterateCursorPages } from "./pagination-cursor.ts";

type Page = { next: string | null; results: number[] };

async function collect(pages: Record<string, Page>) {
  const fetchPage = vi.fn(
    async (cursor: string | undefined) => pages[cursor ?? "first"] ?? { next: null, results: [] },
  );
  const items: number[] = [];
  try {
    for await (const item of iterateCursorPages<number>(fetchPage, { provider: "acme" })) items.push(item);
  } catch (error) {
    return { items, fetchPage, error };
  }
  return { items, fetchPage, error: undefined };
}

describe("iterateCursorPages", () => {
  it("follows the cursor of each next URL until there is none", async () => {
    const { items, fetchPage, error } = await collect({
      first: { next: "https://api.acme.test/v2/things?limit=2&cursor=c2", results: [1, 2] },
      c2: { next: "https://api.acme.test/v2/things?limit=2&cursor=c3", results: [3, 4] },
      c3: { next: null, results: [5] },
    });
    expect(error).toBeUndefined();
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([undefined, "c2", "c3"]);
  });

  it("follows relative next links too", async () => {
    const { items, error } = await collect({
      first: { next: "/v2/things?cursor=c2", results: [1] },
      c2: { next: "?cursor=c3", results: [2] },
      c3: { next: null, results: [3] },
    });
    expect(error).toBeUndefined();
    expect(items).toEqual([1, 2, 3]);
  });

  it("refuses a next link without a cursor instead of silently shortening the list", async () => {
    const { items, error } = await collect({ first: { next: "https://api.acme.test/v2/things?page=2", results: [1] } });
    expect(items).toEqual([1]);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'acme sent a next-page link without a new "cursor", so the list cannot go on: https://api.acme.test/v2/things?page=2',
    );
  });

  it("refuses a repeated cursor instead of looping forever", async () => {
    const { items, fetchPage, error } = await collect({
      first: { next: "/x?cursor=same", results: [1] },
      same: { next: "/x?cursor=same", results: [2] },
    });
    expect(items).toEqual([1, 2]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(error).toMatchObject({ provider: "acme", isRetryable: false });
    expect((error as Error).message).toBe(
      'acme sent a next-page link without a new "cursor", so the list cannot go on: /x?cursor=same',
    );
  });
});
