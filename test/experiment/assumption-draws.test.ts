/** The assumption layer: which parameters are drawn, the Latin hypercube over their ranges, ranks. */
import { describe, expect, it } from 'vitest';
import { assumptionDraws, assumptionRanges, rankProbabilities, specUnderDraw, summarizeDraws, type DrawEffect } from '../../src/experiment/assumption-draws.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';
import { PARAMETERS } from '../../src/model/parameters.js';

const base: ScenarioSpec = { name: 'b', values: {}, schedule: [], scale: 0.01, endYear: 2025, replicates: 4, seed: 7 };

describe('assumptionRanges', () => {
  it('takes every stated assumption but the levers and what a compared scenario sets', () => {
    const assumed = PARAMETERS.filter((p) => p.source === 'assume' && p.group !== 'lever' && p.high > p.low).map((p) => p.key);
    expect(assumptionRanges(base, []).map((r) => r.key)).toEqual(assumed);
    const key = assumed[0];
    const setter: ScenarioSpec = { ...base, name: 's', schedule: [{ kind: 'step', key: key as never, at: { year: 2018, month: 1 }, value: 0 }] };
    expect(assumptionRanges(base, [setter]).map((r) => r.key)).not.toContain(key);
    expect(assumptionRanges(base, []).some((r) => r.key === 'culturalMotivation')).toBe(false);
  });
});

describe('assumptionDraws', () => {
  const ranges = [{ key: 'noLaborShare' as const, low: 0.06, high: 0.2, integer: false }, { key: 'trainingDays' as never, low: 0, high: 20, integer: true }];

  it('puts one draw in each stratum of every range, and is reproducible from the seed', () => {
    const d = assumptionDraws(ranges, 5, 7);
    const strata = d.map((x) => Math.floor(((x.noLaborShare! - 0.06) / 0.14) * 5)).sort();
    expect(strata).toEqual([0, 1, 2, 3, 4]);
    for (const x of d) expect(Number.isInteger((x as Record<string, number>).trainingDays)).toBe(true);
    expect(assumptionDraws(ranges, 5, 7)).toEqual(d);
    expect(assumptionDraws(ranges, 5, 8)).not.toEqual(d);
    expect(() => assumptionDraws(ranges, 1, 7)).toThrow(/at least 2 draws/);
  });

  it('applies a draw over the scenario values, keeping the seed', () => {
    const s = specUnderDraw({ ...base, values: { subsidyLevel: 60000 } }, { noLaborShare: 0.1 }, 2);
    expect(s).toMatchObject({ values: { subsidyLevel: 60000, noLaborShare: 0.1 }, replicates: 2, seed: 7 });
  });
});

describe('ranks across draws', () => {
  const e = (draw: number, scenario: string, effect: number): DrawEffect => ({ draw, scenario, outcome: 'durable_exits', year: 2025, effect, replicates: 1 });
  const effects = [e(0, 'a', 10), e(0, 'b', 5), e(1, 'a', 3), e(1, 'b', 8), e(2, 'a', 9), e(2, 'b', 1), e(3, 'a', 7), e(3, 'b', 6)];

  it('counts how often each takes each rank (more durable exits is better)', () => {
    const p = rankProbabilities(effects, ['a', 'b']);
    expect(p.filter((x) => x.rank === 1).map((x) => [x.scenario, x.probability])).toEqual([['a', 0.75], ['b', 0.25]]);
    expect(p.filter((x) => x.scenario === 'b').map((x) => x.probability)).toEqual([0.25, 0.75]);
  });

  it('summarizes each scenario by the median and 90% of the draws (interpolated quantiles, R type 7)', () => {
    const a = summarizeDraws(effects).find((x) => x.scenario === 'a')!;
    expect(a).toMatchObject({ median: 8, draws: 4 });
    expect(a.lo).toBeCloseTo(3 + 0.15 * 4, 12);
    expect(a.hi).toBeCloseTo(9 + 0.85 * 1, 12);
  });
});
