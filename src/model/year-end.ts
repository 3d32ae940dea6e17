/**
 * Year end (December, after the registry events): success feedback on motivation, dibao reviews,
 * cadre rotation, urbanization, and the roll-over of the year's income.
 */
import { rotateCadres } from './cadres.js';
import { dibaoStandard, earnedIncome } from './household-income.js';
import { runBlocks, type BlockKernel } from './household-blocks.js';
import { applySuccessFeedbackRange } from './motivation.js';
import { urbanize } from './urbanization.js';
import type { World } from './world.js';

export function closeYear(w: World): void {
  // Each household's feedback and roll-over read and write only its own columns: block by block
  // (household-blocks.ts) equals all feedback first, then every roll-over.
  runBlocks(w, YEAR_END_BLOCKS);
  rotateCadres(w);
  urbanize(w);
}

/** Success feedback, the dibao review and the roll-over of the year's income, for one block's households. */
export const YEAR_END_BLOCKS: BlockKernel = {
  name: 'yearEnd',
  run(w: World, b: number): void {
    const first = w.blocks.householdStart[b];
    const end = w.blocks.householdStart[b + 1];
    const { onDibao, dibaoMonths, incomeLastYear, incomeYearSum, shockLastYear, shockYear } = w.hh;
    // This year's mean income (registry-assessment.ts yearIncome), read from the hoisted column.
    const months = w.month;
    applySuccessFeedbackRange(w, first, end, (h) => incomeYearSum[h] / months);
    const leave = w.p.dibaoExitFactor * dibaoStandard(w);
    for (let h = first; h < end; h++) {
      if (onDibao[h] === 1 && earnedIncome(w, h) > leave) {
        onDibao[h] = 0;
        dibaoMonths[h] = 0;
      }
      incomeLastYear[h] = incomeYearSum[h] / months;
      incomeYearSum[h] = 0;
      shockLastYear[h] = shockYear[h];
      shockYear[h] = 0;
    }
  },
};
