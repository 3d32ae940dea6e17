import { describe, expect, it } from 'vitest';
import { loadVegaBundles } from '../../src/node/report-bundles.js';
import { buildReportCharts } from '../../src/report/charts.js';
import { buildHtmlReport, jsonForScript, REPORT_CSP } from '../../src/report/html.js';
import { makeReportInput } from './fixture.js';

const input = makeReportInput();
const charts = buildReportCharts(input);
const bundles = loadVegaBundles();
const html = buildHtmlReport(input, charts, bundles);

describe('buildHtmlReport', () => {
  it('loads nothing from the network: no external src or href, a CSP that forbids fetches', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
  });

  it('inlines the vega, vega-lite and vega-embed bundles', () => {
    const b = loadVegaBundles();
    expect(b.vega.length).toBeGreaterThan(100_000);
    expect(html).toContain(b.vega);
    expect(html).toContain(b.vegaLite);
    expect(html).toContain(b.vegaEmbed);
    expect(html).not.toContain('sourceMappingURL');
  });

  it('has one chart container per chart and the specs as JSON', () => {
    for (const c of charts) expect(html).toContain(`<div class="chart" id="chart-${c.id}"></div>`);
    expect(html.match(/class="chart"/g)).toHaveLength(charts.length);
    const json = /<script type="application\/json" id="report-charts">([^<]*)<\/script>/.exec(html)![1];
    const parsed = JSON.parse(json) as { id: string; spec: unknown }[];
    expect(parsed.map((p) => p.id)).toEqual(charts.map((c) => c.id));
    expect(html).toContain("renderer: 'svg', actions: false");
  });

  it('contains the summary, the assumptions (escaped) and the notes', () => {
    expect(html).toContain('<th scope="col" class="num">Exits (persons)</th>');
    expect(html).toContain('<td class="num">27,200</td>');
    for (const h of ['Scenario', 'Key', 'Value', 'Unit', 'Source']) expect(html).toContain(`<th scope="col">${h}</th>`);
    expect(html).toContain('Assumed, &quot;illustrative&quot; &lt;test&gt;');
    expect(html).toContain('<li>Numbers are made up for testing.</li>');
    expect(html).toContain('<h1>povsim test report: Jiangxi 2013–2020</h1>');
  });

  it('cannot be broken out of by text in titles or specs', () => {
    const evil = makeReportInput();
    evil.title = '</script><script>alert(1)</script>';
    const evilCharts = buildReportCharts({ ...evil, bands: evil.bands.map((r) => ({ ...r, scenario: r.scenario === 'baseline' ? '</script><b>' : r.scenario })) });
    const page = buildHtmlReport(evil, evilCharts, bundles);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('</script><b>');
    expect(JSON.parse(jsonForScript({ s: '</script>\u2028' }))).toEqual({ s: '</script>\u2028' });
  });

  it('rejects repeated chart ids', () => {
    expect(() => buildHtmlReport(input, [charts[0], charts[0]], bundles)).toThrow(/buildHtmlReport: chart id "true-incidence" appears twice/);
  });

  it('prints years as years, links related pages and shows sections and sentences', () => {
    const page = buildHtmlReport({
      ...input,
      summaryText: ['By 2025, A lifts the most people out.'],
      summaryTable: { columns: ['scenario', 'from year', 'yuan'], rows: [['a', 2018, 12345]] },
      links: [{ href: 'dose-response.html', label: 'dose–response' }],
      sections: [{ id: 'how-sure', title: 'How sure are we', paragraphs: ['Two layers.'], table: { columns: ['scenario', 'rank 1'], rows: [['a', '78%']] } }],
    }, charts, bundles);
    expect(page).toContain('<td class="num">2018</td>');
    expect(page).toContain('<td class="num">12,345</td>');
    expect(page).toContain('<a href="dose-response.html">dose–response</a>');
    expect(page).toContain('<section id="section-how-sure"><h2>How sure are we</h2>');
    expect(page).toContain('<a href="#section-how-sure">How sure are we</a>');
    expect(page).toContain('<p class="lead">By 2025, A lifts the most people out.</p>');
    const inside = buildHtmlReport({ ...input, sections: [{ id: 'how-sure', title: 'How sure are we', paragraphs: [], chartIds: [charts[0].id] }] }, charts, bundles);
    const section = /<section id="section-how-sure">[\s\S]*?<\/section>/.exec(inside)![0];
    expect(section).toContain(`<div class="chart" id="chart-${charts[0].id}"></div>`);
    expect(inside.match(new RegExp(`id="chart-${charts[0].id}"`, 'g'))).toHaveLength(1);
  });
});
