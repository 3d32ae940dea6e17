/**
 * Year end (December, after the registry events): success feedback on motivation, dibao reviews,
 * cadre rotation, urbanization, and the roll-over of the year's income.
 */
import { rotateCadres } from './cadres.js';
import { dibaoStandard, earnedIncome } from './household-income.js';
import { applySuccessFeedback } from './motivation.js';
import { yearIncome } from './registry-assessment.js';
import { urbanize } from './urbanization.js';
import type { World } from './world.js';

export function closeYear(w: World): void {
  const hh = w.hh;
  applySuccessFeedback(w, (h) => yearIncome(w, h));
  const leave = w.p.dibaoExitFactor * dibaoStandard(w);
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.onDibao[h] === 1 && earnedIncome(w, h) > leave) {
      hh.onDibao[h] = 0;
      hh.dibaoMonths[h] = 0;
    }
    hh.incomeLastYear[h] = yearIncome(w, h);
    hh.incomeYearSum[h] = 0;
    hh.shockLastYear[h] = hh.shockYear[h];
    hh.shockYear[h] = 0;
  }
  rotateCadres(w);
  urbanize(w);
}
