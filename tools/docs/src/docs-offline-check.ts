// A static check that a built page loads nothing from the network: no script, stylesheet, font,
// image, frame or media from a remote URL, and no CSS `url()`/`@import` of one. The browser test
// checks the same at run time (and the pages' Content-Security-Policy forbids it); this check runs
// on every build, without a browser, and names the offending reference.

/** Attributes that make the browser fetch something, on the elements that have them. */
const FETCHING_ATTRIBUTES: Record<string, readonly string[]> = {
  script: ["src"],
  link: ["href"],
  img: ["src", "srcset"],
  iframe: ["src"],
  frame: ["src"],
  embed: ["src"],
  object: ["data"],
  source: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  image: ["href", "xlink:href"],
  use: ["href", "xlink:href"],
};

/** http(s), protocol-relative and websocket URLs; data:, blob: and relative ones stay local. */
const REMOTE = /^\s*(?:https?:|wss?:|\/\/)/i;

/**
 * Every reference in `html` that would make a browser fetch from the network, as
 * `"<tag attr=url>"` or `"css url(...)"` strings; empty when the page is self-contained. Script
 * contents are skipped: the inlined Redoc bundle mentions URLs it does not load (links, unused
 * icon sets), and the browser test watches what scripts actually request.
 */
export function remoteReferences(html: string): string[] {
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, "$1$2");
  const found: string[] = [];
  for (const tag of markup.matchAll(/<([a-z][a-z0-9:-]*)\b([^>]*)>/gi)) {
    const name = (tag[1] ?? "").toLowerCase();
    const attributes = tag[2] ?? "";
    for (const attribute of attributes.matchAll(/([a-z][a-z0-9:-]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      const attributeName = (attribute[1] ?? "").toLowerCase();
      const value = attribute[3] ?? attribute[4] ?? attribute[5] ?? "";
      const fetches = FETCHING_ATTRIBUTES[name]?.includes(attributeName) ?? false;
      if (fetches && value.split(",").some((candidate) => REMOTE.test(candidate))) {
        found.push(`<${name} ${attributeName}=${value}>`);
      }
      if (attributeName === "style") found.push(...remoteCssReferences(value));
    }
  }
  for (const style of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    found.push(...remoteCssReferences(style[1] ?? ""));
  }
  return found;
}

function remoteCssReferences(css: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) {
    if (REMOTE.test(match[2] ?? "")) found.push(`css url(${match[2]})`);
  }
  // `@import url(...)` is caught above; this is the bare-string form.
  for (const match of css.matchAll(/@import\s+["']([^"']+)["']/gi)) {
    if (REMOTE.test(match[1] ?? "")) found.push(`css @import ${match[1]}`);
  }
  return found;
}
