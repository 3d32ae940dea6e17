/**
 * Clock (first phase): step → month and year, the year's poverty line and budget reset in January,
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
      expect(w.line).toBe(povertyLine(w.year));
      expectRel(w.pressure, Math.min(1, 0.5 + 0.06 * (w.year - 2014)), 1e-12);
      expectRel(w.wageIndex, Math.pow(1.09, t / 12), 1e-12);
    }
    expect(seen[0]).toEqual([1, 2014, 1]);
    expect(seen[11]).toEqual([12, 2014, 12]);
    expect(seen[12]).toEqual([13, 2015, 1]);
    expect(seen[24]).toEqual([25, 2016, 1]);
    expect(povertyLine(2020)).toBe(4000);
    expectRel(povertyLine(2022), 4000 * 1.025 ** 2, 1e-12);
    expect(supervisionPressure(0.8, 0.1, 2020)).toBe(1);
  });

  it('resets the year\'s budget spending each January only', () => {
    const w = buildWorld({ villages: [{ households: [{}] }] });
    advanceTo(w, 5);
    w.spentThisYear = 1234;
    advanceTo(w, 12);
    expect(w.spentThisYear).toBe(1234);
    advanceTo(w, 13);
    expect(w.spentThisYear).toBe(0);
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
