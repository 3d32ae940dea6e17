/**
 * Draws a comparison into the page: the 2020 headline numbers and the charts (vega-embed, SVG).
 * Each number element also carries its full-precision value in `data-value`, for tests.
 */
import embed, { type Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { percent, pp, yuan, type Comparison, type RankRow } from './analysis.js';
import { bandSpec, effectSpec, extraSpendingSpec, routesSpec } from './charts.js';

const views = new Map<string, Result>();

function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`views: no element #${id}`);
  return e;
}

function setNumber(id: string, text: string, value: number | null): void {
  const e = byId(id);
  e.textContent = text;
  e.dataset.value = value === null ? '' : String(value);
}

/** Replaces the chart in `#id` with `spec`. */
async function draw(id: string, spec: TopLevelSpec): Promise<void> {
  const old = views.get(id);
  const result = await embed(byId(id), spec, { actions: false, renderer: 'svg' });
  old?.finalize();
  views.set(id, result);
}

/** A plain table of `rows` under `columns` into `#id` (the text alternative of a chart). */
function table(id: string, columns: string[], rows: string[][]): void {
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const c of columns) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: c }));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of r) tr.insertCell().textContent = c;
  }
  byId(id).replaceChildren(t);
}

/** Mean of a band metric per year for one setting, as a map year → mean. */
function means(c: Comparison, metric: string, setting: string): Map<number, number> {
  return new Map(c.bands.filter((b) => b.metric === metric && b.scenario === setting).map((b) => [b.year, b.mean]));
}

function numberTables(c: Comparison): void {
  const years = [...means(c, 'official_incidence', 'Baseline').keys()];
  const col = (metric: string, setting: string, f: (v: number) => string) => {
    const m = means(c, metric, setting);
    return years.map((y) => f(m.get(y) ?? NaN));
  };
  const idx = (v: number): string => v.toFixed(3);
  const cols = [
    col('official_incidence', 'Baseline', percent), col('official_incidence', 'Current settings', percent),
    col('true_incidence', 'Baseline', percent), col('true_incidence', 'Current settings', percent),
  ];
  table('table-incidence', ['Year', 'Official, baseline', 'Official, current', 'True, baseline', 'True, current'], years.map((y, i) => [String(y), ...cols.map((x) => x[i])]));
  const people = [
    col('mean_motivation', 'Baseline', idx), col('mean_motivation', 'Current settings', idx),
    col('cadre_burnout', 'Baseline', idx), col('cadre_burnout', 'Current settings', idx),
  ];
  table('table-people', ['Year', 'Motivation, baseline', 'Motivation, current', 'Burnout, baseline', 'Burnout, current'], years.map((y, i) => [String(y), ...people.map((x) => x[i])]));
  const eff = (name: string, e: Comparison['effectOfficial']): string[] => [name, pp(e.mean), pp(e.ciLo), pp(e.ciHi)];
  table('table-effect', [`${c.year} incidence`, 'Effect', '95% CI low', '95% CI high'], [eff('Official', c.effectOfficial), eff('True', c.effectTrue)]);
  const million = (v: number): string => (v / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 });
  const persons = (v: number): string => Math.round(v).toLocaleString('en-US');
  const last = c.bands.length ? Math.max(...c.bands.map((b) => b.year)) : c.year;
  const span = c.cost.fromYear === null ? 'no year differs' : `${c.cost.fromYear}–${last}`;
  table('table-cost', ['Item', 'Value'], [
    ...c.extraByCategory.map((x) => [`Extra spending, ${x.category.replace('_', ' ')} (million yuan, ${span})`, million(x.yuan)]),
    [`Extra spending, total ${span} (million yuan)`, million(c.cost.extraSpending.mean)],
    ['Extra durable exits (persons who exited and were still out 24 months later)', c.cost.durable ? persons(c.cost.durable.mean) : 'not available'],
    ['Cost per extra durable exit (yuan) [95% CI]', c.cost.perPerson === null ? 'n/a' : `${persons(c.cost.perPerson)}${c.cost.perPersonLo === null ? ' [no bound]' : ` [${persons(c.cost.perPersonLo)}, ${persons(c.cost.perPersonHi!)}]`}`],
  ]);
  const routes = [...new Set(c.routes.map((r) => r.route))];
  const of = (setting: string, route: string): number => c.routes.find((r) => r.setting === setting && r.route === route)?.persons ?? NaN;
  table('table-routes', ['Route', 'Baseline (persons)', 'Current (persons)'], routes.map((r) => [r.replace('_', ' '), persons(of('Baseline', r)), persons(of('Current settings', r))]));
}

/** Headline numbers and every chart of a comparison. Resolves when all charts are drawn. */
export async function renderComparison(c: Comparison): Promise<void> {
  setNumber('official-2020', percent(c.official.current), c.official.current);
  setNumber('official-2020-baseline', percent(c.official.baseline), c.official.baseline);
  setNumber('true-2020', percent(c.truth.current), c.truth.current);
  setNumber('true-2020-baseline', percent(c.truth.baseline), c.truth.baseline);
  const e = c.effectOfficial;
  setNumber('effect-2020', pp(e.mean), e.mean);
  byId('effect-2020-ci').textContent = `[${pp(e.ciLo).replace(' pp', '')}, ${pp(e.ciHi)}]`;
  const cost = c.cost;
  setNumber('cost-per-person', cost.perPerson === null ? 'n/a' : yuan(cost.perPerson), cost.perPerson);
  const spent = cost.extraSpendingPerYear / 1e6;
  const money = cost.fromYear === null ? 'no extra spending' : `${Math.abs(spent).toLocaleString('en-US', { maximumFractionDigits: 0 })} million yuan a year ${spent < 0 ? 'less' : 'extra'} from ${cost.fromYear}`;
  byId('cost-detail').textContent = cost.perPerson === null
    ? `no extra durable exit (${money})`
    : `per extra durable exit; ${money} for ${Math.round(cost.durable!.mean).toLocaleString('en-US')} more persons out of poverty for good`;
  numberTables(c);
  const look = (title: string, description: string) => ({ title, description });
  await Promise.all([
    draw('chart-official', bandSpec(c.bands, 'official_incidence', look('Official incidence (on the register)', 'Official poverty incidence over time, baseline and current settings'))),
    draw('chart-true', bandSpec(c.bands, 'true_incidence', look('True incidence (income below the line)', 'True poverty incidence over time, baseline and current settings'))),
    draw('chart-effect', effectSpec(c.effectOfficial, c.effectTrue, c.year)),
    draw('chart-spending', extraSpendingSpec(c.extraByCategory, cost.fromYear, Math.max(...c.bands.map((b) => b.year)))),
    draw('chart-routes', routesSpec(c.routes, c.routesFrom, Math.max(...c.bands.map((b) => b.year)))),
    draw('chart-motivation', bandSpec(c.bands, 'mean_motivation', look('Mean household motivation', 'Mean household motivation over time'))),
    draw('chart-burnout', bandSpec(c.bands, 'cadre_burnout', look('Mean cadre burnout', 'Mean cadre burnout over time'))),
  ]);
}

/** The ranking table: the suggestions under the student's assumptions next to the table defaults. */
export function renderRanking(container: HTMLElement, mine: RankRow[], defaults: RankRow[], caption: string): void {
  const table = document.createElement('table');
  const cap = document.createElement('caption');
  cap.textContent = caption;
  table.append(cap);
  const head = table.createTHead().insertRow();
  for (const h of ['Rank', 'Suggestion', 'Effect on official incidence [95% CI] (ranked by)', 'Effect on true incidence', 'Cost per extra durable exit', 'Rank with table defaults']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  mine.forEach((r, i) => {
    const tr = body.insertRow();
    const rankDefault = defaults.findIndex((d) => d.name === r.name) + 1;
    const moved = rankDefault !== i + 1;
    const cells = [
      String(i + 1),
      r.name,
      `${pp(r.effectOfficial.mean)} [${pp(r.effectOfficial.ciLo).replace(' pp', '')}, ${pp(r.effectOfficial.ciHi)}]`,
      pp(r.effectTrue.mean),
      r.perPerson === null ? 'n/a' : yuan(r.perPerson),
      moved ? `${rankDefault} (moved)` : String(rankDefault),
    ];
    cells.forEach((text, k) => {
      const td = tr.insertCell();
      td.textContent = text;
      if (k === 5 && moved) td.className = 'moved';
    });
  });
  container.replaceChildren(table);
}
