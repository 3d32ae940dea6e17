/**
 * Year end (December, after the registry events): success feedback on motivation, dibao reviews,
 * cadre rotation, and the roll-over of the year's income.
 */
import { rotateCadres } from './cadres.js';
import { dibaoStandard, ecoIncome, industryIncome, jobIncome, marketIncome } from './household-income.js';
import { applySuccessFeedback } from './motivation.js';
import { yearIncome } from './registry-assessment.js';
import type { World } from './world.js';

/** Dibao recipients whose earned income exceeds the standard by this factor leave dibao [assume]. */
export const DIBAO_EXIT_FACTOR = 1.2;

export function closeYear(w: World): void {
  const hh = w.hh;
  applySuccessFeedback(w, (h) => yearIncome(w, h));
  const leave = DIBAO_EXIT_FACTOR * dibaoStandard(w);
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.onDibao[h] === 1) {
      const earned = marketIncome(w, h) + industryIncome(w, h) + jobIncome(w, h) + ecoIncome(w, h);
      if (earned > leave) {
        hh.onDibao[h] = 0;
        hh.dibaoMonths[h] = 0;
      }
    }
    hh.incomeLastYear[h] = yearIncome(w, h);
    hh.incomeYearSum[h] = 0;
  }
  rotateCadres(w);
}
