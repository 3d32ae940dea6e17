/**
 * Vega-lite specs of the playground's views, in the report's style (src/report/charts.ts): the
 * baseline in dark grey, the current settings in blue, 5–95% bands shaded, effects in percentage
 * points with 95% intervals. Pure: rows in, spec out. Every chart fills its container's width.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, bandTrajectorySpec, type ChartContext } from '../src/report/charts.js';
import { metricInfo } from '../src/report/metrics.js';
import { POLICY_YEAR } from './settings.js';
import { BASELINE_COLOR, SCENARIO_COLORS } from '../src/report/palette.js';
import type { Effect } from '../src/experiment/paired.js';
import type { BandRow, Comparison } from './analysis.js';

/** Colours of the two settings, the same in every chart. */
export const SETTING_SCALE = { domain: ['Baseline', 'Current settings'], range: [BASELINE_COLOR, SCENARIO_COLORS[0]] };

const CONFIG = { ...CHART_CONFIG, padding: 6, axis: { ...CHART_CONFIG.axis, labelLimit: 160 } };
const AUTOSIZE = { type: 'fit-x', contains: 'padding' } as const;

/** Title and accessible description of a band chart; its axis unit comes from the metric declaration. */
export interface BandLook {
  title: string;
  description: string;
}

/** The two settings as the report's chart context: same colours, policy-start marker. */
const CONTEXT: ChartContext = { order: [...SETTING_SCALE.domain], baseline: 'Baseline', color: SETTING_SCALE, policyYear: POLICY_YEAR };

/** Mean line and shaded 5–95% band per setting of one metric over the years (the report's band chart, container-wide). */
export function bandSpec(rows: readonly BandRow[], metric: string, look: BandLook): TopLevelSpec {
  const spec = bandTrajectorySpec(rows, metric, CONTEXT, look.title, { width: 'container', height: 200, autosize: AUTOSIZE, config: CONFIG, yTitle: metricInfo(metric).unit, legendTop: true, description: look.description });
  if (spec === null) throw new RangeError(`bandSpec: no rows for ${metric}`);
  return spec;
}

/** Effects on official and true incidence in `year`, bars in percentage points with 95% error bars. */
export function effectSpec(official: Effect, truth: Effect, year: number): TopLevelSpec {
  const row = (measure: string, e: Effect): Record<string, unknown> => ({ measure, mean: 100 * e.mean, lo: 100 * e.ciLo, hi: 100 * e.ciHi });
  const values = [row('Official incidence', official), row('True incidence', truth)];
  // At least ±0.05 pp around zero, so that a zero effect still has a readable axis.
  const lo = Math.min(-0.05, ...values.map((v) => v.lo as number));
  const hi = Math.max(0.05, ...values.map((v) => v.hi as number));
  const x = { type: 'quantitative' as const, title: `Current settings − baseline, ${year} (percentage points)`, scale: { domain: [lo, hi], nice: true } };
  return {
    description: `Effect of the current settings on ${year} poverty incidence with 95% confidence intervals`,
    title: { text: `Effect on poverty incidence in ${year}`, subtitle: 'Paired difference (same seeds); error bar: 95% confidence interval' },
    width: 'container',
    height: 90,
    autosize: AUTOSIZE,
    config: CONFIG,
    data: { values },
    encoding: { y: { field: 'measure', type: 'nominal', title: null, sort: values.map((v) => v.measure as string) } },
    layer: [
      { mark: { type: 'bar', height: { band: 0.55 }, color: SCENARIO_COLORS[0], opacity: 0.85 }, encoding: { x: { field: 'mean', ...x } } },
      { mark: { type: 'errorbar', ticks: { size: 10 }, color: '#222222', thickness: 1.5 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } } },
      { mark: { type: 'rule', color: '#222222' }, encoding: { x: { datum: 0, ...x } } },
      {
        mark: { type: 'point', opacity: 0 },
        encoding: {
          x: { field: 'mean', ...x },
          tooltip: [
            { field: 'measure', title: 'Incidence' },
            { field: 'mean', type: 'quantitative', title: 'Effect (pp)', format: '.2f' },
            { field: 'lo', type: 'quantitative', title: '95% CI low', format: '.2f' },
            { field: 'hi', type: 'quantitative', title: '95% CI high', format: '.2f' },
          ],
        },
      },
    ],
  };
}

/** Exits by route, stacked, for the baseline and the current settings (persons, summed over [from, to]). */
export function routesSpec(routes: Comparison['routes'], from: number, to: number): TopLevelSpec {
  const order = [...new Set(routes.map((r) => r.route))];
  const values = routes.map((r) => ({ ...r, route: r.route.replace('_', ' '), routeIndex: order.indexOf(r.route) }));
  return {
    description: `Exits from poverty by route, baseline and current settings, persons summed over ${from} to ${to}`,
    title: { text: `Exits from poverty by route, ${from}–${to}`, subtitle: 'Persons (province scale), mean of the runs' },
    width: 'container',
    height: 90,
    autosize: AUTOSIZE,
    config: CONFIG,
    data: { values },
    mark: { type: 'bar', height: { band: 0.6 } },
    encoding: {
      y: { field: 'setting', type: 'nominal', title: null, sort: SETTING_SCALE.domain },
      x: { field: 'persons', type: 'quantitative', aggregate: 'sum', title: 'Exits (persons)', axis: { format: '~s' } },
      color: { field: 'route', type: 'nominal', title: 'Route', sort: order.map((r) => r.replace('_', ' ')), scale: { scheme: 'set2' }, legend: { orient: 'bottom', direction: 'horizontal', columns: 3 } },
      order: { field: 'routeIndex', type: 'quantitative' },
      tooltip: [
        { field: 'setting', type: 'nominal', title: 'Setting' },
        { field: 'route', type: 'nominal', title: 'Route' },
        { field: 'persons', type: 'quantitative', aggregate: 'sum', title: 'Persons', format: ',.0f' },
      ],
    },
  };
}

/** Extra spending by category (current − baseline), million yuan, over every year it differs ([fromYear, to]). */
export function extraSpendingSpec(rows: Comparison['extraByCategory'], fromYear: number | null, to: number): TopLevelSpec {
  const span = fromYear === null ? 'no year differs' : `${fromYear}–${to}`;
  const values = rows.map((r) => ({ category: r.category.replace('_', ' '), million: r.yuan / 1e6 }));
  return {
    description: `Extra spending by category of the current settings against the baseline, ${span}, million yuan`,
    title: { text: `Extra spending by category, ${span}`, subtitle: 'Current settings − baseline, million yuan (province scale)' },
    width: 'container',
    height: 190,
    autosize: AUTOSIZE,
    config: CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.65 } },
        encoding: {
          y: { field: 'category', type: 'nominal', title: null, sort: values.map((v) => v.category) },
          x: { field: 'million', type: 'quantitative', title: 'Million yuan', axis: { format: ',.0f' } },
          color: { condition: { test: 'datum.million < 0', value: '#009e73' }, value: '#d55e00' },
          tooltip: [
            { field: 'category', type: 'nominal', title: 'Category' },
            { field: 'million', type: 'quantitative', title: 'Million yuan', format: ',.1f' },
          ],
        },
      },
      { mark: { type: 'rule', color: '#222222' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ],
  };
}
