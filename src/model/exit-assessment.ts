/**
 * Yearly exit assessment (December). A registered household exits when its assessed income clears the
 * line by exitMargin and the guarantees hold. Under supervision pressure, a household that fails that
 * test but is assessed within falseExitBand below the line (or above it with a guarantee unmet) may be
 * pushed out anyway. Any exit of a household that is truly still
 * poor is a false exit; third-party assessment catches it with probability assessmentStrength, and a
 * caught false exit is reversed. A household waiting for help hides part of its income at the check (to
 * keep the "poor hat"); a burnt-out village team pushes more households out (formalism).
 * The exit standard is recorded: a later return is judged against it, indexed for prices. The share of
 * attempted exits the check found false in a village raises next year's inspection pressure on that
 * village's stationed cadres (assessment feedback), which adds to their burnout.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { exitRoute } from './exit-routes.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { plainPasses, registryIndex, setIndexStarts } from './household-index.js';
import { assessIncome, assessorQuality, guaranteesMet, stableIncome, yearIncome } from './registry-assessment.js';
import { Measure, Registry, ROUTE_NAMES, type World } from './world.js';

/** Slots of the assessment's sums (a block's row): persons of exits caught as false, of false exits, exiting, then exiting by route. */
const CAUGHT = 0;
const FALSE_EXITS = 1;
const EXITING = 2;
const BY_ROUTE = 3;

/** Slots the assessment's sums take (at most BLOCK_SLOTS, a test checks). */
export const EXIT_SLOTS = BY_ROUTE + ROUTE_NAMES.length;

// The year's sums (no allocation per step).
const sums = new Float64Array(EXIT_SLOTS);

export function assessExits(w: World): void {
  // Only registered households are assessed (the index holds them all; returns keep a household in it).
  const idx = registryIndex(w);
  if (w.blocks.tiled && !plainPasses(w)) {
    // Block by block, threads sharing them: a household's assessment reads and changes only its own
    // columns and its village's, and what households share is a count of persons.
    setIndexStarts(w, idx.ids, idx.count);
    runBlocks(w, EXIT_BLOCKS);
    for (let k = 0; k < EXIT_SLOTS; k++) sums[k] = blockSum(w, k);
  } else {
    sums.fill(0);
    openVillages(w, 0, w.nVillages);
    assessAmong(w, idx.ids, 0, idx.count, sums);
    closeVillages(w, 0, w.nVillages);
  }
  // Whole numbers of persons: the same in any order.
  const f = w.flows;
  f.falseExitsCaught += sums[CAUGHT];
  f.falseExits += sums[FALSE_EXITS];
  w.durable[w.step] += sums[EXITING];
  for (let r = 0; r < ROUTE_NAMES.length; r++) f.exits[r] += sums[BY_ROUTE + r];
}

/** One block's exit assessment: its villages' counts, its households of the index, then its villages' inspection. */
export const EXIT_BLOCKS: BlockKernel = {
  name: 'exits',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const { villageStart, indexIds, indexStarts } = w.blocks;
    openVillages(w, villageStart[b], villageStart[b + 1]);
    assessAmong(w, indexIds, indexStarts[b], indexStarts[b + 1], row);
    closeVillages(w, villageStart[b], villageStart[b + 1]);
  },
};

/** Villages v0 … v1 − 1 start the year's count of attempted and false exits. */
function openVillages(w: World, v0: number, v1: number): void {
  w.villages.exitsAttempted.fill(0, v0, v1);
  w.villages.exitsFoundFalse.fill(0, v0, v1);
}

/** The share of attempted exits found false sets next year's inspection pressure on each village v0 … v1 − 1. */
function closeVillages(w: World, v0: number, v1: number): void {
  const vl = w.villages;
  const feedback = w.p.assessmentPressureFeedback;
  for (let v = v0; v < v1; v++) {
    const attempted = vl.exitsAttempted[v];
    vl.inspection[v] = attempted > 0 ? feedback * (vl.exitsFoundFalse[v] / attempted) : 0;
  }
}

/** Assesses the registered households among ids[from] … ids[to − 1], adding their persons into `sums` (slots above). */
function assessAmong(w: World, ids: Int32Array, from: number, to: number, sums: Float64Array): void {
  const hh = w.hh;
  const p = w.p;
  const key = w.streams.assessment.key;
  const t = w.step;
  const pass = w.line * (1 + p.exitMargin);
  const pushFloor = w.line * (1 - p.falseExitBand);
  // Target pressure drives pushed exits; the assessment's feedback adds inspection (burnout), not targets.
  const pushBase = w.targetPressure * p.falseExitPropensity;
  const concealed = 1 - p.waitingConcealment;
  const vl = w.villages;
  const teamBurnout = vl.teamBurnout;
  for (let i = from; i < to; i++) {
    const h = ids[i];
    // A household that returned this December is not assessed for exit in the same month.
    if (hh.registry[h] !== Registry.Registered || hh.statusYear[h] === w.year || hh.gone[h] === 1) continue;
    const y = yearIncome(w, h);
    const stable = stableIncome(w, h);
    const shown = hh.waiting[h] === 1 ? stable * concealed : stable;
    const assessed = assessIncome(w, h, shown, assessorQuality(w, h), DRAW.assessment.exitIncome);
    const pushProb = pushBase * (1 + p.burnoutHonestyLoss * teamBurnout[hh.village[h]]);
    const guarantees = guaranteesMet(w, h, Measure.Health, Measure.Education);
    const regular = assessed >= pass && guarantees;
    const pushed = !regular && assessed >= pushFloor && uniformAt(key, h, t, DRAW.assessment.pushed) < pushProb;
    if (!regular && !pushed) continue;
    const stillPoor = y < w.line || !guarantees;
    const size = hh.size[h];
    const v = hh.village[h];
    vl.exitsAttempted[v] += size;
    if (stillPoor && uniformAt(key, h, t, DRAW.assessment.caught) < p.assessmentStrength) {
      sums[CAUGHT] += size;
      vl.exitsFoundFalse[v] += size;
      continue;
    }
    if (stillPoor) sums[FALSE_EXITS] += size;
    hh.registry[h] = Registry.Exited;
    hh.statusYear[h] = w.year;
    hh.falseExit[h] = stillPoor ? 1 : 0;
    hh.exitLine[h] = w.line;
    hh.exitStep[h] = t;
    sums[EXITING] += size;
    const route = exitRoute(w, h);
    hh.exitRoute[h] = route;
    sums[BY_ROUTE + route] += size;
  }
}
