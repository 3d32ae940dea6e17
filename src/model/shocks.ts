/**
 * Shocks: illness episodes, village disasters, industry price shocks, and each January the
 * households' transient income shocks. All draws are keyed by (agent, step): common random numbers.
 */
import { normalAt, uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { marketIncome } from './household-income.js';
import { Measure, Spend, type World } from './world.js';

/** Flood season: May–August. */
export function floodSeason(month: number): boolean {
  return month >= 5 && month <= 8;
}

/** Illness, disasters and price shocks for this month; writes `shockLoss` (yuan per household). */
export function applyShocks(w: World): void {
  drawCommonShocks(w);
  // Households, block by block (household-blocks.ts): their transient shocks in January, illness and
  // disaster losses every month.
  runBlocks(w, SHOCK_BLOCKS);
  bookHealthClaims(w);
}

/** The month's shocks common to many households: industry prices (AR(1) in logs) and village disasters. */
export function drawCommonShocks(w: World): void {
  const p = w.p;
  const vl = w.villages;
  const t = w.step;
  const disKey = w.streams.disaster.key;
  const priceKey = w.streams.price.key;
  for (let k = 0; k < w.nIndustries; k++) {
    w.industries.logPrice[k] = p.pricePersistence * w.industries.logPrice[k] + p.priceShockSd * normalAt(priceKey, k, t, DRAW.price.shock);
  }
  // In the flood season, more likely where the land is fragile.
  const season = floodSeason(w.month);
  for (let v = 0; v < w.nVillages; v++) {
    vl.disaster[v] = season && uniformAt(disKey, v, t, DRAW.disaster.hit) < p.disasterMonthlyRate * p.disasterFragilityFactor * vl.fragility[v] ? 1 : 0;
  }
}

/** Books the blocks' health-insurance claims of the month (their rows' {@link HEALTH_CLAIMS}) to health spending. */
export function bookHealthClaims(w: World): void {
  w.flows.spending[Spend.health] += blockSum(w, HEALTH_CLAIMS);
}

/** Slot of a block's row: the health-insurance claims of its households this month, yuan. */
export const HEALTH_CLAIMS = 0;

/** Transient income shocks each January (AR(1) deviation of log market income) of households first … end − 1. */
export function drawTransientShocks(w: World, first: number, end: number): void {
  const incKey = w.streams.incomeShock.key;
  const { deviation, deviationFactor } = w.hh;
  const rho = w.p.transientPersistence;
  const sd = w.p.transientIncomeSd;
  const t = w.step;
  for (let h = first; h < end; h++) {
    const d = rho * deviation[h] + sd * normalAt(incKey, h, t, DRAW.incomeShock.shock);
    deviation[h] = d;
    deviationFactor[h] = Math.exp(d);
  }
}

/** The household part of {@link applyShocks}, for the households of one block. */
export const SHOCK_BLOCKS: BlockKernel = {
  name: 'shocks',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const first = w.blocks.householdStart[b];
    const end = w.blocks.householdStart[b + 1];
    if (w.month === 1) drawTransientShocks(w, first, end);
    const p = w.p;
    const hh = w.hh;
    const t = w.step;
    const illKey = w.streams.illness.key;
    const season = floodSeason(w.month);
    const { chronic, measures, village, relocated, size, shockLoss, shockYear, gone } = hh;
    const villageDisaster = w.villages.disaster;
    const baseRate = p.illnessMonthlyRate;
    const illnessCost = p.illnessCost;
    const oopShare = p.oopShare;
    const oopAssisted = p.oopShareAssisted;
    const disasterLoss = p.disasterLoss;
    let healthClaims = 0;
    const chronicRate = p.chronicIllnessFactor * baseRate;
    for (let h = first; h < end; h++) {
      if (gone[h] === 1) continue;
      let loss = 0;
      const rate = chronic[h] === 1 ? chronicRate : baseRate;
      // The draw is keyed by (household, month): the same whatever the policy (common random numbers).
      if (uniformAt(illKey, h, t, DRAW.illness.onset) < rate) {
        const cost = -illnessCost * Math.log(1 - uniformAt(illKey, h, t, DRAW.illness.cost));
        const assisted = (measures[h] & Measure.Health) !== 0;
        loss += cost * (assisted ? oopAssisted : oopShare);
        if (assisted) healthClaims += cost * (oopShare - oopAssisted);
      }
      // Out of the flood season no village has a disaster (set above): the village is not looked up.
      if (season && villageDisaster[village[h]] === 1 && relocated[h] === 0) loss += disasterLoss * marketIncome(w, h) * size[h];
      shockLoss[h] = loss;
      shockYear[h] += loss;
    }
    row[HEALTH_CLAIMS] = healthClaims;
  },
};
