/**
 * Person-weighted sums over households that a monthly row of results needs (poverty, registry errors,
 * income, participation, waiting). The income process fills it in its own loop, so recording an
 * ordinary month needs no second pass over all households; December and the initial state, when the
 * registry changes after income, are counted afresh by `countHouseholds`. Households that have left
 * the rural population are not counted.
 */
import { Registry, type World } from './world.js';

export class HouseholdTally {
  /** The step the tally was filled at; -1 when empty. */
  step = -1;
  /** Rural persons (the incidence denominator). */
  persons = 0;
  official = 0;
  truePoor = 0;
  /** Truly poor persons not registered. */
  excluded = 0;
  /** Registered persons not truly poor. */
  included = 0;
  incomeSum = 0;
  poorIncomeSum = 0;
  /** Registered persons' income sum (per-capita income × persons). */
  registeredIncomeSum = 0;
  /** Persons under 1.5 × the line. */
  vulnerable = 0;
  /** Σ persons × shortfall below the line as a share of the line. */
  gapSum = 0;
  industry = 0;
  relocated = 0;
  dibao = 0;
  everExited = 0;
  motivation = 0;
  /** Registered persons waiting for help. */
  waiting = 0;
  /** Outstanding relocation debt, yuan (households, not persons). */
  relocationDebt = 0;
  /** Registered households, and those with a chronically ill member. */
  registeredHouseholds = 0;
  registeredChronic = 0;

  reset(step: number): void {
    this.step = step;
    this.persons = this.official = this.truePoor = this.excluded = this.included = 0;
    this.incomeSum = this.poorIncomeSum = this.registeredIncomeSum = this.vulnerable = this.gapSum = 0;
    this.industry = this.relocated = this.dibao = this.everExited = this.motivation = this.waiting = 0;
    this.registeredHouseholds = this.registeredChronic = this.relocationDebt = 0;
  }
}

/** Adds one household of `n` persons with per-capita income `y` to the tally. */
export function tallyHousehold(
  t: HouseholdTally,
  n: number,
  y: number,
  line: number,
  registry: number,
  returned: number,
  industryMember: number,
  relocated: number,
  onDibao: number,
  motivation: number,
  waiting: number,
  chronic: number,
): void {
  t.persons += n;
  const reg = registry === Registry.Registered;
  if (reg) {
    t.official += n;
    t.registeredIncomeSum += y * n;
    if (waiting === 1) t.waiting += n;
    t.registeredHouseholds++;
    t.registeredChronic += chronic;
  }
  if (y < line) {
    t.truePoor += n;
    t.poorIncomeSum += y * n;
    t.gapSum += (n * (line - y)) / line;
    if (!reg) t.excluded += n;
  } else if (reg) t.included += n;
  if (y < 1.5 * line) t.vulnerable += n;
  t.incomeSum += y * n;
  if (industryMember !== 0) t.industry += n;
  if (relocated === 1) t.relocated += n;
  if (onDibao === 1) t.dibao += n;
  if (registry === Registry.Exited || returned === 1) t.everExited += n;
  t.motivation += motivation * n;
}

/** Counts every household afresh into `t`, judging poverty on `income` (per capita). */
export function countHouseholds(w: World, t: HouseholdTally, income: Float32Array): HouseholdTally {
  t.reset(w.step);
  const { size, registry, returned, industryMember, relocated, onDibao, motivation, waiting, gone, chronic, relocationDebt } = w.hh;
  const line = w.line;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (gone[h] === 1) continue;
    tallyHousehold(t, size[h], income[h], line, registry[h], returned[h], industryMember[h], relocated[h], onDibao[h], motivation[h], waiting[h], chronic[h]);
    t.relocationDebt += relocationDebt[h];
  }
  return t;
}
