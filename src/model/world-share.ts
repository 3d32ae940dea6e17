/**
 * A world as threads share it: the columns (on SharedArrayBuffers, see allocateWorld) and the fixed
 * facts of the world travel once, when a thread starts; the values a block kernel reads that change
 * during a run (parameters, step, month, year, line, ...) are written to a shared array before
 * each pass.
 */
import { columnPools } from '../engine/columns.js';
import { settleAllNumberFields, settleNumberFields } from '../engine/settled-fields.js';
import { rowViews, SEQUENTIAL } from './household-blocks.js';
import { PARAM_KEYS } from './parameters.js';
import type { Streams, World } from './world.js';

/** What a block thread is given when it starts (structured-clonable; the columns share memory). */
export interface SharedWorld {
  readonly hh: World['hh'];
  readonly villages: World['villages'];
  readonly cadres: World['cadres'];
  readonly industries: World['industries'];
  readonly nHouseholds: number;
  readonly nVillages: number;
  readonly nCadres: number;
  readonly nIndustries: number;
  readonly startYear: number;
  /** Stream keys by stream (a kernel reads only `key`). */
  readonly streams: { readonly [S in keyof Streams]: { readonly name: string; readonly key: number } };
  readonly blocks: Pick<World['blocks'], 'count' | 'villageStart' | 'householdStart' | 'tiled' | 'out' | 'indexIds' | 'indexCounts' | 'indexStarts' | 'registeredIncome' | 'placeCodes' | 'cadreTerms' | 'nextNorms' | 'normStep'>;
}

/**
 * The values a block kernel may read that change during a run, as one Float64Array: the step, month,
 * year, poverty line, wage index, productivity normalization, urbanization's chance and the target pressure, then every parameter in PARAM_KEYS
 * order (scheduled values change them month by month).
 */
export const STATE_FIELDS = ['step', 'month', 'year', 'line', 'wageIndex', 'productivityNormalization', 'leaveProbability', 'initialUrbanizationRate', 'targetPressure'] as const;

/** Length of a state array. */
export const STATE_LENGTH = STATE_FIELDS.length + PARAM_KEYS.length;

/** The world's shareable part (its columns must be on shared memory for the threads to see each other's writes). */
export function shareWorld(w: World): SharedWorld {
  const streams = Object.fromEntries(Object.entries(w.streams).map(([k, s]) => [k, { name: s.name, key: s.key }])) as SharedWorld['streams'];
  const { count, villageStart, householdStart, tiled, out, indexIds, indexCounts, indexStarts, registeredIncome, placeCodes, cadreTerms, nextNorms, normStep } = w.blocks;
  return {
    hh: w.hh,
    villages: w.villages,
    cadres: w.cadres,
    industries: w.industries,
    nHouseholds: w.nHouseholds,
    nVillages: w.nVillages,
    nCadres: w.nCadres,
    nIndustries: w.nIndustries,
    startYear: w.startYear,
    streams,
    blocks: { count, villageStart, householdStart, tiled, out, indexIds, indexCounts, indexStarts, registeredIncome, placeCodes, cadreTerms, nextNorms, normStep },
  };
}

/** Writes the state a block kernel reads now into `state`. */
export function writeState(w: World, state: Float64Array): void {
  for (let i = 0; i < STATE_FIELDS.length; i++) state[i] = w[STATE_FIELDS[i]];
  const p = w.p;
  for (let i = 0; i < PARAM_KEYS.length; i++) state[STATE_FIELDS.length + i] = p[PARAM_KEYS[i]];
}

/**
 * A thread's view of a shared world: enough of a World for the block kernels, which read only the
 * columns, the sizes, the stream keys, the blocks and the state (set by {@link readState}).
 */
export function mirrorWorld(s: SharedWorld): World {
  const blocks = { ...s.blocks, rows: rowViews(s.blocks.out, s.blocks.count), exec: SEQUENTIAL };
  // Every parameter and state field is written before each pass (readState): settled (settled-fields.ts says why).
  const p = settleAllNumberFields(Object.fromEntries(PARAM_KEYS.map((k) => [k, 0])) as World['p']);
  const state = { step: 0, month: 12, year: s.startYear, line: 0, wageIndex: 1, productivityNormalization: 1, leaveProbability: 0, initialUrbanizationRate: 0, targetPressure: 0 };
  const w = { ...s, hhPools: columnPools(s.hh), blocks, p, ...state } as unknown as World;
  return settleNumberFields(w, ['line', 'wageIndex', 'productivityNormalization', 'leaveProbability', 'initialUrbanizationRate', 'targetPressure'], ['step', 'month', 'year']);
}

/** Sets a mirror's changing values from a state array written by {@link writeState}. */
export function readState(w: World, state: Float64Array): void {
  const m = w as { -readonly [K in (typeof STATE_FIELDS)[number]]: number };
  for (let i = 0; i < STATE_FIELDS.length; i++) m[STATE_FIELDS[i]] = state[i];
  const p = w.p;
  for (let i = 0; i < PARAM_KEYS.length; i++) p[PARAM_KEYS[i]] = state[STATE_FIELDS.length + i];
}
