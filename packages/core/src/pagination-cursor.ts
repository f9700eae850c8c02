/** A page of a cursor-paginated list whose `next` is the URL of the following page (or null). */
export interface CursorPage<TItem> {
  next?: string | null;
  results?: TItem[];
}

/**
 * Iterates every item of a cursor-paginated list, page after page, reading the next cursor from the
 * `cursorParam` query parameter of each page's `next` URL. Stops at a page without `next`.
 */
export async function* iterateCursorPages<TItem>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<TItem>>,
  cursorParam = "cursor",
): AsyncGenerator<TItem, void, undefined> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.results ?? [];
    const next = page.next ? new URL(page.next).searchParams.get(cursorParam) : null;
    // A provider repeating a cursor would loop forever; stop instead.
    if (!next || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}
