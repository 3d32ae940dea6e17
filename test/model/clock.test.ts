/**
 * Clock (first phase): step → month and year, the year's poverty line and the budget's lapse in January,
 * supervision pressure rising toward the deadline, the wage index, and scheduled parameter values.
 */
import { describe, expect, it } from 'vitest';
import { advanceClock } from '../../src/model/clock.js';
import { povertyLine, supervisionPressure } from '../../src/model/government.js';
import { expandSchedule } from '../../src/model/schedule.js';
import { advanceTo, buildWorld, expectRel } from './fixtures.js';

describe('advanceClock', () => {
  it('maps steps to calendar months and sets line, pressure and wage index', () => {
    const w = buildWorld({ params: { supervisionPressure: 0.5, deadlinePressureGrowth: 0.06, ruralIncomeGrowth: 0.09 }, villages: [{ households: [{}] }] });
    expect([w.step, w.year, w.month, w.line]).toEqual([0, 2013, 12, 2736]);
    const seen: [number, number, number][] = [];
    for (let t = 1; t <= 25; t++) {
      advanceClock(w);
      seen.push([w.step, w.year, w.month]);
      expect(w.line).toBe(povertyLine(w.year, w.p));
      expectRel(w.pressure, Math.min(1, 0.5 + 0.06 * (w.year - 2014)), 1e-12);
      expectRel(w.wageIndex, Math.pow(1.09, t / 12), 1e-12);
    }
    expect(seen[0]).toEqual([1, 2014, 1]);
    expect(seen[11]).toEqual([12, 2014, 12]);
    expect(seen[12]).toEqual([13, 2015, 1]);
    expect(seen[24]).toEqual([25, 2016, 1]);
  });

  it('the budget allotment lapses each January only; a month adds one twelfth of the year\'s budget', () => {
    const w = buildWorld({ villages: [{ households: [{}] }] });
    advanceTo(w, 5);
    const a = w.budgetYear / 12;
    expect(a).toBeGreaterThan(0);
    w.budgetLeft = 1234;
    advanceTo(w, 12);
    expectRel(w.budgetLeft, 1234 + 7 * a, 1e-12);
    advanceTo(w, 13);
    expectRel(w.budgetLeft, w.budgetYear / 12, 1e-12); // 2015's first allotment only
  });
  it('applies scheduled parameter values by step (a step change and a ramp)', () => {
    const w = buildWorld({ params: { cadreEffort: 0.5, subsidyLevel: 10000 }, villages: [{ households: [{}] }] });
    const series = expandSchedule(w.p, [
      { kind: 'step', key: 'cadreEffort', at: { year: 2014, month: 7 }, value: 0.9 },
      { kind: 'ramp', key: 'subsidyLevel', from: { year: 2015, month: 1 }, to: { year: 2015, month: 4 }, value: 50000 },
    ], 2013, 36);
    for (const [k, s] of series) w.series.set(k, s);
    advanceTo(w, 6);
    expect(w.p.cadreEffort).toBe(0.5);
    advanceTo(w, 7);
    expect(w.p.cadreEffort).toBe(0.9);
    advanceTo(w, 12);
    expect(w.p.subsidyLevel).toBe(10000);
    const ramp: number[] = [];
    for (let t = 13; t <= 17; t++) {
      advanceTo(w, t);
      ramp.push(w.p.subsidyLevel);
    }
    expect(ramp).toEqual([20000, 30000, 40000, 50000, 50000]);
  });
});

describe('government paths', () => {
  it('povertyLine: the NBS lines to 2019, exitStandard2020 in 2020, then held constant in real terms', () => {
    const p = { exitStandard2020: 4000, priceInflation: 0.02 };
    expect([2013, 2014, 2015, 2016, 2017, 2018, 2019].map((y) => povertyLine(y, p))).toEqual([2736, 2800, 2855, 2952, 2952, 2995, 3218]);
    expect(povertyLine(2020, p)).toBe(4000);
    expect(povertyLine(2020, { ...p, exitStandard2020: 3300 })).toBe(3300);
    expectRel(povertyLine(2022, p), 4000 * 1.02 ** 2, 1e-12);
  });

  it('supervisionPressure rises toward the 2020 deadline, capped at 1, then consolidationPressure', () => {
    const p = { supervisionPressure: 0.8, deadlinePressureGrowth: 0.1, consolidationPressure: 0.3 };
    expect(supervisionPressure(p, 2014)).toBe(0.8);
    expectRel(supervisionPressure(p, 2015), 0.9, 1e-12);
    expect(supervisionPressure(p, 2020)).toBe(1);
    expect(supervisionPressure(p, 2021)).toBe(0.3);
    expect(supervisionPressure(p, 2025)).toBe(0.3);
  });
});
