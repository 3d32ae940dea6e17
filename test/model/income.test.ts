/**
 * Income (phase 7): a household's income equals the documented formula computed by hand, the dibao tops
 * earned income up exactly to the standard, growth is full or structural by constraint, and the monthly
 * kernel agrees with the per-household helpers of household-income.ts on a whole synthetic province.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../../src/engine/plan.js';
import {
  circumstanceFactor,
  dibaoStandard,
  earnedIncome,
  ecoIncome,
  industryIncome,
  jobIncome,
  marketIncome,
} from '../../src/model/household-income.js';
import { updateIncome } from '../../src/model/income.js';
import { PHASES } from '../../src/model/plan.js';
import { defaultParams, initWorld } from '../../src/model/simulate.js';
import { Constraint, Measure, Registry, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel } from './fixtures.js';

/** A village with an industry (navel orange), forest posts and remoteness, and four households of different kinds. */
function incomeWorld() {
  return buildWorld({
    villages: [
      {
        industryKey: 0.01, // covered at the default coverage 0.45
        forest: 1,
        remote: 1,
        industryType: 0,
        cadres: 1,
        households: [
          // 0: unconstrained, saves (income well above 1.5 × line)
          { size: 4, laborers: 2, productivity: 6000, deviation: 0.1, skill: 0.7, motivation: 0.6, remote: 0, measures: Measure.Health, incomeSmoothed: 5000, savings: 1000 },
          // 1: remote and chronically ill, working industry member, one placed job, an ecological post, a medical loss
          { size: 3, laborers: 1, chronic: 1, productivity: 2500, industryMember: 1, jobs: 1, ecoPost: 1, skill: 0.4, motivation: 0.3, school: 1, measures: Measure.Health | Measure.Education },
          // 2: no laborer, on dibao
          { size: 2, laborers: 0, onDibao: 1, dibaoMonths: 5, productivity: 1500, remote: 0 },
          // 3: dividend-linked member
          { size: 5, laborers: 2, industryMember: 2, productivity: 2000, skill: 0.2, motivation: 0.9, remote: 0 },
        ],
      },
    ],
  });
}

describe('updateIncome: the formula by hand', () => {
  const w = incomeWorld();
  advanceTo(w, 1); // January 2014: line 2,800
  const hh = w.hh;
  const p = w.p;
  hh.shockLoss[1] = 1000; // a medical bill this month (yuan per household)
  const before = { smoothed0: hh.incomeSmoothed[0], savings0: hh.savings[0] };
  updateIncome(w);

  const gFull = Math.pow(1.09, 1 / 12);
  const gStruct = Math.pow(1 + 0.09 * 0.5, 1 / 12);
  const wi = Math.pow(1.09, 1 / 12); // wage index after one month
  const ind = w.industries;
  // The market factor (industries.ts): 2 / (1 + members / market size), from the members counted by the fixture.
  const typeIncome0 = ind.baseReturn[0] * Math.exp(ind.logPrice[0]) * (0.5 + ind.competitiveness[0]) * (1 + ind.valueChain[0]) * ind.marketFactor[0] * wi;

  it('the industry\'s market factor is 2 / (1 + members / ((marketDepth × households / industries) × (0.5 + c) × (1 + v)))', () => {
    // Provincial market of this 4-household world over 6 industries: 0.15 × 4 / 6 × 0.8 × 1.15 = 0.092
    // member households against 2 members (households 1 and 3): 2 / (1 + 2 / 0.092) = 0.08795.
    expect([ind.members[0], w.nIndustries]).toEqual([2, 6]);
    const size = ((0.15 * 4) / 6) * (0.5 + ind.competitiveness[0]) * (1 + ind.valueChain[0]);
    expectRel(size, 0.092, 1e-6);
    expectRel(ind.marketFactor[0], 2 / (1 + 2 / 0.092), 1e-6);
    expectRel(ind.marketFactor[0], 0.0879541, 1e-6);
  });

  it('sets the January 2014 clock the income reads', () => {
    expect(w.line).toBe(2800);
    expectRel(w.wageIndex, wi, 1e-12);
    expect(ind.baseReturn[0]).toBe(6000); // 5,000 × navel orange 1.2
  });

  it('unconstrained household: productivity × deviation × full growth × skill term (motivation has no income effect in v2)', () => {
    const f = (1 + 0.6 * (hh.skill[0] - 0.5));
    const y = 6000 * Math.exp(0.1) * gFull * f;
    expectRel(hh.income[0], y, 1e-6);
    expect(hh.income[0]).toBeCloseTo(6000 * 1.1051709 * 1.0072073 * 1.12, 0);
    expectRel(hh.growth[0], gFull, 1e-7);
    // Twelve-month smoothing and the year's sum.
    expectRel(hh.incomeSmoothed[0], before.smoothed0 + (y - before.smoothed0) / 12, 1e-6);
    expectRel(hh.incomeYearSum[0], y, 1e-6);
    // Saves savingsRate of income above 1.5 × line, per household, for one month.
    expectRel(hh.savings[0], before.savings0 + (0.25 * (y - 1.5 * 2800) * 4) / 12, 1e-6);
  });

  it('remote, ill worker: constraint factors, structural growth, industry, job, post, minus the medical loss', () => {
    expect(hh.constraints[1]).toBe(Constraint.RemoteUnmoved | Constraint.Chronic);
    const f = (1 - 0.3) * (1 - 0.35) * (1 + 0.6 * (hh.skill[1] - 0.5));
    const market = 2500 * gStruct * f;
    const industry = (typeIncome0 * (0.6 + 0.8 * hh.skill[1])) / 3;
    const job = (14000 * wi) / 3;
    const post = 6000 / 3;
    const y = market + industry + job + post - (1000 * 12) / 3;
    expectRel(hh.income[1], y, 1e-6);
    expectRel(hh.growth[1], gStruct, 1e-7);
    // By hand: market 2,500 × 1.003675 × 0.4277 = 1,073.2; industry 5,559.8 × 0.08795 × 0.92 / 3 = 150.0
    // (the saturated market of this tiny world); job 4,700.3; post 2,000; loss 4,000: 3,923.4 yuan/person.
    expect(industry).toBeCloseTo(149.96, 1);
    expect(y).toBeCloseTo(3923.44, 1);
    // Above zero but below 1.5 × line (4,200): it neither saves nor draws on savings.
    expect(y).toBeLessThan(1.5 * 2800);
    expect(hh.savings[1]).toBe(0);
  });

  it('dibao tops earned income up exactly to dibaoLineRatio × line and counts the month', () => {
    const earned = 1500 * gStruct * 0.45; // no laborer: noLaborIncomeFactor; skill and motivation 0.5
    expect(earned).toBeLessThan(1.2 * 2800);
    expect(hh.income[2]).toBeCloseTo(1.2 * 2800, 3);
    expect(hh.dibaoMonths[2]).toBe(6);
    expectRel(w.flows.spending[Spend.social_security], ((1.2 * 2800 - earned) * 2) / 12, 1e-6);
  });

  it('dividend-linked member gets dividendShare of a working member\'s industry income', () => {
    const market = 2000 * gFull * (1 + 0.6 * (hh.skill[3] - 0.5));
    const dividend = (p.dividendShare * typeIncome0 * (0.6 + 0.8 * hh.skill[3])) / 5;
    expectRel(hh.income[3], market + dividend, 1e-6);
  });

  it('books recurring transfers: ecological posts, education and health aid', () => {
    expect(w.flows.spending[Spend.ecological]).toBeCloseTo(6000 / 12, 9);
    expect(w.flows.spending[Spend.education]).toBeCloseTo(2000 / 12, 9); // one student household with the aid
    expect(w.flows.spending[Spend.health]).toBeCloseTo((2 * 600) / 12, 9); // two households with health aid
  });

  it('the kernel agrees with the household-income helpers', () => {
    for (let h = 0; h < w.nHouseholds; h++) {
      const topUp = hh.onDibao[h] === 1 ? Math.max(0, dibaoStandard(w) - earnedIncome(w, h)) : 0;
      expectRel(hh.income[h], earnedIncome(w, h) + topUp - (hh.shockLoss[h] * 12) / hh.size[h], 1e-6);
    }
    expectRel(marketIncome(w, 0), hh.productivity[0] * hh.deviationFactor[0] * hh.growth[0] * circumstanceFactor(w, 0), 1e-12);
    expectRel(industryIncome(w, 1), (typeIncome0 * (0.6 + 0.8 * hh.skill[1])) / 3, 1e-6);
    expectRel(jobIncome(w, 1), (14000 * wi) / 3, 1e-9);
    expect(ecoIncome(w, 1)).toBe(2000);
  });
});

describe('updateIncome: dibao and growth', () => {
  it('tops up to exactly the standard for any ratio, and pays nothing above it', () => {
    for (const ratio of [0.9, 1, 1.2]) {
      const w = buildWorld({
        params: { dibaoLineRatio: ratio },
        villages: [{ households: [
          { size: 3, laborers: 0, onDibao: 1, productivity: 1000 },
          { size: 3, laborers: 0, onDibao: 1, productivity: 20000 },
        ] }],
      });
      advanceTo(w, 13); // January 2015: line 2,855
      updateIncome(w);
      expect(w.hh.income[0]).toBeCloseTo(ratio * 2855, 2);
      const earned1 = marketIncome(w, 1);
      expect(earned1).toBeGreaterThan(ratio * 2855);
      expectRel(w.hh.income[1], earned1, 1e-6); // no top-up above the standard
      expectRel(w.flows.spending[Spend.social_security], ((ratio * 2855 - marketIncome(w, 0)) * 3) / 12, 1e-6);
    }
  });

  it('a household off dibao gets no top-up however poor', () => {
    const w = buildWorld({ villages: [{ households: [{ laborers: 0, productivity: 500 }] }] });
    advanceTo(w, 1);
    updateIncome(w);
    expectRel(w.hh.income[0], marketIncome(w, 0), 1e-6);
    expect(w.hh.income[0]).toBeLessThan(500);
    expect(w.flows.spending[Spend.social_security]).toBe(0);
  });

  it('over twelve months market income grows by ruralIncomeGrowth, or structuralGrowthShare of it under a constraint', () => {
    const w = buildWorld({
      params: { ruralIncomeGrowth: 0.1, structuralGrowthShare: 0.4 },
      villages: [{ households: [{}, { disabled: 1 }, { laborers: 0 }] }],
    });
    for (let t = 1; t <= 12; t++) {
      advanceTo(w, t);
      updateIncome(w);
    }
    expectRel(w.hh.growth[0], 1.1, 1e-5);
    expectRel(w.hh.growth[1], 1.04, 1e-5);
    expectRel(w.hh.growth[2], 1.04, 1e-5);
    expectRel(w.hh.income[0], 3000 * 1.1, 1e-5);
    expectRel(w.hh.income[1], 3000 * 1.04 * (1 - 0.35), 1e-5);
    expectRel(w.hh.income[2], 3000 * 1.04 * 0.45, 1e-5);
    // The year's sum is the sum of the twelve monthly incomes: 3,000 × Σ 1.1^(t/12).
    let s = 0;
    for (let t = 1; t <= 12; t++) s += 3000 * Math.pow(1.1, t / 12);
    expectRel(w.hh.incomeYearSum[0], s, 1e-5);
  });

  it('negative income draws down savings by the whole shortfall', () => {
    const w = buildWorld({ villages: [{ households: [{ size: 2, productivity: 1000, savings: 5000 }] }] });
    advanceTo(w, 1);
    w.hh.shockLoss[0] = 2000; // 12,000 yuan per person at an annual rate
    updateIncome(w);
    const y = 1000 * Math.pow(1.09, 1 / 12) - (2000 * 12) / 2;
    expectRel(w.hh.income[0], y, 1e-6);
    expectRel(w.hh.savings[0], 5000 + (y * 2) / 12, 1e-6);
  });
});

describe('updateIncome agrees with the helpers on a synthetic province', () => {
  it('income = earnedIncome + dibao top-up − shock losses − debt repayment for every rural household, mid-2016', () => {
    const w = initWorld({ params: defaultParams(), schedule: [], seed: 11, scale: 0.0005, endYear: 2017 });
    for (let t = 1; t <= 30; t++) runStep(PHASES, w, t % 12 === 0);
    // Step 31: every phase before income, then income alone.
    const incomeAt = PHASES.findIndex((ph) => ph.name === 'income');
    for (const ph of PHASES.slice(0, incomeAt)) ph.run(w);
    const debtBefore = Float64Array.from(w.hh.relocationDebt);
    updateIncome(w);
    const hh = w.hh;
    let members = 0;
    let onDibao = 0;
    let withJobs = 0;
    let shocked = 0;
    for (let h = 0; h < w.nHouseholds; h++) {
      const earned = earnedIncome(w, h);
      const topUp = hh.onDibao[h] === 1 ? Math.max(0, dibaoStandard(w) - earned) : 0;
      if (hh.gone[h] === 1) continue; // settled in a town: no rural income
      // Relocation debt repayment: this month's instalment, or the rest of the debt.
      const repay = Math.min(hh.debtPayment[h], debtBefore[h]);
      const loss = ((hh.shockLoss[h] + repay) * 12) / hh.size[h];
      // f32 columns: the tolerance scales with the components (a large loss can cancel a large income).
      const tol = 2e-6 * Math.max(1, Math.abs(earned) + topUp + loss);
      expect(Math.abs(hh.income[h] - (earned + topUp - loss)), `household ${h}`).toBeLessThanOrEqual(tol);
      members += hh.industryMember[h] !== 0 ? 1 : 0;
      onDibao += hh.onDibao[h];
      withJobs += hh.jobs[h] > 0 ? 1 : 0;
      shocked += hh.shockLoss[h] > 0 ? 1 : 0;
      if (hh.registry[h] === Registry.Registered) expect(hh.measures[h] & Measure.Health).toBe(Measure.Health);
    }
    // The comparison covered every income component.
    expect(members).toBeGreaterThan(0);
    expect(onDibao).toBeGreaterThan(0);
    expect(withJobs).toBeGreaterThan(0);
    expect(shocked).toBeGreaterThan(0);
  });
});
