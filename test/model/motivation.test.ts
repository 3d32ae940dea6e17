/**
 * Motivation (phase 2): peer pull toward the village norm by exactly peerPull × gap, the culture
 * programme's rise toward 1, cadre encouragement, erosion by long dependence on dibao, the ±0.01
 * idiosyncratic drift from the motivation stream, and year-end success feedback.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { applySuccessFeedback, updateMotivation, updateVillageNorms } from '../../src/model/motivation.js';
import { Registry, Spend, type World } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel } from './fixtures.js';

/** The drift term of household h this step: 0.02 × (u − 0.5) from the motivation stream. */
function drift(w: World, h: number): number {
  return 0.02 * (uniformAt(w.streams.motivation.key, h, w.step) - 0.5);
}

const QUIET = { cultureEffect: 0, cadreEncouragement: 0, dependencyErosion: 0, peerPull: 0.04 };

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

  it('cadre encouragement raises a registered household by cadreEncouragement × effort × (1 − m), only if registered with a cadre', () => {
    const w = buildWorld({
      params: { ...QUIET, peerPull: 0, cadreEncouragement: 0.04 },
      villages: [{
        cadres: [{ effort: 0.5 }],
        households: [
          { motivation: 0.4, registry: Registry.Registered },
          { motivation: 0.4, registry: Registry.Registered, cadre: -1 },
          { motivation: 0.4, registry: Registry.Exited, cadre: 0 },
          { motivation: 0.4 },
        ],
      }],
    });
    advanceTo(w, 1);
    const m = w.hh.motivation[0];
    updateMotivation(w);
    expectRel(w.hh.motivation[0], m + 0.04 * 0.5 * (1 - m) + drift(w, 0), 1e-6);
    for (const h of [1, 2, 3]) expectRel(w.hh.motivation[h], m + drift(w, h), 1e-6);
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
    const p = { peerPull: 0.1, cultureEffect: 0.03, cadreEncouragement: 0.02, dependencyErosion: 0.02, dependencyMonths: 6, culturalMotivation: 1 };
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
    const e0 = m[0] + 0.1 * (norm - m[0]) + 0.03 * (1 - m[0]) + 0.02 * w.cadres.effort[0] * (1 - m[0]) - 0.02 * m[0] + drift(w, 0);
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
