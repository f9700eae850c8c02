import { describe, expect, test } from "vitest";
import { blockMarkdown, escapeHtml, html, inlineMarkdown, slug, trustedMarkup } from "./docs-html.ts";

describe("html", () => {
  test("escapes every interpolated string, once", () => {
    const evil = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${evil}">${evil}</p>`.markup).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
    const inner = html`<b>${"a<b"}</b>`;
    expect(html`<i>${inner}</i>`.markup).toBe("<i><b>a&lt;b</b></i>");
  });

  test("joins arrays and drops null, undefined and false", () => {
    expect(html`${["a", html`<br>`, null, undefined, false, 0]}`.markup).toBe("a<br>0");
  });

  test("trustedMarkup is the only way to pass raw markup", () => {
    expect(html`${trustedMarkup("<style>a{}</style>")}`.markup).toBe("<style>a{}</style>");
    expect(escapeHtml("<style>")).toBe("&lt;style&gt;");
  });
});

describe("markdown", () => {
  test("inline code and bold, with the text escaped first", () => {
    expect(inlineMarkdown("use `<X-API-Key>` **now** <script>").markup).toBe(
      "use <code>&lt;X-API-Key&gt;</code> <strong>now</strong> &lt;script&gt;",
    );
  });

  test("paragraphs, soft line breaks and lists", () => {
    const markup = blockMarkdown(
      "First line\nwraps here.\n\nIntro:\n- one\n- two\n  continued\n\n- only\n- items",
    ).markup;
    expect(markup).toBe(
      "<p>First line wraps here.</p><p>Intro:</p><ul><li>one</li><li>two continued</li></ul><ul><li>only</li><li>items</li></ul>",
    );
  });

  test("slug", () => {
    expect(slug("Session Results")).toBe("session-results");
    expect(slug("  Flow ")).toBe("flow");
  });
});
