// Form-style query serialization, as openapi-fetch does by default. A generated client passes it to
// its transport only when its spec has query parameters, so other clients carry none of it.

/** `?key=value&…` for `query` (arrays repeat the key; `null` and `undefined` are left out), or `""`. */
export function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat()) if (item != null) search.append(key, String(item));
  }
  const text = String(search);
  return text && `?${text}`;
}
