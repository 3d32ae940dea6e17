/**
 * Returns to poverty (December, before exit assessment): an exited household is re-registered only when
 * its income this year is truly below the line, the check also sees it below the line, and monitoring
 * finds it (probability returnDetection). It gets a cadre again and counts as returned.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { assessIncome } from '../../src/model/registry-assessment.js';
import { detectReturns } from '../../src/model/returns.js';
import { Registry } from '../../src/model/world.js';
import { advanceTo, buildWorld, households, type HouseholdSpec } from './fixtures.js';

const exited = (y: number, extra: HouseholdSpec = {}): HouseholdSpec => ({ registry: Registry.Exited, incomeYearSum: 12 * y, ...extra });

describe('detectReturns', () => {
  it('with a perfect check and certain detection, re-registers exactly the exited households below the line', () => {
    const w = buildWorld({
      params: { assessmentNoise: 0, returnDetection: 1 },
      villages: [{
        cadres: [{}, {}],
        households: [
          exited(2700, { size: 3 }), // below 2,800: returns
          exited(2800), // at the line: not poor
          exited(4000),
          { registry: Registry.Registered, incomeYearSum: 12 * 1000, cadre: 0 }, // registered: nothing to do
          { registry: Registry.None, incomeYearSum: 12 * 1000 }, // never registered: identification's job
          exited(100, { size: 2 }),
        ],
      }],
    });
    advanceTo(w, 12);
    detectReturns(w);
    expect(Array.from(w.hh.registry)).toEqual([1, 2, 2, 1, 0, 1]);
    expect(Array.from(w.hh.returned)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(w.flows.returns).toBe(5);
    // New cases go to the least-loaded cadres: cadre 1 (0 cases), then cadre 0 and 1 tie at 1 → cadre 0.
    expect(w.hh.cadre[0]).toBe(1);
    expect(w.hh.cadre[5]).toBe(0);
    expect(Array.from(w.cadres.caseload)).toEqual([2, 1]);
  });

  it('never re-registers a household whose income is truly above the line, however noisy the check', () => {
    const w = buildWorld({
      params: { assessmentNoise: 2, returnDetection: 1 },
      villages: [{ cadres: [{ quality: 0 }], households: households(300, (i) => exited(2800 + i)) }],
    });
    advanceTo(w, 12);
    // The noisy check would see many of them below the line...
    let seenBelow = 0;
    for (let h = 0; h < 300; h++) if (assessIncome(w, h, 2800 + h, 0, 1) < 2800) seenBelow++;
    expect(seenBelow).toBeGreaterThan(50);
    detectReturns(w);
    // ...but none returns.
    expect(w.flows.returns).toBe(0);
    expect(Array.from(w.hh.registry).every((r) => r === Registry.Exited)).toBe(true);
  });

  it('a household truly below the line returns iff the check sees it below and the detection draw is below returnDetection', () => {
    const n = 300;
    const w = buildWorld({
      params: { assessmentNoise: 0.4, returnDetection: 0.8 },
      villages: [{ cadres: [{ quality: 0.5 }], households: households(n, (i) => exited(2500 + i, { size: 1 })) }], // 2,500..2,799
    });
    advanceTo(w, 12);
    detectReturns(w);
    const key = w.streams.identification.key;
    let expected = 0;
    for (let h = 0; h < n; h++) {
      const y = 2500 + h;
      const seen = assessIncome(w, h, y, w.cadres.quality[0], 1) < 2800;
      const found = uniformAt(key, h, 12, 0) < 0.8;
      const back = seen && found;
      expected += back ? 1 : 0;
      expect(w.hh.registry[h], `household ${h}`).toBe(back ? Registry.Registered : Registry.Exited);
    }
    expect(w.flows.returns).toBe(expected);
    expect(expected).toBeGreaterThan(100);
    expect(expected).toBeLessThan(n);
  });

  it('returnDetection 0: nobody is found', () => {
    const w = buildWorld({ params: { assessmentNoise: 0, returnDetection: 0 }, villages: [{ cadres: 1, households: households(20, () => exited(1000)) }] });
    advanceTo(w, 12);
    detectReturns(w);
    expect(w.flows.returns).toBe(0);
  });
});
