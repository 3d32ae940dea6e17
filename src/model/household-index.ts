/**
 * The households a phase may concern, so that phases acting only on them skip the rest: households in
 * the registry (registered or exited), and any household holding a placed job, resettled, on dibao,
 * once returned to poverty or waiting for help. At 1:100 that is about a tenth to a fifth of the
 * households; the waiting-for-help update, assistance, employment, relocation, the caseload recount, the
 * exit assessment and the registry sums of the month's tally visit only them.
 *
 * Skipping a household that a phase would have skipped anyway changes nothing: draws are keyed by
 * (household, step, slot), never by how many draws came before, and the phases keep their own tests
 * (registry, gone, ...) for the households they do visit. The index lists ids in ascending order, so a
 * phase visits its households, and adds to its sums, in the order of a full pass.
 *
 * It is rebuilt once per step, from the columns as they are then: in a tiled world by the joint pass of
 * shocks and motivation, block by block (adoptBlockIndex); in a hand-built world, or with plain passes,
 * at the first phase that asks for it.
 * It stays exact for the rest of the step because no monthly phase moves a household into it: registry
 * states change only in December after the monthly phases (and a return or an exit keeps a household in
 * the registry), jobs, dibao and resettlement come only to households in the registry (or with a job,
 * resettled), only registered households start waiting, and returns are December's. test/model/household-index.test.ts runs whole replicates
 * with the index and with every household and compares every column at every step.
 */
import { settleNumberFields, settleObjectFields } from '../engine/settled-fields.js';
import type { World } from './world.js';

/** Household ids in ascending order; the first `count` are the index. */
export interface HouseholdIndex {
  readonly ids: Int32Array;
  count: number;
  /** The step it was built at (−1 before the first build). */
  step: number;
}

// Keyed by the world's registry column: a branched world (branching.ts) has its own copy of the
// columns and so its own index.
const INDEXES = new WeakMap<Uint8Array, HouseholdIndex>();
const EVERY_HOUSEHOLD = new WeakSet<Uint8Array>();

/** The index of households in the registry, with a job or resettled, for the current step. */
export function registryIndex(w: World): HouseholdIndex {
  const idx = indexOf(w);
  if (idx.step === w.step) return idx;
  const ids = idx.ids;
  const n = w.nHouseholds;
  let k = 0;
  if (EVERY_HOUSEHOLD.has(w.hh.registry)) {
    for (let h = 0; h < n; h++) ids[k++] = h;
  } else k = indexHouseholds(w, ids, 0, 0, n);
  idx.count = k;
  idx.step = w.step;
  return idx;
}

/**
 * Writes the index's households among first … end − 1 at ids[at], ids[at + 1], …, ascending, from the
 * columns as they are now; returns the position after the last one written. Four households at a time
 * where the columns can be read as words: most words of the six u8 columns are all zero (see buildIndex).
 */
export function indexHouseholds(w: World, ids: Int32Array, at: number, first: number, end: number): number {
  const v = wordViews(w);
  let k = at;
  let h = first;
  const wordFrom = (first + 3) >>> 2;
  const wordTo = end >>> 2;
  if (v !== null && wordFrom < wordTo) {
    k = indexOneByOne(w, ids, k, first, wordFrom << 2);
    k = buildIndex(ids, k, wordFrom, wordTo, v[0], v[1], v[2], v[3], v[4], v[5]);
    h = wordTo << 2;
  }
  return indexOneByOne(w, ids, k, h, end);
}

/**
 * {@link indexHouseholds} one household at a time. Branch-free: write every id, advance past the ones
 * that belong ((x + 255) >>> 8 is 1 for x in 1..255, 0 for 0).
 */
function indexOneByOne(w: World, ids: Int32Array, at: number, first: number, end: number): number {
  const { registry, jobs, relocated, onDibao, returned, waiting } = w.hh;
  let k = at;
  for (let h = first; h < end; h++) {
    ids[k] = h;
    k += ((registry[h] | jobs[h] | relocated[h] | onDibao[h] | returned[h] | waiting[h]) + 255) >>> 8;
  }
  return k;
}

// The six columns of the index as 32-bit words (four households each), by the world's registry column
// (a branch, and a thread's view of a world, have their own); null where they cannot be read so.
const WORDS = new WeakMap<Uint8Array, Uint32Array[] | null>();

function wordViews(w: World): Uint32Array[] | null {
  const { registry, jobs, relocated, onDibao, returned, waiting } = w.hh;
  let v = WORDS.get(registry);
  if (v === undefined) {
    const n = w.nHouseholds;
    const cols = [registry, jobs, relocated, onDibao, returned, waiting];
    v = LITTLE_ENDIAN && n >= 4 && cols.every((c) => c.byteOffset % 4 === 0) ? cols.map((c) => new Uint32Array(c.buffer, c.byteOffset, n >>> 2)) : null;
    WORDS.set(registry, v);
  }
  return v;
}

/**
 * World `w`'s index, as last built. A tiled world's ids are its blocks' array, where the joint pass
 * builds them and the block passes read them (adoptBlockIndex, setIndexStarts): an entry made before
 * the world had its blocks is made again.
 */
function indexOf(w: World): HouseholdIndex {
  const registry = w.hh.registry;
  let idx = INDEXES.get(registry);
  const tiled = w.blocks.tiled;
  if (idx === undefined || (tiled && idx.ids !== w.blocks.indexIds)) {
    // Settled (settled-fields.ts says why): count and step change every step; the next world's index is a second object of this literal.
    idx = settleObjectFields(settleNumberFields({ ids: tiled ? w.blocks.indexIds : new Int32Array(w.nHouseholds), count: 0, step: -1 }, [], ['count', 'step']));
    INDEXES.set(registry, idx);
  }
  return idx;
}

/**
 * The index of this step from the one the blocks built (the joint pass of shocks and motivation,
 * shocks-and-motivation.ts): block b's ids, ascending, are at householdStart[b] … + indexCounts[b] − 1,
 * so moving each block's ids down behind the previous block's gives the ids in ascending order, as
 * {@link registryIndex} lists them. Each block built its part before its villages' waiting updates, the
 * only change that pass makes to the index's columns, and those change only households already in it
 * (waiting or registered), so the parts are the index of the step as it began.
 */
export function adoptBlockIndex(w: World): HouseholdIndex {
  const idx = indexOf(w);
  const { indexIds: ids, indexCounts, householdStart, count } = w.blocks;
  let k = 0;
  for (let b = 0; b < count; b++) {
    const from = householdStart[b];
    const n = indexCounts[b];
    if (from !== k) ids.copyWithin(k, from, from + n);
    k += n;
  }
  idx.count = k;
  idx.step = w.step;
  return idx;
}

/**
 * Sets where each block's households begin among the index's first `count` ids (w.blocks.indexStarts),
 * for a pass whose blocks visit their own households of the index.
 */
export function setIndexStarts(w: World, ids: Int32Array, count: number): void {
  const { householdStart, indexStarts, count: blocks } = w.blocks;
  for (let b = 0; b < blocks; b++) indexStarts[b] = firstAtOrAfter(ids, count, householdStart[b]);
  indexStarts[blocks] = count;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Indexes households 4 × wordFrom … 4 × wordTo − 1 from the six u8 columns of the index read as 32-bit
 * words (four households each; byte j of a little-endian word is household 4i + j), writing from ids[at].
 * A word that is zero in all of them has no household to index. Returns the position after the last id.
 */
function buildIndex(ids: Int32Array, at: number, wordFrom: number, wordTo: number, a: Uint32Array, b: Uint32Array, c: Uint32Array, d: Uint32Array, e: Uint32Array, f: Uint32Array): number {
  let k = at;
  for (let i = wordFrom; i < wordTo; i++) {
    const x = a[i] | b[i] | c[i] | d[i] | e[i] | f[i];
    if (x === 0) continue;
    const h = i << 2;
    ids[k] = h;
    k += ((x & 255) + 255) >>> 8;
    ids[k] = h + 1;
    k += (((x >>> 8) & 255) + 255) >>> 8;
    ids[k] = h + 2;
    k += (((x >>> 16) & 255) + 255) >>> 8;
    ids[k] = h + 3;
    k += ((x >>> 24) + 255) >>> 8;
  }
  return k;
}

/**
 * Makes world `w` run its plain passes: the index lists every household, and no phase skips work by
 * a bound. For tests that compare the two; call before the run's first step.
 */
export function usePlainPasses(w: World): void {
  EVERY_HOUSEHOLD.add(w.hh.registry);
  const idx = INDEXES.get(w.hh.registry);
  if (idx) idx.step = -1;
}

/** True when world `w` runs its plain passes (see {@link usePlainPasses}). */
export function plainPasses(w: World): boolean {
  return EVERY_HOUSEHOLD.has(w.hh.registry);
}

/** Position of the first id ≥ h among the first `count` of `ids` (count when none). */
export function firstAtOrAfter(ids: Int32Array, count: number, h: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
