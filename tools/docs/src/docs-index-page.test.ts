import { describe, expect, test } from "vitest";
import { findSpecNames, type ProviderFacts, readProviderFacts } from "../../codegen/src/spec-facts.ts";
import { REPO_ROOT } from "./docs-build.ts";
import { INDEX_CSP, type IndexEntry, operationFragment, renderIndexPage } from "./docs-index-page.ts";
import { remoteReferences } from "./docs-offline-check.ts";

const links = (name: string) => ({
  reference: `${name}.html`,
  readme: `../packages/${name}/README.md`,
  spec: "x.yaml",
});
const entries: IndexEntry[] = findSpecNames(REPO_ROOT).map((name) => ({
  facts: readProviderFacts(REPO_ROOT, name),
  links: links(name),
}));

describe("renderIndexPage", () => {
  test("is self-contained: a CSP that allows no fetch, no script, nothing remote", () => {
    const page = renderIndexPage(entries);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${INDEX_CSP.replace(/'/g, "&#39;")}">`);
    expect(page).not.toMatch(/<script/i);
    expect(remoteReferences(page)).toEqual([]);
  });

  test("links every operation to its reference route and shows the spec's facts", () => {
    const page = renderIndexPage(entries);
    for (const { facts } of entries) {
      for (const operation of facts.operations) {
        expect(page).toContain(`href="${facts.name}.html${operationFragment(operation)}"`);
      }
      expect(page).toContain(`href="../packages/${facts.name}/README.md"`);
    }
    expect(page).toContain("<code>Idempotency-Key</code>");
    expect(page).toContain("<code>X-AUTH-CLIENT</code> + <code>X-HMAC-SIGNATURE</code>");
  });

  test("shows the machine-readable facts the clients are generated from", () => {
    const page = renderIndexPage(entries);
    // Credentials with their option and environment variable; key prefixes and refused ones; hosts.
    expect(page).toContain("the <code>apiKey</code> option or <code>VERIFA_API_KEY</code>");
    expect(page).toContain(
      "<code>vk_sandbox_</code> sandbox, <code>vk_live_</code> live; <code>vk_pub_</code> refused",
    );
    expect(page).toContain("<code>https://api-sandbox.argyle.com</code> sandbox (the default)");
    // Headers always sent, idempotency limits, session lifetime, the webhook scheme and its secret.
    expect(page).toContain("<code>Key-Inflection</code>: <code>snake</code>");
    expect(page).toContain("refuses one longer than 255 characters");
    expect(page).toContain("<dt>URL lifetime</dt><dd>20 min</dd>");
    expect(page).toContain("<dt>Scheme</dt><dd><code>timestamped-hmac</code></dd>");
    expect(page).toContain("the <code>webhookSecret</code> option or <code>VERIFA_WEBHOOK_SECRET</code>");
    expect(page).toContain("<dt>Tolerance</dt><dd>300 s</dd>");
  });

  test("escapes text from the specs", () => {
    const [first] = entries;
    if (!first) throw new Error("no specs");
    const [operation, ...rest] = first.facts.operations;
    if (!operation) throw new Error("no operations");
    const hostile: ProviderFacts = {
      ...first.facts,
      title: "<script>alert(1)</script>",
      operations: [{ ...operation, summary: `"><img src=x onerror=alert(1)>` }, ...rest],
      unknowns: ["`<b>` & **bold**"],
    };
    const page = renderIndexPage([{ facts: hostile, links: first.links }]);
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("<li><code>&lt;b&gt;</code> &amp; <strong>bold</strong></li>");
  });

  test("operation routes follow Redoc's: tag slug, then the lowercased operationId", () => {
    const verifa = entries.find((entry) => entry.facts.name === "verifa")?.facts;
    expect(verifa?.operations.map(operationFragment)).toEqual([
      "#/sessions/createsession",
      "#/sessions/getsession",
      "#/sessions/expiresession",
      "#/results/getsessionresult",
    ]);
  });
});
