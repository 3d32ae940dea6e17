/**
 * Sensitivity results as a terminal table, CSV, vega-lite charts and a report input for the shared
 * HTML page (src/report/html.ts). Fractions (incidences) are shown in percentage points: a Morris μ*
 * of 1.2 pp means that moving the parameter across its whole range moves the output by 1.2 points
 * on average.
 */
import type { TopLevelSpec } from 'vega-lite';
import { isMetric, METRIC_INFO } from '../../model/metrics.js';
import { CHART_CONFIG, CHART_WIDTH } from '../../report/charts.js';
import { metricInfo } from '../../report/metrics.js';
import { csvField } from '../../report/tables.js';
import type { ReportChart, ReportInput, SummaryTable } from '../../report/types.js';
import type { SweepPlan } from './plan.js';
import type { SensitivityResult, SensitivityRow } from './sensitivity.js';

/** Bars shown in the ranking charts. */
export const CHART_TOP = 25;
/** Rows of the HTML summary table (indices.csv has them all). */
export const HTML_TOP = 30;
/** Points labelled in the Morris μ*–σ chart. */
const LABELLED = 10;

/** Whether the output is a fraction (shown in percentage points), and the display scale and unit. */
export function outputDisplay(metric: string): { scale: number; unit: string } {
  if (!isMetric(metric)) throw new RangeError(`outputDisplay: "${metric}" is not a metric of the model`);
  const info = METRIC_INFO[metric];
  return info.measure === 'fraction' ? { scale: 100, unit: 'percentage points' } : { scale: 1, unit: info.unit };
}

const num = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(8))));

/** indices.csv: one row per parameter, most influential first; raw output units (not scaled). */
export function sensitivityCsv(res: SensitivityResult): string {
  const head = ['rank', 'parameter', 'source', 'low', 'high', 'unit'];
  const cols = res.method === 'morris'
    ? ['mu_star', 'mu_star_low', 'mu_star_high', 'mu', 'sigma']
    : ['S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high'];
  const cells = (r: SensitivityRow): (string | number)[] =>
    res.method === 'morris'
      ? [num(r.muStar), num(r.muStarInterval?.low), num(r.muStarInterval?.high), num(r.mu), num(r.sigma)]
      : [num(r.S1), num(r.S1Interval?.low), num(r.S1Interval?.high), num(r.ST), num(r.STInterval?.low), num(r.STInterval?.high)];
  const lines = [[...head, ...cols].join(',')];
  res.rows.forEach((r, i) => lines.push([i + 1, r.key, r.source, r.low, r.high, r.unit, ...cells(r)].map(csvField).join(',')));
  return lines.join('\n') + '\n';
}

/** The table of indices (display units), for the terminal and the HTML summary. */
export function sensitivityTable(res: SensitivityResult, top = res.rows.length): SummaryTable {
  const { scale, unit } = outputDisplay(res.metric);
  const pct = `${Math.round(res.confidence * 100)}%`;
  const fmt = (v: number | undefined, digits: number): string => (v === undefined || !Number.isFinite(v) ? '–' : (v * scale).toFixed(digits));
  const ci = (i: { low: number; high: number } | null | undefined, s: number, digits: number): string =>
    i ? `[${(i.low * s).toFixed(digits)}, ${(i.high * s).toFixed(digits)}]` : '–';
  const rows = res.rows.slice(0, top);
  if (res.method === 'morris') {
    return {
      columns: ['rank', 'parameter', 'source', `μ* (${unit})`, `μ* ${pct} CI`, 'μ', 'σ', 'σ/μ*'],
      rows: rows.map((r, i) => [
        String(i + 1), r.key, r.source, fmt(r.muStar, 3), ci(r.muStarInterval, scale, 3), fmt(r.mu, 3), fmt(r.sigma, 3),
        r.muStar && r.sigma !== undefined && Number.isFinite(r.sigma) ? (r.sigma / r.muStar).toFixed(2) : '–',
      ]),
    };
  }
  return {
    columns: ['rank', 'parameter', 'source', 'S1', `S1 ${pct} CI`, 'ST', `ST ${pct} CI`],
    rows: rows.map((r, i) => [String(i + 1), r.key, r.source, r.S1!.toFixed(3), ci(r.S1Interval, 1, 3), r.ST!.toFixed(3), ci(r.STInterval, 1, 3)]),
  };
}

/** A summary table as aligned plain text (numbers right-aligned). */
export function tableText(t: SummaryTable): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const right = t.columns.map((_, c) => t.rows.length > 0 && t.rows.every((r) => /^[-–[\d.]/.test(String(r[c]))));
  const line = (r: string[]): string => r.map((v, c) => (right[c] ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Vega-lite charts: Morris μ* ranking and μ*–σ plane; Sobol S1 and ST ranking. */
export function sensitivityCharts(res: SensitivityResult): ReportChart[] {
  const { scale, unit } = outputDisplay(res.metric);
  const label = `${metricInfo(res.metric).label} in ${res.year}`;
  const top = res.rows.slice(0, CHART_TOP);
  const order = top.map((r) => r.key);
  const height = Math.max(80, 18 * top.length);
  const ciNote = res.bootstrap > 0 ? `; error bars: ${Math.round(res.confidence * 100)}% bootstrap interval` : '';
  if (res.method === 'morris') {
    const values = res.rows.map((r, i) => ({
      parameter: r.key, source: r.source, rank: i + 1,
      muStar: r.muStar! * scale, sigma: Number.isFinite(r.sigma) ? r.sigma! * scale : null, mu: r.mu! * scale,
      lo: r.muStarInterval ? r.muStarInterval.low * scale : null, hi: r.muStarInterval ? r.muStarInterval.high * scale : null,
    }));
    const xTitle = `μ* (${unit} across the parameter's range)`;
    const ranking: TopLevelSpec = {
      title: { text: `What moves ${label.toLowerCase()}: Morris μ*`, subtitle: `Mean absolute elementary effect over ${res.r} trajectories, top ${top.length}${ciNote}` },
      width: CHART_WIDTH, height, config: CHART_CONFIG,
      data: { values: values.slice(0, top.length) },
      encoding: { y: { field: 'parameter', type: 'nominal', sort: order, title: null } },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            x: { field: 'muStar', type: 'quantitative', title: xTitle },
            color: { field: 'source', type: 'nominal', title: 'Source', scale: { scheme: 'tableau10' } },
            tooltip: [
              { field: 'parameter', type: 'nominal' }, { field: 'muStar', type: 'quantitative', title: 'μ*', format: '.3f' },
              { field: 'mu', type: 'quantitative', title: 'μ', format: '.3f' }, { field: 'sigma', type: 'quantitative', title: 'σ', format: '.3f' },
            ],
          },
        },
        ...(res.bootstrap > 0 ? [{
          mark: { type: 'errorbar' as const, ticks: { size: 6 }, color: '#222222' },
          encoding: { x: { field: 'lo', type: 'quantitative' as const, title: xTitle }, x2: { field: 'hi' } },
        }] : []),
      ],
    };
    const plane: TopLevelSpec = {
      title: { text: 'Morris plane: μ* against σ', subtitle: 'Right: influential; up: nonlinear or interacting. Labels: top 10 by μ*' },
      width: CHART_WIDTH, height: 360, config: CHART_CONFIG,
      data: { values: values.filter((v) => v.sigma !== null) },
      layer: [
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 0.8 },
          encoding: {
            x: { field: 'muStar', type: 'quantitative', title: `μ* (${unit})` },
            y: { field: 'sigma', type: 'quantitative', title: `σ (${unit})` },
            color: { field: 'source', type: 'nominal', title: 'Source', scale: { scheme: 'tableau10' } },
            tooltip: [{ field: 'parameter', type: 'nominal' }, { field: 'muStar', type: 'quantitative', format: '.3f' }, { field: 'sigma', type: 'quantitative', format: '.3f' }],
          },
        },
        {
          transform: [{ filter: `datum.rank <= ${LABELLED}` }],
          mark: { type: 'text', align: 'left', dx: 6, dy: -4, fontSize: 10, color: '#222222' },
          encoding: { x: { field: 'muStar', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'parameter', type: 'nominal' } },
        },
      ],
    };
    return [{ id: 'morris-mu-star', title: 'Morris μ* ranking', spec: ranking }, { id: 'morris-plane', title: 'Morris μ*–σ plane', spec: plane }];
  }
  const values = top.flatMap((r) => [
    { parameter: r.key, index: 'S1 (first order)', value: r.S1!, lo: r.S1Interval?.low ?? null, hi: r.S1Interval?.high ?? null },
    { parameter: r.key, index: 'ST (total)', value: r.ST!, lo: r.STInterval?.low ?? null, hi: r.STInterval?.high ?? null },
  ]);
  // Small samples give wild intervals: the axis shows −0.5…1.5 at most (the CSV has the numbers).
  const ends = values.flatMap((v) => [v.value, v.lo ?? v.value, v.hi ?? v.value]);
  const domain = [Math.max(-0.5, Math.min(0, ...ends)), Math.min(1.5, Math.max(1, ...ends))];
  const spec: TopLevelSpec = {
    title: { text: `Shares of the variance of ${label.toLowerCase()}: Sobol indices`, subtitle: `${res.n} base samples, top ${top.length} by ST${ciNote}` },
    width: CHART_WIDTH, height: Math.max(80, 30 * top.length), config: CHART_CONFIG,
    data: { values },
    encoding: {
      y: { field: 'parameter', type: 'nominal', sort: order, title: null },
      yOffset: { field: 'index', type: 'nominal' },
      color: { field: 'index', type: 'nominal', title: 'Index', scale: { range: ['#0072b2', '#e69f00'] } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: 'Share of output variance', axis: { format: '.0%' }, scale: { domain, clamp: true } },
          tooltip: [{ field: 'parameter', type: 'nominal' }, { field: 'index', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.3f' }],
        },
      },
      ...(res.bootstrap > 0 ? [{
        mark: { type: 'errorbar' as const, ticks: { size: 4 }, color: '#222222' },
        encoding: { x: { field: 'lo', type: 'quantitative' as const, title: 'Share of output variance' }, x2: { field: 'hi' } },
      }] : []),
    ],
  };
  return [{ id: 'sobol-indices', title: 'Sobol S1 and ST', spec }];
}

/** The HTML report's input: the indices table, the varied ranges as assumptions, notes on reading. */
export function sensitivityReportInput(res: SensitivityResult, plan: SweepPlan, generatedBy: string): ReportInput {
  const label = `${metricInfo(res.metric).label} in ${res.year}`;
  const { unit, scale } = outputDisplay(res.metric);
  const meanText = scale === 100 ? `${(res.outputMean * 100).toFixed(2)}%` : `${Number(res.outputMean.toPrecision(4))} ${unit}`;
  const shown = Math.min(res.rows.length, HTML_TOP);
  const notes = res.method === 'morris'
    ? [
        `μ* is the mean absolute change of ${label.toLowerCase()} (${unit}) when one parameter moves across its whole range, the others fixed (Morris elementary effects; Campolongo et al. 2007). It ranks overall influence.`,
        'σ is the spread of those changes: large σ (compared with μ*) means the effect depends on the other parameters (interactions) or is nonlinear.',
        `Each point's output is the mean of ${plan.replicates} replicate(s) with common random numbers; replicate noise adds to σ and, at small scales, to μ* of inactive parameters.`,
      ]
    : [
        'S1 is the share of the output variance explained by the parameter alone; ST adds its interactions (Saltelli 2010, Jansen 1999). ST − S1 measures interactions.',
        'Indices below about 0.05, or whose interval includes 0, cannot be told from noise at this sample size.',
      ];
  return {
    title: `Sensitivity of ${label.toLowerCase()}`,
    subtitle: `${plan.name}: ${res.method} design, ${res.points} points × ${plan.replicates} replicate(s), scale ${plan.scale}; mean over the points ${meanText}`,
    generatedBy,
    bands: [],
    effects: [],
    costs: [],
    routes: [],
    assumptions: plan.vary.map((p) => ({
      scenario: plan.name,
      key: p.key,
      value: `${p.low} to ${p.high}${p.log ? ' (log scale)' : ''}`,
      unit: res.rows.find((r) => r.key === p.key)?.unit ?? '',
      source: res.rows.find((r) => r.key === p.key)?.source ?? '',
    })),
    summaryTable: sensitivityTable(res, shown),
    notes: shown < res.rows.length ? [`The summary shows the top ${shown} of ${res.rows.length} parameters; indices.csv lists all.`, ...notes] : notes,
  };
}
