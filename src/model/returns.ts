/**
 * Returns to poverty (December, before exit assessment): an exited household whose income this year
 * truly fell below the line, and is assessed below it, is found by dynamic monitoring with probability
 * returnDetection and re-registered.
 */
import { uniformAt } from '../engine/random.js';
import { assignCadre } from './cadre-placement.js';
import { assessIncome, assessorQuality, yearIncome } from './registry-assessment.js';
import { Registry, type World } from './world.js';

export function detectReturns(w: World): void {
  const hh = w.hh;
  const key = w.streams.identification.key;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.registry[h] !== Registry.Exited) continue;
    // Monitoring confirms a return only when the fall is real and the check sees it.
    const y = yearIncome(w, h);
    if (y >= w.line) continue;
    const assessed = assessIncome(w, h, y, assessorQuality(w, h), 1);
    if (assessed >= w.line || uniformAt(key, h, w.step, 0) >= w.p.returnDetection) continue;
    hh.registry[h] = Registry.Registered;
    hh.returned[h] = 1;
    hh.statusYear[h] = w.year;
    w.flows.returns += hh.size[h];
    assignCadre(w, h);
  }
}
