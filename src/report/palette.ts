/**
 * One colour per scenario, the same in every chart. The baseline is dark grey; the other scenarios
 * take the Okabe–Ito colour-blind-safe colours (yellow left out: too pale on white), then Tableau 10.
 */
import type { ReportInput } from './types.js';

/** Colour of the baseline scenario. */
export const BASELINE_COLOR = '#4d4d4d';

/** Colours for non-baseline scenarios, in order of use. */
export const SCENARIO_COLORS: readonly string[] = [
  '#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9',
  '#9467bd', '#8c564b', '#bcbd22', '#17becf', '#e377c2', '#7f7f7f',
];

/** A vega-lite colour scale with an explicit domain, so that colours do not depend on the chart. */
export interface ScenarioColorScale { domain: string[]; range: string[] }

/**
 * Scenario names in display order: the baseline first (when present), then the others in order of
 * first appearance in bands, effects, costs and routes.
 */
export function scenarioOrder(input: Pick<ReportInput, 'bands' | 'effects' | 'costs' | 'routes' | 'baselineScenario'>): string[] {
  const seen = new Set<string>();
  for (const rows of [input.bands, input.effects, input.costs, input.routes]) {
    for (const r of rows) seen.add(r.scenario);
  }
  const baseline = baselineOf(input.baselineScenario, seen);
  const rest = [...seen].filter((s) => s !== baseline);
  return baseline === undefined ? rest : [baseline, ...rest];
}

/** The baseline's name: the given one, else `baseline` when such a scenario exists. */
export function baselineOf(given: string | undefined, scenarios: Iterable<string>): string | undefined {
  if (given !== undefined) return given;
  for (const s of scenarios) if (s === 'baseline') return s;
  return undefined;
}

/**
 * Colour scale for the given scenario order. Colours cycle when there are more scenarios than colours.
 * @param order scenario names as from {@link scenarioOrder}
 * @param baseline name drawn in {@link BASELINE_COLOR}, if any
 */
export function scenarioColorScale(order: string[], baseline: string | undefined): ScenarioColorScale {
  let next = 0;
  const range = order.map((s) => (s === baseline ? BASELINE_COLOR : SCENARIO_COLORS[next++ % SCENARIO_COLORS.length]));
  return { domain: [...order], range };
}
