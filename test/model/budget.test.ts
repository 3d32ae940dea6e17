/**
 * The budget for one-off measures (budget.ts): the year's funds (government.ts) × householdMeasureShare
 * plus extraBudget, scaled to the sample, released in twelve monthly allotments; unspent allotment
 * carries within the year and lapses in January; payFromBudget books the spending.
 */
import { describe, expect, it } from 'vitest';
import { canAfford, openBudgetYear, payFromBudget, releaseAllotment } from '../../src/model/budget.js';
import { FUNDS_BY_YEAR, fundsOfYear } from '../../src/model/government.js';
import { Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel } from './fixtures.js';

describe('funds by year', () => {
  it('2017: provincial 2.845 bn, 107.6% of the central allocation; 2018 pools 9.577 bn of integrated funds; none in 2013; held after 2020', () => {
    expect(FUNDS_BY_YEAR[2017].provincial).toBe(2.845e9);
    expectRel(FUNDS_BY_YEAR[2017].central, 2.845e9 / 1.076, 1e-12);
    expect(FUNDS_BY_YEAR[2018].integrated).toBe(9.577e9);
    expectRel(FUNDS_BY_YEAR[2017].provincial / FUNDS_BY_YEAR[2016].provincial, 1.632, 1e-12);
    expect(fundsOfYear(2013)).toBe(0);
    expect(fundsOfYear(2025)).toBe(fundsOfYear(2020));
    for (let y = 2015; y <= 2020; y++) expect(fundsOfYear(y)).toBeGreaterThan(fundsOfYear(y - 1));
  });
});

describe('monthly allotments', () => {
  it('release one twelfth of (funds × householdMeasureShare + extraBudget) / scaleUp a month, carried within the year', () => {
    const w = buildWorld({ scaleUp: 1000, params: { householdMeasureShare: 0.4, extraBudget: 1.2e9 }, villages: [{ households: [{}] }] });
    advanceTo(w, 1); // January 2014: the clock opens the year and releases the first allotment
    const year = (fundsOfYear(2014) * 0.4 + 1.2e9) / 1000;
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
