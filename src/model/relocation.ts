/**
 * Household choice: relocation, the "ecological livability" predicament (predicament 2), under the rules
 * of the 2016–2020 programme.
 *
 * A registered (or exited) household in a relocation area that its cadre has offered a move goes when
 * it is willing (90% [paper]; fewer without an economic base) and can finance its own share:
 * - the house costs `housingCost` for an average poor household of 3.43 persons, scaled by size (the
 *   25 m² per person cap) [paper];
 * - the subsidy (the `subsidyLevel` lever) is paid from the month's budget allotment;
 * - before the programme (selfPayCapFromYear) the household pays all the rest; from then on at most the
 *   self-pay cap, and the programme's construction finance (bonds and policy loans, outside the yearly
 *   budget, `relocationFinance` a year) pays what is left. That finance is what limits how many houses
 *   are built: the further the subsidy falls short of the cost, the fewer houses it pays for;
 * - the household pays its share from savings, land compensation (none [paper]) and credit; it can
 *   borrow only what it can repay from `repaymentShare` of its income over the loan term (households
 *   without an economic base cannot move); the credit becomes debt repaid out of income (income.ts), so a
 *   move can make a household poorer for a while;
 * - after the programme's last year (relocationProgrammeEndYear) nobody is relocated.
 * Relocation removes the remoteness penalty and disaster exposure and ends unsafe housing; follow-up
 * jobs at the sites come in employment.ts.
 */
import { canAfford, payFromBudget } from './budget.js';
import { setBatch } from './exit-routes.js';
import { refreshConstraints } from './household-income.js';
import { runBlocks, type BlockKernel } from './household-blocks.js';
import { plainPasses, registryIndex, setIndexStarts } from './household-index.js';
import { Registry, Route, Spend, type World } from './world.js';


/** Cost of household h's new house, yuan. */
export function houseCost(w: World, h: number): number {
  return (w.p.housingCost * w.hh.size[h]) / w.p.housingCostReferenceSize;
}

/** What the subsidy leaves uncovered for household h, yuan. */
export function relocationGap(w: World, h: number): number {
  return Math.max(0, houseCost(w, h) - w.p.subsidyLevel);
}

/** What household h must pay itself this year, yuan: the gap, capped from the programme's first year. */
export function selfPayment(w: World, h: number): number {
  const gap = relocationGap(w, h);
  if (w.year < w.p.selfPayCapFromYear || w.year > w.p.relocationProgrammeEndYear) return gap;
  const cap = Math.min(w.p.selfPayCapPerPerson * w.hh.size[h], w.p.selfPayCapPerHousehold);
  return Math.min(gap, cap);
}

/** Credit household h can raise for the move, yuan: the microcredit limit, or what it can repay. */
export function creditLimit(w: World, h: number): number {
  const p = w.p;
  const repayable = p.repaymentShare * Math.max(0, w.hh.incomeSmoothed[h]) * w.hh.size[h] * p.relocationLoanYears;
  return Math.min(p.relocationCredit, repayable);
}

/** Monthly: releases the programme's construction finance in its years (2016–2020); unspent finance carries over. */
export function releaseRelocationFinance(w: World): void {
  if (w.year >= w.p.selfPayCapFromYear && w.year <= w.p.relocationProgrammeEndYear) w.relocationFinanceLeft += w.p.relocationFinance / w.scaleUp / 12;
}

export function updateRelocation(w: World): void {
  const hh = w.hh;
  const p = w.p;
  releaseRelocationFinance(w);
  // Relocation was a programme: after it ends no more houses are built for the poor.
  if (w.year > p.relocationProgrammeEndYear) return;
  // Only households in the registry move (the index holds them all).
  const { ids, count } = registryIndex(w);
  if (w.blocks.tiled && !plainPasses(w)) {
    // The blocks (threads sharing them) find the candidates, a household's own affair; this thread then
    // moves them in id order, since the budget and the construction finance are spent in that order.
    setIndexStarts(w, ids, count);
    runBlocks(w, RELOCATION_CANDIDATES);
    const codes = w.blocks.placeCodes;
    for (let i = 0; i < count; i++) if (codes[i] === 1) relocate(w, ids[i]);
  } else {
    for (let i = 0; i < count; i++) if (isCandidate(w, ids[i])) relocate(w, ids[i]);
  }
}

/** True when household h has been offered a move it is willing to make, and is still here, in the registry and unmoved. */
function isCandidate(w: World, h: number): boolean {
  const hh = w.hh;
  return hh.relocationOffered[h] === 1 && hh.relocated[h] === 0 && hh.willing[h] === 1 && hh.gone[h] === 0 && hh.registry[h] !== Registry.None;
}

/** Each household of the block's index: 1 at its place in w.blocks.placeCodes when it is a candidate, else 0. */
export const RELOCATION_CANDIDATES: BlockKernel = {
  name: 'relocationCandidates',
  run(w: World, b: number): void {
    const { indexIds: ids, indexStarts, placeCodes: codes } = w.blocks;
    for (let i = indexStarts[b]; i < indexStarts[b + 1]; i++) codes[i] = isCandidate(w, ids[i]) ? 1 : 0;
  },
};

/** Candidate household h moves if the budget, the construction finance and its own means allow. */
function relocate(w: World, h: number): void {
  const hh = w.hh;
  const p = w.p;
  const size = hh.size[h];
  const cost = houseCost(w, h);
  const subsidy = Math.min(p.subsidyLevel, cost);
  const selfPay = selfPayment(w, h);
  const programme = Math.max(0, cost - subsidy - selfPay);
  const own = Math.max(0, selfPay - p.landCompensation);
  const savings = Math.max(0, hh.savings[h]);
  // Which limit stops a move, counted apart (both may): the programme's money, or the household's own.
  const financed = canAfford(w, subsidy) && programme <= w.relocationFinanceLeft;
  const affordable = savings + creditLimit(w, h) >= own;
  if (!financed) w.flows.relocationBlockedFinance += size;
  if (!affordable) w.flows.relocationUnaffordable += size;
  if (!financed || !affordable) return;
  const fromSavings = Math.min(savings, own);
  const debt = own - fromSavings;
  hh.savings[h] -= fromSavings;
  hh.relocationDebt[h] += debt;
  hh.debtPayment[h] = hh.relocationDebt[h] / (12 * p.relocationLoanYears);
  hh.relocated[h] = 1;
  refreshConstraints(w, h);
  setBatch(w, h, Route.Relocation);
  hh.unsafeHousing[h] = 0; // the new house is safe
  payFromBudget(w, 'relocation', subsidy);
  // The programme's construction finance pays what neither the subsidy nor the household covers.
  w.relocationFinanceLeft -= programme;
  w.flows.spending[Spend.relocation] += programme;
  w.flows.relocations += size;
}
