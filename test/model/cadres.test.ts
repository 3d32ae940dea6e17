/**
 * Cadres (phase 3): burnout rises with caseload and pressure and recovers with support; effort =
 * cadreEffort × (1 − 0.6 × burnout); quality closes (trainingDays / 12) × qualityPerTrainingDay of its gap
 * each month; attention is diluted above caseloadReference; precision; rotation; cost booking.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import {
  attention,
  BURNOUT_EFFORT_LOSS,
  initialQuality,
  precision,
  recountCaseloads,
  rotateCadres,
  updateCadres,
} from '../../src/model/cadres.js';
import { Registry, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households } from './fixtures.js';

/** One village, two cadres: cadre 0 serves ten registered households, cadre 1 two. */
function cadreWorld(params = {}) {
  return buildWorld({
    params,
    villages: [{
      cadres: [{ effort: 0.55, burnout: 0.2, quality: 0.5 }, { effort: 0.55, burnout: 0.2, quality: 0.5 }],
      households: [
        ...households(10, () => ({ registry: Registry.Registered, cadre: 0 })),
        ...households(2, () => ({ registry: Registry.Registered, cadre: 1 })),
        ...households(3, () => ({ registry: Registry.Exited, cadre: 1 })), // not counted
        ...households(2, () => ({ registry: Registry.None })),
      ],
    }],
  });
}

describe('recountCaseloads', () => {
  it('counts registered households per cadre only', () => {
    const w = cadreWorld();
    w.cadres.caseload.fill(99);
    recountCaseloads(w);
    expect(Array.from(w.cadres.caseload)).toEqual([10, 2]);
  });
});

describe('updateCadres', () => {
  it('burnout by the formula: rate × load × effort × (0.5 + pressure) × (1 − b) − recovery × (1 + support) × b', () => {
    const w = cadreWorld();
    advanceTo(w, 1); // 2014: pressure 0.5, so the pressure factor is 1
    expect(w.pressure).toBe(0.5);
    const e = w.cadres.effort[0];
    const b = w.cadres.burnout[0];
    updateCadres(w);
    const b0 = b + 0.04 * (10 / 5) * e * 1.0 * (1 - b) - 0.03 * b;
    const b1 = b + 0.04 * (2 / 5) * e * 1.0 * (1 - b) - 0.03 * b;
    expectRel(w.cadres.burnout[0], b0, 1e-6);
    expectRel(w.cadres.burnout[1], b1, 1e-6);
    expect(w.cadres.burnout[0]).toBeCloseTo(0.2292, 6);
    expect(w.cadres.burnout[1]).toBeCloseTo(0.20104, 6);
  });

  it('effort = cadreEffort × (1 − 0.6 × burnout)', () => {
    const w = cadreWorld({ cadreEffort: 0.8 });
    advanceTo(w, 1);
    updateCadres(w);
    expect(BURNOUT_EFFORT_LOSS).toBe(0.6);
    for (let c = 0; c < 2; c++) expectRel(w.cadres.effort[c], 0.8 * (1 - 0.6 * w.cadres.burnout[c]), 1e-6);
    expect(w.cadres.effort[0]).toBeLessThan(w.cadres.effort[1]); // the heavier caseload burns out more
  });

  it('higher pressure and caseload raise burnout; support speeds recovery', () => {
    const base = cadreWorld();
    const pressed = cadreWorld();
    const supported = cadreWorld({ cadreSupport: 1 });
    for (const w of [base, pressed, supported]) advanceTo(w, 1);
    pressed.pressure = 1; // pressure factor 1.5
    for (const w of [base, pressed, supported]) updateCadres(w);
    const e = Math.fround(0.55); // f32 columns
    const b = Math.fround(0.2);
    expectRel(pressed.cadres.burnout[0], b + 0.04 * 2 * e * 1.5 * (1 - b) - 0.03 * b, 1e-6);
    expect(pressed.cadres.burnout[0] - base.cadres.burnout[0]).toBeCloseTo(0.04 * 2 * e * 0.5 * (1 - b), 6);
    expect(base.cadres.burnout[0] - supported.cadres.burnout[0]).toBeCloseTo(0.03 * b, 6);
    // With no caseload, burnout only recovers.
    const idle = buildWorld({ villages: [{ cadres: [{ burnout: 0.5 }], households: [{}] }] });
    advanceTo(idle, 1);
    updateCadres(idle);
    expect(idle.cadres.burnout[0]).toBeCloseTo(0.5 * (1 - 0.03), 6);
  });

  it('quality closes (trainingDays / 12) × qualityPerTrainingDay of its gap a month: 1 − (1 − q0)(1 − r)^12 after a year', () => {
    for (const days of [0, 4, 20]) {
      const w = cadreWorld({ trainingDays: days, qualityPerTrainingDay: 0.02 });
      for (let t = 1; t <= 12; t++) {
        advanceTo(w, t);
        updateCadres(w);
      }
      const r = (days / 12) * 0.02;
      expectRel(w.cadres.quality[0], 1 - 0.5 * Math.pow(1 - r, 12), 1e-6);
    }
    const w = cadreWorld({ trainingDays: 20 });
    advanceTo(w, 1);
    updateCadres(w);
    expect(w.cadres.quality[0]).toBeCloseTo(0.5 + (20 / 12) * 0.02 * 0.5, 6); // 0.51667
  });

  it('books cadre time at the target effort and training days, per month', () => {
    const w = cadreWorld({ cadreEffort: 0.7, trainingDays: 10 });
    advanceTo(w, 1);
    updateCadres(w);
    expect(w.flows.spending[Spend.cadres]).toBeCloseTo((2 * 0.7 * 40000 + 2 * 10 * 400) / 12, 6);
  });
});

describe('attention and precision', () => {
  it('attention is effort, diluted by caseloadReference / caseload above the reference', () => {
    const w = cadreWorld({ caseloadReference: 5 });
    const e = w.cadres.effort[0];
    expectRel(attention(w, 0), e * (5 / 10), 1e-9); // caseload 10
    expectRel(attention(w, 1), e, 1e-9); // caseload 2: full attention
    w.cadres.caseload[1] = 5;
    expectRel(attention(w, 1), e, 1e-9); // exactly at the reference: full
    expect(attention(w, -1)).toBe(0);
  });

  it('precision = quality × (0.5 + 0.5 × effort); 0.3 without a cadre', () => {
    const w = cadreWorld();
    w.cadres.quality[0] = 0.8;
    w.cadres.effort[0] = 0.4;
    expectRel(precision(w, 0), Math.fround(0.8) * (0.5 + 0.5 * Math.fround(0.4)), 1e-12);
    expect(precision(w, -1)).toBe(0.3);
  });
});

describe('rotateCadres', () => {
  it('replaces the cadres whose rotation draw is below rotationRate with fresh ones', () => {
    const n = 200;
    const w = buildWorld({
      params: { rotationRate: 0.15, initialCadreQuality: 0.5 },
      villages: [{ cadres: Array.from({ length: n }, () => ({ quality: 0.9, burnout: 0.6 })), households: [{}] }],
    });
    advanceTo(w, 12);
    rotateCadres(w);
    const key = w.streams.rotation.key;
    let rotated = 0;
    for (let c = 0; c < n; c++) {
      if (uniformAt(key, c, 12, 0) < 0.15) {
        rotated++;
        expect(w.cadres.burnout[c]).toBe(0);
        expectRel(w.cadres.quality[c], initialQuality(0.5, uniformAt(key, c, 12, 1)), 1e-6);
      } else {
        expect(w.cadres.burnout[c]).toBeCloseTo(0.6, 6);
        expect(w.cadres.quality[c]).toBeCloseTo(0.9, 6);
      }
    }
    // About 15% rotate (binomial, n = 200: sd 5).
    expect(rotated).toBeGreaterThan(10);
    expect(rotated).toBeLessThan(50);
  });

  it('initialQuality maps a uniform to mean ± 0.2, clamped to [0, 1]', () => {
    expect(initialQuality(0.5, 0)).toBeCloseTo(0.3, 12);
    expect(initialQuality(0.5, 0.5)).toBeCloseTo(0.5, 12);
    expect(initialQuality(0.5, 1)).toBeCloseTo(0.7, 12);
    expect(initialQuality(0.95, 1)).toBe(1);
    expect(initialQuality(0.05, 0)).toBe(0);
  });
});
