/**
 * Person-weighted sums over households that a monthly row of results needs (poverty, registry errors,
 * income, participation, waiting). The income process fills it in its own loop, so recording an
 * ordinary month needs no second pass over all households; December and the initial state, when the
 * registry changes after income, are counted afresh by `countHouseholds`. Households that have left
 * the rural population are not counted.
 */
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { settleNumberFields } from '../engine/settled-fields.js';
import { Registry, type World } from './world.js';

/** Slots of the tally's sums (persons unless noted). */
const PERSONS = 0;
const OFFICIAL = 1;
const TRUE_POOR = 2;
const EXCLUDED = 3;
const INCLUDED = 4;
const INCOME_SUM = 5;
const POOR_INCOME_SUM = 6;
const REGISTERED_INCOME_SUM = 7;
const VULNERABLE = 8;
const GAP_SUM = 9;
const INDUSTRY = 10;
const RELOCATED = 11;
const DIBAO = 12;
const EVER_EXITED = 13;
const MOTIVATION = 14;
const WAITING = 15;
const RELOCATION_DEBT = 16;
const REGISTERED_HOUSEHOLDS = 17;
const REGISTERED_CHRONIC = 18;
const SLOTS = 19;

/** Slots of the tally's sums (a block row of the income pass holds them first, household-blocks.ts). */
export const TALLY_SLOTS = SLOTS;

/** The slots {@link tallyAnyHousehold} adds to, for a loop that keeps their sums in locals (income.ts). */
export const ANY_HOUSEHOLD_SLOTS = {
  persons: PERSONS,
  truePoor: TRUE_POOR,
  poorIncomeSum: POOR_INCOME_SUM,
  gapSum: GAP_SUM,
  vulnerable: VULNERABLE,
  incomeSum: INCOME_SUM,
  industry: INDUSTRY,
  motivation: MOTIVATION,
  relocationDebt: RELOCATION_DEBT,
} as const;

/**
 * The sums live in one Float64Array, not in object fields: the income loop adds to them for every
 * household every month, and an array slot is one load and one store where a double field is boxed.
 */
export class HouseholdTally {
  /** The step the tally was filled at; -1 when empty. */
  step = -1;
  readonly sums = new Float64Array(SLOTS);

  constructor() {
    settleNumberFields<HouseholdTally>(this, [], ['step']);
  }

  reset(step: number): void {
    this.step = step;
    this.sums.fill(0);
  }
  /** Rural persons (the incidence denominator). */
  get persons(): number { return this.sums[PERSONS]; }
  get official(): number { return this.sums[OFFICIAL]; }
  get truePoor(): number { return this.sums[TRUE_POOR]; }
  /** Truly poor persons not registered. */
  get excluded(): number { return this.sums[EXCLUDED]; }
  /** Registered persons not truly poor. */
  get included(): number { return this.sums[INCLUDED]; }
  get incomeSum(): number { return this.sums[INCOME_SUM]; }
  get poorIncomeSum(): number { return this.sums[POOR_INCOME_SUM]; }
  /** Registered persons' income sum (per-capita income × persons). */
  get registeredIncomeSum(): number { return this.sums[REGISTERED_INCOME_SUM]; }
  /** Persons under 1.5 × the line. */
  get vulnerable(): number { return this.sums[VULNERABLE]; }
  /** Σ persons × shortfall below the line as a share of the line. */
  get gapSum(): number { return this.sums[GAP_SUM]; }
  get industry(): number { return this.sums[INDUSTRY]; }
  get relocated(): number { return this.sums[RELOCATED]; }
  get dibao(): number { return this.sums[DIBAO]; }
  get everExited(): number { return this.sums[EVER_EXITED]; }
  get motivation(): number { return this.sums[MOTIVATION]; }
  /** Registered persons waiting for help. */
  get waiting(): number { return this.sums[WAITING]; }
  /** Outstanding relocation debt, yuan (households, not persons). */
  get relocationDebt(): number { return this.sums[RELOCATION_DEBT]; }
  /** Registered households, and those with a chronically ill member. */
  get registeredHouseholds(): number { return this.sums[REGISTERED_HOUSEHOLDS]; }
  get registeredChronic(): number { return this.sums[REGISTERED_CHRONIC]; }
}

/**
 * The sums that do not depend on registry states, dibao or resettlement, for one household. With
 * {@link tallyRegistryHousehold} over the households of the registry index (household-index.ts) and
 * then {@link finishRegistryTally}, they are the month's sums over every household.
 */
export function tallyAnyHousehold(t: Float64Array, n: number, y: number, line: number, industryMember: number, motivation: number, debt: number): void {
  t[PERSONS] += n;
  if (y < line) {
    t[TRUE_POOR] += n;
    t[POOR_INCOME_SUM] += y * n;
    t[GAP_SUM] += (n * (line - y)) / line;
  }
  if (y < 1.5 * line) t[VULNERABLE] += n;
  t[INCOME_SUM] += y * n;
  if (industryMember !== 0) t[INDUSTRY] += n;
  t[MOTIVATION] += motivation * n;
  t[RELOCATION_DEBT] += debt;
}

/**
 * The other sums, for a household of the registry index: a household outside
 * it (not in the registry, not resettled, not on dibao, never returned) adds nothing to them. The
 * excluded slot meanwhile holds the registered poor persons; {@link finishRegistryTally} turns it into
 * the excluded (truly poor, not registered) persons.
 */
export function tallyRegistryHousehold(
  t: Float64Array,
  n: number,
  y: number,
  line: number,
  registry: number,
  returned: number,
  relocated: number,
  onDibao: number,
  waiting: number,
  chronic: number,
): void {
  if (registry === Registry.Registered) t[REGISTERED_INCOME_SUM] += y * n;
  tallyRegistryCounts(t, n, y, line, registry, returned, relocated, onDibao, waiting, chronic);
}

/**
 * {@link tallyRegistryHousehold} but for the registered persons' income: its sums count persons and
 * households, whole numbers, which add up to the same values in any order (blocks may take them apart).
 */
function tallyRegistryCounts(
  t: Float64Array,
  n: number,
  y: number,
  line: number,
  registry: number,
  returned: number,
  relocated: number,
  onDibao: number,
  waiting: number,
  chronic: number,
): void {
  if (registry === Registry.Registered) {
    t[OFFICIAL] += n;
    if (waiting === 1) t[WAITING] += n;
    t[REGISTERED_HOUSEHOLDS]++;
    t[REGISTERED_CHRONIC] += chronic;
    if (y < line) t[EXCLUDED] += n;
    else t[INCLUDED] += n;
  }
  // Without branches (the flags are 0 or 1; adding 0 leaves a sum as it is): before the first move and
  // the first exit a branch's store never ran, so V8 had no type feedback for it, and the optimized
  // pass that holds this code was thrown away each time the first such household came (about 190
  // times in a cold replicate at 1:100).
  t[RELOCATED] += n * relocated;
  t[DIBAO] += n * onDibao;
  t[EVER_EXITED] += n * (+(registry === Registry.Exited) | returned);
}

/**
 * {@link tallyRegistryHousehold} of households ids[0] … ids[count − 1] (ascending), judged on `income`,
 * into `t`. A function of its own so that V8 compiles its loop apart from the caller's code (compiled
 * inside the income phase, the code after the loop lacked type feedback and was thrown away every month
 * of a cold run).
 */
export function tallyRegistryIndex(t: Float64Array, w: World, ids: Int32Array, count: number, income: Float32Array): void {
  const { size, registry, returned, relocated, onDibao, waiting, gone, chronic } = w.hh;
  const line = w.line;
  for (let i = 0; i < count; i++) {
    const h = ids[i];
    if (gone[h] === 1) continue;
    tallyRegistryHousehold(t, size[h], income[h], line, registry[h], returned[h], relocated[h], onDibao[h], waiting[h], chronic[h]);
  }
}

/**
 * The registry sums of one block's households of the index, at places from … to − 1 of `ids`, into the
 * block's row `t` (the income pass, household-blocks.ts), but for the registered persons' income: a float
 * sum, which must be taken in id order over all blocks. So each place i gets its term in
 * `registeredIncome[i]` (0 for a household that adds none), for {@link addRegisteredIncome}.
 */
export function tallyRegistryBlock(t: Float64Array, w: World, ids: Int32Array | null, from: number, to: number, income: Float32Array, registeredIncome: Float64Array): void {
  const { size, registry, returned, relocated, onDibao, waiting, gone, chronic } = w.hh;
  const line = w.line;
  for (let i = from; i < to; i++) {
    // Without ids, place i is household i (December's fresh count of every household).
    const h = ids === null ? i : ids[i];
    registeredIncome[i] = 0;
    if (gone[h] === 1) continue;
    const n = size[h];
    const r = registry[h];
    if (r === Registry.Registered) registeredIncome[i] = income[h] * n;
    tallyRegistryCounts(t, n, income[h], line, r, returned[h], relocated[h], onDibao[h], waiting[h], chronic[h]);
  }
}

/** The registered persons' income of the index's first `count` places, added in their order into `t` (see tallyRegistryBlock). */
export function addRegisteredIncome(t: Float64Array, registeredIncome: Float64Array, count: number): void {
  let s = t[REGISTERED_INCOME_SUM];
  for (let i = 0; i < count; i++) s += registeredIncome[i];
  t[REGISTERED_INCOME_SUM] = s;
}

/** After the two passes: excluded = truly poor − registered poor persons (whole numbers, so exact). */
export function finishRegistryTally(t: Float64Array): void {
  t[EXCLUDED] = t[TRUE_POOR] - t[EXCLUDED];
}

/**
 * Counts every household afresh into `t`, judging poverty on last year's income in December (and in
 * the world as built, December 2013), else on the twelve-month estimate. The sums of tallyAnyHousehold
 * are taken block by block (household-blocks.ts) and the blocks added in order, as the income pass does;
 * the registry sums as the income pass takes them (household counts by block, the registered persons'
 * income in id order), over every household.
 */
export function countHouseholds(w: World, t: HouseholdTally): HouseholdTally {
  t.reset(w.step);
  // In a tiled world the blocks also take the registry sums of their households, with a term of the
  // registered persons' income per household, added here in id order (see tallyRegistryBlock).
  runBlocks(w, RECOUNT_BLOCKS);
  const sums = t.sums;
  for (let k = 0; k < SLOTS; k++) sums[k] = blockSum(w, k);
  if (w.blocks.tiled) {
    addRegisteredIncome(sums, w.blocks.registeredIncome, w.nHouseholds);
    finishRegistryTally(sums);
    return t;
  }
  const { size, registry, returned, relocated, onDibao, waiting, gone, chronic } = w.hh;
  const income = recountIncome(w);
  const line = w.line;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (gone[h] === 1) continue;
    tallyRegistryHousehold(sums, size[h], income[h], line, registry[h], returned[h], relocated[h], onDibao[h], waiting[h], chronic[h]);
  }
  finishRegistryTally(sums);
  return t;
}

/** The income a fresh count judges poverty on: last year's in December, else the twelve-month estimate. */
function recountIncome(w: World): Float32Array {
  return w.month === 12 ? w.hh.incomeLastYear : w.hh.incomeSmoothed;
}

/** The sums of tallyAnyHousehold over one block's households, for countHouseholds. */
export const RECOUNT_BLOCKS: BlockKernel = {
  name: 'recount',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const { size, industryMember, motivation, gone, relocationDebt } = w.hh;
    const income = recountIncome(w);
    const line = w.line;
    const end = w.blocks.householdStart[b + 1];
    for (let h = w.blocks.householdStart[b]; h < end; h++) {
      if (gone[h] === 1) continue;
      tallyAnyHousehold(row, size[h], income[h], line, industryMember[h], motivation[h], relocationDebt[h]);
    }
    // Every household of the block (not the index): place h holds household h's term.
    if (w.blocks.tiled) tallyRegistryBlock(row, w, null, w.blocks.householdStart[b], end, income, w.blocks.registeredIncome);
  },
};
