/**
 * Synthetic initialization of the province at the end of 2013, at any sampling scale.
 *
 * Villages hold contiguous blocks of households (so village loops are cache-friendly). Every draw
 * is keyed by agent id, so the same household gets the same attributes whatever the policy.
 */
import { allocateColumns, columnPools } from '../engine/columns.js';
import { uniformAt, normalAt } from '../engine/random.js';
import { settleAllNumberFields } from '../engine/settled-fields.js';
import { DRAW } from './draws.js';
import type { ParamKey, Params } from './parameters.js';
import {
  CADRE_COLUMNS,
  HOUSEHOLD_COLUMNS,
  INDUSTRY_COLUMNS,
  VILLAGE_COLUMNS,
  newFlows,
  worldRecord,
  type Streams,
  type World,
} from './world.js';
import { povertyLine, supervisionPressure } from './government.js';
import { circumstanceFactor, refreshConstraints } from './household-income.js';
import { HouseholdTally } from './household-tally.js';
import { runBlocks, singleBlock, type BlockKernel } from './household-blocks.js';

/**
 * Characteristic industries and the parameter-table row of each one's return relative to
 * `industryReturn` [assume]. The industry count follows this list.
 */
export const INDUSTRY_TYPES = [
  { name: 'navel orange', returnKey: 'returnNavelOrange' },
  { name: 'tea', returnKey: 'returnTea' },
  { name: 'camellia oil', returnKey: 'returnCamelliaOil' },
  { name: 'livestock', returnKey: 'returnLivestock' },
  { name: 'vegetables', returnKey: 'returnVegetables' },
  { name: 'rural tourism', returnKey: 'returnRuralTourism' },
] as const satisfies readonly { name: string; returnKey: ParamKey }[];

export interface WorldOptions {
  params: Params;
  series: Map<ParamKey, Float64Array>;
  streams: Streams;
  /** Sampling fraction: 1 is the whole province, 0.01 is 1:100. */
  scale: number;
  startYear: number;
  /** Months the run will step (for per-step accounts). */
  steps: number;
}

/** Sizes of the simulated population at a scale: `cadres` counts helpers and stationed cadres, helpers first. */
export function populationSizes(p: Params, scale: number): { households: number; villages: number; cadres: number; stationed: number } {
  const households = Math.max(1, Math.round(p.households * scale));
  const villages = Math.min(households, Math.max(1, Math.round(p.villages * scale)));
  const helpers = Math.max(villages, Math.round(p.pairingCadres * scale));
  const stationed = Math.round(p.stationedCadres * scale);
  return { households, villages, cadres: helpers + stationed, stationed };
}

/** Allocates an empty world of the given sizes (all columns zero). */
export function allocateWorld(
  opts: WorldOptions,
  sizes: { households: number; villages: number; cadres: number },
  shared = false,
): World {
  // Scheduled values are written into p month by month (clock.ts).
  const p = settleAllNumberFields({ ...opts.params });
  // On shared memory when threads will work on the columns (household-blocks.ts).
  const hh = allocateColumns(HOUSEHOLD_COLUMNS, sizes.households, shared);
  const villages = allocateColumns(VILLAGE_COLUMNS, sizes.villages, shared);
  const cadres = allocateColumns(CADRE_COLUMNS, sizes.cadres, shared);
  const industries = allocateColumns(INDUSTRY_COLUMNS, INDUSTRY_TYPES.length, shared);
  return worldRecord({
    p,
    series: opts.series,
    hh,
    hhPools: columnPools(hh),
    villages,
    cadres,
    industries,
    nHouseholds: sizes.households,
    nVillages: sizes.villages,
    nCadres: sizes.cadres,
    nIndustries: INDUSTRY_TYPES.length,
    persons: 0,
    scaleUp: 1,
    startYear: opts.startYear,
    streams: opts.streams,
    step: 0,
    year: opts.startYear,
    month: 12,
    line: povertyLine(opts.startYear, p),
    wageIndex: 1,
    pressure: supervisionPressure(p, opts.startYear + 1),
    targetPressure: supervisionPressure(p, opts.startYear + 1),
    budgetLeft: 0,
    budgetYear: 0,
    relocationFinanceLeft: 0,
    leaveProbability: 0,
    initialUrbanizationRate: p.urbanizationRate,
    durable: new Float64Array(opts.steps + 1),
    flows: newFlows(),
    tally: new HouseholdTally(),
    blocks: singleBlock(sizes.villages, sizes.households),
    productivityNormalization: 1,
  });
}

/**
 * Draws villages, households and industries; sets 2013 incomes so the person-weighted mean is
 * meanIncome2013. In one go, for hand-built worlds; initWorld calls its two parts with the blocks laid
 * out between them.
 */
export function populate(w: World): void {
  populateVillages(w);
  populateHouseholds(w);
}

/** The villages, and the households each holds (households lie village by village, in village order). */
export function populateVillages(w: World): void {
  const p = w.p;
  const hh = w.hh;
  const vl = w.villages;
  const nH = w.nHouseholds;
  const nV = w.nVillages;
  const vKey = w.streams.village.key;

  for (let v = 0; v < nV; v++) {
    vl.hhStart[v] = Math.floor((v * nH) / nV);
    vl.hhEnd[v] = Math.floor(((v + 1) * nH) / nV);
    vl.remote[v] = uniformAt(vKey, v, 0, DRAW.village.remote) < p.remoteVillageShare ? 1 : 0;
    vl.forest[v] = uniformAt(vKey, v, 0, DRAW.village.forest) < p.forestVillageShare ? 1 : 0;
    vl.fragility[v] = Math.min(1, uniformAt(vKey, v, 0, DRAW.village.fragility) * (vl.remote[v] ? p.fragilityRemote : p.fragilityOther));
    vl.incomeFactor[v] = Math.exp(p.villageIncomeSd * normalAt(vKey, v, 0, DRAW.village.incomeFactor) - (p.villageIncomeSd * p.villageIncomeSd) / 2);
    vl.industryKey[v] = uniformAt(vKey, v, 0, DRAW.village.industryKey);
    vl.cultureKey[v] = uniformAt(vKey, v, 0, DRAW.village.cultureKey);
    vl.coopKey[v] = uniformAt(vKey, v, 0, DRAW.village.coopKey);
    vl.industryType[v] = Math.floor(uniformAt(vKey, v, 0, DRAW.village.industryType) * INDUSTRY_TYPES.length);
    for (let h = vl.hhStart[v]; h < vl.hhEnd[v]; h++) hh.village[h] = v;
  }
}

/**
 * The households of the villages: their draws block by block (household-blocks.ts), then the 2013
 * income normalization, then the industries. The normalization's sums are taken in household order in
 * this thread, so the world is the same with any number of threads.
 */
export function populateHouseholds(w: World): void {
  const p = w.p;
  const hh = w.hh;
  const nH = w.nHouseholds;
  runBlocks(w, POPULATION_BLOCKS);

  // 2013 income is market income less expected out-of-pocket medical costs (as the income process
  // computes it later). Productivity is normalized so the person-weighted mean is meanIncome2013 [stat].
  let persons = 0;
  let marketSum = 0;
  let medicalSum = 0;
  for (let h = 0; h < nH; h++) {
    const y = hh.productivity[h] * hh.deviationFactor[h] * circumstanceFactor(w, h);
    persons += hh.size[h];
    marketSum += y * hh.size[h];
    medicalSum += expectedMedicalCost(p, hh.chronic[h]);
  }
  w.productivityNormalization = (p.meanIncome2013 * persons + medicalSum) / marketSum;
  runBlocks(w, INCOME_2013_BLOCKS);

  (w as { persons: number }).persons = persons;
  (w as { scaleUp: number }).scaleUp = p.ruralPopulation / persons;

  const ind = w.industries;
  for (let k = 0; k < w.nIndustries; k++) {
    ind.baseReturn[k] = p.industryReturn * p[INDUSTRY_TYPES[k].returnKey];
    ind.competitiveness[k] = p.initialCompetitiveness;
    ind.valueChain[k] = p.initialValueChain;
    ind.logPrice[k] = 0;
  }
}

/** Each household's size, labour, circumstances, motivation and productivity (before normalization), for one block. */
export const POPULATION_BLOCKS: BlockKernel = {
  name: 'population',
  run(w: World, b: number): void {
    const p = w.p;
    const hh = w.hh;
    const vl = w.villages;
    const hKey = w.streams.population.key;
    const first = w.blocks.householdStart[b];
    const end = w.blocks.householdStart[b + 1];
    // Size and labour are drawn jointly: households without a laborer are mostly elderly singles and
    // couples (mean noLaborMeanSize); households with labour take the rest of the mean size.
    const pSizeNoLabor = Math.min(1, Math.max(0, (p.noLaborMeanSize - 1) / 2));
    const laborMean = (p.meanHouseholdSize - p.noLaborShare * p.noLaborMeanSize) / Math.max(1e-9, 1 - p.noLaborShare);
    const pSize = Math.min(1, Math.max(0, (laborMean - 1) / 7));
    const devSd = p.transientIncomeSd / Math.sqrt(Math.max(1e-9, 1 - p.transientPersistence * p.transientPersistence));
    for (let h = first; h < end; h++) {
      const v = hh.village[h];
      let size = 1;
      const noLabor = uniformAt(hKey, h, 0, DRAW.population.noLabor) < p.noLaborShare;
      if (noLabor) for (let k = 0; k < 2; k++) size += uniformAt(hKey, h, 0, DRAW.population.size + k) < pSizeNoLabor ? 1 : 0;
      else for (let k = 0; k < 7; k++) size += uniformAt(hKey, h, 0, DRAW.population.size + k) < pSize ? 1 : 0;
      hh.size[h] = size;
      if (noLabor) hh.laborers[h] = 0;
      else {
        let l = 1;
        for (let k = 0; k < Math.min(3, size - 1); k++) if (uniformAt(hKey, h, 0, DRAW.population.laborer + k) < p.laborerChance) l++;
        hh.laborers[h] = l;
      }
      hh.chronic[h] = uniformAt(hKey, h, 0, DRAW.population.chronic) < p.chronicIllnessShare ? 1 : 0;
      hh.disabled[h] = uniformAt(hKey, h, 0, DRAW.population.disabled) < p.disabilityShare ? 1 : 0;
      hh.school[h] = uniformAt(hKey, h, 0, DRAW.population.school) < p.schoolingShare ? 1 : 0;
      hh.remote[h] = vl.remote[v] === 1 && uniformAt(hKey, h, 0, DRAW.population.remote) < p.remoteHouseholdShare ? 1 : 0;
      hh.willing[h] = uniformAt(hKey, h, 0, DRAW.population.willing) < (hh.laborers[h] > 0 ? p.relocationWillingness : p.relocationWillingnessNoBase) ? 1 : 0;
      hh.skill[h] = uniformAt(hKey, h, 0, DRAW.population.skill);
      hh.motivation[h] = clamp01(p.initialMotivation + p.motivationSpread * normalAt(hKey, h, 0, DRAW.population.motivation), p.initialMotivationBound, 1 - p.initialMotivationBound);
      hh.productivity[h] = Math.exp(p.incomeLogSd * normalAt(hKey, h, 0, DRAW.population.productivity)) * vl.incomeFactor[v];
      hh.deviation[h] = devSd * normalAt(hKey, h, 0, DRAW.population.deviation);
      hh.deviationFactor[h] = Math.exp(hh.deviation[h]);
      hh.growth[h] = 1;
      hh.cadre[h] = -1;
      refreshConstraints(w, h);
    }
  },
};

/** Productivity normalized by w.productivityNormalization, and the 2013 incomes, housing and savings that follow, for one block. */
export const INCOME_2013_BLOCKS: BlockKernel = {
  name: 'income2013',
  run(w: World, b: number): void {
    const p = w.p;
    const hh = w.hh;
    const hKey = w.streams.population.key;
    const first = w.blocks.householdStart[b];
    const end = w.blocks.householdStart[b + 1];
    const c = w.productivityNormalization;
    const line = povertyLine(w.startYear, p);
    for (let h = first; h < end; h++) {
      hh.productivity[h] *= c;
      const y = hh.productivity[h] * hh.deviationFactor[h] * circumstanceFactor(w, h) - expectedMedicalCost(p, hh.chronic[h]) / hh.size[h];
      hh.income[h] = y;
      hh.incomeSmoothed[h] = y;
      hh.incomeLastYear[h] = y;
      // Unsafe housing is concentrated among low incomes (weights chosen so the overall share is about the parameter).
      const weight = y < p.unsafeHousingIncomeBound * line ? p.unsafeHousingPoorWeight : p.unsafeHousingOtherWeight;
      hh.unsafeHousing[h] = uniformAt(hKey, h, 0, DRAW.population.unsafeHousing) < p.unsafeHousingShare * weight ? 1 : 0;
      hh.savings[h] = p.initialSavingsYears * 2 * uniformAt(hKey, h, 0, DRAW.population.savings) * y * hh.size[h];
    }
  },
};

/** Expected yearly out-of-pocket medical cost of a household without health assistance, yuan. */
export function expectedMedicalCost(p: Params, chronic: number): number {
  return 12 * (chronic === 1 ? p.chronicIllnessFactor : 1) * p.illnessMonthlyRate * p.illnessCost * p.oopShare;
}

function clamp01(x: number, lo = 0, hi = 1): number {
  return x < lo ? lo : x > hi ? hi : x;
}
