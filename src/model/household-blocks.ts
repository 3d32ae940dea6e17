/**
 * Household blocks: the passes over every household run block by block, so that threads can share them
 * (src/node/block-threads.ts) and a run gives the same bytes with any number of threads. They are the
 * population's draws and 2013 incomes (set-up); shocks and motivation (in one pass, or each alone, with
 * the household index and waiting for help), the caseload recount, industry participation and income
 * (each month); identification, the fresh count of a month's results and the year end with
 * urbanization (December, and the count of the built world). block-kernels.ts lists them.
 *
 * A block is a run of whole villages of about BLOCK_HOUSEHOLDS households. Its bounds depend only on the
 * world's layout, never on the thread count. A block kernel changes only its own households, villages
 * and their cadres, and its own places in the scratch below (its part of the index, its households'
 * terms), and writes what it adds up (persons, incomes, spending) into its own row of `out`; the
 * phase then adds the rows in block order. So every sum is taken in the same order whether one thread
 * runs all blocks or several threads run some each. Anything shared between villages (the industries'
 * member counts, the spending accounts, the month's tally) is changed only there, on the calling thread.
 */
import { settleObjectFields } from '../engine/settled-fields.js';
import type { World } from './world.js';

/** Households a block aims at: large enough that a block is far more work than handing it to a thread. */
export const BLOCK_HOUSEHOLDS = 4096;

/** Slots of a block's row in `out` (the most any kernel writes). */
export const BLOCK_SLOTS = 32;

/** The block kernels, by name (a thread is told a name, not handed a function). */
export type BlockKernelName = 'population' | 'income2013' | 'shocks' | 'motivation' | 'shocksMotivation' | 'participation' | 'income' | 'recount' | 'yearEnd' | 'caseloads' | 'identification' | 'exits' | 'assistanceDecisions' | 'assistanceMeasures' | 'employment' | 'relocationCandidates' | 'quotaBins';

/** One pass over the households of a block. */
export interface BlockKernel {
  readonly name: BlockKernelName;
  /** Runs the pass over block `b` of `w.blocks`; writes only the block's households, villages, their cadres, its places in the blocks' scratch and its row of `out`. */
  run(w: World, b: number): void;
}

/** Runs a kernel over every block: all in this thread, or shared among threads. */
export interface BlockExecutor {
  /** Threads the blocks are shared among (1: this thread alone). */
  readonly threads: number;
  run(w: World, kernel: BlockKernel): void;
  /** Stops any threads (a run calls it when it ends). */
  close(): void;
}

/** How a run gets its executor: a world allocated on shared memory if `shares` says so for its size, then `create`. */
export interface BlockExecutorFactory {
  shares(households: number): boolean;
  create(w: World): BlockExecutor;
}

export interface HouseholdBlocks {
  readonly count: number;
  /** Villages of block b: villageStart[b] … villageStart[b + 1] − 1. */
  readonly villageStart: Int32Array;
  /** Households of block b: householdStart[b] … householdStart[b + 1] − 1. */
  readonly householdStart: Int32Array;
  /** False when the villages' households do not lie one village after another (a hand-built world): one block of everything. */
  readonly tiled: boolean;
  /** count × BLOCK_SLOTS sums; a kernel zeroes its block's row first (openRow). */
  readonly out: Float64Array;
  /** Row b of `out` as a view (made once, so kernels allocate nothing). */
  readonly rows: readonly Float64Array[];
  /**
   * The household index (household-index.ts) of a tiled world, built block by block by the joint pass of
   * shocks and motivation: block b writes its ids from householdStart[b] on and their number into
   * indexCounts[b]; the calling thread then closes the gaps (one id per household; empty when not tiled).
   */
  readonly indexIds: Int32Array;
  /** How many ids block b wrote into indexIds this step. */
  readonly indexCounts: Int32Array;
  /** Where block b's households begin in the step's household index (count + 1 entries; set by a phase before its pass). */
  readonly indexStarts: Int32Array;
  /** By place in the index: a registered household's income term of the month's tally (household-tally.ts; empty when not tiled). */
  readonly registeredIncome: Float64Array;
  /**
   * By place in the index: what a phase's blocks found for each household, for the calling thread to read back
   * within the same phase (assistance's codes, relocation's candidates; in the set-up, by household, the
   * initial registry's income bins; empty when not tiled).
   */
  readonly placeCodes: Int32Array;
  /** By cadre + 1: the month's attention, planned attention and precision, in three runs of nCadres + 1 (assistance.ts; empty when not tiled). */
  readonly cadreTerms: Float64Array;
  /**
   * The villages' norms (mean motivation) after the joint pass of shocks and motivation, which the next
   * month's pass starts from, and in normStep[0] the step they are for (shocks-and-motivation.ts).
   */
  readonly nextNorms: Float64Array;
  readonly normStep: Int32Array;
  exec: BlockExecutor;
}

/** Block rows over `out`, one view per block. */
export function rowViews(out: Float64Array, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, b) => out.subarray(b * BLOCK_SLOTS, (b + 1) * BLOCK_SLOTS));
}

/** Every block in this thread, in order. */
export const SEQUENTIAL: BlockExecutor = {
  threads: 1,
  run(w, kernel) {
    for (let b = 0; b < w.blocks.count; b++) kernel.run(w, b);
  },
  close() {},
};

/** The sequential factory: a plain world, every block in this thread. */
export const SEQUENTIAL_BLOCKS: BlockExecutorFactory = { shares: () => false, create: () => SEQUENTIAL };

function float64(n: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n);
}

function int32(n: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
}

/** One block holding every village and household (any layout). */
export function singleBlock(nVillages: number, nHouseholds: number): HouseholdBlocks {
  const out = float64(BLOCK_SLOTS, false);
  return blocksRecord({
    count: 1,
    villageStart: Int32Array.of(0, nVillages),
    householdStart: Int32Array.of(0, nHouseholds),
    tiled: false,
    out,
    rows: rowViews(out, 1),
    indexIds: new Int32Array(0),
    indexCounts: new Int32Array(1),
    indexStarts: new Int32Array(2),
    registeredIncome: new Float64Array(0),
    placeCodes: new Int32Array(0),
    cadreTerms: new Float64Array(0),
    nextNorms: new Float64Array(0),
    normStep: Int32Array.of(-1),
    exec: SEQUENTIAL,
  });
}

/**
 * Blocks of whole villages, each closed once it holds BLOCK_HOUSEHOLDS households or more, when the
 * villages tile the households (village v holds hhStart[v] … hhEnd[v] − 1, one after another, from 0 to
 * nHouseholds); otherwise a single block.
 */
export function layoutBlocks(w: World, shared: boolean): HouseholdBlocks {
  const { hhStart, hhEnd } = w.villages;
  let next = 0;
  for (let v = 0; v < w.nVillages; v++) {
    if (hhStart[v] !== next || hhEnd[v] < next) return singleBlock(w.nVillages, w.nHouseholds);
    next = hhEnd[v];
  }
  if (next !== w.nHouseholds || w.nVillages === 0) return singleBlock(w.nVillages, w.nHouseholds);
  const villages: number[] = [0];
  const households: number[] = [0];
  for (let v = 0; v < w.nVillages; v++) {
    if (hhEnd[v] - households[households.length - 1] >= BLOCK_HOUSEHOLDS || v === w.nVillages - 1) {
      villages.push(v + 1);
      households.push(hhEnd[v]);
    }
  }
  const count = villages.length - 1;
  const out = float64(count * BLOCK_SLOTS, shared);
  return blocksRecord({
    count,
    villageStart: Int32Array.from(villages),
    householdStart: Int32Array.from(households),
    tiled: true,
    out,
    rows: rowViews(out, count),
    indexIds: int32(w.nHouseholds, shared),
    indexCounts: int32(count, shared),
    indexStarts: int32(count + 1, shared),
    registeredIncome: float64(w.nHouseholds, shared),
    placeCodes: int32(w.nHouseholds, shared),
    cadreTerms: float64(3 * (w.nCadres + 1), shared),
    nextNorms: float64(w.nVillages, shared),
    normStep: int32(1, shared).fill(-1),
    exec: SEQUENTIAL,
  });
}

/**
 * Blocks with these fields, settled (settled-fields.ts says why): the one literal all blocks are made by,
 * as laid out and as a branch's own (as worldRecord in world.ts says, one hidden class for the passes).
 */
export function blocksRecord(b: HouseholdBlocks): HouseholdBlocks {
  return settleObjectFields({
    count: b.count,
    villageStart: b.villageStart,
    householdStart: b.householdStart,
    tiled: b.tiled,
    out: b.out,
    rows: b.rows,
    indexIds: b.indexIds,
    indexCounts: b.indexCounts,
    indexStarts: b.indexStarts,
    registeredIncome: b.registeredIncome,
    placeCodes: b.placeCodes,
    cadreTerms: b.cadreTerms,
    nextNorms: b.nextNorms,
    normStep: b.normStep,
    exec: b.exec,
  });
}

/** Runs `kernel` over every block of `w` with the world's executor. */
export function runBlocks(w: World, kernel: BlockKernel): void {
  w.blocks.exec.run(w, kernel);
}

/** Block b's row of `out`, zeroed. */
export function openRow(w: World, b: number): Float64Array {
  const row = w.blocks.rows[b];
  row.fill(0);
  return row;
}

/** Slot `slot` of every block's row, added in block order. */
export function blockSum(w: World, slot: number): number {
  const { rows, count } = w.blocks;
  let s = 0;
  for (let b = 0; b < count; b++) s += rows[b][slot];
  return s;
}
