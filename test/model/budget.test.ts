/**
 * The budget for one-off measures (budget.ts): the year's funds (government.ts) × householdMeasureShare
 * plus extraBudget, scaled to the sample, released in twelve monthly allotments; unspent allotment
 * carries within the year and lapses in January; payFromBudget books the spending.
 */
import { describe, expect, it } from 'vitest';
import { canAfford, openBudgetYear, payFromBudget, releaseAllotment } from '../../src/model/budget.js';
import { fundsBySource, fundsOfYear } from '../../src/model/government.js';
import { defaultParams } from '../../src/model/simulate.js';
import { Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel } from './fixtures.js';

describe('funds by year', () => {
  const p = defaultParams();
  const at = (y: number) => fundsBySource(y, p);
  it('2017: provincial 2.845 bn, 107.6% of the central allocation; 2018 pools 9.577 bn of integrated funds; none in 2013; held after 2020', () => {
    expect(at(2017).provincial).toBe(2.845e9);
    expectRel(at(2017).central, 2.845e9 / 1.076, 1e-12);
    expect(at(2018).integrated).toBe(9.577e9);
    expectRel(at(2017).provincial / at(2016).provincial, 1.632, 1e-12);
    expect(fundsOfYear(2013, p)).toBe(0);
    expect(fundsOfYear(2025, p)).toBe(fundsOfYear(2020, p));
    for (let y = 2015; y <= 2020; y++) expect(fundsOfYear(y, p)).toBeGreaterThan(fundsOfYear(y - 1, p));
  });

  it('the funding assumptions of the table act where they say, and only there', () => {
    // Default: 2014–2015 provincial at 0.8 of central, 2018–2020 at 1.076; integrated funds half and three quarters of 2018's in 2016 and 2017.
    expectRel(at(2014).provincial, 0.8 * at(2014).central, 1e-12);
    expectRel(at(2019).provincial, 1.076 * at(2019).central, 1e-12);
    expect(at(2016).integrated).toBe(0.5 * 9.577e9);
    expect(at(2017).integrated).toBe(0.75 * 9.577e9);
    const q = { ...p, provincialFundsEarly: 1.2, provincialFundsLate: 2, integratedFunds2016: 0.25, integratedFunds2017: 1 };
    const changed = (y: number) => fundsBySource(y, q);
    expectRel(changed(2015).provincial, 1.2 * at(2015).central, 1e-12);
    expectRel(changed(2020).provincial, 2 * at(2020).central, 1e-12);
    expect(changed(2016).integrated).toBe(0.25 * 9.577e9);
    expect(changed(2017).integrated).toBe(9.577e9);
    // 2016 and 2017 provincial funds are the published figures, the central path is not a parameter.
    for (const y of [2016, 2017]) expect(changed(y).provincial).toBe(at(y).provincial);
    for (let y = 2014; y <= 2020; y++) expect(changed(y).central).toBe(at(y).central);
    expect(fundsOfYear(2020, q) - fundsOfYear(2020, p)).toBeCloseTo((2 - 1.076) * at(2020).central, 0);
  });
});

describe('monthly allotments', () => {
  it('release one twelfth of (funds × householdMeasureShare + extraBudget) / scaleUp a month, carried within the year', () => {
    const w = buildWorld({ scaleUp: 1000, params: { householdMeasureShare: 0.4, extraBudget: 1.2e9 }, villages: [{ households: [{}] }] });
    advanceTo(w, 1); // January 2014: the clock opens the year and releases the first allotment
    const year = (fundsOfYear(2014, w.p) * 0.4 + 1.2e9) / 1000;
    expectRel(w.budgetYear, year, 1e-12);
    expectRel(w.budgetLeft, year / 12, 1e-12);
    advanceTo(w, 3);
    expectRel(w.budgetLeft, (3 * year) / 12, 1e-12); // nothing spent: carried
    // Spending and booking.
    const before = w.budgetLeft;
    expect(canAfford(w, before)).toBe(true);
    expect(canAfford(w, before + 1)).toBe(false);
    w.flows.budgetSpent = 0;
    payFromBudget(w, 'housing', 20000);
    expectRel(w.budgetLeft, before - 20000, 1e-12);
    expect(w.flows.budgetSpent).toBe(20000);
    expect(w.flows.spending[Spend.housing]).toBe(20000);
    // January: the remainder lapses.
    openBudgetYear(w);
    expect(w.budgetLeft).toBe(0);
    releaseAllotment(w);
    expectRel(w.flows.budgetAvailable, (4 * year) / 12, 1e-12); // four releases counted this run (flows not reset here)
  });

  it('a scheduled extraBudget applies from its month', () => {
    const w = buildWorld({ scaleUp: 1, params: { householdMeasureShare: 0, extraBudget: 0 }, villages: [{ households: [{}] }] });
    advanceTo(w, 6);
    expect(w.budgetLeft).toBe(0);
    w.p.extraBudget = 12000;
    advanceTo(w, 7);
    expect(w.budgetLeft).toBe(1000);
  });
});
