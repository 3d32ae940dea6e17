/**
 * Yearly exit assessment (December). A registered household exits when its assessed income clears the
 * line by exitMargin and the guarantees hold. Under supervision pressure, a household that fails that
 * test but is assessed within falseExitBand below the line (or above it with a guarantee unmet) may be
 * pushed out anyway. Any exit of a household that is truly still
 * poor is a false exit; third-party assessment catches it with probability assessmentStrength, and a
 * caught false exit is reversed. A household waiting for help hides part of its income at the check (to
 * keep the "poor hat"); a burnt-out village team pushes more households out (formalism).
 * The exit standard is recorded: a later return is judged against it, indexed for prices. The share of
 * attempted exits the check found false in a village raises next year's inspection pressure on that
 * village's stationed cadres (assessment feedback), which adds to their burnout.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { exitRoute } from './exit-routes.js';
import { registryIndex } from './household-index.js';
import { assessIncome, assessorQuality, guaranteesMet, stableIncome, yearIncome } from './registry-assessment.js';
import { Measure, Registry, type World } from './world.js';

export function assessExits(w: World): void {
  const hh = w.hh;
  const p = w.p;
  const f = w.flows;
  const key = w.streams.assessment.key;
  const t = w.step;
  const pass = w.line * (1 + p.exitMargin);
  const pushFloor = w.line * (1 - p.falseExitBand);
  // Target pressure drives pushed exits; the assessment's feedback adds inspection (burnout), not targets.
  const pushBase = w.targetPressure * p.falseExitPropensity;
  const concealed = 1 - p.waitingConcealment;
  const vl = w.villages;
  const teamBurnout = vl.teamBurnout;
  vl.exitsAttempted.fill(0);
  vl.exitsFoundFalse.fill(0);
  // Only registered households are assessed (the index holds them all; returns keep a household in it).
  const { ids, count } = registryIndex(w);
  for (let i = 0; i < count; i++) {
    const h = ids[i];
    // A household that returned this December is not assessed for exit in the same month.
    if (hh.registry[h] !== Registry.Registered || hh.statusYear[h] === w.year || hh.gone[h] === 1) continue;
    const y = yearIncome(w, h);
    const stable = stableIncome(w, h);
    const shown = hh.waiting[h] === 1 ? stable * concealed : stable;
    const assessed = assessIncome(w, h, shown, assessorQuality(w, h), DRAW.assessment.exitIncome);
    const pushProb = pushBase * (1 + p.burnoutHonestyLoss * teamBurnout[hh.village[h]]);
    const guarantees = guaranteesMet(w, h, Measure.Health, Measure.Education);
    const regular = assessed >= pass && guarantees;
    const pushed = !regular && assessed >= pushFloor && uniformAt(key, h, t, DRAW.assessment.pushed) < pushProb;
    if (!regular && !pushed) continue;
    const stillPoor = y < w.line || !guarantees;
    const size = hh.size[h];
    const v = hh.village[h];
    vl.exitsAttempted[v] += size;
    if (stillPoor && uniformAt(key, h, t, DRAW.assessment.caught) < p.assessmentStrength) {
      f.falseExitsCaught += size;
      vl.exitsFoundFalse[v] += size;
      continue;
    }
    if (stillPoor) f.falseExits += size;
    hh.registry[h] = Registry.Exited;
    hh.statusYear[h] = w.year;
    hh.falseExit[h] = stillPoor ? 1 : 0;
    hh.exitLine[h] = w.line;
    hh.exitStep[h] = t;
    w.durable[t] += size;
    const route = exitRoute(w, h);
    hh.exitRoute[h] = route;
    f.exits[route] += size;
  }
  for (let v = 0; v < w.nVillages; v++) {
    const attempted = vl.exitsAttempted[v];
    vl.inspection[v] = attempted > 0 ? p.assessmentPressureFeedback * (vl.exitsFoundFalse[v] / attempted) : 0;
  }
}
