/**
 * Person-weighted sums over households that a monthly row of results needs (poverty, registry errors,
 * income, participation, motivation). The income process fills it in its own loop, so recording an
 * ordinary month needs no second pass over all households; December and the initial state, when the
 * registry changes after income, are counted afresh by `countHouseholds`.
 */
import { Registry, type World } from './world.js';

export class HouseholdTally {
  /** The step the tally was filled at; -1 when empty. */
  step = -1;
  official = 0;
  truePoor = 0;
  /** Truly poor persons not registered. */
  excluded = 0;
  /** Registered persons not truly poor. */
  included = 0;
  incomeSum = 0;
  poorIncomeSum = 0;
  industry = 0;
  relocated = 0;
  dibao = 0;
  everExited = 0;
  motivation = 0;
  waiting = 0;

  reset(step: number): void {
    this.step = step;
    this.official = this.truePoor = this.excluded = this.included = 0;
    this.incomeSum = this.poorIncomeSum = this.industry = this.relocated = 0;
    this.dibao = this.everExited = this.motivation = this.waiting = 0;
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
  waitBelow: number,
): void {
  const reg = registry === Registry.Registered;
  if (reg) t.official += n;
  if (y < line) {
    t.truePoor += n;
    t.poorIncomeSum += y * n;
    if (!reg) t.excluded += n;
  } else if (reg) t.included += n;
  t.incomeSum += y * n;
  if (industryMember !== 0) t.industry += n;
  if (relocated === 1) t.relocated += n;
  if (onDibao === 1) t.dibao += n;
  if (registry === Registry.Exited || returned === 1) t.everExited += n;
  t.motivation += motivation * n;
  if (motivation < waitBelow) t.waiting += n;
}

/** Counts every household afresh into `t`, judging poverty on `income` (per capita). */
export function countHouseholds(w: World, t: HouseholdTally, income: Float32Array): HouseholdTally {
  t.reset(w.step);
  const { size, registry, returned, industryMember, relocated, onDibao, motivation } = w.hh;
  const line = w.line;
  const waitBelow = w.p.waitingThreshold;
  for (let h = 0; h < w.nHouseholds; h++) {
    tallyHousehold(t, size[h], income[h], line, registry[h], returned[h], industryMember[h], relocated[h], onDibao[h], motivation[h], waitBelow);
  }
  return t;
}
