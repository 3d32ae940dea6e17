/**
 * Industries (phase 4): the "thin, uncompetitive industry" predicament. Competitiveness rises with
 * technical assistance and decays without it; the value chain deepens with investment in processing
 * and warehousing; coverage (the `industryCoverage` lever, suggestion 1) decides which villages have
 * an industry; capacity limits how many households a village's industry can take.
 */
import { Spend, type World } from './world.js';

/** Monthly gain in competitiveness per unit of technical assistance, closing the gap to 1 [assume]. */
export const ASSISTANCE_GAIN = 0.02;
/** Monthly gain in value-chain depth per unit of investment [assume]; the chain decays at VALUE_CHAIN_DECAY. */
export const VALUE_CHAIN_GAIN = 0.02;
export const VALUE_CHAIN_DECAY = 0.01;

/** Sets which villages are covered and linked to a cooperative, and their capacity. */
export function updateCoverage(w: World): void {
  const vl = w.villages;
  const p = w.p;
  const ind = w.industries;
  for (let v = 0; v < w.nVillages; v++) {
    const covered = vl.industryKey[v] < p.industryCoverage ? 1 : 0;
    vl.covered[v] = covered;
    vl.coopLinked[v] = covered === 1 && vl.coopKey[v] < p.cooperativeLinkage ? 1 : 0;
    const n = vl.hhEnd[v] - vl.hhStart[v];
    vl.capacity[v] = covered ? Math.floor(n * p.industryCapacity * (1 + ind.valueChain[vl.industryType[v]])) : 0;
  }
}

/** Monthly industry dynamics and the cost of running industry bases and assistance. */
export function updateIndustries(w: World): void {
  const p = w.p;
  const ind = w.industries;
  for (let k = 0; k < w.nIndustries; k++) {
    const c = ind.competitiveness[k];
    ind.competitiveness[k] = c + ASSISTANCE_GAIN * p.technicalAssistance * (1 - c) - p.competitivenessDecay * c;
    const v = ind.valueChain[k];
    ind.valueChain[k] = v + VALUE_CHAIN_GAIN * p.valueChainInvestment * (1 - v) - VALUE_CHAIN_DECAY * v;
  }
  updateCoverage(w);
  let covered = 0;
  for (let v = 0; v < w.nVillages; v++) covered += w.villages.covered[v];
  // Provincial cost of assistance and investment is scaled to the simulated population.
  const investment = ((p.technicalAssistance + p.valueChainInvestment) * p.industryInvestmentCost) / w.scaleUp / 12;
  const bases = (covered * p.industryCoverageCost) / 12;
  w.flows.spending[Spend.industry] += investment + bases;
  w.spentThisYear += investment + bases;
}
