/**
 * Income assessment by cadres, shared by identification, exit and return checks: the true yearly
 * income seen through a log-normal error that shrinks with the assessing cadre's quality.
 */
import { NORMAL_RADIUS_MAX, normalAt, normalRadiusAt } from '../engine/random.js';
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

/**
 * Relative margin over the level for {@link surelyAssessedAbove}: far above the rounding of the few
 * operations between its bound and the assessed income (about 1e-15).
 */
const ABOVE_MARGIN = 1e-9;

/**
 * True when assessIncome(w, h, income, quality, slot) is surely above `level` (> 0), judged without the
 * whole draw: assessed income is income × exp(sd × z) with |z| ≤ r, the draw's radius (normalRadiusAt,
 * one uniform), and r ≤ NORMAL_RADIUS_MAX for any draw. A check that skips these households skips none
 * it would have kept; the plain kernel (household-index.ts) never asks.
 */
export function surelyAssessedAbove(w: World, h: number, income: number, quality: number, slot: number, level: number): boolean {
  if (!(income > 0) || !(level > 0)) return false;
  const sd = Math.abs(w.p.assessmentNoise * (1 - w.p.assessmentQualityEffect * quality));
  const clears = level * (1 + ABOVE_MARGIN);
  if (income * Math.exp(-sd * NORMAL_RADIUS_MAX) > clears) return true;
  const x = sd * normalRadiusAt(w.streams.assessment.key, h, w.step, slot);
  // exp(−x) ≥ 1 − x: the cheaper test first (for x < 0.5, where 1 − x loses nothing to rounding).
  if (x < 0.5 && income * (1 - x) > clears) return true;
  return income * Math.exp(-x) > clears;
}

/**
 * The income above which an assessment by a cadre of `quality` is above `level` (> 0) whatever its draw:
 * the first test of {@link surelyAssessedAbove}, for a pass that compares many households with one
 * assessor quality. Infinity when the level is not positive (nothing is sure then).
 */
export function assuredAboveIncome(w: World, quality: number, level: number): number {
  if (!(level > 0)) return Infinity;
  const sd = Math.abs(w.p.assessmentNoise * (1 - w.p.assessmentQualityEffect * quality));
  // Above this, income × exp(−sd × NORMAL_RADIUS_MAX) is above the level with the margin; rounding in the
  // division is far below the margin.
  return (level * (1 + 2 * ABOVE_MARGIN)) / Math.exp(-sd * NORMAL_RADIUS_MAX);
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
