/**
 * Shocks (phase 1): illness episodes (rate tripled by chronic illness; exponential cost; out-of-pocket
 * share lower with health assistance, the difference paid as health spending), village disasters in the
 * flood season (probability disasterMonthlyRate × 2 × fragility; relocated households are spared), industry
 * price AR(1), and each January the households' AR(1) income deviation. Every draw comes from its own
 * stream keyed by (agent, step), so it can be recomputed here.
 */
import { describe, expect, it } from 'vitest';
import { normalAt, uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { marketIncome } from '../../src/model/household-income.js';
import { applyShocks } from '../../src/model/shocks.js';
import { Measure, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households } from './fixtures.js';

const NO_DISASTER = { disasterMonthlyRate: 0 };
const NO_ILLNESS = { illnessMonthlyRate: 0 };

describe('illness', () => {
  const n = 400;
  const build = (health: boolean) =>
    buildWorld({
      seed: 5,
      params: { ...NO_DISASTER, illnessMonthlyRate: 0.05, illnessCost: 8000, oopShare: 0.5, oopShareAssisted: 0.1 },
      villages: [{ households: households(n, (i) => ({ chronic: i % 4 === 0 ? 1 : 0, measures: health ? Measure.Health : 0 })) }],
    });

  it('an episode happens when the illness draw is below the rate (3× with chronic illness) and costs −illnessCost × ln(1 − u) × oopShare', () => {
    const w = build(false);
    advanceTo(w, 3);
    applyShocks(w);
    const key = w.streams.illness.key;
    let ill = 0;
    let illChronic = 0;
    for (let h = 0; h < n; h++) {
      const rate = h % 4 === 0 ? 0.15 : 0.05;
      const sick = uniformAt(key, h, 3, DRAW.illness.onset) < rate;
      const cost = -8000 * Math.log(1 - uniformAt(key, h, 3, DRAW.illness.cost));
      expectRel(w.hh.shockLoss[h], sick ? cost * 0.5 : 0, 1e-6);
      if (sick) (h % 4 === 0 ? illChronic++ : ill++);
    }
    expect(ill + illChronic).toBeGreaterThan(0);
    expect(w.flows.spending[Spend.health]).toBe(0); // no assisted household, no claims
  });

  it('health assistance cuts the out-of-pocket cost from 50% to 10% of the same episodes, and pays the difference', () => {
    const a = build(false);
    const b = build(true);
    for (const w of [a, b]) {
      advanceTo(w, 3);
      applyShocks(w);
    }
    let costSum = 0;
    let episodes = 0;
    for (let h = 0; h < n; h++) {
      // Common random numbers: the same households fall ill in both worlds.
      expect(a.hh.shockLoss[h] > 0).toBe(b.hh.shockLoss[h] > 0);
      if (a.hh.shockLoss[h] > 0) {
        episodes++;
        expectRel(b.hh.shockLoss[h], a.hh.shockLoss[h] * (0.1 / 0.5), 1e-6);
        costSum += a.hh.shockLoss[h] / 0.5;
      }
    }
    expect(episodes).toBeGreaterThan(10);
    expectRel(b.flows.spending[Spend.health], costSum * (0.5 - 0.1), 1e-6);
    expect(a.flows.spending[Spend.health]).toBe(0);
  });
});

describe('disasters', () => {
  const specs = [{}, { relocated: 1 }, { size: 2, productivity: 5000 }];

  it('hit every unrelocated household of a village at probability 1, costing disasterLoss × market income × size', () => {
    const w = buildWorld({
      params: { ...NO_ILLNESS, disasterMonthlyRate: 0.5, disasterLoss: 0.25 },
      villages: [{ fragility: 1, remote: 1, households: specs }],
    });
    advanceTo(w, 5); // May 2014: flood season
    applyShocks(w);
    expect(w.villages.disaster[0]).toBe(1);
    expectRel(w.hh.shockLoss[0], 0.25 * marketIncome(w, 0) * 4, 1e-6);
    expect(w.hh.shockLoss[1]).toBe(0); // relocated: spared
    expectRel(w.hh.shockLoss[2], 0.25 * marketIncome(w, 2) * 2, 1e-6);
  });

  it('happen only in May–August', () => {
    const w = buildWorld({
      params: { ...NO_ILLNESS, disasterMonthlyRate: 0.5 },
      villages: [{ fragility: 1, households: [{}] }],
    });
    for (let t = 1; t <= 4; t++) {
      advanceTo(w, t);
      applyShocks(w);
      expect(w.villages.disaster[0]).toBe(0);
      expect(w.hh.shockLoss[0]).toBe(0);
    }
    for (let t = 9; t <= 12; t++) {
      advanceTo(w, t);
      applyShocks(w);
      expect(w.villages.disaster[0]).toBe(0);
    }
  });

  it('a village is hit when its disaster draw is below disasterMonthlyRate × 2 × fragility', () => {
    const nV = 200;
    const w = buildWorld({
      params: { ...NO_ILLNESS, disasterMonthlyRate: 0.1 },
      villages: Array.from({ length: nV }, (_, v) => ({ fragility: (v % 10) / 10, households: [{}] })),
    });
    advanceTo(w, 7);
    applyShocks(w);
    const key = w.streams.disaster.key;
    let hits = 0;
    for (let v = 0; v < nV; v++) {
      const hit = uniformAt(key, v, 7, DRAW.disaster.hit) < 0.1 * 2 * w.villages.fragility[v];
      hits += hit ? 1 : 0;
      expect(w.villages.disaster[v]).toBe(hit ? 1 : 0);
      if (v % 10 === 0) expect(w.villages.disaster[v]).toBe(0); // fragility 0: never
    }
    expect(hits).toBeGreaterThan(5); // mean 18
  });
});

describe('prices and income shocks', () => {
  it('industry log prices follow AR(1): pricePersistence × lp + priceShockSd × normal(price, k, t)', () => {
    const w = buildWorld({ params: { pricePersistence: 0.92, priceShockSd: 0.06 }, villages: [{ households: [{}] }] });
    for (let k = 0; k < w.nIndustries; k++) w.industries.logPrice[k] = 0.1 * k;
    advanceTo(w, 2);
    const before = Array.from(w.industries.logPrice);
    applyShocks(w);
    for (let k = 0; k < w.nIndustries; k++) {
      expectRel(w.industries.logPrice[k], 0.92 * before[k] + 0.06 * normalAt(w.streams.price.key, k, 2, DRAW.price.shock), 1e-6);
    }
  });

  it('each January, deviation = transientPersistence × deviation + transientIncomeSd × normal(income-shock, h, t); not in other months', () => {
    const w = buildWorld({
      params: { transientPersistence: 0.6, transientIncomeSd: 0.12, ...NO_ILLNESS, ...NO_DISASTER },
      villages: [{ households: households(20, (i) => ({ deviation: (i - 10) / 50 })) }],
    });
    const d0 = Array.from(w.hh.deviation);
    advanceTo(w, 1);
    applyShocks(w);
    const key = w.streams.incomeShock.key;
    const d1 = Array.from(w.hh.deviation);
    for (let h = 0; h < 20; h++) {
      expectRel(d1[h], 0.6 * d0[h] + 0.12 * normalAt(key, h, 1, DRAW.incomeShock.shock), 1e-6);
      expectRel(w.hh.deviationFactor[h], Math.exp(w.hh.deviation[h]), 1e-6);
    }
    advanceTo(w, 2);
    applyShocks(w);
    expect(Array.from(w.hh.deviation)).toEqual(d1);
    // Next January: a fresh draw at step 13.
    advanceTo(w, 13);
    applyShocks(w);
    for (let h = 0; h < 20; h++) expectRel(w.hh.deviation[h], 0.6 * d1[h] + 0.12 * normalAt(key, h, 13, DRAW.incomeShock.shock), 1e-6);
  });
});
