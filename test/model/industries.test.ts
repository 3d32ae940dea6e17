/**
 * Industries (phase 4): competitiveness rises with technicalAssistance (closing the gap to 1) and decays,
 * the value chain deepens with investment, coverage picks villages with industryKey < industryCoverage,
 * cooperative linkage among covered villages, capacity = floor(n × industryCapacity × (1 + valueChain)),
 * and the monthly cost of bases and assistance.
 */
import { describe, expect, it } from 'vitest';
import { marketFactorOf, marketSize, updateCoverage, updateIndustries, updateMarkets } from '../../src/model/industries.js';
import { Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households } from './fixtures.js';

function industryWorld(params = {}) {
  return buildWorld({
    params,
    scaleUp: 100,
    villages: [
      { industryKey: 0.1, coopKey: 0.2, industryType: 0, households: households(10) },
      { industryKey: 0.3, coopKey: 0.6, industryType: 1, households: households(20) },
      { industryKey: 0.5, coopKey: 0.1, industryType: 2, households: households(10) },
      { industryKey: 0.7, coopKey: 0.1, industryType: 3, households: households(7) },
    ],
  });
}

describe('updateIndustries: competitiveness and value chain', () => {
  it('competitiveness: c + 0.02 × technicalAssistance × (1 − c) − competitivenessDecay × c', () => {
    expect(industryWorld().p.competitivenessGain).toBe(0.02);
    const results = [0, 0.2, 0.8].map((ta) => {
      const w = industryWorld({ technicalAssistance: ta, competitivenessDecay: 0.01 });
      advanceTo(w, 1);
      const c = w.industries.competitiveness[0];
      updateIndustries(w);
      expectRel(w.industries.competitiveness[0], c + 0.02 * ta * (1 - c) - 0.01 * c, 1e-6);
      return w.industries.competitiveness[0];
    });
    // From 0.3: 0.297 without assistance, 0.2998 at 0.2, 0.3082 at 0.8 — rising with assistance.
    expect(results[0]).toBeCloseTo(0.297, 6);
    expect(results[1]).toBeCloseTo(0.2998, 6);
    expect(results[2]).toBeCloseTo(0.3082, 6);
  });

  it('value chain: v + 0.02 × valueChainInvestment × (1 − v) − 0.01 × v, deeper with investment', () => {
    const p = industryWorld().p;
    expect([p.valueChainGain, p.valueChainDecay]).toEqual([0.02, 0.01]);
    const lo = industryWorld({ valueChainInvestment: 0 });
    const hi = industryWorld({ valueChainInvestment: 1 });
    for (const w of [lo, hi]) advanceTo(w, 1);
    const v = lo.industries.valueChain[0];
    updateIndustries(lo);
    updateIndustries(hi);
    expectRel(lo.industries.valueChain[0], v - 0.01 * v, 1e-6);
    expectRel(hi.industries.valueChain[0], v + 0.02 * (1 - v) - 0.01 * v, 1e-6);
    expect(hi.industries.valueChain[0]).toBeGreaterThan(lo.industries.valueChain[0]);
  });

  it('books bases per covered village and provincial assistance scaled to the sample, outside the budget for one-off measures', () => {
    const w = industryWorld({ industryCoverage: 0.45, technicalAssistance: 0.2, valueChainInvestment: 0.1 });
    advanceTo(w, 1);
    updateIndustries(w);
    const investment = ((0.2 + 0.1) * 2e9) / 100 / 12;
    const bases = (2 * 150000) / 12;
    expect(w.flows.spending[Spend.industry]).toBeCloseTo(investment + bases, 4);
    expect(w.flows.budgetSpent).toBe(0);
  });
});

describe('updateCoverage', () => {
  it('covers villages with industryKey < industryCoverage; links cooperatives where coopKey < cooperativeLinkage', () => {
    const w = industryWorld({ industryCoverage: 0.45, cooperativeLinkage: 0.3 });
    updateCoverage(w);
    expect(Array.from(w.villages.covered)).toEqual([1, 1, 0, 0]);
    expect(Array.from(w.villages.coopLinked)).toEqual([1, 0, 0, 0]); // village 2 has a low coopKey but no industry
    w.p.industryCoverage = 0.6;
    updateCoverage(w);
    expect(Array.from(w.villages.covered)).toEqual([1, 1, 1, 0]);
    expect(Array.from(w.villages.coopLinked)).toEqual([1, 0, 1, 0]);
    w.p.industryCoverage = 0;
    updateCoverage(w);
    expect(Array.from(w.villages.covered)).toEqual([0, 0, 0, 0]);
    expect(Array.from(w.villages.capacity)).toEqual([0, 0, 0, 0]);
  });

  it('capacity = floor(households × industryCapacity × (1 + valueChain of the village\'s industry))', () => {
    const w = industryWorld({ industryCoverage: 1, industryCapacity: 0.35 });
    w.industries.valueChain[0] = 0.15;
    w.industries.valueChain[1] = 0.5;
    w.industries.valueChain[2] = 0;
    w.industries.valueChain[3] = 1;
    updateCoverage(w);
    const vc = w.industries.valueChain;
    expect(w.villages.capacity[0]).toBe(Math.floor(10 * 0.35 * (1 + vc[0]))); // 4
    expect(w.villages.capacity[1]).toBe(Math.floor(20 * 0.35 * 1.5)); // 10
    expect(w.villages.capacity[2]).toBe(3); // floor(3.5)
    expect(w.villages.capacity[3]).toBe(4); // floor(4.9)
    expect(w.villages.capacity[0]).toBe(4);
  });
});
