/**
 * One self-contained HTML report: inlined vega, vega-lite and vega-embed bundles, the chart specs
 * as JSON, the summary, assumptions and notes. It makes no network request: a Content Security
 * Policy (`default-src 'none'`) forbids any fetch, and all data are inline.
 *
 * Page order: header → links → contents → summary (sentences, table) → sections → charts → further tables →
 * assumptions → notes → scripts.
 */
import type { VegaBundles } from './types.js';
import { escapeHtml, checkTableShape, isNumericColumn } from './tables.js';
import type { AssumptionRow, ReportChart, ReportInput, SummaryTable } from './types.js';

export { summaryToCsv, summaryToMarkdown } from './tables.js';

/**
 * Content Security Policy of the page. Vega compiles expressions with `new Function`, hence
 * `'unsafe-eval'`; vega-embed adds its own style element, hence inline styles.
 */
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --band: #f6f8fa; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; }
header, main { max-width: 1040px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 32px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.8em; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 1.3em; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.subtitle { font-size: 1.1em; color: var(--muted); margin: 0 0 8px; }
.meta { font-size: 0.9em; color: var(--muted); margin: 0 0 12px; }
.links { margin: 0 0 8px; }
p.lead { margin: 4px 0 8px; max-width: 52em; }
nav ol { columns: 2; margin: 8px 0 0; padding-left: 20px; font-size: 0.95em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; min-width: 50%; }
th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; border-bottom: 2px solid var(--line); }
tbody tr:nth-child(even) td { background: #fbfcfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pre { white-space: pre-line; }
figure { margin: 0 0 24px; padding: 12px; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; background: #fff; }
.chart { min-height: 120px; }
.chart-error { color: #b00020; font-weight: 600; }
ul.notes li { margin-bottom: 4px; }
footer { max-width: 1040px; margin: 32px auto; padding: 12px 24px; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); }
@media print { figure { break-inside: avoid; border: none; } nav { display: none; } }
`;

/** Script run after the bundles: renders every chart of `#report-charts` with vega-embed into its div. */
const RENDER_SCRIPT = `
(function () {
  var charts = JSON.parse(document.getElementById('report-charts').textContent);
  var jobs = charts.map(function (c) {
    var el = document.getElementById('chart-' + c.id);
    return vegaEmbed(el, c.spec, { renderer: 'svg', actions: false, mode: 'vega-lite' })
      .then(function () { el.setAttribute('data-rendered', 'true'); })
      .catch(function (err) {
        el.setAttribute('data-rendered', 'error');
        el.className += ' chart-error';
        el.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : err);
        console.error(err);
      });
  });
  Promise.all(jobs).then(function () { document.body.setAttribute('data-charts-done', String(charts.length)); });
})();
`;

/** JSON safe inside a `<script>` element: `<` written as `\u003c`, so no `</script>` can appear. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A table cell's text: numbers with thousands separators (years as years), strings as given. */
function cellText(value: string | number, column: string): string {
  if (typeof value !== 'number') return value;
  if (/year/i.test(column) && Number.isInteger(value)) return String(value);
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 }).format(value);
}

/** The summary table as an HTML table; numeric columns right-aligned. */
export function summaryTableHtml(table: SummaryTable): string {
  checkTableShape(table, 'summaryTableHtml');
  const num = table.columns.map((_, c) => isNumericColumn(table, c));
  const cls = (c: number): string => (num[c] ? ' class="num"' : ' class="pre"');
  const head = table.columns.map((h, c) => `<th scope="col"${num[c] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = table.rows.map((r) => `<tr>${r.map((v, c) => `<td${cls(c)}>${escapeHtml(cellText(v, table.columns[c]))}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** The assumptions as an HTML table with columns scenario, key, value, unit, source. */
export function assumptionsTableHtml(rows: readonly AssumptionRow[]): string {
  if (rows.length === 0) return '<p>No assumptions were listed.</p>';
  const head = ['Scenario', 'Key', 'Value', 'Unit', 'Source'].map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows
    .map((a) => `<tr><td>${escapeHtml(a.scenario)}</td><td><code>${escapeHtml(a.key)}</code></td><td>${escapeHtml(a.value)}</td><td>${escapeHtml(a.unit)}</td><td>${escapeHtml(a.source)}</td></tr>`)
    .join('\n');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/**
 * Builds the complete, offline HTML report.
 * @param input the report's data (title, tables, notes)
 * @param charts charts from `buildReportCharts(input)`; each is drawn into `<div id="chart-<id>">`
 * @param bundles the vega browser bundles to inline (in Node: `loadVegaBundles()` of src/node/report-bundles.ts)
 * @returns the HTML document (about 0.9 MB, most of it the inlined bundles)
 * @throws Error when chart ids repeat, the summary table is ragged or no bundles are given
 */
export function buildHtmlReport(input: ReportInput, charts: readonly ReportChart[], bundles?: VegaBundles): string {
  if (!bundles) throw new Error('buildHtmlReport: pass the vega browser bundles (in Node: loadVegaBundles() from src/node/report-bundles.ts)');
  const ids = new Set<string>();
  for (const c of charts) {
    if (ids.has(c.id)) throw new Error(`buildHtmlReport: chart id "${c.id}" appears twice`);
    ids.add(c.id);
  }
  const t = escapeHtml(input.title);
  const inSection = new Set((input.sections ?? []).flatMap((x) => x.chartIds ?? []));
  const contents = [
    '<li><a href="#summary">Summary</a></li>',
    ...(input.sections ?? []).map((x) => `<li><a href="#section-${escapeHtml(x.id)}">${escapeHtml(x.title)}</a></li>`),
    ...charts.filter((c) => !inSection.has(c.id)).map((c) => `<li><a href="#fig-${escapeHtml(c.id)}">${escapeHtml(c.title)}</a></li>`),
    ...(input.tables ?? []).map((x) => `<li><a href="#table-${escapeHtml(x.id)}">${escapeHtml(x.title)}</a></li>`),
    '<li><a href="#assumptions">Assumptions</a></li>',
    ...(input.notes && input.notes.length > 0 ? ['<li><a href="#notes">Notes</a></li>'] : []),
  ].join('');
  const figure = (c: ReportChart): string => `<figure id="fig-${escapeHtml(c.id)}" aria-label="${escapeHtml(c.title)}"><div class="chart" id="chart-${escapeHtml(c.id)}"></div></figure>`;
  const figures = charts
    .filter((c) => !inSection.has(c.id))
    .map((c) => `<figure id="fig-${escapeHtml(c.id)}" aria-label="${escapeHtml(c.title)}"><div class="chart" id="chart-${escapeHtml(c.id)}"></div></figure>`)
    .join('\n');
  const notes = input.notes && input.notes.length > 0
    ? `<section id="notes"><h2>Notes</h2><ul class="notes">${input.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>`
    : '';
  const links = input.links && input.links.length > 0
    ? `<p class="links">Related pages: ${input.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' · ')}</p>\n`
    : '';
  const sections = (input.sections ?? []).map((x) => `<section id="section-${escapeHtml(x.id)}"><h2>${escapeHtml(x.title)}</h2>
${x.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${x.table ? summaryTableHtml(x.table) : ''}
${charts.filter((c) => x.chartIds?.includes(c.id)).map(figure).join('\n')}
</section>`).join('\n');
  const chartJson = jsonForScript(charts.map((c) => ({ id: c.id, spec: c.spec })));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>${t}</title>
<style>${CSS}</style>
</head>
<body data-chart-count="${charts.length}">
<header>
<h1>${t}</h1>
${input.subtitle ? `<p class="subtitle">${escapeHtml(input.subtitle)}</p>` : ''}
<p class="meta">Generated by ${escapeHtml(input.generatedBy)}</p>
${links}<nav aria-label="Contents"><ol>${contents}</ol></nav>
</header>
<main>
<section id="summary"><h2>Summary</h2>
${(input.summaryText ?? []).map((p) => `<p class="lead">${escapeHtml(p)}</p>`).join('\n')}
${summaryTableHtml(input.summaryTable)}
</section>
${sections}
<section id="charts"><h2>Charts</h2>
${figures}
</section>
${(input.tables ?? []).map((x) => `<section id="table-${escapeHtml(x.id)}"><h2>${escapeHtml(x.title)}</h2>\n${summaryTableHtml(x.table)}\n</section>`).join('\n')}
<section id="assumptions"><h2>Assumptions</h2>
${assumptionsTableHtml(input.assumptions)}
</section>
${notes}
</main>
<footer>Self-contained report: charts drawn in this page with vega, vega-lite and vega-embed (inlined); no network access.</footer>
<script>${bundles.vega}</script>
<script>${bundles.vegaLite}</script>
<script>${bundles.vegaEmbed}</script>
<script type="application/json" id="report-charts">${chartJson}</script>
<script>${RENDER_SCRIPT}</script>
</body>
</html>
`;
}
