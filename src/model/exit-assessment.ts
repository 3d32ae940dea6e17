/**
 * Yearly exit assessment (December). A registered household exits when its assessed income clears the
 * line by exitMargin and the guarantees hold. Under supervision pressure, a household that fails that
 * test but is assessed within falseExitBand below the line (or above it with a guarantee unmet) may be
 * pushed out anyway. Any exit of a household that is truly still
 * poor is a false exit; third-party assessment catches it with probability assessmentStrength, and a
 * caught false exit is reversed.
 */
import { uniformAt } from '../engine/random.js';
import { exitRoute } from './exit-routes.js';
import { assessIncome, assessorQuality, guaranteesMet, yearIncome } from './registry-assessment.js';
import { Measure, Registry, type World } from './world.js';

export function assessExits(w: World): void {
  const hh = w.hh;
  const p = w.p;
  const f = w.flows;
  const key = w.streams.assessment.key;
  const t = w.step;
  const pass = w.line * (1 + p.exitMargin);
  const pushFloor = w.line * (1 - p.falseExitBand);
  const pushProb = w.pressure * p.falseExitPropensity;
  for (let h = 0; h < w.nHouseholds; h++) {
    // A household that returned this December is not assessed for exit in the same month.
    if (hh.registry[h] !== Registry.Registered || hh.statusYear[h] === w.year) continue;
    const y = yearIncome(w, h);
    const assessed = assessIncome(w, h, y, assessorQuality(w, h), 0);
    const guarantees = guaranteesMet(w, h, Measure.Health, Measure.Education);
    const regular = assessed >= pass && guarantees;
    const pushed = !regular && assessed >= pushFloor && uniformAt(key, h, t, 4) < pushProb;
    if (!regular && !pushed) continue;
    const stillPoor = y < w.line || !guarantees;
    const size = hh.size[h];
    if (stillPoor && uniformAt(key, h, t, 5) < p.assessmentStrength) {
      f.falseExitsCaught += size;
      continue;
    }
    if (stillPoor) f.falseExits += size;
    hh.registry[h] = Registry.Exited;
    hh.statusYear[h] = w.year;
    hh.falseExit[h] = stillPoor ? 1 : 0;
    const route = exitRoute(w, h);
    hh.exitRoute[h] = route;
    f.exits[route] += size;
  }
}
