/**
 * Industries (phase 4): competitiveness rises with technicalAssistance (closing the gap to 1) and decays,
 * the value chain deepens with investment, coverage picks villages with industryKey < industryCoverage,
 * cooperative linkage among covered villages, capacity = floor(n × industryCapacity × (1 + valueChain)),
 * the provincial market (its size does not grow with coverage) and the monthly cost of bases and assistance.
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

describe('industry markets', () => {
  it('marketFactorOf = 2 / (1 + members / size): 2 with no members, 1 at the market size, 0 without a market', () => {
    expect(marketFactorOf(0, 100)).toBe(2);
    expect(marketFactorOf(100, 100)).toBe(1);
    expectRel(marketFactorOf(300, 100), 0.5, 1e-12);
    expect(marketFactorOf(5, 0)).toBe(0);
  });

  it('income per member falls as members grow, and total income rises ever more slowly (diminishing returns)', () => {
    const size = 100;
    const members = [25, 50, 100, 200, 400];
    const perMember = members.map((m) => marketFactorOf(m, size));
    const total = members.map((m, i) => m * perMember[i]);
    for (let i = 1; i < members.length; i++) {
      expect(perMember[i]).toBeLessThan(perMember[i - 1]);
      expect(total[i]).toBeGreaterThan(total[i - 1]);
    }
    // Doubling membership from 25 to 50 adds 0.53 market units per new member; from 200 to 400, 0.13.
    const marginal = (a: number, b: number) => (b * marketFactorOf(b, size) - a * marketFactorOf(a, size)) / (b - a);
    expectRel(marginal(25, 50), (50 * (2 / 1.5) - 25 * 1.6) / 25, 1e-12);
    expect(marginal(200, 400)).toBeLessThan(marginal(25, 50) / 4);
  });

  it('market size = (marketDepth × households / industries) × (0.5 + competitiveness) × (1 + value chain), whatever the coverage; updateMarkets sets the factor from members', () => {
    const w = industryWorld({ industryCoverage: 0.45, marketDepth: 0.15 });
    updateCoverage(w);
    // Industry 0 reaches village 0 (10 households), industry 1 village 1 (20); the market is provincial:
    // 47 households over 6 industries.
    expect(Array.from(w.industries.reach.slice(0, 3))).toEqual([10, 20, 0]);
    expect([w.nHouseholds, w.nIndustries]).toEqual([47, 6]);
    const c = w.industries.competitiveness[0];
    const v = w.industries.valueChain[0];
    expect([c, v].map((x) => +x.toFixed(6))).toEqual([0.3, 0.15]);
    // 0.15 × 47 / 6 × 0.8 × 1.15 = 1.081 member households.
    expectRel(marketSize(w, 0), 1.081, 1e-6);
    // Uncovered industry 2 has the same market as industry 0 (same competitiveness and value chain).
    expectRel(marketSize(w, 2), 1.081, 1e-6);
    w.industries.members[0] = 3;
    updateMarkets(w);
    expectRel(w.industries.marketFactor[0], 2 / (1 + 3 / 1.081), 1e-6); // 0.5302
    // Covering every village does not enlarge any market: the same members earn the same each.
    const size0 = marketSize(w, 0);
    w.p.industryCoverage = 1;
    updateCoverage(w);
    expect(w.industries.reach[0]).toBe(10);
    expect(w.industries.reach[3]).toBe(7);
    expectRel(marketSize(w, 0), size0, 1e-12);
    // More competitive or deeper value chain: a bigger market, so the same members earn more each.
    const before = w.industries.marketFactor[0];
    w.industries.competitiveness[0] = 0.8;
    updateMarkets(w);
    expectRel(marketSize(w, 0), 0.15 * (47 / 6) * 1.3 * 1.15, 1e-6); // 1.7566
    expect(w.industries.marketFactor[0]).toBeGreaterThan(before);
  });
});
