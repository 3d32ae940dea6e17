/**
 * The yearly budget for one-off household measures (industry support, training, housing renovation,
 * relocation): the year's poverty-alleviation funds by source (government.ts) times the share spent on
 * household measures, plus any extra money a scenario adds. It is released in twelve monthly
 * allotments; what a month leaves unspent carries to the next month of the same year and lapses in
 * January. A one-off measure that finds the allotment spent waits, so unit costs change outcomes
 * whenever the budget binds.
 */
import { fundsOfYear } from './government.js';
import { Spend, type SpendingCategory, type World } from './world.js';

/** January: last year's remainder lapses. */
export function openBudgetYear(w: World): void {
  w.budgetLeft = 0;
}

/** Each month: releases one twelfth of the year's budget (from this month's parameters, so a scheduled change applies from its month). */
export function releaseAllotment(w: World): void {
  w.budgetYear = (fundsOfYear(w.year, w.p) * w.p.householdMeasureShare + w.p.extraBudget) / w.scaleUp;
  const a = w.budgetYear / 12;
  w.budgetLeft += a;
  w.flows.budgetAvailable += a;
}

/** True when `amount` yuan (simulated scale) can be paid from this month's allotment. */
export function canAfford(w: World, amount: number): boolean {
  return amount <= w.budgetLeft;
}

/** Pays `amount` yuan of a one-off measure from the budget and books it to `category`. */
export function payFromBudget(w: World, category: SpendingCategory, amount: number): void {
  w.budgetLeft -= amount;
  w.flows.budgetSpent += amount;
  w.flows.spending[Spend[category]] += amount;
}
