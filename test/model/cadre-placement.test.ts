/**
 * Cadre placement (initialization): one helper per village, the rest apportioned to villages by
 * registered poor households (largest remainder, ties to the lower village id); stationed cadres as
 * first secretaries and work teams in the designated poor villages; initial cadre state from the
 * cadre-init stream; households assigned to the least-loaded helper of their village.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { assignCadre, placeCadres } from '../../src/model/cadre-placement.js';
import { initialQuality } from '../../src/model/cadres.js';
import { CadreKind, Registry } from '../../src/model/world.js';
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
    placeCadres(w, 0);
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

  it('draws initial quality from the cadre-init stream; helpers start without burnout, effort at the lever', () => {
    const w = placed();
    const key = w.streams.cadreInit.key;
    for (let c = 0; c < w.nCadres; c++) {
      expectRel(w.cadres.quality[c], initialQuality(0.5, 0.4, uniformAt(key, c, 0, DRAW.cadreInit.quality)), 1e-6);
      expect(w.cadres.kind[c]).toBe(CadreKind.Helper);
      expect(w.cadres.burnout[c]).toBe(0);
      expect(w.cadres.tenure[c]).toBe(0);
      expect(w.cadres.effort[c]).toBeCloseTo(0.65, 6);
    }
  });

  it('stationed cadres: one first secretary per village, the rest as work teams in the designated poor villages', () => {
    // 16 cadres, 6 of them stationed. Village 0 has the highest registered share (20 of 28 persons) and is
    // the one designated poor village (round(0.1766 × 4) = 1): secretaries 1, 1, 1, 1 and the 2 left to village 0.
    const w = buildWorld({
      params: { cadreEffort: 0.65, initialCadreQuality: 0.5 },
      villages: [
        { households: reg(5, 2), cadres: 7, stationed: 6 },
        { households: reg(3, 4), cadres: 1 },
        { households: reg(2, 1), cadres: 1 },
        { households: reg(0, 3), cadres: 1 },
      ],
    });
    w.hh.cadre.fill(-1);
    w.cadres.caseload.fill(0);
    placeCadres(w, 6);
    const vl = w.villages;
    expect(Array.from(vl.poor)).toEqual([1, 0, 0, 0]);
    expect(Array.from({ length: 4 }, (_, v) => vl.cadreEnd[v] - vl.cadreStart[v])).toEqual([4, 3, 2, 1]);
    expect(Array.from(vl.stationedStart)).toEqual([10, 13, 14, 15]);
    expect(Array.from(vl.stationedEnd)).toEqual([13, 14, 15, 16]);
    const key = w.streams.cadreInit.key;
    for (let c = 10; c < 16; c++) {
      expect(w.cadres.kind[c]).toBe(CadreKind.Stationed);
      expectRel(w.cadres.burnout[c], 0.1 * uniformAt(key, c, 0, DRAW.cadreInit.burnout), 1e-6);
    }
    // Households go to helpers only; stationed caseloads are the village workload per stationed cadre.
    for (let h = 0; h < w.nHouseholds; h++) if (w.hh.cadre[h] >= 0) expect(w.cadres.kind[w.hh.cadre[h]]).toBe(CadreKind.Helper);
    expect(Array.from(w.cadres.caseload.slice(10))).toEqual([2, 2, 2, 3, 2, 0]); // village 0: 5 / 3 → 2 each; then 3, 2, 0
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
    placeCadres(w, 0);
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
