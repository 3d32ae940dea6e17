/** Outcomes read by name: cumulative durable exits stop at the last known year; a missing metric is "not available". */
import { describe, expect, it } from 'vitest';
import { analyzeComparison } from '../../src/experiment/compare.js';
import { hasMetric, outcome, outcomeValues, valuesAt } from '../../src/experiment/compare-values.js';
import { tablesOf } from './tables.js';

describe('outcomeValues', () => {
  const t = tablesOf('s', 2, {
    durable_exits: (r, y) => (y === 0 ? NaN : y >= 6 ? NaN : 100 * y + r),
    true_incidence: (r, y) => 0.1 - 0.01 * y,
    spending_total: () => 1e9,
  });

  it('sums durable exits from the first known year to the last known one', () => {
    const v = outcomeValues(t, outcome('durable_exits'), 2020)!;
    expect(v.throughYear).toBe(2018);
    expect(v.values).toEqual([100 + 200 + 300 + 400 + 500, 1500 + 5]);
    expect(outcomeValues(t, outcome('durable_exits'), 2016)!.values).toEqual([600, 603]);
  });

  it('reads stocks at the year', () => {
    expect(outcomeValues(t, outcome('true_incidence'), 2015)!.values[0]).toBeCloseTo(0.08, 12);
  });

  it('says "not available" for a metric the run lacks, without throwing', () => {
    expect(hasMetric(t, 'vulnerable_share')).toBe(false);
    expect(outcomeValues(t, outcome('vulnerable_share'), 2020)).toBeNull();
    expect(() => valuesAt(t, 'vulnerable_share', 2020)).toThrow(/unknown metric "vulnerable_share"/);
    const a = analyzeComparison({ baseline: t, scenarios: [tablesOf('x', 2, { durable_exits: () => 1, true_incidence: () => 0.05, spending_total: () => 0 })], independentBaseline: null }, { reportYears: [2020], policyYear: 2018 });
    expect(a.unavailable.map((u) => u.outcome)).toEqual(['vulnerable_share', 'poverty_gap', 'official_incidence', 'returns_since_2014']);
    expect(a.unavailable[0].note).toBe('vulnerable_share is not available: the model does not write the metric "vulnerable_share" to yearly.csv');
  });
});
