import { InvalidResponseError } from "./error-classes.ts";

const BASE = "https://base.invalid/";

/** Where a cursor-paginated list keeps its cursor, items and next link (`x-verifetch-pagination`). */
export interface CursorPagination {
  provider: string;
  /** The query parameter of the `next` URL holding the cursor (default `cursor`). */
  cursorParam?: string | undefined;
  /** The page field holding the items (default `results`). */
  items?: string | undefined;
  /** The page field holding the next page's URL (default `next`). */
  next?: string | undefined;
}

/**
 * Iterates every item of a cursor-paginated list, page after page, reading the next cursor from the
 * `cursorParam` query parameter of each page's `next` URL (absolute or relative). Stops at a page
 * without `next`. A `next` the list cannot continue from — no cursor in it, or a cursor already
 * followed — is an InvalidResponseError rather than a silently shortened list.
 */
export async function* iterateCursorPages<TItem>(
  fetchPage: (cursor: string | undefined) => Promise<object>,
  { provider, cursorParam = "cursor", items = "results", next: nextField = "next" }: CursorPagination,
): AsyncGenerator<TItem, void, undefined> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = (await fetchPage(cursor)) as Record<string, unknown>;
    yield* (page[items] as TItem[] | undefined) ?? [];
    const link = page[nextField];
    if (typeof link !== "string" || !link) return;
    // Only the query matters, so any base resolves a relative link.
    const next = URL.canParse(link, BASE) && new URL(link, BASE).searchParams.get(cursorParam);
    if (!next || seen.has(next)) {
      throw new InvalidResponseError({
        provider,
        status: 200,
        body: link,
        headers: new Headers(),
        message: `${provider} sent a next-page link without a new "${cursorParam}", so the list cannot go on: ${link}`,
      });
    }
    seen.add(next);
    cursor = next;
  }
}
