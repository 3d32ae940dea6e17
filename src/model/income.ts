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
import { addRegisteredIncome, ANY_HOUSEHOLD_SLOTS as ANY, finishRegistryTally, tallyRegistryBlock, tallyRegistryIndex, TALLY_SLOTS } from './household-tally.js';
import { registryIndex, setIndexStarts } from './household-index.js';
import { offsetIn } from '../engine/columns.js';
import { Measure, Spend, type World } from './world.js';

// Scratch of the month's per-bits factors and per-industry incomes, filled at the start of each call
// (no allocation per step).
const FACTORS = new Float64Array(16);
const GROWTH = new Float64Array(16);
let typeIncomes = new Float64Array(16);

/** Slots of a block's row after the tally's own (household-tally.ts): the month's transfers and aid. */
const DIBAO = TALLY_SLOTS;
const ECO_POSTS = TALLY_SLOTS + 1;
const EDUCATION_AID = TALLY_SLOTS + 2;
const HEALTH_AID = TALLY_SLOTS + 3;

export function updateIncome(w: World): void {
  const p = w.p;
  // The sums that concern registry states, dibao and resettlement: only the index's households add to
  // them. In a tiled world each block adds its own after its incomes, while they are in cache.
  const { ids, count } = registryIndex(w);
  const tiled = w.blocks.tiled;
  if (tiled) setIndexStarts(w, ids, count);
  // Every household's income, block by block (household-blocks.ts); each block adds up its own.
  runBlocks(w, INCOME_BLOCKS);
  // Results of this month are counted here, after the last monthly change (see household-tally.ts).
  const tally = w.tally;
  tally.reset(w.step);
  const sums = tally.sums;
  for (let k = 0; k < TALLY_SLOTS; k++) sums[k] = blockSum(w, k);
  if (tiled) addRegisteredIncome(sums, w.blocks.registeredIncome, count);
  else tallyRegistryIndex(sums, w, ids, count, w.hh.incomeSmoothed);
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
    const hh = w.hh;
    // Every column through its pool (engine/columns.ts says why): F[oX + h] is hh.x[h].
    const { f32: F, u8: U8, u16: U16 } = w.hhPools;
    const oSize = offsetIn(U8, hh.size);
    const oConstraints = offsetIn(U8, hh.constraints);
    const oWaiting = offsetIn(U8, hh.waiting);
    const oGone = offsetIn(U8, hh.gone);
    const oMember = offsetIn(U8, hh.industryMember);
    const oJobs = offsetIn(U8, hh.jobs);
    const oEcoPost = offsetIn(U8, hh.ecoPost);
    const oOnDibao = offsetIn(U8, hh.onDibao);
    const oSchool = offsetIn(U8, hh.school);
    const oDibaoMonths = offsetIn(U16, hh.dibaoMonths);
    const oMeasures = offsetIn(U16, hh.measures);
    const oGrowth = offsetIn(F, hh.growth);
    const oProductivity = offsetIn(F, hh.productivity);
    const oDeviationFactor = offsetIn(F, hh.deviationFactor);
    const oSkill = offsetIn(F, hh.skill);
    const oMotivation = offsetIn(F, hh.motivation);
    const oDebt = offsetIn(F, hh.relocationDebt);
    const oDebtPayment = offsetIn(F, hh.debtPayment);
    const oShockLoss = offsetIn(F, hh.shockLoss);
    const oIncome = offsetIn(F, hh.income);
    const oSmoothed = offsetIn(F, hh.incomeSmoothed);
    const oYearSum = offsetIn(F, hh.incomeYearSum);
    const oSavings = offsetIn(F, hh.savings);
    const village = hh.village;
    const industryType = w.villages.industryType;
    const p = w.p;
    const line = w.line;
    const gFull = Math.pow(1 + p.ruralIncomeGrowth, 1 / 12);
    const gStructural = Math.pow(1 + p.ruralIncomeGrowth * p.structuralGrowthShare, 1 / 12);
    const factorOf = constraintFactors(p, FACTORS);
    // The month's growth factor by constraint bits: a table, not a branch on bits !== 0 (which a third of
    // the households take, in no order the processor could predict).
    const growthOf = GROWTH;
    for (let bits = 0; bits < 16; bits++) growthOf[bits] = bits !== 0 ? gStructural : gFull;
    const skillReturn = p.skillReturn;
    const { industrySkillBase, industrySkillGain } = p;
    const waitingFactor = 1 - p.waitingEffortLoss;
    const dividendShare = p.dividendShare;
    const jobPay = p.jobIncome * w.wageIndex;
    const ecoPay = p.ecoJobWage;
    const dibaoStd = dibaoStandard(w);
    const saveAbove = p.savingsThreshold * w.line;
    const savingsRate = p.savingsRate;
    // Weight of this month in the income estimate (an exponential average over incomeSmoothingMonths).
    const smoothing = 1 / p.incomeSmoothingMonths;
    // Locals: an imported enum's member is looked up again on every iteration otherwise.
    const education = Measure.Education;
    const health = Measure.Health;
    const educationShift = Math.log2(education);
    const healthShift = Math.log2(health);
    if (typeIncomes.length < w.nIndustries) typeIncomes = new Float64Array(w.nIndustries);
    const typeIncome = typeIncomes;
    for (let k = 0; k < w.nIndustries; k++) typeIncome[k] = industryTypeIncome(w, k);
    let dibao = 0;
    let ecoPosts = 0;
    let educationAid = 0;
    let healthAid = 0;
    // The month's sums of tallyAnyHousehold (household-tally.ts), in locals: added to in the same order
    // as there, so the same values, without a load and store of the row per sum and household.
    let persons = 0;
    let truePoor = 0;
    let poorIncomeSum = 0;
    let gapSum = 0;
    let vulnerable = 0;
    let incomeSum = 0;
    let industry = 0;
    let motivationSum = 0;
    let debtSum = 0;
    const vulnerableLine = 1.5 * line;
    for (let h = first; h < end; h++) {
      if (U8[oGone + h] === 1) continue;
      const n = U8[oSize + h];
      const bits = U8[oConstraints + h];
      const g = F[oGrowth + h] * growthOf[bits];
      F[oGrowth + h] = g;
      const sk = F[oSkill + h];
      const f = factorOf[bits] * (1 + skillReturn * (sk - 0.5)) * (U8[oWaiting + h] === 1 ? waitingFactor : 1);
      let earned = F[oProductivity + h] * F[oDeviationFactor + h] * g * f;
      const member = U8[oMember + h];
      if (member !== 0) {
        const full = typeIncome[industryType[village[h]]] * (industrySkillBase + industrySkillGain * sk);
        earned += (member === 1 ? full : dividendShare * full) / n;
      }
      const jobs = U8[oJobs + h];
      if (jobs > 0) earned += (jobs * jobPay) / n;
      if (U8[oEcoPost + h] === 1) {
        earned += ecoPay / n;
        ecoPosts++;
      }
      let topUp = 0;
      if (U8[oOnDibao + h] === 1) {
        topUp = earned < dibaoStd ? dibaoStd - earned : 0;
        if (U16[oDibaoMonths + h] < 65535) U16[oDibaoMonths + h]++;
        dibao += topUp * n;
      }
      // Counted without a branch (a quarter of households are at school, in no predictable order):
      // school is 0 or 1, and each measure's bit shifted down is too.
      const m = U16[oMeasures + h];
      educationAid += U8[oSchool + h] & ((m & education) >>> educationShift);
      healthAid += (m & health) >>> healthShift;
      let repay = 0;
      const debt = F[oDebt + h];
      if (debt > 0) {
        const due = F[oDebtPayment + h];
        repay = due < debt ? due : debt;
        F[oDebt + h] = debt - repay;
      }
      const loss = F[oShockLoss + h] + repay;
      // Most months there is nothing to deduct: x − 0 is x, so the division is skipped then.
      const y = loss === 0 ? earned + topUp : earned + topUp - (loss * 12) / n;
      F[oIncome + h] = y;
      F[oSmoothed + h] += smoothing * (y - F[oSmoothed + h]);
      F[oYearSum + h] += y;
      const flow = y > saveAbove ? savingsRate * (y - saveAbove) : y < 0 ? y : 0;
      F[oSavings + h] += (flow * n) / 12;
      // tallyAnyHousehold's sums, of the stored (float32) values, as the recount in December reads them.
      const ys = F[oSmoothed + h];
      persons += n;
      if (ys < line) {
        truePoor += n;
        poorIncomeSum += ys * n;
        gapSum += (n * (line - ys)) / line;
      }
      if (ys < vulnerableLine) vulnerable += n;
      incomeSum += ys * n;
      if (member !== 0) industry += n;
      motivationSum += F[oMotivation + h] * n;
      debtSum += F[oDebt + h];
    }
    row[ANY.persons] = persons;
    row[ANY.truePoor] = truePoor;
    row[ANY.poorIncomeSum] = poorIncomeSum;
    row[ANY.gapSum] = gapSum;
    row[ANY.vulnerable] = vulnerable;
    row[ANY.incomeSum] = incomeSum;
    row[ANY.industry] = industry;
    row[ANY.motivation] = motivationSum;
    row[ANY.relocationDebt] = debtSum;
    // The registry sums of the block's households of the index (updateIncome set where they are).
    const bl = w.blocks;
    if (bl.tiled) tallyRegistryBlock(row, w, bl.indexIds, bl.indexStarts[b], bl.indexStarts[b + 1], hh.incomeSmoothed, bl.registeredIncome);
    row[DIBAO] = dibao;
    row[ECO_POSTS] = ecoPosts;
    row[EDUCATION_AID] = educationAid;
    row[HEALTH_AID] = healthAid;
  },
};
