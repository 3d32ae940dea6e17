/** From yuan to a dose (the measured cost curve inverted) and the mixed scenario of `povsim optimize`. */
import { describe, expect, it } from 'vitest';
import { capacityOf, changedKeys, doseForYuan, mixScenario, monotoneCurve, shiftSuggestion } from '../../src/experiment/optimize-dose.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';

const base: ScenarioSpec = { name: 'baseline', values: {}, schedule: [], scale: 0.001, endYear: 2025, replicates: 1, seed: 1 };
const culture: ScenarioSpec = { ...base, name: 'culture', schedule: [{ kind: 'step', key: 'culturalMotivation', at: { year: 2018, month: 1 }, value: 0.8 }] };
const industry: ScenarioSpec = { ...base, name: 'industry', schedule: [{ kind: 'ramp', key: 'industryCoverage', from: { year: 2018, month: 1 }, to: { year: 2019, month: 12 }, value: 1 }] };

describe('doseForYuan', () => {
  const curve = { suggestion: 's', doses: [1 / 3, 2 / 3, 1], yuan: [1e8, 3e8, 4e8] };
  it('interpolates linearly between measured doses and from the origin', () => {
    expect(doseForYuan(curve, 0)).toEqual({ dose: 0, spent: 0, saturated: false });
    expect(doseForYuan(curve, 5e7).dose).toBeCloseTo(1 / 6, 12);
    expect(doseForYuan(curve, 2e8).dose).toBeCloseTo(0.5, 12);
    expect(doseForYuan(curve, 4e8)).toEqual({ dose: 1, spent: 4e8, saturated: false });
  });
  it('saturates beyond the curve: the dose at its top, the rest not spent', () => {
    expect(doseForYuan(curve, 1e9)).toEqual({ dose: 1, spent: 4e8, saturated: true });
    expect(capacityOf(curve)).toBe(4e8);
  });
  it('makes a noisy curve non-decreasing, so more yuan never buy less', () => {
    const noisy = { suggestion: 's', doses: [0.25, 0.5, 0.75, 1], yuan: [1e8, 0.9e8, 2e8, 1.5e8] };
    expect(monotoneCurve(noisy).map((p) => p.yuan)).toEqual([0, 1e8, 1e8, 2e8, 2e8]);
    expect(doseForYuan(noisy, 1e8).dose).toBe(0.25);
    expect(doseForYuan(noisy, 3e8)).toEqual({ dose: 0.75, spent: 2e8, saturated: true });
    let last = 0;
    for (let y = 0; y <= 2.5e8; y += 1e7) {
      const d = doseForYuan(noisy, y).dose;
      expect(d).toBeGreaterThanOrEqual(last);
      last = d;
    }
  });
  it('refuses a curve that costs nothing and a negative amount', () => {
    expect(() => doseForYuan({ suggestion: 'free', doses: [0.5, 1], yuan: [0, -5] }, 1e8)).toThrow(/free costs nothing extra/);
    expect(() => doseForYuan(curve, -1)).toThrow(/≥ 0/);
  });
});

describe('mixScenario', () => {
  it('applies each suggestion at its dose over the baseline and leaves out dose 0', () => {
    const mix = mixScenario(base, [culture, industry], [0.5, 0], 'mix');
    // the baseline's 0.1 moves half way to the plausible end 0.8 (dose-response.ts)
    expect(mix.schedule).toHaveLength(1);
    expect(mix.schedule[0]).toMatchObject({ kind: 'step', key: 'culturalMotivation', at: { year: 2018, month: 1 } });
    expect(mix.schedule[0].value).toBeCloseTo(0.45, 12);
    const both = mixScenario(base, [culture, industry], [1, 1], 'both');
    expect(both.schedule.map((c) => c.key)).toEqual(['culturalMotivation', 'industryCoverage']); // table order
    expect(changedKeys(base, both)).toEqual(['culturalMotivation', 'industryCoverage']);
  });
  it('refuses two suggestions that change the same key', () => {
    expect(() => mixScenario(base, [culture, { ...culture, name: 'culture-2' }], [1, 1], 'x')).toThrow(/both change culturalMotivation/);
  });
  it('moves a suggestion\'s own timing to a later start, keeping the baseline\'s entries', () => {
    const later = shiftSuggestion(base, industry, 2);
    expect(later.schedule[0]).toMatchObject({ from: { year: 2020, month: 1 }, to: { year: 2021, month: 12 } });
  });
});
