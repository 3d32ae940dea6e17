/**
 * Charts of a comparison study's second layer: dose–response curves (effect against extra yuan per
 * year, with 95% bands) and the rank distribution across assumption draws. Pure spec builders.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartContext } from './charts.js';

/** One dose of one scenario: extra yuan per year and the effect with its 95% interval (display units). */
export interface DoseChartRow { scenario: string; dose: number; extraYuanPerYear: number; mean: number; lo: number; hi: number }

/** One scenario's probability of one rank. */
export interface RankChartRow { scenario: string; rank: number; probability: number }

/**
 * Effect against extra million yuan per year, one line per scenario through its doses (and the
 * origin: no dose, no cost, no effect), with a shaded 95% band. `null` without rows.
 * @param effectTitle axis title of the effect, with its unit, e.g. `Extra durable exits by 2025 (persons)`
 */
export function doseResponseSpec(rows: DoseChartRow[], ctx: ChartContext, effectTitle: string, budgets: readonly number[] = []): TopLevelSpec | null {
  if (rows.length === 0) return null;
  const scenarios = ctx.order.filter((s) => rows.some((r) => r.scenario === s));
  const values = [...scenarios.map((scenario) => ({ scenario, dose: 0, extraYuanPerYear: 0, mean: 0, lo: 0, hi: 0 })), ...rows]
    .map((r) => ({ ...r, million: r.extraYuanPerYear / 1e6 }));
  const x = { field: 'million', type: 'quantitative', title: 'Extra spending (million yuan per year)', axis: { format: ',.0f' } } as const;
  return {
    title: { text: 'Dose–response: effect against extra yuan per year', subtitle: ['Each point is a dose across the plausible range; shaded band: 95% interval (Monte Carlo noise only)', ...(budgets.length ? ['Dashed lines: the budgets compared'] : [])] },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      color: {
        field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios,
        // only the scenarios drawn, in their report colours; solid legend symbols (the bands are pale)
        scale: { domain: scenarios, range: scenarios.map((n) => ctx.color.range[ctx.color.domain.indexOf(n)]) },
        legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 300 },
      },
    },
    layer: [
      ...budgets.map((b) => ({ data: { values: [{}] }, mark: { type: 'rule' as const, strokeDash: [4, 3] }, encoding: { x: { datum: b / 1e6, type: 'quantitative' as const }, color: { value: '#888888' } } })),
      { mark: { type: 'area', opacity: 0.22 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: effectTitle }, y2: { field: 'hi' } } },
      {
        mark: { type: 'line', strokeWidth: 2.2, point: { size: 30 } },
        encoding: {
          x, y: { field: 'mean', type: 'quantitative', title: effectTitle }, order: { field: 'dose', type: 'quantitative' },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: 'Scenario' },
            { field: 'dose', type: 'quantitative', title: 'Dose (share of the way to the plausible end)', format: '.2f' },
            { field: 'million', type: 'quantitative', title: 'Extra million yuan per year', format: ',.0f' },
            { field: 'mean', type: 'quantitative', title: 'Effect', format: ',.3~f' },
            { field: 'lo', type: 'quantitative', title: '95% low', format: ',.3~f' },
            { field: 'hi', type: 'quantitative', title: '95% high', format: ',.3~f' },
          ],
        },
      },
    ],
  };
}

/** Stacked bars: each scenario's probability of each rank across the assumption draws. `null` without rows. */
export function rankDistributionSpec(rows: RankChartRow[], ctx: ChartContext, subtitle: string): TopLevelSpec | null {
  if (rows.length === 0) return null;
  const scenarios = ctx.order.filter((s) => rows.some((r) => r.scenario === s));
  return {
    title: { text: 'How sure are we: rank across assumption draws', subtitle },
    width: CHART_WIDTH,
    height: Math.max(60, 36 * scenarios.length),
    config: CHART_CONFIG,
    data: { values: rows.map((r) => ({ ...r, rankLabel: `rank ${r.rank}` })) },
    mark: { type: 'bar', height: { band: 0.6 } },
    encoding: {
      y: { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios },
      x: { field: 'probability', type: 'quantitative', title: 'Share of draws (%)', stack: 'zero', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'rankLabel', type: 'nominal', title: 'Rank', scale: { scheme: 'blues', reverse: true } },
      order: { field: 'rank', type: 'quantitative' },
      tooltip: [
        { field: 'scenario', type: 'nominal', title: 'Scenario' },
        { field: 'rank', type: 'quantitative', title: 'Rank' },
        { field: 'probability', type: 'quantitative', title: 'Share of draws', format: '.0%' },
      ],
    },
  };
}
