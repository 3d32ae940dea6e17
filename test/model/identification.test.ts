/**
 * Identification: the initial registry fills initialRegistryShare of persons with the households
 * assessed poorest (within one household of the quota), granting entitlements; each December a
 * non-registered household assessed below the line is registered with probability identificationRate ×
 * its village cadres' mean precision.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { precision } from '../../src/model/cadres.js';
import { identifyNewPoor, registerInitialQuota } from '../../src/model/identification.js';
import { assessIncome } from '../../src/model/registry-assessment.js';
import { defaultParams, initWorld } from '../../src/model/simulate.js';
import { Measure, Registry } from '../../src/model/world.js';
import { advanceTo, buildWorld, households } from './fixtures.js';

function registeredPersons(w: { nHouseholds: number; hh: { registry: Uint8Array; size: Uint8Array } }): number {
  let s = 0;
  for (let h = 0; h < w.nHouseholds; h++) if (w.hh.registry[h] === Registry.Registered) s += w.hh.size[h];
  return s;
}

describe('registerInitialQuota', () => {
  it('with an exact assessment, registers the poorest households until the quota of persons is met, within one household', () => {
    // 200 households with distinct incomes (ids shuffled against income order) and sizes 1..8.
    const n = 200;
    const incomeOf = (i: number) => 1000 + 60 * ((i * 37) % n);
    for (const share of [0.05, 0.0921, 0.2, 0.5]) {
      const w = buildWorld({
        params: { assessmentNoise: 0, initialRegistryShare: share },
        villages: [{ households: households(n, (i) => ({ size: 1 + (i % 8), incomeLastYear: incomeOf(i), school: i % 3 === 0 ? 1 : 0 })) }],
      });
      registerInitialQuota(w);
      const quota = share * w.persons;
      const reg = registeredPersons(w);
      expect(Math.abs(reg - quota), `share ${share}: ${reg} registered for a quota of ${quota}`).toBeLessThanOrEqual(4); // half the largest household
      // The registered are exactly the poorest.
      let maxReg = -Infinity;
      let minOther = Infinity;
      for (let h = 0; h < n; h++) {
        if (w.hh.registry[h] === Registry.Registered) {
          maxReg = Math.max(maxReg, incomeOf(h));
          expect(w.hh.measures[h] & Measure.Health).toBe(Measure.Health);
          expect(w.hh.measures[h] & Measure.Education).toBe(w.hh.school[h] ? Measure.Education : 0);
        } else {
          minOther = Math.min(minOther, incomeOf(h));
          expect(w.hh.measures[h]).toBe(0);
        }
      }
      expect(maxReg).toBeLessThan(minOther);
    }
  });

  it('on a synthetic province with assessment error, the registry holds initialRegistryShare of persons within one household', () => {
    for (const seed of [1, 2, 3]) {
      const w = initWorld({ params: defaultParams(), schedule: [], seed, scale: 0.0005, endYear: 2014 });
      const quota = w.p.initialRegistryShare * w.persons;
      expect(Math.abs(registeredPersons(w) - quota)).toBeLessThanOrEqual(4);
    }
  });

  it('in a world of several blocks (bins found by blocks), the registry is the households assessed poorest, to within one bin', () => {
    const w = initWorld({ params: defaultParams(), schedule: [], seed: 4, scale: 0.002, endYear: 2014 });
    expect(w.blocks.count).toBeGreaterThanOrEqual(3);
    expect(Math.abs(registeredPersons(w) - w.p.initialRegistryShare * w.persons)).toBeLessThanOrEqual(4);
    let maxReg = 0;
    let minOther = Infinity;
    for (let h = 0; h < w.nHouseholds; h++) {
      const y = Math.max(1, assessIncome(w, h, w.hh.incomeLastYear[h], w.p.initialCadreQuality, DRAW.assessment.quotaIncome));
      if (w.hh.registry[h] === Registry.Registered) maxReg = Math.max(maxReg, y);
      else minOther = Math.min(minOther, y);
    }
    // A bin is ln(10^6) / 2^15 ≈ 0.00042 wide in log income.
    expect(Math.log(maxReg) - Math.log(minOther)).toBeLessThan(Math.log(1e6) / 2 ** 15);
  });
});

describe('identifyNewPoor', () => {
  it('with perfect cadres and identificationRate 1, registers every non-registered household assessed below the line', () => {
    const y = (v: number) => ({ incomeYearSum: 12 * v });
    const w = buildWorld({
      params: { assessmentNoise: 0, identificationRate: 1 },
      villages: [{
        cadres: [{ quality: 1, effort: 1 }, { quality: 1, effort: 1 }],
        households: [
          { ...y(2000), size: 3, school: 1 }, // poor: registered
          { ...y(2799) }, // just below: registered
          { ...y(2800) }, // at the line: not
          { ...y(1000), registry: Registry.Exited }, // exited: a return, not a new registration
          { ...y(1000), registry: Registry.Registered, cadre: 0 }, // already registered
        ],
      }],
    });
    advanceTo(w, 12);
    identifyNewPoor(w);
    expect(Array.from(w.hh.registry)).toEqual([1, 1, 0, 2, 1]);
    expect(w.flows.newRegistrations).toBe(3 + 4);
    expect(w.hh.measures[0]).toBe(Measure.Health | Measure.Education);
    expect(w.hh.measures[1]).toBe(Measure.Health);
    expect(w.hh.cadre[0]).toBe(1); // cadre 0 already had a case
    expect(w.hh.cadre[1]).toBe(0);
  });

  it('registers with probability identificationRate × mean precision of the village\'s cadres (0.3 without cadres)', () => {
    const n = 300;
    const poor = () => households(n, () => ({ incomeYearSum: 12 * 1500 }));
    const w = buildWorld({
      params: { assessmentNoise: 0.25, identificationRate: 0.5 },
      villages: [
        { cadres: [{ quality: 0.6, effort: 0.5 }, { quality: 0.4, effort: 1 }], households: poor() },
        { cadres: 0, households: poor() },
      ],
    });
    advanceTo(w, 24);
    identifyNewPoor(w);
    const key = w.streams.identification.key;
    const prec = [(precision(w, 0) + precision(w, 1)) / 2, 0.3];
    expect(prec[0]).toBeCloseTo((0.6 * 0.75 + 0.4 * 1) / 2, 6);
    const quality = [(w.cadres.quality[0] + w.cadres.quality[1]) / 2, w.p.initialCadreQuality];
    const counts = [0, 0];
    for (let h = 0; h < 2 * n; h++) {
      const v = w.hh.village[h];
      const seen = assessIncome(w, h, 1500, quality[v], DRAW.assessment.identifyIncome) < w.line;
      const reg = seen && uniformAt(key, h, 24, DRAW.identification.register) < 0.5 * prec[v];
      counts[v] += reg ? 1 : 0;
      expect(w.hh.registry[h], `household ${h}`).toBe(reg ? Registry.Registered : Registry.None);
    }
    // About 0.5 × 0.425 = 21% and 15% of n.
    expect(counts[0]).toBeGreaterThan(40);
    expect(counts[1]).toBeGreaterThan(25);
    expect(counts[0]).toBeGreaterThan(counts[1]);
  });
});
