// HTML building blocks for the index page. Every interpolated value is escaped unless it is already
// SafeHtml, so text from the specs (descriptions, summaries, URLs) can never inject markup.

/** Markup that is already safe to insert: built by {@link html} or escaped by a helper here. */
export class SafeHtml {
  /** The markup. */
  readonly markup: string;

  constructor(markup: string) {
    this.markup = markup;
  }

  /** The markup, so a SafeHtml can be written out directly. */
  toString(): string {
    return this.markup;
  }
}

/** What {@link html} accepts between its template parts: arrays are joined, null/undefined/false vanish. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** A template tag that escapes every interpolated value except SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(markup);
}

/**
 * Trusted markup written by this tool itself (the stylesheet). Never pass text that came from a
 * spec or any other input.
 */
export function trustedMarkup(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * The inline markdown the specs use in short texts: `code` spans and **bold**. The text is escaped
 * first, so the only markup in the result is what this function adds.
 */
export function inlineMarkdown(text: string): SafeHtml {
  const escaped = escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  return new SafeHtml(escaped);
}

/**
 * Multi-line spec descriptions: blank lines separate paragraphs, lines starting `- ` form a list,
 * other line breaks are soft (YAML block scalars wrap prose at a fixed width).
 */
export function blockMarkdown(text: string): SafeHtml {
  const blocks = text.trim().split(/\n\s*\n/);
  return html`${blocks.map((block) => {
    const lines = block.split("\n").map((line) => line.trim());
    if (lines.every((line) => line.startsWith("- "))) {
      return html`<ul>${lines.map((line) => html`<li>${inlineMarkdown(line.slice(2))}</li>`)}</ul>`;
    }
    const items: string[] = [];
    const prose: string[] = [];
    for (const line of lines) {
      if (line.startsWith("- ")) items.push(line.slice(2));
      else if (items.length > 0) items[items.length - 1] += ` ${line}`;
      else prose.push(line);
    }
    return html`<p>${inlineMarkdown(prose.join(" "))}</p>${
      items.length > 0 ? html`<ul>${items.map((item) => html`<li>${inlineMarkdown(item)}</li>`)}</ul>` : ""
    }`;
  })}`;
}

/** An id usable as a URL fragment, from a name (lowercase letters, digits and dashes). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
