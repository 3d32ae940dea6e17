/**
 * Identification: registering poor households.
 *
 * At the end of 2013 the registry was built by quota ("scale control"): the province's poor count was
 * set from the statistical estimate and filled with the households assessed poorest. Here the quota is
 * `initialRegistryShare` of persons, filled in order of assessed income; assessment error creates the
 * registry's exclusion and inclusion errors. After 2013, each December, a non-registered household
 * assessed below the line is registered with probability identificationRate × the village cadres'
 * precision (no quota).
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { grantEntitlements } from './assistance.js';
import { assignCadre } from './cadre-placement.js';
import { precision } from './cadres.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { plainPasses } from './household-index.js';
import { assessIncome, assuredAboveIncome, surelyAssessedAbove, yearIncome } from './registry-assessment.js';
import { Registry, type World } from './world.js';

const BINS = 1 << 15;
const LOG_MIN = Math.log(1);
const LOG_MAX = Math.log(1e6);

/** Initial registry: the lowest assessed per-capita incomes until the quota of persons is filled. */
export function registerInitialQuota(w: World): void {
  const hh = w.hh;
  const n = w.nHouseholds;
  // Each household's bin of assessed income, computed once (the fill below reads it again): by blocks
  // (threads sharing them) into the blocks' per-place scratch, by household, in a tiled world.
  const bin = w.blocks.tiled ? w.blocks.placeCodes : new Int32Array(n);
  if (w.blocks.tiled) runBlocks(w, QUOTA_BINS);
  else binHouseholds(w, bin, 0, n);
  // Persons by bin: whole numbers, added in id order.
  const persons = new Float64Array(BINS);
  for (let h = 0; h < n; h++) persons[bin[h]] += hh.size[h];
  const quota = w.p.initialRegistryShare * w.persons;
  let cum = 0;
  let cut = 0;
  while (cut < BINS && cum + persons[cut] <= quota) cum += persons[cut++];
  // Fill the boundary bin household by household (in id order) until the quota is met.
  for (let h = 0; h < n; h++) {
    const b = bin[h];
    if (b < cut || (b === cut && cum + hh.size[h] / 2 <= quota)) {
      if (b === cut) cum += hh.size[h];
      hh.registry[h] = Registry.Registered;
      grantEntitlements(w, h);
    }
  }
}

/** Bins of the assessed 2013 incomes of households first … end − 1, at bin[h]. */
function binHouseholds(w: World, bin: Int32Array, first: number, end: number): void {
  const income = w.hh.incomeLastYear;
  const quality = w.p.initialCadreQuality;
  for (let h = first; h < end; h++) {
    const x = (Math.log(Math.max(1, assessIncome(w, h, income[h], quality, DRAW.assessment.quotaIncome))) - LOG_MIN) / (LOG_MAX - LOG_MIN);
    bin[h] = Math.min(BINS - 1, Math.max(0, Math.floor(x * BINS)));
  }
}

/** One block's households binned by assessed 2013 income, at their ids in w.blocks.placeCodes (the world as built). */
export const QUOTA_BINS: BlockKernel = {
  name: 'quotaBins',
  run(w: World, b: number): void {
    binHouseholds(w, w.blocks.placeCodes, w.blocks.householdStart[b], w.blocks.householdStart[b + 1]);
  },
};

/** December: registers newly poor households (after exits and returns). */
export function identifyNewPoor(w: World): void {
  // Block by block (household-blocks.ts): a household's registration reads and changes only its own
  // columns and its village's helpers' caseloads (assignCadre), and the count of registrations is whole
  // persons. With plain passes, on this thread: a thread's view of the world cannot tell plain passes.
  if (plainPasses(w)) for (let b = 0; b < w.blocks.count; b++) IDENTIFICATION_BLOCKS.run(w, b);
  else runBlocks(w, IDENTIFICATION_BLOCKS);
  w.flows.newRegistrations += blockSum(w, 0);
}

// Per village of a block: its assessors' mean precision and quality, and the income above which no draw
// of its assessment can put a household below the line (scratch, grown as needed: no allocation per step).
let villagePrecision = new Float64Array(0);
let villageQuality = new Float64Array(0);
let villageAssured = new Float64Array(0);

/** One block's identification of newly poor households, in id order; its row's slot 0 counts the persons registered. */
export const IDENTIFICATION_BLOCKS: BlockKernel = {
  name: 'identification',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const hh = w.hh;
    const p = w.p;
    const key = w.streams.identification.key;
    if (villagePrecision.length < w.nVillages) {
      villagePrecision = new Float64Array(w.nVillages);
      villageQuality = new Float64Array(w.nVillages);
      villageAssured = new Float64Array(w.nVillages);
    }
    for (let v = w.blocks.villageStart[b]; v < w.blocks.villageStart[b + 1]; v++) {
      const a = w.villages.cadreStart[v];
      const e = w.villages.cadreEnd[v];
      let sp = 0;
      let sq = 0;
      for (let c = a; c < e; c++) {
        sp += precision(w, c);
        sq += w.cadres.quality[c];
      }
      villagePrecision[v] = e > a ? sp / (e - a) : p.precisionWithoutCadre;
      villageQuality[v] = e > a ? sq / (e - a) : p.initialCadreQuality;
      villageAssured[v] = assuredAboveIncome(w, villageQuality[v], w.line);
    }
    const lean = !plainPasses(w);
    const { registry, gone, village } = hh;
    const none = Registry.None;
    let registered = 0;
    const end = w.blocks.householdStart[b + 1];
    for (let h = w.blocks.householdStart[b]; h < end; h++) {
      if (registry[h] !== none || gone[h] === 1) continue;
      const v = village[h];
      const y = yearIncome(w, h);
      // A household whose assessed income clears the line whatever its draw is not registered: skipped
      // without drawing the whole assessment (most of them by their village's bound alone).
      if (lean && (y > villageAssured[v] || surelyAssessedAbove(w, h, y, villageQuality[v], DRAW.assessment.identifyIncome, w.line))) continue;
      const assessed = assessIncome(w, h, y, villageQuality[v], DRAW.assessment.identifyIncome);
      if (assessed >= w.line) continue;
      if (uniformAt(key, h, w.step, DRAW.identification.register) >= p.identificationRate * villagePrecision[v]) continue;
      hh.registry[h] = Registry.Registered;
      hh.statusYear[h] = w.year;
      grantEntitlements(w, h);
      registered += hh.size[h];
      assignCadre(w, h);
    }
    row[0] = registered;
  },
};
