/**
 * Relocation (phase 6): an offered, willing, registered-or-exited household moves iff
 *   max(0, savings) + relocationCredit × motivation ≥ housingCost × size / 3.43 − subsidyLevel;
 * it pays the gap from savings, the subsidy (capped at the cost) is booked to spending and the budget,
 * the remote penalty and unsafe housing go, and the batch is relocation if it had none.
 */
import { describe, expect, it } from 'vitest';
import { circumstanceFactor, marketIncome } from '../../src/model/household-income.js';
import { REFERENCE_POOR_HOUSEHOLD_SIZE, relocationGap, updateRelocation } from '../../src/model/relocation.js';
import { Constraint, Registry, Route, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, type HouseholdSpec } from './fixtures.js';

const OFFERED: HouseholdSpec = { registry: Registry.Registered, relocationOffered: 1, willing: 1, unsafeHousing: 1 };
const gapOf = (size: number, subsidy: number) => Math.max(0, (85000 * size) / 3.43 - subsidy);

describe('relocationGap', () => {
  it('is housingCost × size / 3.43 − subsidyLevel, not below 0', () => {
    const w = buildWorld({ params: { subsidyLevel: 18720 }, villages: [{ remote: 1, households: [{ size: 4 }, { size: 1 }, { size: 8 }] }] });
    expect(REFERENCE_POOR_HOUSEHOLD_SIZE).toBe(3.43);
    expect(relocationGap(w, 0)).toBeCloseTo((85000 * 4) / 3.43 - 18720, 6); // 80,405.36
    expect(relocationGap(w, 0)).toBeCloseTo(80405.364, 2);
    expect(relocationGap(w, 1)).toBeCloseTo(24781.341 - 18720, 2);
    w.p.subsidyLevel = 200000;
    expect(relocationGap(w, 2)).toBe(0);
  });
});

describe('updateRelocation', () => {
  // Household 0 can just afford it, household 1 falls 1 yuan short.
  const credit = 50000 * Math.fround(0.6);
  const gap4 = gapOf(4, 18720);
  function world() {
    return buildWorld({
      params: { subsidyLevel: 18720, housingCost: 85000, relocationCredit: 50000 },
      villages: [{
        remote: 1,
        households: [
          { ...OFFERED, size: 4, motivation: 0.6, savings: gap4 - credit + 1 },
          { ...OFFERED, size: 4, motivation: 0.6, savings: gap4 - credit - 1 },
          { ...OFFERED, size: 4, willing: 0, savings: 1e6 }, // unwilling
          { ...OFFERED, size: 4, relocationOffered: 0, savings: 1e6 }, // not offered
          { ...OFFERED, size: 4, registry: Registry.None, savings: 1e6 }, // not in the registry
          { ...OFFERED, size: 2, registry: Registry.Exited, savings: 1e6, batch: Route.Industry }, // exited: may move
          { ...OFFERED, size: 1, motivation: 1, savings: -5000 }, // debt is ignored; credit covers the gap
        ],
      }],
    });
  }

  it('moves exactly the households that are offered, willing, in the registry and able to pay', () => {
    const w = world();
    advanceTo(w, 1);
    updateRelocation(w);
    expect(Array.from(w.hh.relocated)).toEqual([1, 0, 0, 0, 0, 1, 1]);
  });

  it('the move: savings pay the gap, subsidy booked, remote penalty and unsafe house gone, batch set once', () => {
    const w = world();
    advanceTo(w, 1);
    const before = Array.from(w.hh.savings);
    const incomeBefore = marketIncome(w, 0);
    updateRelocation(w);
    const hh = w.hh;
    expectRel(hh.savings[0], before[0] - gap4, 1e-6);
    expectRel(hh.savings[5], before[5] - gapOf(2, 18720), 1e-6);
    expectRel(hh.savings[6], -5000 - gapOf(1, 18720), 1e-6);
    expect(hh.savings[1]).toBe(before[1]);
    expect(hh.unsafeHousing[0]).toBe(0);
    expect(hh.unsafeHousing[1]).toBe(1);
    expect(hh.constraints[0] & Constraint.RemoteUnmoved).toBe(0);
    expect(hh.constraints[1] & Constraint.RemoteUnmoved).toBe(Constraint.RemoteUnmoved);
    expectRel(marketIncome(w, 0), incomeBefore / (1 - 0.3), 1e-6);
    expectRel(circumstanceFactor(w, 0), 1 + 0.3 * (Math.fround(0.6) - 0.5), 1e-6);
    expect(hh.batch[0]).toBe(Route.Relocation);
    expect(hh.batch[5]).toBe(Route.Industry); // the first batch stays
    // Three households moved (4 + 2 + 1 persons), each with the full subsidy (it is below each house's cost).
    expect(w.flows.relocations).toBe(7);
    expect(w.flows.spending[Spend.relocation]).toBe(3 * 18720);
    expect(w.spentThisYear).toBe(3 * 18720);
  });

  it('books at most the cost of the house when the subsidy exceeds it', () => {
    const w = buildWorld({ params: { subsidyLevel: 100000 }, villages: [{ remote: 1, households: [{ ...OFFERED, size: 2 }, { ...OFFERED, size: 8, savings: 1e5 }] }] });
    advanceTo(w, 1);
    updateRelocation(w);
    expect(Array.from(w.hh.relocated)).toEqual([1, 1]);
    expect(w.hh.savings[0]).toBe(0); // nothing to pay
    expectRel(w.hh.savings[1], 1e5 - ((85000 * 8) / 3.43 - 100000), 1e-6); // the eight-person house costs 198,251
    // Subsidies: the whole two-person house (49,563 < 100,000), and 100,000 of the eight-person one.
    expect(w.flows.spending[Spend.relocation]).toBeCloseTo((85000 * 2) / 3.43 + 100000, 4);
  });

  it('a higher subsidyLevel relocates more households, and every mover at a lower subsidy', () => {
    const specs: HouseholdSpec[] = Array.from({ length: 40 }, (_, i) => ({
      ...OFFERED,
      size: 1 + (i % 8),
      motivation: ((i * 7) % 10) / 10,
      savings: ((i * 13) % 17) * 5000,
    }));
    const moved = (subsidy: number) => {
      const w = buildWorld({ params: { subsidyLevel: subsidy }, villages: [{ remote: 1, households: specs }] });
      advanceTo(w, 1);
      updateRelocation(w);
      // The rule, by hand.
      for (let h = 0; h < specs.length; h++) {
        const means = Math.max(0, w.hh.savings[h] + (w.hh.relocated[h] ? gapOf(specs[h].size!, subsidy) : 0)) + 50000 * w.hh.motivation[h];
        const afford = means >= gapOf(specs[h].size!, subsidy);
        expect(w.hh.relocated[h], `household ${h} at subsidy ${subsidy}`).toBe(afford ? 1 : 0);
      }
      return Array.from(w.hh.relocated);
    };
    const levels = [0, 18720, 50000, 85000, 200000];
    const results = levels.map(moved);
    const counts = results.map((r) => r.reduce((a, b) => a + b, 0));
    for (let i = 1; i < levels.length; i++) {
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
      results[i - 1].forEach((m, h) => { if (m) expect(results[i][h]).toBe(1); });
    }
    expect(counts[0]).toBeLessThan(counts[3]);
    expect(counts[4]).toBe(40); // 200,000 covers even an eight-person house (198,251 yuan)
  });
});
