/**
 * Income: each household's income this month, per capita at an annual rate:
 *   market (productivity × transient × growth × circumstances) + industry + jobs + ecological post
 *   + dibao top-up − out-of-pocket shock losses (medical costs, disaster losses) − relocation debt
 *   repayment (so moving can make a household poorer for a while).
 * Schooling costs are not deducted (the official income measure does not deduct them); education aid
 * is an entitlement of registration, which secures the schooling guarantee.
 * Market incomes grow at ruralIncomeGrowth; households with a structural constraint (no laborer,
 * illness, disability, remoteness) get only structuralGrowthShare of it. Savings absorb the rest.
 * Recurring transfers and posts are booked to spending here.
 *
 * This is the hottest loop of the model: columns and parameters are hoisted into locals, and the
 * formulas of household-income.ts are inlined (a test checks they agree).
 */
import { constraintFactors, dibaoStandard, industryTypeIncome } from './household-income.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { finishRegistryTally, tallyAnyHousehold, tallyRegistryHousehold, TALLY_SLOTS } from './household-tally.js';
import { registryIndex } from './household-index.js';
import { Measure, Spend, type World } from './world.js';

/** Smoothing weight of the twelve-month income estimate. */
const SMOOTHING = 1 / 12;

// Scratch of the month's per-bits factors and per-industry incomes, filled at the start of each call
// (no allocation per step).
const FACTORS = new Float64Array(16);
let typeIncomes = new Float64Array(16);

/** Slots of a block's row after the tally's own (household-tally.ts): the month's transfers and aid. */
const DIBAO = TALLY_SLOTS;
const ECO_POSTS = TALLY_SLOTS + 1;
const EDUCATION_AID = TALLY_SLOTS + 2;
const HEALTH_AID = TALLY_SLOTS + 3;

export function updateIncome(w: World): void {
  const { size, gone, incomeSmoothed, registry, returned, relocated, onDibao, waiting, chronic } = w.hh;
  const p = w.p;
  const line = w.line;
  // Every household's income, block by block (household-blocks.ts); each block adds up its own.
  runBlocks(w, INCOME_BLOCKS);
  // Results of this month are counted here, after the last monthly change (see household-tally.ts).
  const tally = w.tally;
  tally.reset(w.step);
  const sums = tally.sums;
  for (let k = 0; k < TALLY_SLOTS; k++) sums[k] = blockSum(w, k);
  // The sums that concern registry states, dibao and resettlement: only the index's households add to them.
  const { ids, count } = registryIndex(w);
  for (let i = 0; i < count; i++) {
    const h = ids[i];
    if (gone[h] === 1) continue;
    tallyRegistryHousehold(sums, size[h], incomeSmoothed[h], line, registry[h], returned[h], relocated[h], onDibao[h], waiting[h], chronic[h]);
  }
  finishRegistryTally(sums);
  const sp = w.flows.spending;
  sp[Spend.social_security] += blockSum(w, DIBAO) / 12;
  sp[Spend.ecological] += (blockSum(w, ECO_POSTS) * p.ecoJobWage) / 12;
  sp[Spend.education] += (blockSum(w, EDUCATION_AID) * p.educationAidCost) / 12;
  sp[Spend.health] += (blockSum(w, HEALTH_AID) * p.healthAidCost) / 12;
}

/** The income of one block's households, and their sums in the block's row. */
export const INCOME_BLOCKS: BlockKernel = {
  name: 'income',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const first = w.blocks.householdStart[b];
    const end = w.blocks.householdStart[b + 1];
    const { size, constraints, growth, productivity, deviationFactor, skill, motivation, waiting, gone } = w.hh;
    const { relocationDebt, debtPayment } = w.hh;
    const { industryMember, village, jobs, ecoPost, onDibao, dibaoMonths, measures, shockLoss, school } = w.hh;
    const { income, incomeSmoothed, incomeYearSum, savings } = w.hh;
    const industryType = w.villages.industryType;
    const p = w.p;
    const line = w.line;
    const gFull = Math.pow(1 + p.ruralIncomeGrowth, 1 / 12);
    const gStructural = Math.pow(1 + p.ruralIncomeGrowth * p.structuralGrowthShare, 1 / 12);
    const factorOf = constraintFactors(p, FACTORS);
    const skillReturn = p.skillReturn;
    const { industrySkillBase, industrySkillGain } = p;
    const waitingFactor = 1 - p.waitingEffortLoss;
    const dividendShare = p.dividendShare;
    const jobPay = p.jobIncome * w.wageIndex;
    const ecoPay = p.ecoJobWage;
    const dibaoStd = dibaoStandard(w);
    const saveAbove = p.savingsThreshold * w.line;
    const savingsRate = p.savingsRate;
    if (typeIncomes.length < w.nIndustries) typeIncomes = new Float64Array(w.nIndustries);
    const typeIncome = typeIncomes;
    for (let k = 0; k < w.nIndustries; k++) typeIncome[k] = industryTypeIncome(w, k);
    let dibao = 0;
    let ecoPosts = 0;
    let educationAid = 0;
    let healthAid = 0;
    for (let h = first; h < end; h++) {
      if (gone[h] === 1) continue;
      const n = size[h];
      const bits = constraints[h];
      const g = growth[h] * (bits !== 0 ? gStructural : gFull);
      growth[h] = g;
      const sk = skill[h];
      const wait = waiting[h];
      const f = factorOf[bits] * (1 + skillReturn * (sk - 0.5)) * (wait === 1 ? waitingFactor : 1);
      let earned = productivity[h] * deviationFactor[h] * g * f;
      const member = industryMember[h];
      if (member !== 0) {
        const full = typeIncome[industryType[village[h]]] * (industrySkillBase + industrySkillGain * sk);
        earned += (member === 1 ? full : dividendShare * full) / n;
      }
      if (jobs[h] > 0) earned += (jobs[h] * jobPay) / n;
      if (ecoPost[h] === 1) {
        earned += ecoPay / n;
        ecoPosts++;
      }
      let topUp = 0;
      if (onDibao[h] === 1) {
        topUp = earned < dibaoStd ? dibaoStd - earned : 0;
        if (dibaoMonths[h] < 65535) dibaoMonths[h]++;
        dibao += topUp * n;
      }
      const m = measures[h];
      if (school[h] === 1 && m & Measure.Education) educationAid++;
      if (m & Measure.Health) healthAid++;
      let repay = 0;
      if (relocationDebt[h] > 0) {
        repay = debtPayment[h] < relocationDebt[h] ? debtPayment[h] : relocationDebt[h];
        relocationDebt[h] -= repay;
      }
      const loss = shockLoss[h] + repay;
      // Most months there is nothing to deduct: x − 0 is x, so the division is skipped then.
      const y = loss === 0 ? earned + topUp : earned + topUp - (loss * 12) / n;
      income[h] = y;
      incomeSmoothed[h] += SMOOTHING * (y - incomeSmoothed[h]);
      incomeYearSum[h] += y;
      const flow = y > saveAbove ? savingsRate * (y - saveAbove) : y < 0 ? y : 0;
      savings[h] += (flow * n) / 12;
      // The stored (float32) value, as the recount in December would read it.
      tallyAnyHousehold(row, n, incomeSmoothed[h], line, member, motivation[h], relocationDebt[h]);
    }
    row[DIBAO] = dibao;
    row[ECO_POSTS] = ecoPosts;
    row[EDUCATION_AID] = educationAid;
    row[HEALTH_AID] = healthAid;
  },
};
