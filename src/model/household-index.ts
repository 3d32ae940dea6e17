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
 * It is rebuilt once per step, at the first phase that asks for it, from the columns as they are then.
 * It stays exact for the rest of the step because no monthly phase moves a household into it: registry
 * states change only in December after the monthly phases (and a return or an exit keeps a household in
 * the registry), jobs, dibao and resettlement come only to households in the registry (or with a job,
 * resettled), only registered households start waiting, and returns are December's. test/model/household-index.test.ts runs whole replicates
 * with the index and with every household and compares every column at every step.
 */
import type { World } from './world.js';

/** Household ids in ascending order; the first `count` are the index. */
export interface HouseholdIndex {
  readonly ids: Int32Array;
  count: number;
  /** The step it was built at (−1 before the first build). */
  step: number;
  /** The six columns of the index as 32-bit words, when they can be read so (made at the first build). */
  words?: Uint32Array[] | null;
}

// Keyed by the world's registry column: a branched world (branching.ts) has its own copy of the
// columns and so its own index.
const INDEXES = new WeakMap<Uint8Array, HouseholdIndex>();
const EVERY_HOUSEHOLD = new WeakSet<Uint8Array>();

/** The index of households in the registry, with a job or resettled, for the current step. */
export function registryIndex(w: World): HouseholdIndex {
  const { registry, jobs, relocated, onDibao, returned, waiting } = w.hh;
  let idx = INDEXES.get(registry);
  if (idx === undefined) {
    idx = { ids: new Int32Array(w.nHouseholds), count: 0, step: -1 };
    INDEXES.set(registry, idx);
  }
  if (idx.step === w.step) return idx;
  const ids = idx.ids;
  const n = w.nHouseholds;
  let k = 0;
  if (EVERY_HOUSEHOLD.has(registry)) {
    for (let h = 0; h < n; h++) ids[k++] = h;
  } else {
    // Four households at a time: most words of the three u8 columns are all zero (see buildIndex).
    if (idx.words === undefined) {
      const cols = [registry, jobs, relocated, onDibao, returned, waiting];
      idx.words = LITTLE_ENDIAN && n >= 4 && cols.every((c) => c.byteOffset % 4 === 0) ? cols.map((c) => new Uint32Array(c.buffer, c.byteOffset, n >>> 2)) : null;
    }
    const v = idx.words;
    const words = v ? v[0].length : 0;
    if (v) k = buildIndex(ids, v[0], v[1], v[2], v[3], v[4], v[5]);
    // The rest one at a time (all of them when the columns cannot be read as words). Branch-free: write
    // every id, advance past the ones that belong ((x + 255) >>> 8 is 1 for x in 1..255, 0 for 0).
    for (let h = words << 2; h < n; h++) {
      ids[k] = h;
      k += ((registry[h] | jobs[h] | relocated[h] | onDibao[h] | returned[h] | waiting[h]) + 255) >>> 8;
    }
  }
  idx.count = k;
  idx.step = w.step;
  return idx;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Indexes households 0 … 4 × a.length − 1 from the six u8 columns of the index read as 32-bit words
 * (four households each; byte j of a little-endian word is household 4i + j). A word that is zero in
 * all of them has no household to index. Returns how many ids it wrote.
 */
function buildIndex(ids: Int32Array, a: Uint32Array, b: Uint32Array, c: Uint32Array, d: Uint32Array, e: Uint32Array, f: Uint32Array): number {
  let k = 0;
  const words = a.length;
  for (let i = 0; i < words; i++) {
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
