/**
 * Industries: the "thin, uncompetitive industry" predicament (predicament 1), as a market.
 *
 * Each characteristic industry sells into a provincial market whose size, in member households, is
 * `marketDepth` times the province's households per industry, scaled by its competitiveness and
 * value-chain depth; covering more villages does not enlarge it. Income per member falls as membership
 * grows against that market (diminishing returns to coverage and enrolment): factor
 * 2 / (1 + members / market size), 1 when members equal the market size.
 * Competitiveness rises with technical assistance and decays without it; the value chain deepens with
 * investment in processing and warehousing; coverage (the `industryCoverage` lever, suggestion 1)
 * decides which villages have an industry; capacity limits how many households a village can enrol.
 * Prices carry AR(1) shocks (shocks.ts).
 */
import { Spend, type World } from './world.js';

/** Sets which villages are covered and linked to a cooperative, their capacity, and each industry's reach. */
export function updateCoverage(w: World): void {
  const vl = w.villages;
  const p = w.p;
  const ind = w.industries;
  ind.reach.fill(0);
  for (let v = 0; v < w.nVillages; v++) {
    const covered = vl.industryKey[v] < p.industryCoverage ? 1 : 0;
    vl.covered[v] = covered;
    vl.coopLinked[v] = covered === 1 && vl.coopKey[v] < p.cooperativeLinkage ? 1 : 0;
    const n = vl.hhEnd[v] - vl.hhStart[v];
    const k = vl.industryType[v];
    vl.capacity[v] = covered ? Math.floor(n * p.industryCapacity * (1 + ind.valueChain[k])) : 0;
    if (covered) ind.reach[k] += n;
  }
  updateMarkets(w);
}

/** Market size of industry k in member households (competitiveness and value chain enlarge it; coverage does not). */
export function marketSize(w: World, k: number): number {
  const ind = w.industries;
  return ((w.p.marketDepth * w.nHouseholds) / w.nIndustries) * (w.p.competitivenessBase + ind.competitiveness[k]) * (1 + ind.valueChain[k]);
}

/** Income factor of a member when an industry has `members` against a market of `size` households. */
export function marketFactorOf(members: number, size: number): number {
  return size > 0 ? 2 / (1 + members / size) : 0;
}

/** Recomputes every industry's market factor from its membership now. */
export function updateMarkets(w: World): void {
  const ind = w.industries;
  for (let k = 0; k < w.nIndustries; k++) ind.marketFactor[k] = marketFactorOf(ind.members[k], marketSize(w, k));
}

/** Monthly industry dynamics and the cost of running industry bases and assistance. */
export function updateIndustries(w: World): void {
  const p = w.p;
  const ind = w.industries;
  for (let k = 0; k < w.nIndustries; k++) {
    const c = ind.competitiveness[k];
    ind.competitiveness[k] = c + p.competitivenessGain * p.technicalAssistance * (1 - c) - p.competitivenessDecay * c;
    const v = ind.valueChain[k];
    ind.valueChain[k] = v + p.valueChainGain * p.valueChainInvestment * (1 - v) - p.valueChainDecay * v;
  }
  updateCoverage(w);
  let covered = 0;
  for (let v = 0; v < w.nVillages; v++) covered += w.villages.covered[v];
  // Provincial cost of assistance and investment is scaled to the simulated population.
  const investment = ((p.technicalAssistance + p.valueChainInvestment) * p.industryInvestmentCost) / w.scaleUp / 12;
  const bases = (covered * p.industryCoverageCost) / 12;
  w.flows.spending[Spend.industry] += investment + bases;
}
