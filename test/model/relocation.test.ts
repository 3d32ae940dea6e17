/**
 * Relocation (phase 6) under the 2016–2020 rules: an offered, willing, registered-or-exited household
 * moves when the month's allotment covers the subsidy, the programme's construction finance covers what
 * subsidy and self-payment leave, and its savings plus the credit it can raise cover its own share.
 * Before selfPayCapFromYear it pays the whole gap; from then on at most the self-pay cap (3,000 yuan a
 * person, 10,000 a household); land compensation lowers its share; credit becomes debt repaid monthly
 * out of income over relocationLoanYears. The remote penalty and unsafe housing go; batch relocation.
 */
import { describe, expect, it } from 'vitest';
import { circumstanceFactor, marketIncome } from '../../src/model/household-income.js';
import { updateIncome } from '../../src/model/income.js';
import { creditLimit, houseCost, relocationGap, selfPayment, updateRelocation } from '../../src/model/relocation.js';
import { Constraint, Registry, Route, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, type HouseholdSpec } from './fixtures.js';

const OFFERED: HouseholdSpec = { registry: Registry.Registered, relocationOffered: 1, willing: 1, unsafeHousing: 1 };
const gapOf = (size: number, subsidy: number) => Math.max(0, (85000 * size) / 3.43 - subsidy);
/** December 2015 → January 2016 is step 25; January 2015 is step 13. */
const JAN_2015 = 13;
const JAN_2016 = 25;

describe('costs and shares', () => {
  it('house cost is housingCost × size / 3.43; the gap is what the subsidy leaves, not below 0', () => {
    const w = buildWorld({ params: { subsidyLevel: 18720 }, villages: [{ remote: 1, households: [{ size: 4 }, { size: 1 }, { size: 8 }] }] });
    expect(w.p.housingCostReferenceSize).toBe(3.43);
    expectRel(houseCost(w, 0), (85000 * 4) / 3.43, 1e-12);
    expect(relocationGap(w, 0)).toBeCloseTo(80405.364, 2);
    expect(relocationGap(w, 1)).toBeCloseTo(24781.341 - 18720, 2);
    w.p.subsidyLevel = 200000;
    expect(relocationGap(w, 2)).toBe(0);
  });

  it('self-payment: the whole gap before selfPayCapFromYear; from then min(gap, 3,000 × size, 10,000)', () => {
    const w = buildWorld({ villages: [{ remote: 1, households: [{ size: 1 }, { size: 2 }, { size: 4 }] }] });
    advanceTo(w, JAN_2015);
    expect(w.year).toBe(2015);
    expectRel(selfPayment(w, 2), gapOf(4, 18720), 1e-9); // 80,405 yuan: no cap before 2016
    advanceTo(w, JAN_2016);
    expect(selfPayment(w, 0)).toBe(3000);
    expect(selfPayment(w, 1)).toBe(6000);
    expect(selfPayment(w, 2)).toBe(10000); // 12,000 capped at the household cap
    // A subsidy large enough that the gap is under the cap: the gap.
    w.p.subsidyLevel = 24000;
    expectRel(selfPayment(w, 0), gapOf(1, 24000), 1e-9); // 781 yuan
  });

  it('credit: min(relocationCredit, repaymentShare × income × size × loan years)', () => {
    const w = buildWorld({ params: { repaymentShare: 0.3, relocationLoanYears: 3, relocationCredit: 50000 }, villages: [{ households: [{ size: 4, incomeSmoothed: 2000 }, { size: 4, incomeSmoothed: 20000 }, { size: 1, incomeSmoothed: -500 }] }] });
    expectRel(creditLimit(w, 0), 0.3 * Math.fround(2000) * 4 * 3, 1e-9); // 7,200
    expect(creditLimit(w, 1)).toBe(50000);
    expect(creditLimit(w, 2)).toBe(0);
  });
});

describe('updateRelocation', () => {
  it('before the programme a poor household cannot pay the gap; under the cap the same household moves', () => {
    // Four persons, savings 5,000, credit 7,200 (income 2,000): 12,200 against 80,405 in 2015, 10,000 in 2016.
    const spec: HouseholdSpec = { ...OFFERED, size: 4, savings: 5000, incomeSmoothed: 2000 };
    const w = buildWorld({ villages: [{ remote: 1, households: [spec] }] });
    advanceTo(w, JAN_2015);
    updateRelocation(w);
    expect(w.hh.relocated[0]).toBe(0);
    advanceTo(w, JAN_2016);
    updateRelocation(w);
    expect(w.hh.relocated[0]).toBe(1);
    // It pays 10,000: 5,000 from savings, 5,000 as debt repaid over 36 months.
    expectRel(w.hh.savings[0], 0, 1e-9);
    expectRel(w.hh.relocationDebt[0], 5000, 1e-6);
    expectRel(w.hh.debtPayment[0], 5000 / 36, 1e-6);
    // Subsidy from the budget; the programme's finance pays the rest of the house.
    expect(w.flows.budgetSpent).toBe(18720);
    expectRel(w.flows.spending[Spend.relocation], houseCost(w, 0) - 10000, 1e-6);
    expect(w.flows.relocations).toBe(4);
    expect(w.hh.unsafeHousing[0]).toBe(0);
    expect(w.hh.constraints[0] & Constraint.RemoteUnmoved).toBe(0);
    expect(w.hh.batch[0]).toBe(Route.Relocation);
    expectRel(circumstanceFactor(w, 0), 1, 1e-6); // skill 0.5, no remoteness penalty any more
  });

  it('land compensation lowers the household\'s own share', () => {
    const spec: HouseholdSpec = { ...OFFERED, size: 4, savings: 3000, incomeSmoothed: 0 };
    const none = buildWorld({ params: { landCompensation: 0 }, villages: [{ remote: 1, households: [spec] }] });
    const comp = buildWorld({ params: { landCompensation: 8000 }, villages: [{ remote: 1, households: [spec] }] });
    for (const w of [none, comp]) {
      advanceTo(w, JAN_2016);
      updateRelocation(w);
    }
    expect(none.hh.relocated[0]).toBe(0); // 3,000 of savings, no credit, against 10,000
    expect(comp.hh.relocated[0]).toBe(1); // 10,000 − 8,000 = 2,000
    expectRel(comp.hh.savings[0], 1000, 1e-9);
  });

  it('the subsidy waits when the month\'s allotment cannot cover it', () => {
    const w = buildWorld({ villages: [{ remote: 1, households: [{ ...OFFERED, size: 4, savings: 1e6 }] }] });
    advanceTo(w, JAN_2016);
    w.budgetLeft = 18719;
    updateRelocation(w);
    expect(w.hh.relocated[0]).toBe(0);
    w.budgetLeft = 18720;
    updateRelocation(w);
    expect(w.hh.relocated[0]).toBe(1);
    expect(w.budgetLeft).toBe(0);
  });

  it('the programme\'s construction finance limits how many houses are built in a year', () => {
    // relocationFinance 1.2e6 a year at 1:1: 100,000 a month, each four-person house needs 70,405 of it.
    const w = buildWorld({ params: { relocationFinance: 1.2e6 }, villages: [{ remote: 1, households: Array.from({ length: 5 }, () => ({ ...OFFERED, size: 4, savings: 1e6 })) }] });
    advanceTo(w, JAN_2016);
    updateRelocation(w);
    expect(w.hh.relocated.reduce((a, b) => a + b, 0)).toBe(1);
    advanceTo(w, JAN_2016 + 1);
    updateRelocation(w); // 29,595 left + 100,000
    expect(w.hh.relocated.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('counts the persons each limit stops, apart: the programme\'s money and the household\'s own purse', () => {
    // 2015: the four-person household of the test above cannot pay the whole gap (12,200 against 80,405);
    // the programme has no part yet, so only its own purse stops it.
    const spec: HouseholdSpec = { ...OFFERED, size: 4, savings: 5000, incomeSmoothed: 2000 };
    const before = buildWorld({ villages: [{ remote: 1, households: [spec] }] });
    advanceTo(before, JAN_2015);
    updateRelocation(before);
    expect(before.flows.relocationUnaffordable).toBe(4);
    expect(before.flows.relocationBlockedFinance).toBe(0);
    // 2016, finance for one house a month: five rich households of four, one moves, four wait on the
    // finance; a sixth of three with no savings and no income waits on both.
    const rich = Array.from({ length: 5 }, () => ({ ...OFFERED, size: 4, savings: 1e6 }));
    const poor = { ...OFFERED, size: 3, savings: 0, incomeSmoothed: 0 };
    const w = buildWorld({ params: { relocationFinance: 1.2e6 }, villages: [{ remote: 1, households: [...rich, poor] }] });
    advanceTo(w, JAN_2016);
    updateRelocation(w);
    expect(w.flows.relocations).toBe(4);
    expect(w.flows.relocationBlockedFinance).toBe(4 * 4 + 3);
    expect(w.flows.relocationUnaffordable).toBe(3);
    // With finance for all, only the poor household is left, stopped by its purse alone.
    const ample = buildWorld({ params: { relocationFinance: 1e9 }, villages: [{ remote: 1, households: [...rich, poor] }] });
    advanceTo(ample, JAN_2016);
    updateRelocation(ample);
    expect(ample.flows.relocations).toBe(20);
    expect(ample.flows.relocationBlockedFinance).toBe(0);
    expect(ample.flows.relocationUnaffordable).toBe(3);
  });

  it('debt repayment comes out of income each month (× 12 / size per capita) until the debt is paid', () => {
    const w = buildWorld({ villages: [{ households: [{ size: 4, relocated: 1 }, { size: 4, relocated: 1, relocationDebt: 300, debtPayment: 200 }] }] });
    advanceTo(w, 1);
    updateIncome(w);
    expectRel(w.hh.income[0] - w.hh.income[1], (200 * 12) / 4, 1e-4); // 600 yuan a person a year
    expectRel(w.hh.relocationDebt[1], 100, 1e-6);
    advanceTo(w, 2);
    updateIncome(w);
    expectRel(w.hh.income[0] - w.hh.income[1], (100 * 12) / 4, 1e-4); // the last, smaller instalment
    expect(w.hh.relocationDebt[1]).toBe(0);
    advanceTo(w, 3);
    updateIncome(w);
    expectRel(w.hh.income[1], w.hh.income[0], 1e-6);
    expectRel(marketIncome(w, 1), marketIncome(w, 0), 1e-6);
  });

  it('never moves the unwilling, the not offered or the unregistered; exited households may move', () => {
    const w = buildWorld({
      villages: [{
        remote: 1,
        households: [
          { ...OFFERED, willing: 0, savings: 1e6 },
          { ...OFFERED, relocationOffered: 0, savings: 1e6 },
          { ...OFFERED, registry: Registry.None, savings: 1e6 },
          { ...OFFERED, registry: Registry.Exited, savings: 1e6, batch: Route.Industry },
        ],
      }],
    });
    advanceTo(w, JAN_2016);
    updateRelocation(w);
    expect(Array.from(w.hh.relocated)).toEqual([0, 0, 0, 1]);
    expect(w.hh.batch[3]).toBe(Route.Industry); // the first batch stays
  });
});
