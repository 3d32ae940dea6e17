/**
 * comparisonPlan: a comparison file, resolved scenarios and flags to the specs the study runs,
 * with every bad flag an InputError naming it.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/diagnostics.js';
import { comparisonPlan, DEFAULT_COMPARE_REPLICATES, POLICY_YEAR } from '../../src/experiment/compare-plan.js';
import type { ComparisonFile } from '../../src/experiment/comparison-file.js';

const FILE: ComparisonFile = {
  name: 'c', baseline: 'b.yaml', alternatives: ['x.yaml', 'y.yaml'], combinations: [{ scenario: 'xy.yaml', of: ['x.yaml', 'y.yaml'] }],
  years: [2020, 2025], draws: { count: 0, replicates: 0 }, doses: { count: 0, replicates: 0 }, budgets: [],
};
const scenario = (endYear = 2025) => (f: string) => ({ name: f.replace('.yaml', ''), values: {}, schedule: [], endYear, scale: 0.01, seed: 3 });

/** The InputError's flag and message, or a failure when the call does not throw one. */
function flagError(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return `${err.diagnostics[0].key}: ${err.diagnostics[0].message}`;
    throw err;
  }
  throw new Error('no InputError thrown');
}

describe('comparisonPlan', () => {
  it('builds every spec with the same replicates, report years within the run, the policy year', () => {
    const plan = comparisonPlan(FILE, scenario());
    expect(plan.baseline).toEqual({ name: 'b', values: {}, schedule: [], endYear: 2025, scale: 0.01, seed: 3, replicates: DEFAULT_COMPARE_REPLICATES });
    expect(plan.alternatives.map((a) => a.name)).toEqual(['x', 'y']);
    expect(plan.combinations).toEqual([{ scenario: expect.objectContaining({ name: 'xy', replicates: 50 }), parts: ['x', 'y'] }]);
    expect(plan).toMatchObject({ reportYears: [2020, 2025], policyYear: POLICY_YEAR, budgets: [], doses: { count: 0 } });
    expect(comparisonPlan(FILE, scenario(2019)).reportYears).toEqual([2019]);
    expect(comparisonPlan(FILE, scenario(2022), { replicates: 6 }).reportYears).toEqual([2020]);
  });

  it('an extra budget is added once, sorted, and brings three doses when the file has none', () => {
    const plan = comparisonPlan({ ...FILE, budgets: [5e9] }, scenario(), { budget: 2e9, replicates: 10 });
    expect(plan.budgets).toEqual([2e9, 5e9]);
    expect(plan.doses).toEqual({ count: 3, replicates: 4 });
    expect(comparisonPlan({ ...FILE, budgets: [2e9] }, scenario(), { budget: 2e9 }).budgets).toEqual([2e9]);
    expect(comparisonPlan(FILE, scenario(), { draws: 5 }).draws).toEqual({ count: 5, replicates: 1 });
  });

  it('names the flag of every bad value', () => {
    expect(flagError(() => comparisonPlan(FILE, scenario(), { replicates: 1 }))).toBe('--replicates: a comparison needs at least 2 replicates for its intervals');
    expect(flagError(() => comparisonPlan(FILE, scenario(2017)))).toBe(`--end-year: a comparison needs the run to reach ${POLICY_YEAR}, when the suggestions start`);
    expect(flagError(() => comparisonPlan(FILE, scenario(), { budget: -1 }))).toMatch(/^--budget: must be a positive number/);
    expect(flagError(() => comparisonPlan(FILE, scenario(), { draws: 1 }))).toMatch(/^--draws: must be 0 \(none\)/);
  });
});
