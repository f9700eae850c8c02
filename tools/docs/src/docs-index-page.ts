// docs/site/index.html: every provider with its operations, auth, environments, retry and
// idempotency behaviour and webhook signature, and a feature matrix across providers. Everything
// shown comes from ProviderFacts (the specs, read by tools/codegen's spec-facts.ts — the reader
// codegen builds the clients from, so the page shows what the clients do: credentials and their
// environment variables, key prefixes and hosts, headers always sent, idempotency limits, session
// lifetimes, pagination and the webhook scheme) and retryPolicyRules (core's defaults); text is
// escaped by the html tag. The page has no script at all.

import type {
  CredentialFacts,
  EnvironmentFacts,
  Evidence,
  OperationFacts,
  ProviderFacts,
  WebhookSignatureFacts,
} from "../../codegen/src/spec-facts.ts";
import { blockMarkdown, html, inlineMarkdown, type SafeHtml, slug, trustedMarkup } from "./docs-html.ts";
import { retryPolicyRules } from "./docs-retry-policy.ts";
import { INDEX_STYLESHEET } from "./docs-style.ts";

/** Where the index links to, per provider (relative URLs). */
export interface ProviderLinks {
  /** The rendered reference page. */
  reference: string;
  /** The package README in the repository. */
  readme: string;
  /** The spec in the repository. */
  spec: string;
}

/** A provider and its links. */
export interface IndexEntry {
  facts: ProviderFacts;
  links: ProviderLinks;
}

/**
 * The reference page's URL fragment for an operation: Redoc 3 routes `#/<tag>/<operationid>`, the
 * tag slugged and the operationId lowercased. The browser test follows every one of these links.
 */
export function operationFragment(operation: OperationFacts): string {
  return `#/${slug(operation.tag)}/${operation.operationId.toLowerCase()}`;
}

/** The Content-Security-Policy of the index: no scripts, no fetches, inline styles and data: images only. */
export const INDEX_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Renders the whole index page. */
export function renderIndexPage(entries: readonly IndexEntry[]): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${INDEX_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>verifetch API reference</title>
<link rel="icon" href="data:,">
<style>${trustedMarkup(INDEX_STYLESHEET)}</style>
</head>
<body>
<header class="site"><div class="inner">
<h1>verifetch API reference</h1>
<p>Typed fetch clients for identity- and income-verification providers. One reference page per
OpenAPI spec in <code>specs/</code>; this page is derived from the same specs (plus the retry defaults
of <code>@verifetch/core</code>), so it says only what they say — what a provider leaves undocumented is
listed as such, never guessed.</p>
<nav aria-label="Sections">
<a href="#providers">Providers</a><a href="#features">Feature matrix</a><a href="#retries">Retries and idempotency</a>
${entries.map((entry) => html`<a href="#${providerAnchor(entry.facts)}">${entry.facts.title}</a>`)}
</nav>
</div></header>
<main>
${providersSection(entries)}
${featureMatrix(entries)}
${retrySection()}
${entries.map(providerSection)}
</main>
<footer>Built by <code>pnpm docs</code> (tools/docs) from <code>specs/*.yaml</code>: reference pages rendered
with Redocly <code>build-docs</code>, fully offline. Facts OpenAPI has no field for come from the specs'
<code>x-verifetch-*</code> extensions.</footer>
</body>
</html>
`;
  return page.markup;
}

function providerAnchor(facts: ProviderFacts): string {
  return `provider-${facts.name}`;
}

function linksOf(entry: IndexEntry): SafeHtml {
  return html`<span class="links">
<a href="${entry.links.reference}" data-reference="${entry.facts.name}">Reference</a>
<a href="${entry.links.readme}">README</a>
<a href="${entry.links.spec}">Spec</a>
${entry.facts.docsUrl ? html`<a href="${entry.facts.docsUrl}" rel="noopener noreferrer">Provider docs</a>` : ""}
</span>`;
}

function providersSection(entries: readonly IndexEntry[]): SafeHtml {
  return html`<section id="providers">
<h2>Providers</h2>
<div class="cards">
${entries.map(
  (entry) => html`<article class="card" data-provider="${entry.facts.name}">
<h3><a href="#${providerAnchor(entry.facts)}">${entry.facts.title}</a></h3>
<div class="meta"><code>${entry.facts.packageName}</code> · API version ${entry.facts.version} ·
${entry.facts.operations.length} operations</div>
<div class="summary">${entry.facts.summary}</div>
${linksOf(entry)}
</article>`,
)}
</div>
</section>`;
}

type Tone = "yes" | "no" | "warn";

function tone(kind: Tone, label: string): SafeHtml {
  return html`<span class="tone ${kind}">${label}</span>`;
}

const DECIDED_BY_LABELS: Record<EnvironmentFacts["decidedBy"], string> = {
  "api-key": "the API key (prefix)",
  host: "the host",
  integration: "the integration behind the key",
  unknown: "unknown",
};

const EVIDENCE_LABELS: Record<Evidence, [Tone, string]> = {
  documented: ["yes", "documented"],
  "third-party": ["warn", "third-party sources"],
  inferred: ["warn", "inferred"],
  "not-documented": ["no", "not documented"],
};

function operationLink(entry: IndexEntry, operation: OperationFacts): SafeHtml {
  return html`<a href="${entry.links.reference}${operationFragment(operation)}"><code>${operation.operationId}</code></a>`;
}

/** "`X-AUTH-CLIENT` + `X-HMAC-SIGNATURE`": the header (or kind) of each scheme one request needs. */
function authLabel(facts: ProviderFacts, schemeNames: readonly string[]): SafeHtml {
  if (schemeNames.length === 0) return html`none`;
  return html`${schemeNames.map((name, index) => {
    const scheme = facts.schemes.find((candidate) => candidate.name === name);
    const header = scheme?.kind.match(/`([^`]+)` header$/)?.[1];
    return html`${index > 0 ? " + " : ""}${header ? html`<code>${header}</code>` : (scheme?.kind ?? name)}`;
  })}`;
}

function createRetry(facts: ProviderFacts): SafeHtml {
  const create = facts.session.create;
  if (create.idempotencyHeader)
    return html`${tone("yes", "yes")} same <code>${create.idempotencyHeader}</code> on every attempt`;
  if (create.retriedAfterArrival) return tone("yes", "yes (idempotent method)");
  return html`${tone("no", "no")} no idempotency key documented`;
}

/** `<code>A</code> or <code>B</code>`. */
function codeList(items: readonly string[], separator = " or "): SafeHtml {
  return html`${items.map((item, index) => html`${index > 0 ? separator : ""}<code>${item}</code>`)}`;
}

/** "the `apiKey` option or `VERIFA_API_KEY`". */
function credentialSource(credential: CredentialFacts): SafeHtml {
  return html`the <code>${credential.option}</code> option or <code>${credential.envVar}</code>`;
}

/** A lifetime in the largest whole unit: `20 min`, `1 h`, `7 d`. */
function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function webhookCell(webhook: WebhookSignatureFacts): SafeHtml {
  const [kind, label] = EVIDENCE_LABELS[webhook.evidence];
  if (webhook.scheme === "none") return tone(kind, label);
  const timestamped = webhook.scheme === "timestamped-hmac" ? html`, timestamped (<code>t=…,v1=…</code>)` : "";
  return html`HMAC-${webhook.algorithm ?? "?"} in ${codeList(webhook.headers)}${timestamped}<br>${tone(kind, label)}`;
}

/** How sandbox and live differ: the key prefixes (and the refused ones, unless listed apart) or the hosts. */
function environmentDetail(environments: EnvironmentFacts, withRefused = true): SafeHtml | string {
  if (environments.keyPrefixes) {
    const refused = withRefused ? Object.keys(environments.refusedKeyPrefixes) : [];
    return html`${codeList(environments.keyPrefixes.sandbox)} sandbox, ${codeList(environments.keyPrefixes.live)} live${
      refused.length > 0 ? html`; ${codeList(refused)} refused` : ""
    }`;
  }
  if (environments.hosts) {
    return html`<code>${environments.hosts.sandbox}</code> sandbox (the default), <code>${environments.hosts.live}</code> live`;
  }
  return "";
}

function featureMatrix(entries: readonly IndexEntry[]): SafeHtml {
  const rows: [string, (entry: IndexEntry) => SafeHtml | string][] = [
    ["Package", (entry) => html`<code>${entry.facts.packageName}</code>`],
    [
      "Operations",
      (entry) => html`<a href="#${providerAnchor(entry.facts)}-operations">${entry.facts.operations.length}</a>`,
    ],
    [
      "Create a hosted session",
      (entry) =>
        html`${operationLink(entry, entry.facts.session.create)}<br><span class="path">${entry.facts.session.create.method} ${entry.facts.session.create.path}</span>`,
    ],
    [
      "Read the outcome back",
      (entry) =>
        entry.facts.session.outcome.length > 0
          ? html`${entry.facts.session.outcome.map((operation, index) => html`${index > 0 ? ", " : ""}${operationLink(entry, operation)}`)}`
          : tone("no", "not documented"),
    ],
    [
      "Outcomes (provider status → outcome)",
      (entry) =>
        html`${Object.entries(entry.facts.outcomes.statuses).map(
          ([status, outcome], index) => html`${index > 0 ? html`<br>` : ""}<code>${status}</code> → ${outcome}`,
        )}`,
    ],
    [
      "Webhook delivery key",
      (entry) =>
        entry.facts.outcomes.webhook?.deliveryKey
          ? html`event id <code>${entry.facts.outcomes.webhook.deliveryKey}</code>`
          : "SHA-256 of the body (no event id documented)",
    ],
    [
      "Authentication",
      (entry) =>
        html`${entry.facts.security.map((requirement, index) => html`${index > 0 ? " or " : ""}${authLabel(entry.facts, requirement)}`)}`,
    ],
    [
      "Credentials (environment variables)",
      (entry) =>
        codeList(
          entry.facts.schemes.flatMap((scheme) => scheme.credentials.map((credential) => credential.envVar)),
          ", ",
        ),
    ],
    [
      "Sandbox vs live decided by",
      (entry) => {
        const detail = environmentDetail(entry.facts.environments);
        return entry.facts.environments.decidedBy === "unknown"
          ? tone("no", "unknown")
          : html`${DECIDED_BY_LABELS[entry.facts.environments.decidedBy]}${detail ? html`<br>${detail}` : ""}`;
      },
    ],
    ["Documented hosts", (entry) => String(entry.facts.servers.length)],
    ["Create retried after it may have arrived", (entry) => createRetry(entry.facts)],
    [
      "Session URL lifetime",
      (entry) =>
        entry.facts.session.ttlSeconds === undefined
          ? tone("no", "not documented")
          : duration(entry.facts.session.ttlSeconds),
    ],
    ["Webhook signature", (entry) => webhookCell(entry.facts.webhook)],
    [
      "Webhook replay window",
      (entry) => (entry.facts.webhook.replayWindow ? inlineMarkdown(entry.facts.webhook.replayWindow) : "—"),
    ],
    ["Undocumented points recorded", (entry) => String(entry.facts.unknowns.length)],
  ];
  return html`<section id="features">
<h2>Feature matrix</h2>
<p class="lead">What each provider's API offers, as its spec describes it. "Third-party sources" and
"inferred" mean the provider's own docs do not state it; see each provider's sources below.</p>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">Feature</th>${entries.map((entry) => html`<th scope="col"><a href="#${providerAnchor(entry.facts)}">${entry.facts.title}</a></th>`)}</tr></thead>
<tbody>
${rows.map(([label, cell]) => html`<tr><th scope="row">${label}</th>${entries.map((entry) => html`<td>${cell(entry)}</td>`)}</tr>`)}
</tbody>
</table></div>
</section>`;
}

function retrySection(): SafeHtml {
  return html`<section id="retries">
<h2>Retries and idempotency</h2>
<p class="lead">Every provider client sends its requests through the retrying <code>fetch</code> of
<code>@verifetch/core</code> (<code>packages/core/src/retry-send.ts</code> and <code>retry-policy.ts</code>); the
defaults below are read from core. Per provider, what this means for each operation is in its operations table.</p>
<ul>${retryPolicyRules().map((rule) => html`<li>${inlineMarkdown(rule)}</li>`)}</ul>
</section>`;
}

function methodBadge(method: string): SafeHtml {
  return html`<span class="method ${method.toLowerCase()}">${method}</span>`;
}

function providerSection(entry: IndexEntry): SafeHtml {
  const { facts } = entry;
  const anchor = providerAnchor(facts);
  const retried = facts.operations.filter((operation) => operation.retriedAfterArrival);
  const webhook = facts.webhook;
  const [evidenceTone, evidenceLabel] = EVIDENCE_LABELS[webhook.evidence];
  const environment = environmentDetail(facts.environments, false);
  return html`<section class="provider" id="${anchor}" data-provider-section="${facts.name}">
<h2>${facts.title} <span class="meta"><code>${facts.packageName}</code> · API version ${facts.version}</span></h2>
<p>${facts.summary}</p>
${linksOf(entry)}

<h3 id="${anchor}-operations">Operations</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Summary</th><th scope="col">Auth</th><th scope="col">Retried after it may have arrived</th></tr></thead>
<tbody>
${facts.operations.map(
  (operation) => html`<tr data-operation="${operation.operationId}">
<td>${methodBadge(operation.method)}</td>
<td class="path">${operation.path}</td>
<td><a href="${entry.links.reference}${operationFragment(operation)}" data-operation-link="${operation.operationId}">${operation.summary}</a><br><code>${operation.operationId}</code>${
    operation.pagination ? html`; every page: <code>${operation.pagination.iterator}</code>` : ""
  }</td>
<td>${authLabel(facts, operation.auth)}</td>
<td>${
    operation.retriedAfterArrival
      ? html`${tone("yes", "yes")}${operation.idempotencyHeader ? html` <code>${operation.idempotencyHeader}</code>` : ""}`
      : tone("no", "no")
  }</td>
</tr>`,
)}
</tbody>
</table></div>

<div class="facts">
<div>
<h3>Authentication</h3>
<p>Every request needs ${facts.security.map((requirement, index) => html`${index > 0 ? " or " : ""}${authLabel(facts, requirement)}`)}${
    facts.operations.some((operation) => operation.auth.join() !== (facts.security[0] ?? []).join())
      ? " unless the operation table above says otherwise"
      : ""
  }.</p>
${facts.schemes.map(
  (scheme) =>
    html`<div class="scheme"><strong>${scheme.name}</strong> — ${inlineMarkdown(scheme.kind)}${
      scheme.signature ? html` (HMAC-${scheme.signature.algorithm} of the request)` : ""
    }: ${scheme.credentials.map((credential, index) => html`${index > 0 ? " and " : ""}${credentialSource(credential)}`)}${blockMarkdown(scheme.description)}</div>`,
)}
${
  facts.headers.length > 0
    ? html`<p>Every request also sends ${facts.headers.map(
        (header, index) =>
          html`${index > 0 ? ", " : ""}<code>${header.name}</code>${
            header.value !== undefined
              ? html`: <code>${header.value}</code>`
              : html` (the <code>${header.option ?? ""}</code> option${header.default ? html`, default <code>${header.default}</code>` : ""})`
          }`,
      )}.</p>`
    : ""
}
</div>
<div>
<h3>Environments</h3>
<p>Sandbox vs live is decided by <strong>${DECIDED_BY_LABELS[facts.environments.decidedBy]}</strong>. ${inlineMarkdown(facts.environments.description)}</p>
${environment ? html`<p>${environment}.</p>` : ""}
${
  Object.keys(facts.environments.refusedKeyPrefixes).length > 0
    ? html`<dl class="pairs">${Object.entries(facts.environments.refusedKeyPrefixes).map(
        ([prefix, why]) => html`<dt><code>${prefix}</code> refused</dt><dd>${inlineMarkdown(why)}</dd>`,
      )}</dl>`
    : ""
}
<dl class="pairs">${facts.servers.map((server) => html`<dt><code>${server.url}</code></dt><dd>${inlineMarkdown(server.description)}</dd>`)}</dl>
</div>
<div>
<h3>Hosted session</h3>
<dl class="pairs">
<dt>Create</dt><dd>${operationLink(entry, facts.session.create)} <span class="path">${facts.session.create.method} ${facts.session.create.path}</span></dd>
<dt>URL lifetime</dt><dd>${facts.session.ttlSeconds === undefined ? tone("no", "not documented") : duration(facts.session.ttlSeconds)}</dd>
<dt>The answer must carry</dt><dd>${codeList(facts.session.required, ", ")}</dd>
<dt>Outcome</dt><dd>${
    facts.session.outcome.length > 0
      ? facts.session.outcome.map(
          (operation, index) => html`${index > 0 ? ", " : ""}${operationLink(entry, operation)}`,
        )
      : tone("no", "no read-back documented")
  }</dd>
</dl>
<p>${inlineMarkdown(facts.session.description)}</p>
<h3>Retries and idempotency</h3>
<p>Creating a session: ${createRetry(facts)}.${
    facts.idempotency
      ? html` The client generates the key (the caller may give one) and refuses one longer than ${facts.idempotency.maxLength} characters.`
      : ""
  }</p>
<p>Repeated after a failure that may have reached ${facts.title} (408, 5xx, timeout):
${retried.length > 0 ? retried.map((operation, index) => html`${index > 0 ? ", " : ""}<code>${operation.operationId}</code>`) : "none"}.
Every operation is retried on 429 and on failures before sending.</p>
</div>
<div>
<h3>Webhook signature</h3>
<dl class="pairs">
<dt>Evidence</dt><dd>${tone(evidenceTone, evidenceLabel)}</dd>
<dt>Scheme</dt><dd><code>${webhook.scheme}</code></dd>
${webhook.headers.length > 0 ? html`<dt>Header</dt><dd>${codeList(webhook.headers)}${webhook.headerFormat ? html` — <code>${webhook.headerFormat}</code>` : ""}</dd>` : ""}
${webhook.algorithm ? html`<dt>Algorithm</dt><dd>HMAC-${webhook.algorithm}</dd>` : ""}
${webhook.signedContent ? html`<dt>Signs</dt><dd>${inlineMarkdown(webhook.signedContent)}</dd>` : ""}
${webhook.encoding ? html`<dt>Encoding</dt><dd>${webhook.encoding}</dd>` : ""}
${
  webhook.secret
    ? html`<dt>Keyed with</dt><dd>${webhook.secretDescription ? html`${inlineMarkdown(webhook.secretDescription)}, from ` : ""}${credentialSource(webhook.secret)}</dd>`
    : ""
}
${webhook.toleranceSeconds !== undefined ? html`<dt>Tolerance</dt><dd>${webhook.toleranceSeconds} s</dd>` : ""}
${webhook.replayWindow ? html`<dt>Replay window</dt><dd>${inlineMarkdown(webhook.replayWindow)}</dd>` : ""}
<dt>Source</dt><dd>${inlineMarkdown(webhook.source)}</dd>
</dl>
</div>
</div>
${
  facts.unknowns.length > 0
    ? html`<details><summary>What ${facts.title}'s docs leave open (${facts.unknowns.length})</summary>
<ul>${facts.unknowns.map((unknown) => html`<li>${inlineMarkdown(unknown)}</li>`)}</ul></details>`
    : ""
}
</section>`;
}
