/**
 * Vega-lite spec builders of the report. Each builder takes rows and a {@link ChartContext} (the
 * scenario order and colours shared by all charts) and returns a plain spec, or `null` when it has
 * no rows to draw. {@link buildReportCharts} assembles the report's list:
 *
 *   1. official and true incidence over time, mean line with a shaded 5–95% band per scenario
 *   2. effect vs baseline per metric at one year, bars with 95% CI error bars
 *   3. cost per person lifted out (yuan), `n/a` where undefined
 *   4. exits by route, stacked per scenario
 *   5. returns to poverty, household motivation and cadre burnout over time (bands as in 1)
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite/types_unstable/config.js';
import { REPORT_METRICS, metricInfo, slug, type MetricDisplay } from './metrics.js';
import { baselineOf, scenarioColorScale, scenarioOrder, type ScenarioColorScale } from './palette.js';
import type { BandRow, CostRow, EffectRow, ReportChart, ReportInput, RouteRow } from './types.js';

/** Chart plot area size in pixels (legends and axes come on top). */
export const CHART_WIDTH = 560;
/** Chart plot area height in pixels for trajectories (bar charts size by their number of scenarios). */
export const CHART_HEIGHT = 300;

/** What all charts of one report share. */
export interface ChartContext {
  /** Scenario names in display order (baseline first). */
  order: string[];
  /** The baseline's name, if any. */
  baseline: string | undefined;
  /** Colour per scenario. */
  color: ScenarioColorScale;
  /** Year the policies start, marked on charts over time (none when undefined). */
  policyYear?: number;
  /** Display of effect-row names that are outcomes, not metrics ({@link ReportInput.outcomes}). */
  outcomes?: Readonly<Record<string, MetricDisplay>>;
}

/** Common look: readable sizes, left-aligned titles, long labels allowed (no canvas in Node: widths are estimated). */
export const CHART_CONFIG: Config = {
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 15, anchor: 'start', offset: 10, subtitleFontSize: 12, subtitleColor: '#555555' },
  axis: { labelFontSize: 11, titleFontSize: 12, titlePadding: 8, labelLimit: 260, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260, symbolStrokeWidth: 2 },
};

/** The shared scenario order and colours of a report input. */
export function chartContext(input: ReportInput): ChartContext {
  const order = scenarioOrder(input);
  const baseline = baselineOf(input.baselineScenario, order);
  return { order, baseline, color: scenarioColorScale(order, baseline), policyYear: input.policyYear, ...(input.outcomes ? { outcomes: input.outcomes } : {}) };
}

/** Axis title `Label (unit)`. */
function axisTitle(info: MetricDisplay): string {
  return `${info.label} (${info.unit})`;
}

/** d3 number format of a metric's values on an axis. */
function valueFormat(info: MetricDisplay): string {
  if (info.kind === 'fraction') return '.0%';
  if (info.kind === 'index') return '.2f';
  if (info.kind === 'ratio') return ',.1f';
  return ',.0f';
}

/** d3 number format of a metric's values in tooltips. */
function tooltipFormat(info: MetricDisplay): string {
  if (info.kind === 'fraction') return '.2%';
  if (info.kind === 'index') return '.3f';
  if (info.kind === 'ratio') return ',.2f';
  return ',.0f';
}

/** Size and look of a band chart when it is not the report's (the playground fills its container). */
export interface BandLayout {
  width?: number | 'container';
  height?: number;
  config?: Config;
  autosize?: { type: 'fit-x'; contains: 'padding' };
  /** y-axis title; default `Label (unit)`. */
  yTitle?: string;
  /** Legend above the plot, in a row. */
  legendTop?: boolean;
  description?: string;
}

/**
 * Mean trajectory of one metric per scenario with its 5–95% band shaded.
 * Fractions are shown as percent of population. `null` when no row has this metric.
 * @param title chart title; default the metric's label
 */
export function bandTrajectorySpec(rows: readonly BandRow[], metric: string, ctx: ChartContext, title?: string, layout: BandLayout = {}): TopLevelSpec | null {
  const values = rows.filter((r) => r.metric === metric);
  if (values.length === 0) return null;
  const info = metricInfo(metric);
  const years = values.map((r) => r.year);
  // Small fractions (a poverty gap of 1–2%) need a decimal, or the axis repeats labels.
  const format = info.kind === 'fraction' && Math.max(...values.map((r) => r.hi)) < 0.05 ? '.1%' : valueFormat(info);
  const tip = tooltipFormat(info);
  const zero = info.kind !== 'index';
  return {
    ...(layout.description ? { description: layout.description } : {}),
    title: { text: title ?? `${info.label} over time`, subtitle: 'Mean across runs; shaded band: 5–95% of runs' },
    width: layout.width ?? CHART_WIDTH,
    height: layout.height ?? CHART_HEIGHT,
    ...(layout.autosize ? { autosize: layout.autosize } : {}),
    config: layout.config ?? CHART_CONFIG,
    data: { values: values as unknown as Record<string, unknown>[] },
    encoding: {
      x: {
        field: 'year', type: 'quantitative', title: 'Year',
        scale: { domain: [Math.min(...years), Math.max(...years)], nice: false, zero: false },
        axis: { format: 'd', tickMinStep: 1 },
      },
      color: {
        field: 'scenario', type: 'nominal', title: 'Scenario', scale: ctx.color, sort: ctx.order,
        legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 300, ...(layout.legendTop ? { orient: 'top', direction: 'horizontal', title: null } : {}) },
      },
    },
    layer: [
      ...policyMarker(ctx),
      {
        mark: { type: 'area', opacity: 0.16 },
        encoding: {
          y: { field: 'lo', type: 'quantitative', stack: null, title: layout.yTitle ?? axisTitle(info), scale: { zero }, axis: { format } },
          y2: { field: 'hi' },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 2.2, point: { size: 28 } },
        encoding: {
          y: { field: 'mean', type: 'quantitative', stack: null },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: 'Scenario' },
            { field: 'year', type: 'quantitative', title: 'Year', format: 'd' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: tip },
            { field: 'lo', type: 'quantitative', title: '5%', format: tip },
            { field: 'hi', type: 'quantitative', title: '95%', format: tip },
          ],
        },
      },
    ],
  };
}

/** A dashed vertical rule and a label where the policies start (no layer without a policy year). */
function policyMarker(ctx: ChartContext): NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> {
  if (ctx.policyYear === undefined) return [];
  // One row of its own, so the marker is drawn once (not once per row), in grey (not a scenario colour).
  // It carries a `year` because the shared x encoding filters out rows without one.
  const x = { field: 'year', type: 'quantitative' } as const;
  const one = { values: [{ year: ctx.policyYear }] };
  const grey = { value: '#555555' };
  return [
    { data: one, mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x, color: grey } },
    { data: one, mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 2, fontSize: 11 }, encoding: { x, color: grey, text: { value: `suggestions start (${ctx.policyYear})` } } },
  ];
}

/** Latest year in the effect rows, or `undefined` when there are none. */
export function latestEffectYear(rows: EffectRow[]): number | undefined {
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.year));
}

/**
 * Effect of each scenario vs the baseline on one metric at one year: a bar for the mean and an
 * error bar for the 95% CI. Fractions are shown in percentage points. `null` when there is no row.
 */
export function effectBarsSpec(rows: EffectRow[], metric: string, year: number, ctx: ChartContext): TopLevelSpec | null {
  const values = rows.filter((r) => r.metric === metric && r.year === year);
  if (values.length === 0) return null;
  const info = metricInfo(metric, ctx.outcomes);
  const pp = info.kind === 'fraction';
  const scale = pp ? 100 : 1;
  const unit = pp ? 'percentage points' : info.unit;
  const fmt = pp ? '.2f' : tooltipFormat(info);
  const scenarios = ctx.order.filter((s) => values.some((r) => r.scenario === s));
  const vs = ctx.baseline === undefined ? 'the baseline' : ctx.baseline;
  const xTitle = `Effect vs ${vs} (${unit})`;
  const y = { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios } as const;
  return {
    title: { text: `Effect on ${info.label.toLowerCase()} in ${year}`, subtitle: `Paired difference vs ${vs}; error bars: 95% confidence interval` },
    width: CHART_WIDTH,
    height: Math.max(60, 36 * scenarios.length),
    config: CHART_CONFIG,
    data: { values },
    transform: [
      { calculate: `datum.mean * ${scale}`, as: 'shown' },
      { calculate: `datum.ciLo * ${scale}`, as: 'shownLo' },
      { calculate: `datum.ciHi * ${scale}`, as: 'shownHi' },
    ],
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          y,
          x: { field: 'shown', type: 'quantitative', title: xTitle, axis: { format: pp ? '.1f' : valueFormat(info) } },
          color: { field: 'scenario', type: 'nominal', scale: ctx.color, legend: null },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: 'Scenario' },
            { field: 'shown', type: 'quantitative', title: `Effect (${unit})`, format: fmt },
            { field: 'shownLo', type: 'quantitative', title: 'CI low', format: fmt },
            { field: 'shownHi', type: 'quantitative', title: 'CI high', format: fmt },
          ],
        },
      },
      {
        mark: { type: 'errorbar', ticks: { size: 10 }, color: '#222222', thickness: 1.5 },
        encoding: { y, x: { field: 'shownLo', type: 'quantitative', title: xTitle }, x2: { field: 'shownHi' } },
      },
      { mark: { type: 'rule', color: '#222222' }, encoding: { x: { datum: 0, type: 'quantitative', title: xTitle } } },
    ],
  };
}

/**
 * Cost per extra durable exit (yuan) per scenario: a bar for the ratio and an error bar for its 95%
 * interval. A scenario whose ratio is undefined or unbounded gets no bar and a label saying why.
 * `null` when there are no rows.
 */
export function costPerDurableExitSpec(rows: CostRow[], ctx: ChartContext): TopLevelSpec | null {
  if (rows.length === 0) return null;
  const scenarios = ctx.order.filter((s) => rows.some((r) => r.scenario === s));
  const subtitle = ['Extra yuan spent (every year it differs) ÷ extra persons who exited and were still out 24 months later',
    'Error bars: 95% interval (delta method, Monte Carlo noise only)'];
  if (rows.some((r) => r.costPerDurableExitYuan === null || r.ciLo === null)) subtitle.push('no bar: no extra durable exit, or too few to bound the ratio');
  const values = rows.map((r) => ({ ...r, bounded: r.costPerDurableExitYuan !== null && r.ciLo !== null && r.costPerDurableExitYuan > 0 }));
  const x = { type: 'quantitative', title: 'Yuan per extra durable exit (yuan)', axis: { format: ',.0f' } } as const;
  return {
    title: { text: 'Cost per extra durable exit from poverty', subtitle },
    width: CHART_WIDTH,
    height: Math.max(60, 36 * scenarios.length),
    config: CHART_CONFIG,
    data: { values },
    transform: [
      { calculate: "datum.bounded ? format(datum.costPerDurableExitYuan, ',.0f') + ' [' + format(datum.ciLo, ',.0f') + '–' + format(datum.ciHi, ',.0f') + ']' : (datum.costPerDurableExitYuan === null ? 'n/a: no extra durable exit' : 'unbounded: gain not distinguishable from 0')", as: 'label' },
      { calculate: 'datum.bounded ? datum.costPerDurableExitYuan : 0', as: 'barValue' },
      { calculate: 'datum.bounded ? datum.ciHi : 0', as: 'labelAt' },
    ],
    encoding: { y: { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios } },
    layer: [
      {
        transform: [{ filter: 'datum.bounded' }],
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          x: { field: 'barValue', ...x },
          color: { field: 'scenario', type: 'nominal', scale: ctx.color, legend: null },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: 'Scenario' },
            { field: 'costPerDurableExitYuan', type: 'quantitative', title: 'Yuan per durable exit', format: ',.0f' },
            { field: 'ciLo', type: 'quantitative', title: '95% low', format: ',.0f' },
            { field: 'ciHi', type: 'quantitative', title: '95% high', format: ',.0f' },
            { field: 'extraDurableExits', type: 'quantitative', title: 'Extra durable exits', format: ',.0f' },
            { field: 'extraSpendingYuan', type: 'quantitative', title: 'Extra spending (yuan)', format: ',.0f' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.bounded' }],
        mark: { type: 'errorbar', ticks: { size: 10 }, color: '#222222', thickness: 1.5 },
        encoding: { x: { field: 'ciLo', ...x }, x2: { field: 'ciHi' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#222222' },
        encoding: { x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/** Exits from poverty by route, stacked per scenario (persons, summed over years). `null` without rows. */
export function exitsByRouteSpec(rows: RouteRow[], ctx: ChartContext, years?: [number, number]): TopLevelSpec | null {
  if (rows.length === 0) return null;
  const span = years ? `Persons, summed over ${years[0]}–${years[1]}` : 'Persons, summed over every simulated year';
  const scenarios = ctx.order.filter((s) => rows.some((r) => r.scenario === s));
  const routes = [...new Set(rows.map((r) => r.route))];
  return {
    title: { text: 'Exits from poverty by route', subtitle: span },
    width: CHART_WIDTH,
    height: Math.max(60, 36 * scenarios.length),
    config: CHART_CONFIG,
    data: { values: rows },
    transform: [{ calculate: `indexof(${JSON.stringify(routes)}, datum.route)`, as: 'routeIndex' }],
    mark: { type: 'bar', height: { band: 0.6 } },
    encoding: {
      y: { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios },
      x: { field: 'persons', type: 'quantitative', aggregate: 'sum', title: 'Exits (persons)', axis: { format: ',.0f' } },
      color: { field: 'route', type: 'nominal', title: 'Exit route', sort: routes, scale: { scheme: 'set2' } },
      order: { field: 'routeIndex', type: 'quantitative' },
      tooltip: [
        { field: 'scenario', type: 'nominal', title: 'Scenario' },
        { field: 'route', type: 'nominal', title: 'Route' },
        { field: 'persons', type: 'quantitative', aggregate: 'sum', title: 'Persons', format: ',.0f' },
      ],
    },
  };
}

/** A chart id and title with its spec, or nothing when the spec is `null`. */
function entry(id: string, title: string, spec: TopLevelSpec | null): ReportChart[] {
  return spec === null ? [] : [{ id, title, spec }];
}

/** Band charts after the effect charts: metric, id and title (drawn only when the rows have the metric). */
const LATER_BANDS: readonly [string, string, string][] = [
  ['vulnerable_share', 'vulnerable-share', 'Vulnerable share (income under 1.5 × the line)'],
  ['poverty_gap', 'poverty-gap', 'Poverty gap (mean shortfall over all persons, share of the line)'],
  [REPORT_METRICS.returnsToPoverty, 'returns-to-poverty', 'Returns to poverty per year'],
  ['waiting_share', 'waiting-share', 'Households "waiting for help"'],
  [REPORT_METRICS.meanMotivation, 'motivation', 'Mean household motivation over time'],
  [REPORT_METRICS.cadreBurnout, 'cadre-burnout', 'Cadre burnout over time'],
  ['burnout_support_loss', 'burnout-support-loss', 'Share of planned support lost to cadre burnout'],
];

/**
 * All charts of a report, in reading order. Charts without data are left out. Effect bars come one
 * chart per metric of `input.effectMetrics` (default: every metric in the effect rows, in order of
 * appearance), at `input.effectYear` or else the latest effect year.
 * @throws Error when `input.effectYear` is given and no effect row has that year
 */
export function buildReportCharts(input: ReportInput): ReportChart[] {
  const ctx = chartContext(input);
  const M = REPORT_METRICS;
  const charts: ReportChart[] = [
    ...entry('true-incidence', 'True poverty incidence',
      bandTrajectorySpec(input.bands, M.trueIncidence, ctx, 'True poverty incidence (income below the line)')),
    ...entry('official-incidence', 'Official poverty incidence',
      bandTrajectorySpec(input.bands, M.officialIncidence, ctx, 'Official poverty incidence (the register, as reported)')),
  ];
  const year = input.effectYear ?? latestEffectYear(input.effects);
  if (input.effectYear !== undefined && input.effects.length > 0 && !input.effects.some((r) => r.year === input.effectYear)) {
    const years = [...new Set(input.effects.map((r) => r.year))].sort((a, b) => a - b);
    throw new Error(`buildReportCharts: no effect row for effectYear ${input.effectYear}; years with effects: ${years.join(', ') || 'none'}`);
  }
  if (year !== undefined) {
    for (const metric of input.effectMetrics ?? new Set(input.effects.map((r) => r.metric))) {
      charts.push(...entry(`effect-${slug(metric)}`, `Effect on ${metricInfo(metric, ctx.outcomes).label.toLowerCase()} in ${year}`,
        effectBarsSpec(input.effects, metric, year, ctx)));
    }
  }
  charts.push(
    ...entry('cost-per-durable-exit', 'Cost per extra durable exit', costPerDurableExitSpec(input.costs, ctx)),
    ...entry('exits-by-route', 'Exits from poverty by route', exitsByRouteSpec(input.routes, ctx, input.routeYears)),
    ...LATER_BANDS.flatMap(([metric, id, title]) => entry(id, title, bandTrajectorySpec(input.bands, metric, ctx, title))),
    ...(input.extraCharts ?? []),
  );
  return charts;
}
