import { InvalidResponseError } from "./error-classes.ts";

const BASE = "https://base.invalid/";

/** A page of a cursor-paginated list whose `next` is the URL of the following page (or null). */
export interface CursorPage<TItem> {
  next?: string | null;
  results?: TItem[];
}

/**
 * Iterates every item of a cursor-paginated list, page after page, reading the next cursor from the
 * `cursorParam` query parameter of each page's `next` URL (absolute or relative). Stops at a page
 * without `next`. A `next` the list cannot continue from — no cursor in it, or a cursor already
 * followed — is an InvalidResponseError rather than a silently shortened list.
 */
export async function* iterateCursorPages<TItem>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<TItem>>,
  { provider, cursorParam = "cursor" }: { provider: string; cursorParam?: string },
): AsyncGenerator<TItem, void, undefined> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.results ?? [];
    if (!page.next) return;
    // Only the query matters, so any base resolves a relative link.
    const next = URL.canParse(page.next, BASE) && new URL(page.next, BASE).searchParams.get(cursorParam);
    if (!next || seen.has(next)) {
      throw new InvalidResponseError({
        provider,
        status: 200,
        body: page.next,
        headers: new Headers(),
        message: `${provider} sent a next-page link without a new "${cursorParam}", so the list cannot go on: ${page.next}`,
      });
    }
    seen.add(next);
    cursor = next;
  }
}
