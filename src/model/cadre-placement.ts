/**
 * Placing cadres (initialization) and assigning registered households to them.
 *
 * Pairing helpers are stationed in villages in proportion to registered poor households (at least one
 * per village); a household is assigned to the least-loaded helper of its village. Stationed cadres:
 * one first secretary per village while they last, the rest as work-team members in the designated
 * poor villages (the `poorVillageShare` of villages with the most registered poor), in proportion to
 * their registered households.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { initialQuality, recountCaseloads } from './cadres.js';
import { CadreKind, Registry, type World } from './world.js';

/** Largest-remainder apportionment of `n` seats by `weights`, on top of `base` seats each. */
export function apportion(n: number, weights: Float64Array, base: Int32Array): Int32Array {
  const out = Int32Array.from(base);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (n <= 0 || weights.length === 0) return out;
  const rema: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = total > 0 ? (n * weights[i]) / total : n / weights.length;
    const whole = Math.floor(exact);
    out[i] += whole;
    given += whole;
    rema.push({ i, r: exact - whole });
  }
  rema.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < n - given; k++) out[rema[k % rema.length].i]++;
  return out;
}

/** Marks the designated poor villages: the `poorVillageShare` with the highest registered share (ties by id). */
export function markPoorVillages(w: World, registeredPersons: Float64Array): void {
  const vl = w.villages;
  const order = Array.from({ length: w.nVillages }, (_, v) => v);
  const share = (v: number) => {
    let persons = 0;
    for (let h = vl.hhStart[v]; h < vl.hhEnd[v]; h++) persons += w.hh.size[h];
    return persons > 0 ? registeredPersons[v] / persons : 0;
  };
  const s = order.map(share);
  order.sort((a, b) => s[b] - s[a] || a - b);
  const n = Math.round(w.p.poorVillageShare * w.nVillages);
  for (let k = 0; k < w.nVillages; k++) vl.poor[order[k]] = k < n ? 1 : 0;
}

/** Stations helpers and stationed cadres in villages and draws their initial state. */
export function placeCadres(w: World, stationed: number): void {
  const vl = w.villages;
  const hh = w.hh;
  const nV = w.nVillages;
  const helpers = w.nCadres - stationed;
  const poor = new Float64Array(nV);
  const poorPersons = new Float64Array(nV);
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.registry[h] === Registry.Registered) {
      poor[hh.village[h]]++;
      poorPersons[hh.village[h]] += hh.size[h];
    }
  }
  markPoorVillages(w, poorPersons);
  const helperCounts = apportion(helpers - nV, poor, new Int32Array(nV).fill(1));
  // First secretaries: one per village while they last (in village order), then work teams in poor villages.
  const secretaries = Math.min(stationed, nV);
  const teamWeights = new Float64Array(nV);
  for (let v = 0; v < nV; v++) teamWeights[v] = vl.poor[v] === 1 ? poor[v] + 1e-9 : 0;
  const base = new Int32Array(nV);
  for (let v = 0; v < secretaries; v++) base[v] = 1;
  const stationedCounts = apportion(stationed - secretaries, teamWeights, base);
  // Helpers first, village by village, then the stationed cadres: each kind is contiguous per village.
  const afterHelpers = layCadres(w, 0, helperCounts, CadreKind.Helper, vl.cadreStart, vl.cadreEnd);
  layCadres(w, afterHelpers, stationedCounts, CadreKind.Stationed, vl.stationedStart, vl.stationedEnd);
  const key = w.streams.cadreInit.key;
  for (let k = 0; k < w.nCadres; k++) {
    w.cadres.quality[k] = initialQuality(w.p.initialCadreQuality, w.p.cadreQualitySpread, uniformAt(key, k, 0, DRAW.cadreInit.quality));
    w.cadres.burnout[k] = w.cadres.kind[k] === CadreKind.Stationed ? w.p.initialBurnoutMax * uniformAt(key, k, 0, DRAW.cadreInit.burnout) : 0;
    w.cadres.tenure[k] = 0;
    w.cadres.effort[k] = w.p.cadreEffort;
  }
  for (let h = 0; h < w.nHouseholds; h++) if (hh.registry[h] === Registry.Registered) assignCadre(w, h);
  recountCaseloads(w);
}

/** Lays `counts[v]` cadres of `kind` for each village from id `first`; records each village's range. Returns the next id. */
function layCadres(w: World, first: number, counts: Int32Array, kind: number, start: Int32Array, end: Int32Array): number {
  let c = first;
  for (let v = 0; v < w.nVillages; v++) {
    start[v] = c;
    for (let k = 0; k < counts[v]; k++, c++) {
      w.cadres.village[c] = v;
      w.cadres.kind[c] = kind;
    }
    end[v] = c;
  }
  return c;
}

/** Assigns household h to the helper of its village with the smallest caseload (lowest id on ties). */
export function assignCadre(w: World, h: number): void {
  const v = w.hh.village[h];
  const a = w.villages.cadreStart[v];
  const b = w.villages.cadreEnd[v];
  let best = -1;
  let bestLoad = Infinity;
  for (let c = a; c < b; c++) {
    if (w.cadres.caseload[c] < bestLoad) {
      bestLoad = w.cadres.caseload[c];
      best = c;
    }
  }
  w.hh.cadre[h] = best;
  if (best >= 0) w.cadres.caseload[best]++;
}
