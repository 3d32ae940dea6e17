/**
 * Cadres (phase 3): the "inaction" predicament. Burnout grows with caseload, effort and supervision
 * pressure and recovers with support; the effort actually given is the target effort (the
 * `cadreEffort` lever, suggestion 4) reduced by burnout; quality grows with training days.
 * Effort and quality set attention, diagnostic precision and assessment accuracy downstream.
 */
import { uniformAt } from '../engine/random.js';
import { Registry, Spend, type World } from './world.js';

/** How much burnout cuts effort: effort = target × (1 − BURNOUT_EFFORT_LOSS × burnout) [assume]. */
export const BURNOUT_EFFORT_LOSS = 0.6;

/** Recounts each cadre's caseload: registered households assigned to it. */
export function recountCaseloads(w: World): void {
  const caseload = w.cadres.caseload;
  const { registry, cadre } = w.hh;
  caseload.fill(0);
  for (let h = 0; h < w.nHouseholds; h++) {
    if (registry[h] === Registry.Registered && cadre[h] >= 0) caseload[cadre[h]]++;
  }
}

/** Monthly burnout, effort and quality update; books the cost of cadre time and training. */
export function updateCadres(w: World): void {
  recountCaseloads(w);
  const p = w.p;
  const cd = w.cadres;
  const trainPerMonth = (p.trainingDays / 12) * p.qualityPerTrainingDay;
  const pressureFactor = 0.5 + w.pressure;
  // Cadre time is paid at the target effort (stationing and allowances), whatever burnout leaves of it.
  let targetEffortSum = 0;
  for (let c = 0; c < w.nCadres; c++) {
    const load = cd.caseload[c] / p.caseloadReference;
    let b = cd.burnout[c];
    b += p.burnoutRate * load * cd.effort[c] * pressureFactor * (1 - b) - p.burnoutRecovery * (1 + p.cadreSupport) * b;
    b = b < 0 ? 0 : b > 1 ? 1 : b;
    cd.burnout[c] = b;
    cd.effort[c] = p.cadreEffort * (1 - BURNOUT_EFFORT_LOSS * b);
    cd.quality[c] += trainPerMonth * (1 - cd.quality[c]);
    targetEffortSum += p.cadreEffort;
  }
  w.flows.spending[Spend.cadres] += (targetEffortSum * p.cadreCostPerEffort + w.nCadres * p.trainingDays * p.trainingDayCost) / 12;
}

/** Year end: a share of cadres rotates out; replacements start at the initial quality without burnout. */
export function rotateCadres(w: World): void {
  const key = w.streams.rotation.key;
  const cd = w.cadres;
  const p = w.p;
  for (let c = 0; c < w.nCadres; c++) {
    if (uniformAt(key, c, w.step, 0) < p.rotationRate) {
      cd.quality[c] = initialQuality(p.initialCadreQuality, uniformAt(key, c, w.step, 1));
      cd.burnout[c] = 0;
    }
  }
}

/** Initial quality of a cadre from a uniform draw: mean `mean`, spread ±0.2, within [0, 1]. */
export function initialQuality(mean: number, u: number): number {
  const q = mean + 0.4 * (u - 0.5);
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/** Diagnostic precision of cadre c: quality, scaled by effort (a hurried visit misreads causes). */
export function precision(w: World, c: number): number {
  if (c < 0) return 0.3;
  return w.cadres.quality[c] * (0.5 + 0.5 * w.cadres.effort[c]);
}

/** Attention cadre c gives each of its households (0..1): effort, diluted above the reference caseload. */
export function attention(w: World, c: number): number {
  if (c < 0) return 0;
  const load = w.cadres.caseload[c];
  const dilution = load > w.p.caseloadReference ? w.p.caseloadReference / load : 1;
  return w.cadres.effort[c] * dilution;
}
