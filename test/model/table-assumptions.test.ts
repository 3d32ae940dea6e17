/**
 * The assumptions that were constants outside the parameter table (stop 28): each industry's relative
 * return, the clamp of initial motivation and the memory of the income estimate. Each acts where its
 * row says and nowhere else; at its default the world is the one the old constants built.
 */
import { describe, expect, it } from 'vitest';
import { updateIncome } from '../../src/model/income.js';
import { INDUSTRY_TYPES } from '../../src/model/population.js';
import { defaultParams, initWorld } from '../../src/model/simulate.js';
import type { Params } from '../../src/model/parameters.js';
import { advanceTo, buildWorld, expectRel } from './fixtures.js';

const world = (params: Partial<Params> = {}) =>
  initWorld({ params: { ...defaultParams(), ...params }, schedule: [], seed: 5, scale: 0.0005, endYear: 2015 });

describe('industry returns by type', () => {
  it('each industry\'s base return is industryReturn × its own row (defaults 1.2, 1, 0.9, 1.1, 0.8, 1.3)', () => {
    const w = world();
    expect(Array.from(w.industries.baseReturn)).toEqual([6000, 5000, 4500, 5500, 4000, 6500]);
    expect(INDUSTRY_TYPES.map((t) => t.name)).toEqual(['navel orange', 'tea', 'camellia oil', 'livestock', 'vegetables', 'rural tourism']);
  });

  it('doubling tea\'s row doubles tea\'s return only, and changes no household of the built world', () => {
    const a = world();
    const b = world({ returnTea: 2 });
    expect(b.industries.baseReturn[1]).toBe(10000);
    for (const k of [0, 2, 3, 4, 5]) expect(b.industries.baseReturn[k]).toBe(a.industries.baseReturn[k]);
    expect(Array.from(b.hh.incomeSmoothed)).toEqual(Array.from(a.hh.incomeSmoothed));
  });
});

describe('the clamp of initial motivation', () => {
  it('at the default 0.02 the initial motivations lie in [0.02, 0.98] and some sit on a bound', () => {
    const w = world({ motivationSpread: 0.5 });
    const m = Array.from(w.hh.motivation);
    expect(Math.min(...m)).toBeCloseTo(0.02, 6);
    expect(Math.max(...m)).toBeCloseTo(0.98, 6);
  });

  it('a bound of 0.2 clamps to [0.2, 0.8] and leaves motivations inside it as they were', () => {
    const a = world({ motivationSpread: 0.5 });
    const b = world({ motivationSpread: 0.5, initialMotivationBound: 0.2 });
    let inside = 0;
    let clamped = 0;
    for (let h = 0; h < a.nHouseholds; h++) {
      const x = a.hh.motivation[h];
      const y = b.hh.motivation[h];
      expect(y).toBeGreaterThanOrEqual(Math.fround(0.2));
      expect(y).toBeLessThanOrEqual(Math.fround(0.8));
      if (x > 0.2 && x < 0.8) {
        expect(y).toBe(x);
        inside++;
      } else clamped++;
    }
    // A spread of 0.5 puts many households outside [0.2, 0.8].
    expect(inside).toBeGreaterThan(100);
    expect(clamped).toBeGreaterThan(100);
  });
});

describe('the memory of the income estimate', () => {
  const one = (months: number) => {
    const w = buildWorld({
      params: { incomeSmoothingMonths: months },
      villages: [{ households: [{ size: 2, laborers: 1, productivity: 6000, remote: 0, incomeSmoothed: 3000 }] }],
    });
    advanceTo(w, 1);
    updateIncome(w);
    return { y: w.hh.income[0], s: w.hh.incomeSmoothed[0] };
  };

  it('the estimate moves 1/12 of the way to this month\'s income at the default, 1/6 at 6 months, all the way at 1', () => {
    const d = one(12);
    expect(d.y).toBeGreaterThan(6000);
    expectRel(d.s, 3000 + (d.y - 3000) / 12, 1e-6);
    const six = one(6);
    expect(six.y).toBe(d.y);
    expectRel(six.s, 3000 + (six.y - 3000) / 6, 1e-6);
    expect(one(1).s).toBe(d.y);
  });
});
