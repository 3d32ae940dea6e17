/**
 * Cadres: the "inaction" predicament (predicament 4). Stationed cadres (work teams and first
 * secretaries) carry each village's diagnosis, paperwork and exit checks; their burnout grows with
 * the village's caseload per stationed cadre, with inspection pressure (the deadline path plus the
 * village's own assessment feedback), with the effort asked of them
 * and with years in post, and recovers with rest and support. The team's burnout cuts the effort the
 * village's pairing helpers actually give (visits, diagnostic care) and makes pushed exits likelier.
 * Quality grows with training days. The governance lever `cadreEffort` is the target effort: more of
 * it means more visits but also faster burnout.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { runBlocks, type BlockKernel } from './household-blocks.js';
import { firstAtOrAfter, type HouseholdIndex, plainPasses, registryIndex, setIndexStarts } from './household-index.js';
import { CadreKind, Registry, Spend, type World } from './world.js';

/**
 * Recounts caseloads: a helper's registered households; a stationed cadre's share of its village's workload.
 * With `idx` (household-index.ts) only its households are counted: it holds every household in the registry.
 */
export function recountCaseloads(w: World, idx?: HouseholdIndex): void {
  const caseload = w.cadres.caseload;
  const { registry, cadre, gone } = w.hh;
  const vl = w.villages;
  caseload.fill(0);
  const ids = idx?.ids;
  const count = idx ? idx.count : w.nHouseholds;
  for (let i = 0; i < count; i++) {
    const h = ids ? ids[i] : i;
    if (registry[h] === Registry.Registered && cadre[h] >= 0) caseload[cadre[h]]++;
  }
  const weight = w.p.monitoredWeight;
  for (let v = 0; v < w.nVillages; v++) {
    const a = vl.stationedStart[v];
    const b = vl.stationedEnd[v];
    if (b <= a) continue;
    let load = 0;
    const end = vl.hhEnd[v];
    // The village's households in id order, all of them or those of the index.
    for (let i = ids ? firstAtOrAfter(ids, count, vl.hhStart[v]) : vl.hhStart[v]; i < (ids ? count : end); i++) {
      const h = ids ? ids[i] : i;
      if (h >= end) break;
      const r = registry[h];
      if (r === Registry.Registered) load += 1;
      // An exited household that left for a town is no longer monitored.
      else if (r === Registry.Exited && gone[h] === 0) load += weight;
    }
    const per = Math.round(load / (b - a));
    for (let c = a; c < b; c++) caseload[c] = per;
  }
}

/**
 * {@link recountCaseloads} block by block, with threads shared among them: a helper's households are of
 * its village, and a stationed cadre's load is its village's, so a block changes only its own villages'
 * cadres. Each block counts its households of the index, in id order.
 */
function recountCaseloadsInBlocks(w: World, idx: HouseholdIndex): void {
  w.cadres.caseload.fill(0);
  setIndexStarts(w, idx.ids, idx.count);
  runBlocks(w, CASELOAD_BLOCKS);
}

/** One block's caseloads: its helpers' registered households, then its villages' stationed loads. */
export const CASELOAD_BLOCKS: BlockKernel = {
  name: 'caseloads',
  run(w: World, b: number): void {
    const caseload = w.cadres.caseload;
    const { registry, cadre, gone } = w.hh;
    const vl = w.villages;
    const { indexIds: ids, indexStarts } = w.blocks;
    const from = indexStarts[b];
    const to = indexStarts[b + 1];
    for (let i = from; i < to; i++) {
      const h = ids[i];
      if (registry[h] === Registry.Registered && cadre[h] >= 0) caseload[cadre[h]]++;
    }
    const weight = w.p.monitoredWeight;
    let i = from;
    for (let v = w.blocks.villageStart[b]; v < w.blocks.villageStart[b + 1]; v++) {
      const end = vl.hhEnd[v];
      let load = 0;
      // The village's households of the index, in id order (villages tile the block's households).
      for (; i < to && ids[i] < end; i++) {
        const r = registry[ids[i]];
        if (r === Registry.Registered) load += 1;
        // An exited household that left for a town is no longer monitored.
        else if (r === Registry.Exited && gone[ids[i]] === 0) load += weight;
      }
      const a = vl.stationedStart[v];
      const c1 = vl.stationedEnd[v];
      if (c1 <= a) continue;
      const per = Math.round(load / (c1 - a));
      for (let c = a; c < c1; c++) caseload[c] = per;
    }
  },
};

/** Monthly burnout of stationed cadres, the effort helpers give, quality; books the policy's cadre costs. */
export function updateCadres(w: World): void {
  const idx = registryIndex(w);
  if (w.blocks.tiled && !plainPasses(w)) recountCaseloadsInBlocks(w, idx);
  else recountCaseloads(w, idx);
  const p = w.p;
  const cd = w.cadres;
  const vl = w.villages;
  const trainPerMonth = (p.trainingDays / 12) * p.qualityPerTrainingDay;
  let stationed = 0;
  for (let c = 0; c < w.nCadres; c++) {
    cd.quality[c] += trainPerMonth * (1 - cd.quality[c]);
    if (cd.kind[c] !== CadreKind.Stationed) continue;
    stationed++;
    const load = cd.caseload[c] / (p.stationedCaseloadReference * p.stationedStaffing);
    // Assessment results feed back: a village whose check found false exits gets closer inspection.
    const pressure = w.pressure + vl.inspection[cd.village[c]];
    const pressureFactor = p.burnoutPressureBase + (pressure > 1 ? 1 : pressure);
    const tenureFactor = 1 + p.tenureBurnout * cd.tenure[c];
    let b = cd.burnout[c];
    b += p.burnoutRate * load * p.cadreEffort * pressureFactor * tenureFactor * (1 - b) - p.burnoutRecovery * (1 + p.cadreSupport) * b;
    cd.burnout[c] = b < 0 ? 0 : b > 1 ? 1 : b;
    cd.tenure[c] += 1 / 12;
  }
  for (let v = 0; v < w.nVillages; v++) {
    const a = vl.stationedStart[v];
    const b = vl.stationedEnd[v];
    let s = 0;
    for (let c = a; c < b; c++) s += cd.burnout[c];
    const team = b > a ? s / (b - a) : 0;
    vl.teamBurnout[v] = team;
    const effort = p.cadreEffort * (1 - p.burnoutEffortLoss * team);
    for (let c = vl.cadreStart[v]; c < vl.cadreEnd[v]; c++) cd.effort[c] = effort;
  }
  // Costs of the policy, not of existing salaries: effort above what salaries already pay, stationing
  // allowances, training days and support.
  const helpers = w.nCadres - stationed;
  const extraEffort = Math.max(0, p.cadreEffort - p.paidEffort);
  w.flows.spending[Spend.cadres] +=
    (helpers * extraEffort * p.cadreCostPerEffort +
      stationed * p.stationedStaffing * (p.stationedCadreCost + p.cadreSupport * p.cadreSupportCost) +
      w.nCadres * p.trainingDays * p.trainingDayCost) /
    12;
}

/** Year end: a share of cadres (helpers and stationed) rotates out; replacements start at the initial quality, rested and new in post. */
export function rotateCadres(w: World): void {
  const key = w.streams.rotation.key;
  const cd = w.cadres;
  const p = w.p;
  for (let c = 0; c < w.nCadres; c++) {
    if (uniformAt(key, c, w.step, DRAW.rotation.rotate) < p.rotationRate) {
      cd.quality[c] = initialQuality(p.initialCadreQuality, p.cadreQualitySpread, uniformAt(key, c, w.step, DRAW.rotation.quality));
      cd.burnout[c] = 0;
      cd.tenure[c] = 0;
    }
  }
}

/** Initial quality of a cadre from a uniform draw u: uniform over `mean` ± `spread`/2 (cadreQualitySpread), within [0, 1]. */
export function initialQuality(mean: number, spread: number, u: number): number {
  const q = mean + spread * (u - 0.5);
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/** Diagnostic precision of helper c: quality, scaled by the effort given (a hurried visit misreads causes). */
export function precision(w: World, c: number): number {
  if (c < 0) return w.p.precisionWithoutCadre;
  const k = w.p.precisionEffortWeight;
  return w.cadres.quality[c] * (1 - k + k * w.cadres.effort[c]);
}

/** Attention helper c gives each of its households (0..1): effort given, diluted above the reference caseload. */
export function attention(w: World, c: number): number {
  if (c < 0) return 0;
  return w.cadres.effort[c] * dilution(w, c);
}

/** Attention planned for helper c's households at zero burnout (the target effort). */
export function plannedAttention(w: World, c: number): number {
  if (c < 0) return 0;
  return w.p.cadreEffort * dilution(w, c);
}

function dilution(w: World, c: number): number {
  const load = w.cadres.caseload[c];
  return load > w.p.caseloadReference ? w.p.caseloadReference / load : 1;
}

/**
 * Reach of return monitoring for exited household h (0..1): the chance its cadres find it in time to
 * arrange a fallback before it falls back onto the register. Monitoring exited households is the
 * stationed team's work (work team and first secretary) on top of its registered caseload, so it thins
 * when the team is over its reference caseload and loses what burnout takes ("inaction"). A village
 * without a stationed cadre has only its village cadres: reach precisionWithoutCadre. (In the baseline
 * every village has one: 27,656 stationed cadres for 17,320 villages.)
 */
export function monitoringReach(w: World, h: number): number {
  const p = w.p;
  const v = w.hh.village[h];
  const vl = w.villages;
  const a = vl.stationedStart[v];
  if (vl.stationedEnd[v] <= a) return p.precisionWithoutCadre;
  const capacity = p.stationedCaseloadReference * p.stationedStaffing;
  const load = w.cadres.caseload[a];
  return (load > capacity ? capacity / load : 1) * (1 - p.burnoutEffortLoss * vl.teamBurnout[v]);
}
