import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { buildReportCharts, chartContext, costPerDurableExitSpec, bandTrajectorySpec } from '../../src/report/charts.js';
import { BASELINE_COLOR, scenarioColorScale } from '../../src/report/palette.js';
import { metricInfo, slug } from '../../src/report/metrics.js';
import { makeReportInput, SCENARIOS } from './fixture.js';

/** Compiles a spec with vega-lite and parses it with vega, returning the warnings. */
function compileWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return logger;
  };
  const vg = compile(spec, { logger }).spec;
  vega.parse(vg);
  return warnings;
}

/** Every string found anywhere in a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('buildReportCharts', () => {
  const input = makeReportInput();
  const charts = buildReportCharts(input);

  it('builds every chart of the report, in reading order', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'true-incidence', 'official-incidence', 'effect-official_incidence', 'effect-true_incidence',
      'cost-per-durable-exit', 'exits-by-route', 'returns-to-poverty', 'motivation', 'cadre-burnout',
    ]);
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s compiles without warnings and has titles with units', (_id, chart) => {
    expect(compileWarnings(chart.spec)).toEqual([]);
    const spec = chart.spec as { title?: { text?: string } };
    expect(spec.title?.text).toBeTruthy();
    expect(chart.title).toBeTruthy();
    const all = strings(chart.spec);
    // at least one axis title with a unit in parentheses, e.g. "(% of persons)", "(yuan)", "(persons)"
    expect(all.some((s) => /\((% of persons|% of the line|% of registered persons|% of planned support|percentage points|yuan|persons|persons per year|index)\)$/.test(s))).toBe(true);
  });

  it('uses the same colour for a scenario in every chart', () => {
    const scales = charts.map((c) => JSON.stringify(c.spec))
      .flatMap((json) => [...json.matchAll(/"scale":\{"domain":(\[[^\]]*\]),"range":(\[[^\]]*\])/g)])
      .map((m) => `${m[1]}→${m[2]}`);
    expect(scales.length).toBeGreaterThanOrEqual(7);
    expect(new Set(scales).size).toBe(1);
    const ctx = chartContext(input);
    expect(ctx.order).toEqual([...SCENARIOS]);
    expect(ctx.color.range[0]).toBe(BASELINE_COLOR);
  });

  it('shows incidences as percent on the y axis', () => {
    const spec = charts.find((c) => c.id === 'true-incidence')!.spec;
    expect(JSON.stringify(spec)).toContain('"format":".0%"');
    expect(JSON.stringify(spec)).toContain('True poverty incidence (% of persons)');
  });

  it('draws effects at the latest year by default and at effectYear when given', () => {
    expect(charts.find((c) => c.id === 'effect-true_incidence')!.title).toContain('2020');
    const at2016 = buildReportCharts({ ...input, effectYear: 2016 });
    expect(at2016.find((c) => c.id === 'effect-true_incidence')!.title).toContain('2016');
    expect(() => buildReportCharts({ ...input, effectYear: 2031 })).toThrow(/effectYear 2031.*2016, 2020/);
  });

  it('labels an undefined cost per durable exit n/a, draws intervals, and explains it', () => {
    const spec = costPerDurableExitSpec(input.costs, chartContext(input))!;
    const json = JSON.stringify(spec);
    expect(json).toContain("'n/a: no extra durable exit'");
    expect(json).toContain('no bar: no extra durable exit, or too few to bound the ratio');
    expect(json).toContain('"type":"errorbar"');
    const noNull = costPerDurableExitSpec(input.costs.filter((c) => c.costPerDurableExitYuan !== null), chartContext(input))!;
    expect(JSON.stringify(noNull)).not.toContain('no bar:');
  });

  it('marks the policy start on charts over time and says which years the routes sum', () => {
    const band = JSON.stringify(charts.find((c) => c.id === 'true-incidence')!.spec);
    expect(band).toContain('{"values":[{"year":2018}]}');
    expect(band).toContain('suggestions start (2018)');
    expect(JSON.stringify(charts.find((c) => c.id === 'exits-by-route')!.spec)).toContain('Persons, summed over 2018–2020');
  });

  it('leaves out charts without data', () => {
    const empty = buildReportCharts({ ...input, bands: [], effects: [], costs: [], routes: [] });
    expect(empty).toEqual([]);
    expect(bandTrajectorySpec(input.bands, 'no_such_metric', chartContext(input))).toBeNull();
  });
});

describe('palette and metrics', () => {
  it('puts the baseline in grey and cycles colours for many scenarios', () => {
    const names = Array.from({ length: 15 }, (_, i) => `s${i}`);
    const scale = scenarioColorScale(['baseline', ...names], 'baseline');
    expect(scale.range[0]).toBe(BASELINE_COLOR);
    expect(scale.range).toHaveLength(16);
    expect(scale.range[1]).toBe(scale.range[13]);
  });

  it('reads labels and units from the metric declaration and refuses names it does not know', () => {
    expect(metricInfo('official_incidence')).toEqual({ label: 'Official poverty incidence', kind: 'fraction', unit: '% of persons' });
    expect(metricInfo('poverty_gap').unit).toBe('% of the line');
    expect(metricInfo('exits_total')).toMatchObject({ kind: 'persons', unit: 'persons per year' });
    expect(metricInfo('dibao_recipients')).toMatchObject({ kind: 'persons', unit: 'persons' });
    expect(metricInfo('spending_total')).toMatchObject({ kind: 'yuan', unit: 'yuan per year' });
    expect(metricInfo('cadre_burnout')).toMatchObject({ kind: 'index', unit: 'index' });
    expect(() => metricInfo('extra_spending_yuan')).toThrow(/"extra_spending_yuan" is not a metric/);
    const own = { returns_since_2014: { label: 'Returns since 2014', unit: 'persons', kind: 'persons' as const } };
    expect(metricInfo('returns_since_2014', own).label).toBe('Returns since 2014');
    expect(slug('Weird metric/ñ 2')).toBe('weird-metric-2');
  });
});
