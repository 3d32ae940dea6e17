/**
 * Placing cadres (initialization) and assigning registered households to them. Cadres are stationed
 * in villages in proportion to registered poor households (at least one per village), as the resident
 * work teams and pairing helpers were; a household is assigned to the least-loaded cadre of its village.
 */
import { uniformAt } from '../engine/random.js';
import { initialQuality, recountCaseloads } from './cadres.js';
import { Registry, type World } from './world.js';

/** Stations cadres in villages (largest-remainder apportionment) and draws their initial state. */
export function placeCadres(w: World): void {
  const vl = w.villages;
  const hh = w.hh;
  const nV = w.nVillages;
  const nC = w.nCadres;
  const poor = new Float64Array(nV);
  let total = 0;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.registry[h] === Registry.Registered) {
      poor[hh.village[h]]++;
      total++;
    }
  }
  const spare = nC - nV; // one per village first
  const counts = new Int32Array(nV).fill(1);
  const rema: { v: number; r: number }[] = [];
  let given = 0;
  for (let v = 0; v < nV; v++) {
    const exact = total > 0 ? (spare * poor[v]) / total : spare / nV;
    const whole = Math.floor(exact);
    counts[v] += whole;
    given += whole;
    rema.push({ v, r: exact - whole });
  }
  rema.sort((a, b) => b.r - a.r || a.v - b.v);
  for (let i = 0; i < spare - given; i++) counts[rema[i % nV].v]++;
  let c = 0;
  for (let v = 0; v < nV; v++) {
    vl.cadreStart[v] = c;
    for (let k = 0; k < counts[v]; k++, c++) w.cadres.village[c] = v;
    vl.cadreEnd[v] = c;
  }
  const key = w.streams.cadreInit.key;
  for (let k = 0; k < nC; k++) {
    w.cadres.quality[k] = initialQuality(w.p.initialCadreQuality, uniformAt(key, k, 0, 0));
    w.cadres.burnout[k] = 0.1 * uniformAt(key, k, 0, 1);
    w.cadres.effort[k] = w.p.cadreEffort;
  }
  for (let h = 0; h < w.nHouseholds; h++) if (hh.registry[h] === Registry.Registered) assignCadre(w, h);
  recountCaseloads(w);
}

/** Assigns household h to the cadre of its village with the smallest caseload (lowest id on ties). */
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
