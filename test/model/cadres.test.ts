/**
 * Cadres (phase 3): stationed cadres' burnout grows with the village's caseload per stationed cadre,
 * supervision pressure, the target effort and years in post, and recovers with support; the team's mean
 * burnout cuts the effort the village's pairing helpers give (burnoutEffortLoss); quality closes
 * (trainingDays / 12) × qualityPerTrainingDay of its gap each month; attention is diluted above
 * caseloadReference; precision; rotation resets quality, burnout and tenure; only the policy's added
 * costs are booked.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { deliverAssistance } from '../../src/model/assistance.js';
import {
  attention,
  initialQuality,
  plannedAttention,
  precision,
  recountCaseloads,
  rotateCadres,
  updateCadres,
} from '../../src/model/cadres.js';
import { defaultParams } from '../../src/model/parameters.js';
import { advanceRun, startRun } from '../../src/model/simulate.js';
import { CadreKind, Registry, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households, type CadreSpec } from './fixtures.js';

const R = Registry.Registered;

/**
 * One village: helper 0 serves ten registered households, helper 1 two (plus three exited, monitored);
 * `stationed` stationed cadres (default one, burnout 0.2) carry the village's workload.
 */
function cadreWorld(params = {}, stationed: CadreSpec[] = [{ burnout: 0.2 }]) {
  return buildWorld({
    params,
    villages: [{
      cadres: [{ effort: 0.55, quality: 0.5 }, { effort: 0.55, quality: 0.5 }],
      stationed,
      households: [
        ...households(10, () => ({ registry: R, cadre: 0 })),
        ...households(2, () => ({ registry: R, cadre: 1 })),
        ...households(3, () => ({ registry: Registry.Exited, cadre: 1 })),
        ...households(2, () => ({ registry: Registry.None })),
      ],
    }],
  });
}

/** Burnout after one month by the formula of cadres.ts. */
function nextBurnout(b: number, p: { rate: number; load: number; ref: number; effort: number; pressure: number; tenureBurnout: number; tenure: number; recovery: number; support: number }): number {
  return b + p.rate * (p.load / p.ref) * p.effort * (0.5 + p.pressure) * (1 + p.tenureBurnout * p.tenure) * (1 - b) - p.recovery * (1 + p.support) * b;
}
const BASE = { rate: 0.04, ref: 20, effort: 0.55, pressure: 0.5, tenureBurnout: 0.15, tenure: 0, recovery: 0.03, support: 0 };

describe('recountCaseloads', () => {
  it('a helper counts its registered households; a stationed cadre its share of registered + monitoredWeight × exited', () => {
    const w = cadreWorld();
    w.cadres.caseload.fill(99);
    recountCaseloads(w);
    // 12 registered + 0.3 × 3 exited = 12.9 → 13 for one stationed cadre.
    expect(Array.from(w.cadres.caseload)).toEqual([10, 2, 13]);
    const two = cadreWorld({}, [{}, {}]);
    recountCaseloads(two);
    expect(Array.from(two.cadres.caseload)).toEqual([10, 2, 6, 6]); // 12.9 / 2 = 6.45 → 6
    expect(two.cadres.kind[2]).toBe(CadreKind.Stationed);
  });

  it('an exited household that left for a town is no longer monitored: it leaves the stationed caseload', () => {
    const w = cadreWorld();
    const exited = Array.from(w.hh.registry).map((r, h) => (r === Registry.Exited ? h : -1)).filter((h) => h >= 0);
    expect(exited.length).toBe(3);
    w.hh.gone[exited[0]] = 1;
    w.hh.gone[exited[1]] = 1;
    recountCaseloads(w);
    // 12 registered + 0.3 × 1 exited still here = 12.3 → 12.
    expect(w.cadres.caseload[2]).toBe(12);
  });
});

describe('caseloads in blocks', () => {
  it('every household\'s helper is of its village, so the blocks of a run recount caseloads without touching each other\'s cadres', () => {
    const s = startRun({ params: defaultParams(), schedule: [], seed: 9, scale: 0.0015, endYear: 2016 });
    advanceRun(s, 30);
    const w = s.w;
    expect(w.blocks.count).toBeGreaterThanOrEqual(3);
    let assigned = 0;
    for (let h = 0; h < w.nHouseholds; h++) {
      const c = w.hh.cadre[h];
      if (c < 0) continue;
      assigned++;
      const v = w.hh.village[h];
      expect(c).toBeGreaterThanOrEqual(w.villages.cadreStart[v]);
      expect(c).toBeLessThan(w.villages.cadreEnd[v]);
    }
    expect(assigned).toBeGreaterThan(100);
    // The blocks' recount (this step's, in updateCadres) equals the one over every household.
    const byBlocks = Array.from(w.cadres.caseload);
    recountCaseloads(w);
    expect(byBlocks).toEqual(Array.from(w.cadres.caseload));
    expect(byBlocks.some((x) => x > 0)).toBe(true);
  });
});

describe('stationed cadre burnout', () => {
  it('follows rate × (caseload / reference) × effort × (0.5 + pressure) × (1 + tenureBurnout × tenure) × (1 − b) − recovery × b', () => {
    const w = cadreWorld();
    advanceTo(w, 1); // 2014: pressure 0.5, factor 1
    expect(w.pressure).toBe(0.5);
    updateCadres(w);
    const b = Math.fround(0.2);
    const expected = nextBurnout(b, { ...BASE, load: 13 });
    expectRel(w.cadres.burnout[2], expected, 1e-6);
    expect(w.cadres.burnout[2]).toBeCloseTo(0.2 + 0.04 * 0.65 * 0.55 * 0.8 - 0.006, 6); // 0.20544
    expectRel(w.cadres.tenure[2], 1 / 12, 1e-6);
    // Helpers do not burn out themselves.
    expect(w.cadres.burnout[0]).toBe(0);
    expect(w.cadres.burnout[1]).toBe(0);
  });

  it('grows with caseload: four times the caseload, four times the growth term', () => {
    const mk = (n: number) =>
      buildWorld({ params: { burnoutRecovery: 0 }, villages: [{ cadres: 1, stationed: [{ burnout: 0 }], households: households(n, () => ({ registry: R })) }] });
    const light = mk(10);
    const heavy = mk(40);
    for (const w of [light, heavy]) {
      advanceTo(w, 1);
      updateCadres(w);
    }
    expectRel(light.cadres.burnout[1], 0.04 * (10 / 20) * 0.55, 1e-6); // 0.011
    expectRel(heavy.cadres.burnout[1], 0.04 * (40 / 20) * 0.55, 1e-6); // 0.044
    expect(heavy.cadres.burnout[1] / light.cadres.burnout[1]).toBeCloseTo(4, 5);
  });

  it('grows with pressure (factor 0.5 + pressure) and tenure (1 + 0.15 per year); support speeds recovery', () => {
    const base = cadreWorld();
    const pressed = cadreWorld();
    const veteran = cadreWorld({}, [{ burnout: 0.2, tenure: 4 }]);
    const supported = cadreWorld({ cadreSupport: 1 });
    for (const w of [base, pressed, veteran, supported]) advanceTo(w, 1);
    pressed.pressure = 1;
    for (const w of [base, pressed, veteran, supported]) updateCadres(w);
    const b = Math.fround(0.2);
    const growth = 0.04 * (13 / 20) * 0.55 * (1 - b); // at pressure 0.5 and tenure 0
    expect(pressed.cadres.burnout[2] - base.cadres.burnout[2]).toBeCloseTo(0.5 * growth, 7);
    expect(veteran.cadres.burnout[2] - base.cadres.burnout[2]).toBeCloseTo(0.6 * growth, 7); // tenure 4: 1.6×
    expect(base.cadres.burnout[2] - supported.cadres.burnout[2]).toBeCloseTo(0.03 * b, 7);
    // Without any caseload, burnout only recovers.
    const idle = buildWorld({ villages: [{ cadres: 1, stationed: [{ burnout: 0.5 }], households: [{}] }] });
    advanceTo(idle, 1);
    updateCadres(idle);
    expect(idle.cadres.burnout[1]).toBeCloseTo(0.5 * (1 - 0.03), 6);
  });

  it('the team\'s mean burnout cuts the effort of the village\'s helpers: cadreEffort × (1 − burnoutEffortLoss × team)', () => {
    const w = buildWorld({
      params: { cadreEffort: 0.8, burnoutRate: 0, burnoutRecovery: 0 },
      villages: [
        { cadres: 2, stationed: [{ burnout: 0.2 }, { burnout: 0.6 }], households: households(4, () => ({ registry: R })) },
        { cadres: 1, households: households(4, () => ({ registry: R })) }, // no team: nothing lost
      ],
    });
    advanceTo(w, 1);
    updateCadres(w);
    expectRel(w.villages.teamBurnout[0], 0.4, 1e-6);
    expect(w.villages.teamBurnout[1]).toBe(0);
    expectRel(w.cadres.effort[0], 0.8 * (1 - 0.6 * 0.4), 1e-6); // 0.608: 24% of the target lost
    expectRel(w.cadres.effort[1], 0.608, 1e-6);
    expectRel(w.cadres.effort[2], 0.8, 1e-6);
    // With burnoutEffortLoss 0 burnout costs no effort.
    const noLoss = buildWorld({
      params: { cadreEffort: 0.8, burnoutEffortLoss: 0 },
      villages: [{ cadres: 1, stationed: [{ burnout: 0.9 }], households: [{ registry: R }] }],
    });
    advanceTo(noLoss, 1);
    updateCadres(noLoss);
    expectRel(noLoss.cadres.effort[0], 0.8, 1e-6);
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

  it('books only the policy\'s added costs: effort above paidEffort, stationing, support and training days', () => {
    const w = cadreWorld({ cadreEffort: 0.7, paidEffort: 0.55, trainingDays: 10, cadreSupport: 0.5 });
    advanceTo(w, 1);
    updateCadres(w);
    // 2 helpers × 0.15 × 40,000 + 1 stationed × (60,000 + 0.5 × 5,000) + 3 cadres × 10 days × 400, a month.
    expect(w.flows.spending[Spend.cadres]).toBeCloseTo((2 * 0.15 * 40000 + 62500 + 3 * 10 * 400) / 12, 4);
    const low = cadreWorld({ cadreEffort: 0.4, paidEffort: 0.55, trainingDays: 0 });
    advanceTo(low, 1);
    updateCadres(low);
    expect(low.flows.spending[Spend.cadres]).toBeCloseTo(60000 / 12, 6); // effort under what salaries pay costs nothing extra
  });
});

describe('attention and precision', () => {
  it('attention is effort given, diluted by caseloadReference / caseload above the reference; planned attention uses the target effort', () => {
    const w = cadreWorld({ caseloadReference: 5 });
    w.cadres.effort[0] = 0.4; // burnout took some of the 0.55 target
    expectRel(attention(w, 0), Math.fround(0.4) * (5 / 10), 1e-9); // caseload 10
    expectRel(plannedAttention(w, 0), 0.55 * (5 / 10), 1e-9);
    expectRel(attention(w, 1), Math.fround(0.55), 1e-9); // caseload 2: full attention
    w.cadres.caseload[1] = 5;
    expectRel(attention(w, 1), Math.fround(0.55), 1e-9); // exactly at the reference: full
    expect(attention(w, -1)).toBe(0);
    expect(plannedAttention(w, -1)).toBe(0);
  });

  it('precision = quality × (0.5 + 0.5 × effort); precisionWithoutCadre without a cadre', () => {
    const w = cadreWorld({ precisionWithoutCadre: 0.3 });
    w.cadres.quality[0] = 0.8;
    w.cadres.effort[0] = 0.4;
    expectRel(precision(w, 0), Math.fround(0.8) * (0.5 + 0.5 * Math.fround(0.4)), 1e-12);
    expect(precision(w, -1)).toBe(0.3);
  });
});

describe('rotateCadres', () => {
  it('replaces the cadres whose rotation draw is below rotationRate: fresh quality, no burnout, tenure 0', () => {
    const n = 200;
    const w = buildWorld({
      params: { rotationRate: 0.15, initialCadreQuality: 0.5 },
      villages: [{ cadres: 1, stationed: Array.from({ length: n }, () => ({ quality: 0.9, burnout: 0.6, tenure: 3 })), households: [{}] }],
    });
    advanceTo(w, 12);
    rotateCadres(w);
    const key = w.streams.rotation.key;
    let rotated = 0;
    for (let c = 1; c <= n; c++) {
      if (uniformAt(key, c, 12, DRAW.rotation.rotate) < 0.15) {
        rotated++;
        expect(w.cadres.burnout[c]).toBe(0);
        expect(w.cadres.tenure[c]).toBe(0);
        expectRel(w.cadres.quality[c], initialQuality(0.5, 0.4, uniformAt(key, c, 12, DRAW.rotation.quality)), 1e-6);
      } else {
        expect(w.cadres.burnout[c]).toBeCloseTo(0.6, 6);
        expect(w.cadres.tenure[c]).toBe(3);
        expect(w.cadres.quality[c]).toBeCloseTo(0.9, 6);
      }
    }
    // About 15% rotate (binomial, n = 200: sd 5).
    expect(rotated).toBeGreaterThan(10);
    expect(rotated).toBeLessThan(50);
  });

  it('initialQuality maps a uniform to mean ± spread/2 (0.4 → ± 0.2), clamped to [0, 1]', () => {
    expect(initialQuality(0.5, 0.4, 0)).toBeCloseTo(0.3, 12);
    expect(initialQuality(0.5, 0.4, 0.5)).toBeCloseTo(0.5, 12);
    expect(initialQuality(0.5, 0.4, 1)).toBeCloseTo(0.7, 12);
    expect(initialQuality(0.95, 0.4, 1)).toBe(1);
    expect(initialQuality(0.05, 0.4, 0)).toBe(0);
  });
});

describe('support lost to burnout', () => {
  it('assistance counts planned (target effort) and delivered (effort given) support; burnout_support_loss = 1 − delivered / planned', () => {
    const w = buildWorld({
      params: { cadreEffort: 0.8, assistanceRate: 0.3, caseloadReference: 100, burnoutRate: 0, burnoutRecovery: 0 },
      villages: [{ cadres: 2, stationed: [{ burnout: 0.5 }], households: households(20, () => ({ registry: R })) }],
    });
    advanceTo(w, 1);
    updateCadres(w);
    expectRel(w.cadres.effort[0], 0.8 * (1 - 0.6 * 0.5), 1e-6); // 0.56
    deliverAssistance(w);
    expectRel(w.flows.supportPlanned, 20 * 0.3 * 0.8, 1e-6);
    expectRel(w.flows.supportDelivered, 20 * 0.3 * Math.fround(0.56), 1e-6);
    expectRel(1 - w.flows.supportDelivered / w.flows.supportPlanned, 0.3, 1e-6); // 30% of planned support lost
  });
});
