/**
 * Cadre placement (initialization): one cadre per village, the rest apportioned to villages by
 * registered poor households (largest remainder, ties to the lower village id); initial cadre state from
 * the cadre-init stream; households assigned to the least-loaded cadre of their village.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { assignCadre, placeCadres } from '../../src/model/cadre-placement.js';
import { initialQuality } from '../../src/model/cadres.js';
import { Registry } from '../../src/model/world.js';
import { buildWorld, expectRel, households } from './fixtures.js';

const reg = (n: number, extra = 0) => [
  ...households(n, () => ({ registry: Registry.Registered })),
  ...households(extra, () => ({ registry: Registry.None })),
];

describe('placeCadres', () => {
  // 10 cadres, 4 villages with 5, 3, 2 and 0 registered households (10 in all): spare 6 cadres.
  // Exact shares 3.0, 1.8, 1.2, 0 → whole 3, 1, 1, 0; one left over goes to the largest remainder (0.8, village 1).
  // Counts: 1 + 3, 1 + 1 + 1, 1 + 1, 1 = 4, 3, 2, 1.
  function placed() {
    const w = buildWorld({
      params: { cadreEffort: 0.65, initialCadreQuality: 0.5 },
      villages: [
        { households: reg(5, 2), cadres: 7 }, // cadre counts before placement are arbitrary: placement redraws the ranges
        { households: reg(3, 4), cadres: 1 },
        { households: reg(2, 1), cadres: 1 },
        { households: reg(0, 3), cadres: 1 },
      ],
    });
    w.hh.cadre.fill(-1);
    w.cadres.caseload.fill(0);
    placeCadres(w);
    return w;
  }

  it('apportions cadres by largest remainder, at least one per village, in contiguous ranges', () => {
    const w = placed();
    const counts = Array.from({ length: 4 }, (_, v) => w.villages.cadreEnd[v] - w.villages.cadreStart[v]);
    expect(counts).toEqual([4, 3, 2, 1]);
    expect(Array.from(w.villages.cadreStart)).toEqual([0, 4, 7, 9]);
    expect(Array.from(w.villages.cadreEnd)).toEqual([4, 7, 9, 10]);
    expect(Array.from(w.cadres.village)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
  });

  it('draws initial quality and burnout from the cadre-init stream; effort starts at the lever', () => {
    const w = placed();
    const key = w.streams.cadreInit.key;
    for (let c = 0; c < w.nCadres; c++) {
      expectRel(w.cadres.quality[c], initialQuality(0.5, uniformAt(key, c, 0, 0)), 1e-6);
      expectRel(w.cadres.burnout[c], 0.1 * uniformAt(key, c, 0, 1), 1e-6);
      expect(w.cadres.effort[c]).toBeCloseTo(0.65, 6);
    }
  });

  it('assigns registered households to the least-loaded cadre of their village (lowest id on ties)', () => {
    const w = placed();
    // Village 0: 5 households over cadres 0..3 → 0, 1, 2, 3, 0.
    expect(Array.from(w.hh.cadre.slice(0, 7))).toEqual([0, 1, 2, 3, 0, -1, -1]);
    // Village 1: 3 households over cadres 4..6.
    expect(Array.from(w.hh.cadre.slice(7, 14))).toEqual([4, 5, 6, -1, -1, -1, -1]);
    expect(Array.from(w.cadres.caseload)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    // No cadre serves another village's household.
    for (let h = 0; h < w.nHouseholds; h++) {
      if (w.hh.cadre[h] >= 0) expect(w.cadres.village[w.hh.cadre[h]]).toBe(w.hh.village[h]);
    }
  });

  it('spreads spare cadres evenly when nobody is registered', () => {
    const w = buildWorld({ villages: [{ households: reg(0, 2), cadres: 4 }, { households: reg(0, 2), cadres: 1 }, { households: reg(0, 2), cadres: 1 }] });
    placeCadres(w);
    // spare 3 over 3 villages: exactly one more each.
    expect(Array.from({ length: 3 }, (_, v) => w.villages.cadreEnd[v] - w.villages.cadreStart[v])).toEqual([2, 2, 2]);
  });
});

describe('assignCadre', () => {
  it('picks the least-loaded cadre and counts the new case; -1 in a village without cadres', () => {
    const w = buildWorld({
      villages: [
        { cadres: 3, households: [{ registry: Registry.Registered, cadre: 0 }, { registry: Registry.Registered, cadre: 1 }, { registry: Registry.Registered, cadre: 1 }, {}] },
        { cadres: 0, households: [{ registry: Registry.Registered }] },
      ],
    });
    expect(Array.from(w.cadres.caseload)).toEqual([1, 2, 0]);
    assignCadre(w, 3);
    expect(w.hh.cadre[3]).toBe(2);
    expect(Array.from(w.cadres.caseload)).toEqual([1, 2, 1]);
    assignCadre(w, 3); // again: ties between cadres 0 and 2 go to the lower id
    expect(w.hh.cadre[3]).toBe(0);
    assignCadre(w, 4);
    expect(w.hh.cadre[4]).toBe(-1);
  });
});
