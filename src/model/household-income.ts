/**
 * Income arithmetic shared by initialization, the income process and exit-route attribution.
 * All values are per capita, yuan per year, unless noted.
 *
 * The per-household functions take the world and an id; they are for code that runs once a year or
 * less. The monthly income kernel (income.ts) inlines the same formulas with hoisted columns; the
 * test `income.test.ts` checks the two agree.
 */
import { Constraint, type World } from './world.js';

/**
 * Market-income factor from a household's circumstances: access (remoteness), health, labour, skill
 * and effort (a household waiting for help works less). Productivity × transient deviation × growth ×
 * this = market income.
 */
export function circumstanceFactorOf(
  p: World['p'],
  remoteUnmoved: boolean,
  chronic: number,
  disabled: number,
  laborers: number,
  skill: number,
  waiting: number,
): number {
  let f = 1 + p.skillReturn * (skill - 0.5);
  if (waiting === 1) f *= 1 - p.waitingEffortLoss;
  if (remoteUnmoved) f *= 1 - p.remotePenalty;
  if (chronic === 1) f *= 1 - p.chronicIllnessPenalty;
  if (disabled === 1) f *= 1 - p.chronicIllnessPenalty;
  if (laborers === 0) f *= p.noLaborIncomeFactor;
  return f;
}

/** The constraint bits of household h, from its columns (kept in `constraints` by {@link refreshConstraints}). */
export function constraintBits(w: World, h: number): number {
  const hh = w.hh;
  return (
    (hh.remote[h] === 1 && hh.relocated[h] === 0 ? Constraint.RemoteUnmoved : 0) |
    (hh.chronic[h] === 1 ? Constraint.Chronic : 0) |
    (hh.disabled[h] === 1 ? Constraint.Disabled : 0) |
    (hh.laborers[h] === 0 ? Constraint.NoLaborer : 0)
  );
}

/** Recomputes the cached constraint bits of household h; call after changing remote, relocated, chronic, disabled or laborers. */
export function refreshConstraints(w: World, h: number): void {
  w.hh.constraints[h] = constraintBits(w, h);
}

/** Market-income multiplier of each combination of constraint bits (16 entries), from the current parameters. */
export function constraintFactors(p: World['p'], out: Float64Array): Float64Array {
  for (let bits = 0; bits < 16; bits++) {
    let f = 1;
    if (bits & Constraint.RemoteUnmoved) f *= 1 - p.remotePenalty;
    if (bits & Constraint.Chronic) f *= 1 - p.chronicIllnessPenalty;
    if (bits & Constraint.Disabled) f *= 1 - p.chronicIllnessPenalty;
    if (bits & Constraint.NoLaborer) f *= p.noLaborIncomeFactor;
    out[bits] = f;
  }
  return out;
}

/** Circumstance factor of household h. */
export function circumstanceFactor(w: World, h: number): number {
  const hh = w.hh;
  return circumstanceFactorOf(
    w.p,
    hh.remote[h] === 1 && hh.relocated[h] === 0,
    hh.chronic[h],
    hh.disabled[h],
    hh.laborers[h],
    hh.skill[h],
    hh.waiting[h],
  );
}

/** Market income (farm and own wage work), per capita. */
export function marketIncome(w: World, h: number): number {
  const hh = w.hh;
  return hh.productivity[h] * hh.deviationFactor[h] * hh.growth[h] * circumstanceFactor(w, h);
}

/** Skill factor of a working industry member: industrySkillBase + industrySkillGain × skill (1 at skill 0.5 by default). */
export function industrySkillFactor(p: World['p'], skill: number): number {
  return p.industrySkillBase + p.industrySkillGain * skill;
}

/** Yearly income of a working member household of industry k, yuan per household. */
export function industryHouseholdIncome(w: World, k: number, skill: number): number {
  return industryTypeIncome(w, k) * industrySkillFactor(w.p, skill);
}

/** Yearly income of industry k for a member of skill 0.5 ... divided by the skill term: the part common to all members. */
export function industryTypeIncome(w: World, k: number): number {
  const ind = w.industries;
  return ind.baseReturn[k] * Math.exp(ind.logPrice[k]) * (w.p.competitivenessBase + ind.competitiveness[k]) * (1 + ind.valueChain[k]) * ind.marketFactor[k] * w.wageIndex;
}

/** Income from the village industry, per capita (0 when not a member). */
export function industryIncome(w: World, h: number): number {
  const m = w.hh.industryMember[h];
  if (m === 0) return 0;
  const k = w.villages.industryType[w.hh.village[h]];
  const full = industryHouseholdIncome(w, k, w.hh.skill[h]);
  return (m === 1 ? full : w.p.dividendShare * full) / w.hh.size[h];
}

/** Income from placed jobs, per capita. */
export function jobIncome(w: World, h: number): number {
  return (w.hh.jobs[h] * w.p.jobIncome * w.wageIndex) / w.hh.size[h];
}

/** Income from an ecological compensation post, per capita. */
export function ecoIncome(w: World, h: number): number {
  return (w.hh.ecoPost[h] * w.p.ecoJobWage) / w.hh.size[h];
}

/** Earned income (market + industry + jobs + ecological post), per capita: what dibao tops up. */
export function earnedIncome(w: World, h: number): number {
  return marketIncome(w, h) + industryIncome(w, h) + jobIncome(w, h) + ecoIncome(w, h);
}

/** Relocation debt repayment, per capita at an annual rate. */
export function debtRepayment(w: World, h: number): number {
  return (w.hh.debtPayment[h] * 12) / w.hh.size[h];
}

/** Dibao standard this year, yuan/person/year. */
export function dibaoStandard(w: World): number {
  return w.p.dibaoLineRatio * w.line;
}
