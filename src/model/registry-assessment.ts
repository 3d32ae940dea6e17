/**
 * Income assessment by cadres, shared by identification, exit and return checks: the true yearly
 * income seen through a log-normal error that shrinks with the assessing cadre's quality.
 */
import { normalAt } from '../engine/random.js';
import type { World } from './world.js';

/** This calendar year's mean income of household h so far, per capita (yuan/year). */
export function yearIncome(w: World, h: number): number {
  return w.hh.incomeYearSum[h] / w.month;
}

/**
 * Stable income of household h, per capita: this year's mean income weighted with last year's
 * (`incomeStabilityWeight`). Exits and returns are judged on it, so a single good or bad year neither
 * lifts a household out nor sends it back ("stable" exit, "two no-worries, three guarantees").
 */
export function stableIncome(w: World, h: number): number {
  const k = w.p.incomeStabilityWeight;
  return (1 - k) * yearIncome(w, h) + k * w.hh.incomeLastYear[h];
}

/**
 * Assessed income: `income` seen with an error of sd assessmentNoise × (1 − assessmentQualityEffect × quality) in logs.
 * `slot` is the check's own normal draw of the assessment stream (`DRAW.assessment.exitIncome`, ...).
 */
export function assessIncome(w: World, h: number, income: number, quality: number, slot: number): number {
  const sd = w.p.assessmentNoise * (1 - w.p.assessmentQualityEffect * quality);
  return income * Math.exp(sd * normalAt(w.streams.assessment.key, h, w.step, slot));
}

/** Quality of the cadre assessing household h (its own cadre, or the village's first). */
export function assessorQuality(w: World, h: number): number {
  let c = w.hh.cadre[h];
  if (c < 0) c = w.villages.cadreStart[w.hh.village[h]];
  return c >= 0 && c < w.nCadres ? w.cadres.quality[c] : w.p.initialCadreQuality;
}

/** "Two no-worries, three guarantees": basic medical care, schooling and safe housing are secured. */
export function guaranteesMet(w: World, h: number, healthBit: number, educationBit: number): boolean {
  const hh = w.hh;
  const m = hh.measures[h];
  if (hh.chronic[h] === 1 && !(m & healthBit)) return false;
  if (hh.school[h] === 1 && !(m & educationBit)) return false;
  return hh.unsafeHousing[h] === 0;
}
