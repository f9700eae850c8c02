// The index page's stylesheet, inlined into the page (no external assets, system fonts only).

/** CSS for docs/site/index.html. */
export const INDEX_STYLESHEET = `
:root {
  --text: #0f172a; --muted: #475569; --line: #e2e8f0; --soft: #f8fafc; --accent: #1d4ed8; --bar: #0f172a;
  --yes: #166534; --yes-bg: #dcfce7; --no: #991b1b; --no-bg: #fee2e2; --warn: #92400e; --warn-bg: #fef3c7;
  --code-bg: #f1f5f9;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 16px; }
body { margin: 0; color: var(--text); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font: 0.88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code-bg);
  padding: 0.1em 0.35em; border-radius: 4px; overflow-wrap: anywhere; }
header.site { background: var(--bar); color: #e2e8f0; padding: 40px 24px 28px; }
header.site .inner, main { max-width: 1240px; margin: 0 auto; }
header.site h1 { margin: 0 0 8px; font-size: 30px; color: #fff; letter-spacing: -0.01em; }
header.site p { margin: 0 0 16px; max-width: 860px; color: #cbd5e1; }
header.site code { background: #1e293b; color: #e2e8f0; }
header.site nav { display: flex; flex-wrap: wrap; gap: 8px; }
header.site nav a { color: #f8fafc; border: 1px solid #334155; border-radius: 999px; padding: 3px 12px; font-size: 14px; }
header.site nav a:hover { background: #1e293b; text-decoration: none; }
main { padding: 8px 24px 64px; }
section { margin-top: 40px; }
h2 { font-size: 22px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p { margin: 0 0 10px; }
ul { margin: 0 0 10px; padding-left: 22px; }
.lead { color: var(--muted); max-width: 900px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; background: #fff;
  display: flex; flex-direction: column; gap: 8px; }
.card h3 { margin: 0; font-size: 17px; }
.card .summary { color: var(--muted); font-size: 14px; flex: 1; }
.links { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 14px; }
.meta { font-size: 13px; color: var(--muted); }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--line); }
tr:last-child > td, tr:last-child > th { border-bottom: none; }
thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 600; background: var(--soft); min-width: 170px; }
table.matrix { table-layout: fixed; font-size: 13.5px; }
table.matrix th:first-child { width: 150px; }
table.matrix thead th { white-space: normal; }
table.matrix td .path { font-size: 12px; }
.method { display: inline-block; min-width: 58px; text-align: center; font: 600 12px/1.8 ui-monospace, Menlo, monospace;
  border-radius: 4px; color: #fff; background: #475569; }
.method.get { background: #15803d; } .method.post { background: #1d4ed8; } .method.patch { background: #b45309; }
.method.put { background: #7c3aed; } .method.delete { background: #b91c1c; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; overflow-wrap: anywhere; }
.tone { display: inline-block; border-radius: 999px; padding: 0 9px; font-size: 12.5px; font-weight: 600; white-space: nowrap; }
.tone.yes { color: var(--yes); background: var(--yes-bg); }
.tone.no { color: var(--no); background: var(--no-bg); }
.tone.warn { color: var(--warn); background: var(--warn-bg); }
.provider { border-top: 4px solid var(--bar); padding-top: 8px; }
.provider > h2 { border-bottom: none; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
.provider > h2 .meta { font-weight: 400; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px 36px; }
dl.pairs { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0 0 10px; font-size: 14px; }
dl.pairs dt { color: var(--muted); }
dl.pairs dd { margin: 0; }
.scheme { margin-bottom: 10px; font-size: 14px; }
.scheme p, .scheme ul { color: var(--muted); }
details { border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; margin-top: 16px; background: var(--soft); }
details summary { cursor: pointer; font-weight: 600; }
details ul { margin-top: 8px; font-size: 14px; }
footer { max-width: 1240px; margin: 0 auto; padding: 24px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
`;
