/**
 * Year end (December, last): success feedback on motivation from the year's income gain, dibao review
 * (recipients earning more than 1.2 × the standard leave and their dependence count resets), cadre
 * rotation, and the roll-over of the year's income into incomeLastYear.
 */
import { describe, expect, it } from 'vitest';
import { earnedIncome } from '../../src/model/household-income.js';
import { closeYear } from '../../src/model/year-end.js';
import { BLOCK_SLOTS } from '../../src/model/household-blocks.js';
import { INDUSTRY_TYPES } from '../../src/model/population.js';
import { advanceTo, buildWorld, expectRel, households } from './fixtures.js';

describe('closeYear', () => {
  function world(params = {}) {
    return buildWorld({
      params: { successFeedback: 0.5, dibaoLineRatio: 1.2, rotationRate: 0, ...params },
      villages: [{
        cadres: [{ quality: 0.9, burnout: 0.4 }],
        households: [
          { motivation: 0.5, incomeLastYear: 5000, incomeYearSum: 12 * 5500 }, // +10%
          { motivation: 0.5, incomeLastYear: 5000, incomeYearSum: 12 * 4000 }, // −20%
          { laborers: 0, onDibao: 1, dibaoMonths: 30, productivity: 3000, incomeYearSum: 12 * 3360 }, // earns 1,350 < 1.44 × line: stays
          { laborers: 2, onDibao: 1, dibaoMonths: 30, productivity: 5000, incomeYearSum: 12 * 5000 }, // earns 5,000 > 4,032: leaves
        ],
      }],
    });
  }

  it('rolls the year\'s mean income into incomeLastYear and resets the sum', () => {
    const w = world();
    advanceTo(w, 12);
    closeYear(w);
    expect(Array.from(w.hh.incomeLastYear)).toEqual([5500, 4000, 3360, 5000]);
    expect(Array.from(w.hh.incomeYearSum)).toEqual([0, 0, 0, 0]);
  });

  it('success feedback: gain raises motivation toward 1, loss lowers it toward 0', () => {
    const w = world();
    advanceTo(w, 12);
    closeYear(w);
    expect(w.hh.motivation[0]).toBeCloseTo(0.5 + 0.5 * 0.1 * 0.5, 6);
    expect(w.hh.motivation[1]).toBeCloseTo(0.5 - 0.5 * 0.2 * 0.5, 6);
  });

  it('dibao review: leave when earned income exceeds 1.2 × the standard', () => {
    const w = world();
    advanceTo(w, 12); // line 2,800: standard 3,360, exit above 4,032
    expect(w.p.dibaoExitFactor).toBe(1.2);
    expect(earnedIncome(w, 2)).toBeLessThan(1.2 * 3360);
    expect(earnedIncome(w, 3)).toBeGreaterThan(1.2 * 3360);
    closeYear(w);
    expect(Array.from(w.hh.onDibao)).toEqual([0, 0, 1, 0]);
    expect(Array.from(w.hh.dibaoMonths)).toEqual([0, 0, 30, 0]);
  });

  it('rotates cadres (all of them at rotationRate 1)', () => {
    const w = world({ rotationRate: 1, initialCadreQuality: 0.5 });
    advanceTo(w, 12);
    closeYear(w);
    expect(w.cadres.burnout[0]).toBe(0);
    expect(w.cadres.quality[0]).toBeGreaterThanOrEqual(0.3);
    expect(w.cadres.quality[0]).toBeLessThanOrEqual(0.7);
    const w0 = world();
    advanceTo(w0, 12);
    closeYear(w0);
    expectRel(w0.cadres.burnout[0], 0.4, 1e-6);
  });
});

describe('closeYear and urbanization', () => {
  it('every industry has a slot in a block\'s row (urbanization and industry participation count by industry there)', () => {
    expect(INDUSTRY_TYPES.length).toBeLessThanOrEqual(BLOCK_SLOTS);
  });

  it('a household leaving for a town this December still gets its success feedback, and its industry place leaves the industry\'s members', () => {
    // 10% of 840 persons from 40 eligible persons: every eligible household leaves (urbanization.test.ts).
    const w = buildWorld({
      params: { urbanizationRate: 0.1, successFeedback: 0.5, rotationRate: 0 },
      villages: [{
        industryKey: 0.01,
        households: households(10, () => ({ industryMember: 1, motivation: 0.5, incomeLastYear: 5000, incomeYearSum: 12 * 5500 })).concat(households(200, () => ({ laborers: 0 }))),
      }],
    });
    advanceTo(w, 12);
    expect(w.industries.members[0]).toBe(10);
    closeYear(w);
    for (let h = 0; h < 10; h++) {
      expect(w.hh.gone[h]).toBe(1);
      expect(w.hh.industryMember[h]).toBe(0);
      // The feedback comes first: +10% income raises motivation by 0.5 × 0.1 × (1 − 0.5).
      expect(w.hh.motivation[h]).toBeCloseTo(0.5 + 0.5 * 0.1 * 0.5, 6);
    }
    expect(w.villages.members[0]).toBe(0);
    expect(w.industries.members[0]).toBe(0);
  });
});
