/**
 * Household choice: relocation (phase 6), the "ecological livability" predicament. A household offered
 * relocation moves when it is willing (90% are [paper]) and able to pay what the subsidy leaves
 * uncovered, from savings plus the credit it can raise (which needs motivation). Housing cost scales
 * with household size (the 25 m² per person cap), so a large household faces a larger gap.
 */
import { setBatch } from './exit-routes.js';
import { refreshConstraints } from './household-income.js';
import { Registry, Route, Spend, type World } from './world.js';

/** Persons of the average registered poor household, for which `housingCost` is stated [stat]. */
export const REFERENCE_POOR_HOUSEHOLD_SIZE = 3.43;

/** What household h must pay itself to relocate, yuan. */
export function relocationGap(w: World, h: number): number {
  const cost = (w.p.housingCost * w.hh.size[h]) / REFERENCE_POOR_HOUSEHOLD_SIZE;
  return Math.max(0, cost - w.p.subsidyLevel);
}

export function updateRelocation(w: World): void {
  const hh = w.hh;
  const p = w.p;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.relocationOffered[h] === 0 || hh.relocated[h] === 1 || hh.willing[h] === 0) continue;
    if (hh.registry[h] === Registry.None) continue;
    const gap = relocationGap(w, h);
    const means = Math.max(0, hh.savings[h]) + p.relocationCredit * hh.motivation[h];
    if (means < gap) continue;
    hh.relocated[h] = 1;
    refreshConstraints(w, h);
    setBatch(w, h, Route.Relocation);
    hh.unsafeHousing[h] = 0; // the new house is safe
    hh.savings[h] -= gap;
    const subsidy = Math.min(p.subsidyLevel, (p.housingCost * hh.size[h]) / REFERENCE_POOR_HOUSEHOLD_SIZE);
    w.flows.spending[Spend.relocation] += subsidy;
    w.spentThisYear += subsidy;
    w.flows.relocations += hh.size[h];
  }
}
