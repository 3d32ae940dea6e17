/**
 * Costs are the scenario minus the baseline over every year in which they differ: a `levers:` change
 * acts from December 2013 and is counted from 2013; costs.csv equals the sum of the yearly
 * spending_total differences in the comparison's yearly.csv.
 */
import { describe, expect, it } from 'vitest';
import { analyzeComparison, costOf, extraSpendingOf, type ComparisonRuns } from '../../src/experiment/compare.js';
import { comparisonYearlyCsv, costsCsv } from '../../src/experiment/compare-report.js';
import { parseCsv } from '../../src/report/csv.js';
import { tablesOf, YEARS } from './tables.js';

const R = 4;
const base = (r: number, y: number): number => 1e9 + 1e7 * y + 1e6 * r;
const baseline = tablesOf('baseline', R, {
  spending_total: base,
  spending_relocation: (r, y) => 0.2 * base(r, y),
  true_incidence: (r, y) => 0.1 - 0.01 * y,
  official_incidence: (r, y) => 0.09 - 0.01 * y,
  durable_exits: (r, y) => (y >= YEARS.length - 2 ? NaN : 1000 + 10 * r + y),
});
/** A subsidy under `levers:`: spending differs from 2013 (index 0), by 3e8 + 1e6·r a year. */
const levers = tablesOf('subsidy under levers', R, {
  spending_total: (r, y) => base(r, y) + 3e8 + 1e6 * r,
  spending_relocation: (r, y) => 0.2 * base(r, y) + 3e8 + 1e6 * r,
  true_incidence: (r, y) => 0.1 - 0.011 * y,
  official_incidence: (r, y) => 0.09 - 0.01 * y,
  durable_exits: (r, y) => (y >= YEARS.length - 2 ? NaN : 1000 + 10 * r + y + 200 + 5 * r),
});
/** A schedule from 2018 (index 5). */
const schedule = tablesOf('culture, 80% of villages', R, {
  spending_total: (r, y) => base(r, y) + (y >= 5 ? 1e8 : 0),
  spending_relocation: (r, y) => 0.2 * base(r, y),
  true_incidence: (r, y) => 0.1 - 0.01 * y - (y >= 5 ? 0.002 : 0),
  official_incidence: (r, y) => 0.09 - 0.01 * y,
  durable_exits: (r, y) => (y >= YEARS.length - 2 ? NaN : 1000 + 10 * r + y + (y >= 5 ? 50 : 0)),
});
const runs: ComparisonRuns = { baseline, scenarios: [levers, schedule], independentBaseline: null };

describe('extra spending', () => {
  it('counts a levers: change from 2013 and a schedule from its first year', () => {
    const l = extraSpendingOf(levers, baseline);
    expect(l.firstYear).toBe(2013);
    expect(l.perReplicate).toEqual([0, 1, 2, 3].map((r) => YEARS.length * (3e8 + 1e6 * r)));
    const s = extraSpendingOf(schedule, baseline);
    expect(s.firstYear).toBe(2018);
    expect(s.perReplicate).toEqual([3e8, 3e8, 3e8, 3e8]);
  });

  it('gives yuan per year over the years that differ, by category, and per durable exit', () => {
    const c = costOf(levers, baseline, 2020);
    expect(c.extraSpending.mean).toBeCloseTo(8 * (3e8 + 1.5e6), 0);
    expect(c.extraSpendingPerYear).toBeCloseTo(3e8 + 1.5e6, 0);
    expect(c.byCategory.find((x) => x.category === 'relocation')!.yuan).toBeCloseTo(8 * (3e8 + 1.5e6), 0);
    // durable exits known 2013–2018 (the last two years are NaN): 6 years × (200 + 5r) extra
    expect(c.durableThroughYear).toBe(2018);
    expect(c.extraDurableExits!.mean).toBeCloseTo(6 * (200 + 7.5), 9);
    expect(c.costPerDurableExit!.ratio).toBeCloseTo((8 * (3e8 + 1.5e6)) / (6 * 207.5), 6);
    const s = costOf(schedule, baseline, 2020);
    expect(s.extraSpendingPerYear).toBeCloseTo(1e8, 0);
  });

  it('writes costs.csv equal to the sum of the yearly spending_total differences of yearly.csv', () => {
    const a = analyzeComparison(runs, { reportYears: [2020], policyYear: 2018 });
    const yearly = parseCsv(comparisonYearlyCsv(runs));
    const col = (n: string): number => yearly.columns.indexOf(n);
    const spend = (scenario: string): number[] => {
      const per = new Array<number>(R).fill(0);
      for (const row of yearly.rows) if (row[col('scenario')] === scenario) per[Number(row[col('replicate')])] += Number(row[col('spending_total')]);
      return per;
    };
    const costs = parseCsv(costsCsv(a));
    const c = (n: string): number => costs.columns.indexOf(n);
    expect(costs.rows.map((r) => r[c('scenario')])).toEqual(['subsidy under levers', 'culture, 80% of villages']);
    for (const row of costs.rows) {
      const b = spend('baseline');
      const diff = spend(row[c('scenario')]).map((v, r) => v - b[r]);
      const meanDiff = diff.reduce((p, q) => p + q, 0) / R;
      expect(Number(row[c('extra_spending_yuan')])).toBe(Math.round(meanDiff));
    }
    expect(costs.rows[0][c('first_year_differing')]).toBe('2013');
    expect(costs.rows[1][c('first_year_differing')]).toBe('2018');
  });
});
