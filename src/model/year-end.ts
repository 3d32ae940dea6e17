/**
 * Year end (December, after the registry events): success feedback on motivation, dibao reviews, the
 * roll-over of the year's income and urbanization, household by household; then cadre rotation.
 */
import { rotateCadres } from './cadres.js';
import { dibaoStandard, earnedIncome } from './household-income.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { applySuccessFeedbackRange } from './motivation.js';
import { urbanizeRange } from './urbanization.js';
import type { World } from './world.js';

export function closeYear(w: World): void {
  // Each household's feedback, roll-over and move to town read and write only its own columns and its
  // village's: block by block (household-blocks.ts) equals all feedback first, then every roll-over,
  // then urbanization. The industries' members who left are taken off from the blocks' rows.
  runBlocks(w, YEAR_END_BLOCKS);
  const members = w.industries.members;
  for (let k = 0; k < w.nIndustries; k++) members[k] -= blockSum(w, k);
  // Cadre rotation reads no household, and urbanization no cadre: their order does not matter.
  rotateCadres(w);
}

/**
 * Success feedback, the dibao review, the roll-over of the year's income and urbanization, for one
 * block's households; slot k of its row: the members industry k lost to urbanization.
 */
export const YEAR_END_BLOCKS: BlockKernel = {
  name: 'yearEnd',
  run(w: World, b: number): void {
    const row = openRow(w, b);
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
    urbanizeRange(w, first, end, row);
  },
};
