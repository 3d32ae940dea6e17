/**
 * Motivation and "waiting for help" (predicament 3).
 *
 * Motivation (0..1) is each household's drive: it is pulled toward its village norm (peer effect),
 * raised by a village civilization programme (suggestion 3) and eroded by long dependence on dibao;
 * success feedback (income gains) is applied at year end. It gates take-up: joining and staying in an
 * industry, job placement. It has no direct effect on income.
 *
 * "Waiting for help" is a persistent state of a household, entered while registered: the household
 * keeps health reimbursement, education aid and dibao only while it wears the "poor hat", and long
 * dependence on dibao makes entry likelier. A waiting household refuses most productive measures,
 * works less, and hides income at the exit check. Village norms pull both ways: entry rises and
 * recovery falls with the share of the village's registered households waiting. A culture programme
 * prevents entries and speeds recovery; that is the only way suggestion 3 acts on this state.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { runBlocks, type BlockKernel } from './household-blocks.js';
import { firstAtOrAfter, type HouseholdIndex, registryIndex } from './household-index.js';
import { Registry, Spend, type World } from './world.js';

/**
 * Recomputes village norms (mean motivation), waiting shares and culture programmes from the lever.
 * With `idx` (household-index.ts, which holds every registered household) the waiting shares count
 * only its households.
 */
export function updateVillageNorms(w: World, idx?: HouseholdIndex): void {
  for (let v = 0; v < w.nVillages; v++) w.villages.norm[v] = villageNorm(w, v);
  updateWaitingShares(w, idx);
}

/** Mean motivation of village v's households (0 without any): it reads only the village's own households. */
function villageNorm(w: World, v: number): number {
  const { motivation, gone } = w.hh;
  let s = 0;
  let n = 0;
  const end = w.villages.hhEnd[v];
  for (let h = w.villages.hhStart[v]; h < end; h++) {
    if (gone[h] === 1) continue;
    s += motivation[h];
    n++;
  }
  return n > 0 ? s / n : 0;
}

/** Each village's share of registered households waiting for help, and whether it runs a culture programme. */
function updateWaitingShares(w: World, idx?: HouseholdIndex): void {
  const { registry, waiting, gone } = w.hh;
  const vl = w.villages;
  for (let v = 0; v < w.nVillages; v++) {
    const end = vl.hhEnd[v];
    if (idx === undefined) {
      let reg = 0;
      let wait = 0;
      for (let h = vl.hhStart[v]; h < end; h++) {
        if (gone[h] === 1 || registry[h] !== Registry.Registered) continue;
        reg++;
        wait += waiting[h];
      }
      vl.waitingShare[v] = reg > 0 ? wait / reg : 0;
    } else {
      const ids = idx.ids;
      const from = firstAtOrAfter(ids, idx.count, vl.hhStart[v]);
      let to = from;
      while (to < idx.count && ids[to] < end) to++;
      setWaitingShare(w, v, ids, from, to);
    }
    setCultureProgram(w, v);
  }
}

/** Village v's waiting share from its index households ids[from] … ids[to − 1] (every registered one of it). */
export function setWaitingShare(w: World, v: number, ids: Int32Array, from: number, to: number): void {
  const { registry, waiting, gone } = w.hh;
  let reg = 0;
  let wait = 0;
  for (let i = from; i < to; i++) {
    const h = ids[i];
    if (gone[h] === 1 || registry[h] !== Registry.Registered) continue;
    reg++;
    wait += waiting[h];
  }
  w.villages.waitingShare[v] = reg > 0 ? wait / reg : 0;
}

/** Whether village v runs a culture programme this month (its key against the lever); returns it. */
export function setCultureProgram(w: World, v: number): number {
  const vl = w.villages;
  vl.cultureProgram[v] = vl.cultureKey[v] < w.p.culturalMotivation ? 1 : 0;
  return vl.cultureProgram[v];
}

/** Peer multiplier of entry into waiting for a village share s: 1 at the neutral share (neutralWaitingShare), slope k. */
export function peerEntryFactor(k: number, s: number, neutral: number): number {
  return Math.max(0, 1 + k * (s - neutral));
}

/** Peer multiplier of recovery from waiting for a village share s: 1 at the neutral share (neutralWaitingShare), slope k. */
export function peerExitFactor(k: number, s: number, neutral: number): number {
  return Math.max(0, 1 - k * (s - neutral));
}

/** Monthly motivation and waiting update of every household. */
export function updateMotivation(w: World): void {
  // Waiting shares and programmes first (they read registry and waiting states, which the motivation
  // update leaves alone); then motivation, block by block (household-blocks.ts), with the norms.
  const idx = openMotivationVillages(w);
  runBlocks(w, MOTIVATION_BLOCKS);
  closeMotivation(w, idx);
}

/**
 * The villages' part before the households' motivation: waiting shares and culture programmes, and in a
 * hand-built world (one block) the norms too (tiled blocks take each village's norm as they reach it).
 * Returns the step's registry index, which {@link closeMotivation} needs.
 */
export function openMotivationVillages(w: World): HouseholdIndex {
  const idx = registryIndex(w);
  if (w.blocks.tiled) updateWaitingShares(w, idx);
  else updateVillageNorms(w, idx);
  return idx;
}

/** After the households' motivation: the culture programmes' cost, then "waiting for help". */
export function closeMotivation(w: World, idx: HouseholdIndex): void {
  bookCulturePrograms(w);
  updateWaiting(w, idx.ids, 0, idx.count);
}

/** The month's cost of the villages' culture programmes. */
export function bookCulturePrograms(w: World): void {
  const vl = w.villages;
  let programmes = 0;
  for (let v = 0; v < w.nVillages; v++) programmes += vl.cultureProgram[v];
  w.flows.spending[Spend.culture] += (programmes * w.p.cultureProgramCost) / 12;
}

/**
 * "Waiting for help" of the index households ids[from] … ids[to − 1], after the motivation update and
 * with this month's waiting shares: only a waiting or registered household changes, and the index
 * (household-index.ts) holds them all. The draw is taken only where it decides something; keyed by
 * (household, month), so skipping it elsewhere changes no other draw. A household's change reads only
 * its own columns and its village's share and programme, so villages may go in turn (the joint pass).
 */
export function updateWaiting(w: World, ids: Int32Array, from: number, to: number): void {
  const p = w.p;
  const hh = w.hh;
  const vl = w.villages;
  const t = w.step;
  const wKey = w.streams.waiting.key;
  const { village, registry, onDibao, dibaoMonths, waiting, gone } = hh;
  const { cultureProgram, waitingShare } = vl;
  const { dependencyMonths } = p;
  const { waitingEntryRate, dependencyEntryFactor, waitingExitRate, cultureExitRate, cultureEntryReduction, waitingPeerEffect, neutralWaitingShare } = p;
  for (let i = from; i < to; i++) {
    const h = ids[i];
    if (gone[h] === 1) continue;
    const v = village[h];
    const culture = cultureProgram[v] === 1;
    if (waiting[h] === 1) {
      const rate = waitingExitRate * peerExitFactor(waitingPeerEffect, waitingShare[v], neutralWaitingShare) + (culture ? cultureExitRate : 0);
      if (uniformAt(wKey, h, t, DRAW.waiting.change) < rate) waiting[h] = 0;
    } else if (registry[h] === Registry.Registered) {
      const dependent = onDibao[h] === 1 && dibaoMonths[h] > dependencyMonths;
      let rate = waitingEntryRate * peerEntryFactor(waitingPeerEffect, waitingShare[v], neutralWaitingShare);
      if (dependent) rate *= dependencyEntryFactor;
      if (culture) rate *= 1 - cultureEntryReduction;
      if (uniformAt(wKey, h, t, DRAW.waiting.change) < rate) waiting[h] = 1;
    }
  }
}

/** Village v's norm, from its households as they are now (tiled blocks set it as they reach the village), as stored. */
export function openVillageNorm(w: World, v: number): number {
  const norm = w.villages.norm;
  norm[v] = villageNorm(w, v);
  return norm[v];
}

/**
 * The motivation update of one block's households. Blocks of whole villages (a world whose villages
 * tile the households): each village's norm from its households as they are, then its households'
 * update while they are still in cache. A village's norm reads only its own households, so this equals
 * all norms first. One block of a hand-built world: the norms were set before, then every household.
 */
export const MOTIVATION_BLOCKS: BlockKernel = {
  name: 'motivation',
  run(w: World, b: number): void {
    const p = w.p;
    const vl = w.villages;
    const t = w.step;
    const mKey = w.streams.motivation.key;
    const { village, motivation, onDibao, dibaoMonths, gone } = w.hh;
    const { norm, cultureProgram } = vl;
    const { peerPull, cultureEffect, dependencyMonths, dependencyErosion: erosion } = p;
    // Uniform drift within ±motivationDrift (2 × drift × (u − 0.5)).
    const driftWidth = 2 * p.motivationDrift;
    const tiled = w.blocks.tiled;
    const vFirst = tiled ? w.blocks.villageStart[b] : 0;
    const vEnd = tiled ? w.blocks.villageStart[b + 1] : 1;
    for (let v = vFirst; v < vEnd; v++) {
      if (tiled) openVillageNorm(w, v);
      const first = tiled ? vl.hhStart[v] : w.blocks.householdStart[b];
      const end = tiled ? vl.hhEnd[v] : w.blocks.householdStart[b + 1];
      for (let h = first; h < end; h++) {
        if (gone[h] === 1) continue;
        const u = tiled ? v : village[h];
        const dependent = onDibao[h] === 1 && dibaoMonths[h] > dependencyMonths;
        const m = motivation[h];
        let dm = peerPull * (norm[u] - m);
        if (cultureProgram[u] === 1) dm += cultureEffect * (1 - m);
        if (dependent) dm -= erosion * m;
        const next = m + dm + driftWidth * (uniformAt(mKey, h, t, DRAW.motivation.drift) - 0.5);
        motivation[h] = next < 0 ? 0 : next > 1 ? 1 : next;
      }
    }
  },
};

/** Initial state (end of 2013): a share `initialWaitingShare` of registered households is waiting. */
export function initWaiting(w: World): void {
  const key = w.streams.waiting.key;
  const { registry, waiting } = w.hh;
  for (let h = 0; h < w.nHouseholds; h++) {
    waiting[h] = registry[h] === Registry.Registered && uniformAt(key, h, 0, DRAW.waiting.initial) < w.p.initialWaitingShare ? 1 : 0;
  }
}

/**
 * Year end: motivation rises with the household's relative income gain over last year (and falls with a
 * loss), capped at ±successFeedbackCap. Every household at once (for tests; the year end runs it by blocks).
 */
export function applySuccessFeedback(w: World, thisYearIncome: (h: number) => number): void {
  applySuccessFeedbackRange(w, 0, w.nHouseholds, thisYearIncome);
}

/** {@link applySuccessFeedback} for households first … end − 1 (a block of the year end, year-end.ts). */
export function applySuccessFeedbackRange(w: World, first: number, end: number, thisYearIncome: (h: number) => number): void {
  const { gone, incomeLastYear, motivation } = w.hh;
  const k = w.p.successFeedback;
  const cap = w.p.successFeedbackCap;
  const line = w.line;
  for (let h = first; h < end; h++) {
    if (gone[h] === 1) continue;
    const last = incomeLastYear[h];
    const gain = (thisYearIncome(h) - last) / Math.max(Math.abs(last), line);
    const g = gain > cap ? cap : gain < -cap ? -cap : gain;
    const m = motivation[h];
    const next = m + k * g * (g > 0 ? 1 - m : m);
    motivation[h] = next < 0 ? 0 : next > 1 ? 1 : next;
  }
}
