// The README examples are written as a user writes them — default hosts, keys from the environment —
// so instead of editing their text, their process gets a `fetch` that sends each provider host's
// requests to that provider's Prism mock (readme-fetch-preload.ts installs it). Anything else that
// is not loopback is refused, so an example can never reach a real provider.

/** The environment variable holding `{ "<https base URL>": "<mock base URL>" }` as JSON. */
export const ROUTES_ENV = "README_EXAMPLE_ROUTES";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A base URL as a route key: its origin and path, without a trailing slash. */
export function baseUrlKey(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/$/, "")}`;
}

/** The routes passed in {@link ROUTES_ENV}, keyed by base URL ({@link baseUrlKey}). */
export function readRoutes(text: string | undefined): Map<string, string> {
  if (!text) return new Map();
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) throw new Error(`${ROUTES_ENV} must be a JSON object`);
  return new Map(Object.entries(parsed).map(([base, target]) => [baseUrlKey(base), String(target)]));
}

/** Builds the `fetch` that routes `routes`' origins to their mocks and refuses every other non-loopback host. */
export function routedFetch(routes: ReadonlyMap<string, string>, realFetch: typeof fetch): typeof fetch {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (LOOPBACK.has(url.hostname)) return realFetch(request);
    // The longest base URL the request falls under; the spec's paths follow it.
    const base = [...routes.keys()]
      .filter((key) => `${url.origin}${url.pathname}/`.startsWith(`${key}/`))
      .sort((a, b) => b.length - a.length)[0];
    const target = base === undefined ? undefined : routes.get(base);
    if (base === undefined || target === undefined) {
      throw new Error(`README example fetched ${url.origin}, which no mock serves: add its host constant`);
    }
    const path = url.pathname.slice(new URL(base).pathname.replace(/\/$/, "").length);
    // A streamed body cannot be handed to a new Request without `duplex`; the examples' bodies are small.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return realFetch(
      new Request(`${target.replace(/\/$/, "")}${path}${url.search}`, {
        method: request.method,
        headers: request.headers,
        body: body ?? null,
        redirect: request.redirect,
        signal: request.signal,
      }),
    );
  };
}
