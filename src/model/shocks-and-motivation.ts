/**
 * Shocks and motivation in one pass over the households (the plan's `withNext` of the shocks phase, with 'motivation').
 *
 * Each household's shocks and its motivation update are independent of one another: shocks write
 * losses and transient income deviations, which motivation never reads; motivation writes motivation,
 * which shocks never read; the villages' norms, waiting shares and culture programmes read neither. So
 * the two phases may run household by household in one loop instead of one loop each: the same bytes
 * in 0.82–0.88 of the two passes' time (docs/performance.md, "Shocks and motivation in one pass").
 * The motivation phase also updates "waiting for help", and that the disaster losses do read (through
 * market income): so a village's waiting update comes after its households' loop, as in the plain
 * order (before it, the test below fails at step 20). It reads only the village's own households and
 * share, so villages may go in turn. The pass also builds the step's household index, block by block
 * (household-index.ts), each block's part before its villages' waiting updates (the only change here to
 * the index's columns, and only to households already in it); the waiting shares and updates need it. With threads, all of this is shared among them (docs/performance.md, "More of the step in
 * blocks"). And it adds up each village's new motivations, the norm the next month starts from.
 *
 * The loop inlines the per-household formulas of SHOCK_BLOCKS (shocks.ts) and MOTIVATION_BLOCKS
 * (motivation.ts), which stay the reference: calling them per household from here was slower than two
 * passes (V8 does not keep their hoisted columns in registers across the call). A change to either
 * must be made here too; test/model/household-index.test.ts runs whole replicates this way and with the
 * plain phases and fails at the first column that differs.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { marketIncome } from './household-income.js';
import { adoptBlockIndex, indexHouseholds, plainPasses } from './household-index.js';
import { bookCulturePrograms, openVillageNorm, setCultureProgram, setWaitingShare, updateMotivation, updateWaiting } from './motivation.js';
import { applyShocks, bookHealthClaims, drawCommonShocks, drawTransientShocks, floodSeason, HEALTH_CLAIMS } from './shocks.js';
import { Measure, type World } from './world.js';

// Scratch: the month's illness rate without and with chronic illness (no allocation per step).
const RATE_OF = new Float64Array(2);

/** The shocks phase, then the motivation phase, with one pass over the households of a tiled world. */
export function shocksAndMotivation(w: World): void {
  // A hand-built world (one block, households in any order) or a plain run: the two phases in turn.
  if (!w.blocks.tiled || plainPasses(w)) {
    applyShocks(w);
    updateMotivation(w);
    return;
  }
  drawCommonShocks(w);
  // The blocks also build the step's household index and, village by village after its households,
  // set its waiting share and update "waiting for help" (motivation.ts does both before and after its
  // pass); and they leave the villages' norms for the next step.
  runBlocks(w, SHOCK_MOTIVATION_BLOCKS);
  w.blocks.normStep[0] = w.step + 1;
  bookHealthClaims(w);
  adoptBlockIndex(w);
  bookCulturePrograms(w);
}

/** Each household of a block, village by village: its shocks, then its motivation (a tiled world only). */
export const SHOCK_MOTIVATION_BLOCKS: BlockKernel = {
  name: 'shocksMotivation',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    if (w.month === 1) drawTransientShocks(w, w.blocks.householdStart[b], w.blocks.householdStart[b + 1]);
    const p = w.p;
    const vl = w.villages;
    const t = w.step;
    // Shocks (shocks.ts).
    const illKey = w.streams.illness.key;
    const season = floodSeason(w.month);
    const { chronic, measures, relocated, size, shockLoss, shockYear, gone, motivation, onDibao, dibaoMonths } = w.hh;
    const { disaster } = vl;
    // The household index (household-index.ts), this block's part, at its place from the block's first
    // household on: built before the block's waiting updates, as the step began.
    const ids = w.blocks.indexIds;
    const blockStart = w.blocks.householdStart[b];
    const blockIds = indexHouseholds(w, ids, blockStart, blockStart, w.blocks.householdStart[b + 1]);
    let k = blockStart;
    const baseRate = p.illnessMonthlyRate;
    // The illness rate by chronic (0 or 1): a table, not a branch taken by a random fifth of households.
    const rateOf = RATE_OF;
    rateOf[0] = baseRate;
    rateOf[1] = p.chronicIllnessFactor * baseRate;
    const { illnessCost, oopShare, oopShareAssisted: oopAssisted, disasterLoss } = p;
    // Motivation (motivation.ts).
    const mKey = w.streams.motivation.key;
    const { peerPull, cultureEffect, dependencyMonths, dependencyErosion: erosion } = p;
    const driftWidth = 2 * p.motivationDrift;
    let healthClaims = 0;
    // A village's norm is the mean motivation of its households now. This pass adds up their new
    // motivations for the next month's; nothing else changes motivation or who has left until then,
    // but the year end (December: success feedback, urbanization), so in January the norms are counted afresh.
    const { norm: villageNorms } = vl;
    const nextNorms = w.blocks.nextNorms;
    const normsKept = w.blocks.normStep[0] === t && w.month !== 1;
    for (let v = w.blocks.villageStart[b]; v < w.blocks.villageStart[b + 1]; v++) {
      const hit = season && disaster[v] === 1;
      let norm: number;
      if (normsKept) {
        villageNorms[v] = nextNorms[v];
        norm = villageNorms[v];
      } else norm = openVillageNorm(w, v);
      let motivationSum = 0;
      let counted = 0;
      const culture = setCultureProgram(w, v) === 1;
      const end = vl.hhEnd[v];
      for (let h = vl.hhStart[v]; h < end; h++) {
        if (gone[h] === 1) continue;
        let loss = 0;
        const rate = rateOf[chronic[h]];
        if (uniformAt(illKey, h, t, DRAW.illness.onset) < rate) {
          const cost = -illnessCost * Math.log(1 - uniformAt(illKey, h, t, DRAW.illness.cost));
          const assisted = (measures[h] & Measure.Health) !== 0;
          loss += cost * (assisted ? oopAssisted : oopShare);
          if (assisted) healthClaims += cost * (oopShare - oopAssisted);
        }
        if (hit && relocated[h] === 0) loss += disasterLoss * marketIncome(w, h) * size[h];
        shockLoss[h] = loss;
        shockYear[h] += loss;

        const dependent = onDibao[h] === 1 && dibaoMonths[h] > dependencyMonths;
        const m = motivation[h];
        let dm = peerPull * (norm - m);
        if (culture) dm += cultureEffect * (1 - m);
        if (dependent) dm -= erosion * m;
        const next = m + dm + driftWidth * (uniformAt(mKey, h, t, DRAW.motivation.drift) - 0.5);
        motivation[h] = next < 0 ? 0 : next > 1 ? 1 : next;
        // As stored, as the norm reads it.
        motivationSum += motivation[h];
        counted++;
      }
      nextNorms[v] = counted > 0 ? motivationSum / counted : 0;
      // The village's households have taken their shocks with the waiting states of the month before
      // (disaster losses read them), so its waiting may change now.
      const villageIds = k;
      while (k < blockIds && ids[k] < end) k++;
      setWaitingShare(w, v, ids, villageIds, k);
      updateWaiting(w, ids, villageIds, k);
    }
    w.blocks.indexCounts[b] = blockIds - blockStart;
    row[HEALTH_CLAIMS] = healthClaims;
  },
};
