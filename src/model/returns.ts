/**
 * Returns to poverty (December, before exit assessment). An exited household returns only if its
 * income this year fell below the standard it exited under, indexed for prices since, and its check
 * sees that; dynamic monitoring finds it with probability returnDetection and re-registers it. A later,
 * higher standard (2020) does not by itself make an exited household a returnee.
 * From atRiskSupportFromYear, monitoring first uses the fallbacks of the consolidation policy: a
 * household that fell below only because of shocks (illness, disaster) in the two years its stable income
 * weighs gets temporary
 * assistance for the shortfall; one that cannot work and is not on dibao is put on dibao; one with a
 * laborer and no post, whom a public-welfare post (paid ecoJobWage) would lift above the standard, gets
 * one. A fallback needs the monitoring cadres to reach the household in time (monitoringReach, the
 * capacity the village's stationed cadres have left). It returns if not reached or if none applies.
 * A return within 24 months of the exit makes that exit not durable.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { assignCadre } from './cadre-placement.js';
import { monitoringReach } from './cadres.js';
import { priceIndex } from './government.js';
import { assessIncome, assessorQuality, stableIncome } from './registry-assessment.js';
import { Measure, Registry, Spend, type World } from './world.js';

/** Months after an exit within which a return makes the exit not durable. */
export const DURABLE_MONTHS = 24;

/** The standard household h is judged against for a return this year: its exit standard, indexed for prices. */
export function returnStandard(w: World, h: number): number {
  return w.hh.exitLine[h] * priceIndex(w.year, w.hh.statusYear[h], w.p.priceInflation);
}

/**
 * The consolidation fallbacks for exited household h found below `standard` on stable income `y`:
 * temporary assistance when shocks (this year's and last year's, as stable income weighs them) explain the fall, else dibao for a household that
 * cannot work, else a public-welfare post that would lift it above the standard. Returns true when a
 * fallback kept it from returning.
 */
export function applyFallback(w: World, h: number, y: number, standard: number): boolean {
  const hh = w.hh;
  const n = hh.size[h];
  const lastYearWeight = w.p.incomeStabilityWeight;
  const thisYearWeight = 1 - lastYearWeight;
  // Stable income weighs last year too, so a shock of last year can be what holds it under the standard.
  const withoutShocks = y + (thisYearWeight * hh.shockYear[h] + lastYearWeight * hh.shockLastYear[h]) / n;
  if (withoutShocks >= standard && thisYearWeight > 0) {
    // Temporary assistance pays the shortfall to the standard this year (per capita, times persons).
    w.flows.spending[Spend.social_security] += ((standard - y) / thisYearWeight) * n;
    w.flows.fallbacks += n;
    return true;
  }
  const cannotWork = hh.laborers[h] === 0 || hh.disabled[h] === 1;
  if (cannotWork && hh.onDibao[h] === 0) {
    hh.onDibao[h] = 1;
    hh.measures[h] |= Measure.SocialSecurity;
    w.flows.fallbacks += n;
    return true;
  }
  if (!cannotWork && hh.ecoPost[h] === 0 && y + w.p.ecoJobWage / n >= standard) {
    hh.ecoPost[h] = 1;
    w.flows.fallbacks += n;
    return true;
  }
  return false;
}

export function detectReturns(w: World): void {
  const hh = w.hh;
  const key = w.streams.identification.key;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.registry[h] !== Registry.Exited || hh.gone[h] === 1) continue;
    const standard = returnStandard(w, h);
    // Monitoring confirms a return only when the fall is real and the check sees it.
    const y = stableIncome(w, h);
    if (y >= standard) continue;
    const assessed = assessIncome(w, h, y, assessorQuality(w, h), DRAW.assessment.returnIncome);
    if (assessed >= standard || uniformAt(key, h, w.step, DRAW.identification.returnFound) >= w.p.returnDetection) continue;
    // A fallback needs the monitoring cadres to reach the household in time (predicament 4).
    if (
      w.year >= w.p.atRiskSupportFromYear &&
      uniformAt(key, h, w.step, DRAW.identification.fallbackReached) < monitoringReach(w, h) &&
      applyFallback(w, h, y, standard)
    )
      continue;
    hh.registry[h] = Registry.Registered;
    hh.returned[h] = 1;
    hh.statusYear[h] = w.year;
    w.flows.returns += hh.size[h];
    if (w.step - hh.exitStep[h] <= DURABLE_MONTHS) w.durable[hh.exitStep[h]] -= hh.size[h];
    assignCadre(w, h);
  }
}
