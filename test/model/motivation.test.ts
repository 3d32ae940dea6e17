/**
 * Motivation (phase 2): peer pull toward the village norm by exactly peerPull × gap, the culture
 * programme's rise toward 1, erosion by long dependence on dibao, the ±0.01 idiosyncratic drift from the
 * motivation stream, and year-end success feedback. "Waiting for help" (predicament 3): entry only while
 * registered, likelier after long dependence on dibao; a culture programme prevents entries and speeds
 * recovery; the village's waiting share pulls both ways; a waiting household earns less (waitingEffortLoss)
 * and hides income at the exit check (waitingConcealment). (Cadre encouragement of motivation was removed
 * in model v2, and its test with it.)
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { assessExits } from '../../src/model/exit-assessment.js';
import { circumstanceFactor, marketIncome } from '../../src/model/household-income.js';
import { updateIncome } from '../../src/model/income.js';
import { applySuccessFeedback, peerEntryFactor, peerExitFactor, updateMotivation, updateVillageNorms } from '../../src/model/motivation.js';
import { Registry, Spend, type World } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households, type HouseholdSpec } from './fixtures.js';

/** The drift term of household h this step: 0.02 × (u − 0.5) from the motivation stream. */
function drift(w: World, h: number): number {
  return 0.02 * (uniformAt(w.streams.motivation.key, h, w.step, DRAW.motivation.drift) - 0.5);
}

const QUIET = { cultureEffect: 0, dependencyErosion: 0, peerPull: 0.04 };

describe('updateVillageNorms', () => {
  it('the norm is the mean motivation of the village, and programmes follow cultureKey < culturalMotivation', () => {
    const w = buildWorld({
      params: { culturalMotivation: 0.3 },
      villages: [
        { cultureKey: 0.1, households: [{ motivation: 0.2 }, { motivation: 0.4 }, { motivation: 0.9 }] },
        { cultureKey: 0.5, households: [{ motivation: 0.7 }] },
      ],
    });
    updateVillageNorms(w);
    expect(w.villages.norm[0]).toBeCloseTo(0.5, 6);
    expect(w.villages.norm[1]).toBeCloseTo(0.7, 6);
    expect(Array.from(w.villages.cultureProgram)).toEqual([1, 0]);
    w.p.culturalMotivation = 0.6;
    updateVillageNorms(w);
    expect(Array.from(w.villages.cultureProgram)).toEqual([1, 1]);
  });
});

describe('updateMotivation', () => {
  it('pulls each household toward the village norm by exactly peerPull × (norm − m), plus its drift', () => {
    const ms = [0.2, 0.4, 0.6, 0.8];
    const w = buildWorld({ params: QUIET, villages: [{ households: ms.map((m) => ({ motivation: m })) }] });
    advanceTo(w, 1);
    const before = Array.from(w.hh.motivation);
    const norm = before.reduce((a, b) => a + b, 0) / before.length;
    expect(norm).toBeCloseTo(0.5, 6);
    updateMotivation(w);
    for (let h = 0; h < 4; h++) {
      expectRel(w.hh.motivation[h], before[h] + 0.04 * (norm - before[h]) + drift(w, h), 1e-6);
    }
    // The pull itself, drift removed: +0.012, +0.004, −0.004, −0.012.
    const pull = before.map((m, h) => w.hh.motivation[h] - m - drift(w, h));
    expect(pull[0]).toBeCloseTo(0.012, 6);
    expect(pull[1]).toBeCloseTo(0.004, 6);
    expect(pull[2]).toBeCloseTo(-0.004, 6);
    expect(pull[3]).toBeCloseTo(-0.012, 6);
    // Drift stays within ±0.01.
    for (let h = 0; h < 4; h++) expect(Math.abs(drift(w, h))).toBeLessThanOrEqual(0.01);
  });

  it('a culture programme adds cultureEffect × (1 − m) and costs cultureProgramCost / 12 per village', () => {
    const hs = [{ motivation: 0.3 }, { motivation: 0.3 }];
    const w = buildWorld({
      params: { ...QUIET, peerPull: 0, cultureEffect: 0.05, culturalMotivation: 0.5 },
      villages: [
        { cultureKey: 0.2, households: hs }, // programme
        { cultureKey: 0.8, households: hs }, // none
      ],
    });
    advanceTo(w, 1);
    const m0 = w.hh.motivation[0];
    updateMotivation(w);
    for (const h of [0, 1]) expectRel(w.hh.motivation[h], m0 + 0.05 * (1 - m0) + drift(w, h), 1e-6);
    for (const h of [2, 3]) expectRel(w.hh.motivation[h], m0 + drift(w, h), 1e-6);
    // Same households with and without: the programme raised motivation by 0.035.
    expect(w.hh.motivation[0] - drift(w, 0) - (w.hh.motivation[2] - drift(w, 2))).toBeCloseTo(0.035, 6);
    expect(w.flows.spending[Spend.culture]).toBeCloseTo(60000 / 12, 6);
  });

  it('dependence on dibao beyond dependencyMonths erodes motivation by dependencyErosion × m', () => {
    const w = buildWorld({
      params: { ...QUIET, peerPull: 0, dependencyErosion: 0.05, dependencyMonths: 18 },
      villages: [{
        households: [
          { motivation: 0.6, onDibao: 1, dibaoMonths: 19 },
          { motivation: 0.6, onDibao: 1, dibaoMonths: 18 }, // not yet: the threshold is strict
          { motivation: 0.6, onDibao: 0, dibaoMonths: 40 }, // left dibao: no erosion
        ],
      }],
    });
    advanceTo(w, 1);
    const m = w.hh.motivation[0];
    updateMotivation(w);
    expectRel(w.hh.motivation[0], m - 0.05 * m + drift(w, 0), 1e-6);
    expectRel(w.hh.motivation[1], m + drift(w, 1), 1e-6);
    expectRel(w.hh.motivation[2], m + drift(w, 2), 1e-6);
  });

  it('all terms add up, and motivation stays in [0, 1]', () => {
    const p = { peerPull: 0.1, cultureEffect: 0.03, dependencyErosion: 0.02, dependencyMonths: 6, culturalMotivation: 1 };
    const w = buildWorld({
      params: p,
      villages: [{
        cultureKey: 0.5,
        cadres: [{ effort: 0.8 }],
        households: [
          { motivation: 0.25, registry: Registry.Registered, onDibao: 1, dibaoMonths: 30 },
          { motivation: 0.75 },
          { motivation: 0.999 },
          { motivation: 0.001, registry: Registry.Registered, onDibao: 1, dibaoMonths: 30 },
        ],
      }],
    });
    advanceTo(w, 5);
    const m = Array.from(w.hh.motivation);
    const norm = m.reduce((a, b) => a + b, 0) / m.length;
    updateMotivation(w);
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    const e0 = m[0] + 0.1 * (norm - m[0]) + 0.03 * (1 - m[0]) - 0.02 * m[0] + drift(w, 0);
    const e1 = m[1] + 0.1 * (norm - m[1]) + 0.03 * (1 - m[1]) + drift(w, 1);
    expectRel(w.hh.motivation[0], clamp(e0), 1e-6);
    expectRel(w.hh.motivation[1], clamp(e1), 1e-6);
    for (let h = 0; h < 4; h++) {
      expect(w.hh.motivation[h]).toBeGreaterThanOrEqual(0);
      expect(w.hh.motivation[h]).toBeLessThanOrEqual(1);
    }
  });
});

describe('applySuccessFeedback', () => {
  it('moves motivation by successFeedback × gain toward 1 (gain) or 0 (loss), gain capped at ±0.2 and relative to max(|last|, line)', () => {
    const w = buildWorld({
      params: { successFeedback: 0.5 },
      villages: [{
        households: [
          { motivation: 0.5, incomeLastYear: 5000 }, // +10%
          { motivation: 0.5, incomeLastYear: 5000 }, // +60%: capped at +0.2
          { motivation: 0.5, incomeLastYear: 5000 }, // −20%
          { motivation: 0.5, incomeLastYear: 1000 }, // small base: gain relative to the line
          { motivation: 0.5, incomeLastYear: 5000 }, // no change
        ],
      }],
    });
    const thisYear = [5500, 8000, 4000, 1500, 5000];
    applySuccessFeedback(w, (h) => thisYear[h]);
    expect(w.line).toBe(2736);
    expect(w.hh.motivation[0]).toBeCloseTo(0.5 + 0.5 * 0.1 * 0.5, 6);
    expect(w.hh.motivation[1]).toBeCloseTo(0.5 + 0.5 * 0.2 * 0.5, 6);
    expect(w.hh.motivation[2]).toBeCloseTo(0.5 - 0.5 * 0.2 * 0.5, 6);
    expect(w.hh.motivation[3]).toBeCloseTo(0.5 + 0.5 * (500 / 2736) * 0.5, 6);
    expect(w.hh.motivation[4]).toBeCloseTo(0.5, 6);
  });
});

describe('waiting for help', () => {
  const N = 2000;
  /** A world of N households in one village (all of spec), no peer effect unless asked; returns who waits after one month. */
  function month(spec: HouseholdSpec, params = {}, village = {}) {
    const w = buildWorld({ params: { waitingPeerEffect: 0, waitingEntryRate: 0.05, waitingExitRate: 0.02, cultureExitRate: 0.03, ...params }, villages: [{ ...village, households: households(N, () => spec) }] });
    advanceTo(w, 1);
    updateMotivation(w);
    const u = (h: number) => uniformAt(w.streams.waiting.key, h, 1, DRAW.waiting.change);
    let waiting = 0;
    for (let h = 0; h < N; h++) waiting += w.hh.waiting[h];
    return { w, u, share: waiting / N };
  }
  const R = Registry.Registered;

  it('only registered households start waiting, each when its draw is under waitingEntryRate (5% of 2,000)', () => {
    const reg = month({ registry: R });
    for (let h = 0; h < N; h++) expect(reg.w.hh.waiting[h]).toBe(reg.u(h) < 0.05 ? 1 : 0);
    expect(reg.share).toBeGreaterThan(0.04);
    expect(reg.share).toBeLessThan(0.06);
    expect(month({ registry: Registry.None }).share).toBe(0);
    expect(month({ registry: Registry.Exited }).share).toBe(0);
  });

  it('long dependence on dibao multiplies entry by dependencyEntryFactor (3: about 15%)', () => {
    const dep = month({ registry: R, onDibao: 1, dibaoMonths: 30 }, { dependencyMonths: 18, dependencyEntryFactor: 3 });
    for (let h = 0; h < N; h++) expect(dep.w.hh.waiting[h]).toBe(dep.u(h) < 0.15 ? 1 : 0);
    expect(dep.share).toBeGreaterThan(0.12);
    expect(dep.share).toBeLessThan(0.18);
    // Not yet beyond dependencyMonths: the base rate.
    const early = month({ registry: R, onDibao: 1, dibaoMonths: 10 }, { dependencyMonths: 18 });
    for (let h = 0; h < N; h++) expect(early.w.hh.waiting[h]).toBe(early.u(h) < 0.05 ? 1 : 0);
  });

  it('a culture programme prevents cultureEntryReduction of entries and adds cultureExitRate to recovery', () => {
    const culture = { culturalMotivation: 1, cultureEntryReduction: 0.5 };
    const entry = month({ registry: R }, culture, { cultureKey: 0.1 });
    for (let h = 0; h < N; h++) expect(entry.w.hh.waiting[h]).toBe(entry.u(h) < 0.025 ? 1 : 0);
    expect(entry.share).toBeLessThan(0.035); // against about 5% without
    const without = month({ registry: R, waiting: 1 });
    const withProg = month({ registry: R, waiting: 1 }, culture, { cultureKey: 0.1 });
    for (let h = 0; h < N; h++) {
      expect(without.w.hh.waiting[h]).toBe(without.u(h) < 0.02 ? 0 : 1);
      expect(withProg.w.hh.waiting[h]).toBe(withProg.u(h) < 0.05 ? 0 : 1);
    }
    // Recovery: about 2% a month without, 5% with the programme.
    expect(1 - without.share).toBeLessThan(0.03);
    expect(1 - withProg.share).toBeGreaterThan(0.04);
  });

  it('village norms pull both ways: entry and recovery scale by 1 ± waitingPeerEffect × (share − neutralWaitingShare)', () => {
    expect(peerEntryFactor(3, 0.1, 0.1)).toBe(1);
    expectRel(peerEntryFactor(3, 0.3, 0.1), 1.6, 1e-12);
    expectRel(peerExitFactor(3, 0.3, 0.1), 0.4, 1e-12);
    expectRel(peerEntryFactor(3, 0, 0.1), 0.7, 1e-12);
    expectRel(peerExitFactor(3, 0, 0.1), 1.3, 1e-12);
    expect(peerExitFactor(3, 0.5, 0.1)).toBe(0); // never negative
    // In a village where 30% of the registered wait, a non-waiting registered household enters at 1.6 × the base rate.
    const hs = households(N, (i) => ({ registry: R, waiting: i % 10 < 3 ? 1 : 0 }));
    const w = buildWorld({ params: { waitingPeerEffect: 3, waitingEntryRate: 0.05, waitingExitRate: 0.02 }, villages: [{ households: hs }] });
    advanceTo(w, 1);
    updateMotivation(w);
    expectRel(w.villages.waitingShare[0], 0.3, 1e-6);
    const u = (h: number) => uniformAt(w.streams.waiting.key, h, 1, DRAW.waiting.change);
    for (let h = 0; h < N; h++) {
      const was = h % 10 < 3;
      expect(w.hh.waiting[h], `household ${h}`).toBe(was ? (u(h) < 0.02 * 0.4 ? 0 : 1) : u(h) < 0.05 * 1.6 ? 1 : 0);
    }
  });

  it('a waiting household earns (1 − waitingEffortLoss) of its market income', () => {
    const w = buildWorld({ params: { waitingEffortLoss: 0.15 }, villages: [{ households: [{ registry: R }, { registry: R, waiting: 1 }] }] });
    expectRel(circumstanceFactor(w, 1) / circumstanceFactor(w, 0), 0.85, 1e-9);
    expectRel(marketIncome(w, 1), 0.85 * marketIncome(w, 0), 1e-6);
    advanceTo(w, 1);
    updateIncome(w);
    expectRel(w.hh.income[1], 0.85 * w.hh.income[0], 1e-6); // 3,000 × 1.09^(1/12) × 0.85 against 3,000 × 1.09^(1/12)
  });

  it('at the exit check a waiting household shows (1 − waitingConcealment) of its stable income and stays registered', () => {
    // December 2014: line 2,800, pass 2,940; stable income 3,100; without assessment error.
    const hs = (waiting: number): HouseholdSpec => ({ registry: R, waiting, incomeYearSum: 12 * 3100, incomeLastYear: 3100 });
    const w = buildWorld({
      params: { assessmentNoise: 0, falseExitPropensity: 0, waitingConcealment: 0.1 },
      villages: [{ cadres: 1, households: [hs(0), hs(1)] }],
    });
    advanceTo(w, 12);
    assessExits(w);
    expect(w.hh.registry[0]).toBe(Registry.Exited); // 3,100 ≥ 2,940
    expect(w.hh.registry[1]).toBe(R); // shows 2,790 < 2,940
    // With nothing hidden, both exit.
    const honest = buildWorld({ params: { assessmentNoise: 0, falseExitPropensity: 0, waitingConcealment: 0 }, villages: [{ cadres: 1, households: [hs(0), hs(1)] }] });
    advanceTo(honest, 12);
    assessExits(honest);
    expect(Array.from(honest.hh.registry)).toEqual([Registry.Exited, Registry.Exited]);
  });
});
