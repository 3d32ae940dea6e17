/**
 * The optimize study on the fake runner (test/experiment/fake-runner.ts: durable exits rise with
 * cultural motivation and the subsidy, spending with both): deterministic, every part of the result
 * consistent with the plan, and the comparison with each suggestion alone computed from paired cells.
 */
import { describe, expect, it } from 'vitest';
import { BUDGET_TOLERANCE, intervalOf, robustScore, runOptimize } from '../../src/experiment/optimize.js';
import { optimumYaml, splitCsv, frontierCsv, verdict, versusCsv } from '../../src/experiment/optimize-output.js';
import type { OptimizePlan } from '../../src/experiment/optimize-plan.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';
import { fakeRunner } from './fake-runner.js';

const base: ScenarioSpec = { name: 'baseline', values: {}, schedule: [], scale: 0.001, endYear: 2025, replicates: 1, seed: 3 };
const culture: ScenarioSpec = { ...base, name: 'culture', schedule: [{ kind: 'step', key: 'culturalMotivation', at: { year: 2018, month: 1 }, value: 0.8 }] };
const subsidy: ScenarioSpec = { ...base, name: 'subsidy', schedule: [{ kind: 'step', key: 'subsidyLevel', at: { year: 2018, month: 1 }, value: 60000 }] };

const plan: OptimizePlan = {
  name: 'fake', description: '', baseline: base, suggestions: [culture, subsidy], files: { baseline: 'b.yaml', suggestions: ['c.yaml', 's.yaml'] },
  budget: 6e8, startYear: 2018, total: 'fixed', objective: { outcome: 'durable_exits', year: 2025, robust: { kind: 'mean' } }, draws: 3,
  costCurve: { doses: 3, replicates: 2 }, search: { grid: 4, refinements: 2, screenReplicates: 1, raceReplicates: 2, raceSize: 3, maxPolls: 10 },
  confirmReplicates: 3, frontier: { budgets: [2e8], refine: false },
};

describe('runOptimize (fake runner)', () => {
  it('is deterministic and writes the same text twice', async () => {
    const a = await runOptimize(plan, fakeRunner());
    const b = await runOptimize(plan, fakeRunner());
    expect(splitCsv(a)).toBe(splitCsv(b));
    expect(frontierCsv(a)).toBe(frontierCsv(b));
    expect(optimumYaml(a)).toBe(optimumYaml(b));
  });

  it('gives a split on the simplex, doses from the cost curves, and each suggestion alone paired', async () => {
    const r = await runOptimize(plan, fakeRunner());
    expect(r.parts).toEqual(['culture', 'subsidy']);
    expect(r.main.best.shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    for (const c of r.costCurves) expect(c.yuan.every((y, i) => i === 0 || y >= 0)).toBe(true);
    r.main.best.readings.forEach((rd, i) => expect(rd.spent).toBeLessThanOrEqual(r.main.best.yuan[i] + 1e-6));
    expect(r.main.singles.map((s) => s.suggestion)).toEqual(['culture', 'subsidy']);
    expect(r.main.effect.draws).toBe(3);
    expect(r.main.effect.replicates).toBe(3);
    for (const s of r.main.singles) {
      if (s.versusBest === null) continue;
      expect(s.versusBest.mean).toBeCloseTo(r.main.effect.mean - s.effect.mean, 6);
      expect(s.bestBeatsIt).toBe(s.versusBest.ciLo > 0);
    }
    expect(r.main.beatsEverySingle).toBe(r.main.singles.every((s) => s.bestBeatsIt));
    expect(r.frontier.map((f) => f.budget)).toEqual([2e8]);
    expect(r.bestAcrossDraws.reduce((x, y) => x + y.share, 0)).toBeCloseTo(1, 12);
    expect(versusCsv(r).split('\n')[0]).toContain('best_split_beats_it');
  });

  it('scales a split down when together its suggestions cost more than the budget, and says at what nominal budget', async () => {
    // At 1.2 bn culture saturates (0.8 bn at most), so the best split mixes it with the subsidy. With
    // 1e4 yuan of extra spending per unit of culture × subsidy yuan, that split measured at its
    // nominal yuan spends more than the budget: it must be scaled down to keep to it.
    const at = { ...plan, budget: 1.2e9, frontier: { budgets: [], refine: false } };
    const additive = await runOptimize(at, fakeRunner());
    expect(additive.main.nominalBudget).toBe(at.budget);
    expect(additive.main.spend.mean).toBeCloseTo(at.budget, -6);
    const r = await runOptimize(at, fakeRunner(1e4));
    expect(r.main.best.shares.every((x) => x > 0)).toBe(true);
    expect(r.main.nominalBudget).toBeLessThan(0.95 * at.budget);
    expect(r.main.best.yuan.reduce((x, y) => x + y, 0)).toBeCloseTo(r.main.nominalBudget, 3);
    expect(Math.abs(r.main.spend.mean - at.budget)).toBeLessThanOrEqual(BUDGET_TOLERANCE * at.budget);
    for (const s of r.main.singles) expect(s.spend.mean).toBeLessThanOrEqual(at.budget * (1 + BUDGET_TOLERANCE));
    expect(splitCsv(r).split('\n')[0]).toContain('nominal_budget_yuan_per_year');
  });

  it('when the split kept to the budget does worse than a suggestion alone, the suggestion alone is the best', async () => {
    // At 4e4 the mix must shrink so far that culture alone (0.8 bn, within the budget) does better.
    const at = { ...plan, budget: 1.2e9, frontier: { budgets: [], refine: false } };
    const r = await runOptimize(at, fakeRunner(4e4));
    expect(r.main.search.best.every((u) => u > 0)).toBe(true); // the search, at nominal yuan, found a mix
    expect(r.main.best.shares).toEqual([1, 0]);
    expect(r.main.beatsEverySingle).toBe(false);
    expect(verdict(r, r.main)).toBe('At 1,200 M yuan a year the best split is culture alone.');
    const culture = r.main.singles.find((s) => s.suggestion === 'culture')!;
    expect(r.main.score).toBe(culture.score);
    expect(r.main.score).toBeGreaterThanOrEqual(Math.max(...r.main.singles.map((s) => s.score)));
  });

  it('a mix that no scaling keeps to the budget is not chosen; best-across-draws lists only the fitted finalists', async () => {
    // Any mix of the two costs 1.5 bn a year more (and looks very effective), however small its doses.
    const at = { ...plan, budget: 1.2e9, frontier: { budgets: [], refine: false } };
    const r = await runOptimize(at, fakeRunner({ bothOnSpending: 1.5e9, bothOnExits: 2e6 }));
    expect(r.main.search.best.every((u) => u > 0)).toBe(true); // the search, at nominal yuan, liked a mix
    expect(r.main.candidates[0].kept).toBe(false);
    expect(r.main.keptToBudget).toBe(true);
    expect(r.main.best.shares.filter((x) => x > 0)).toHaveLength(1); // a suggestion alone
    expect(r.main.spend.mean).toBeLessThanOrEqual(at.budget * (1 + BUDGET_TOLERANCE));
    expect(verdict(r, r.main)).toMatch(/^At 1,200 M yuan a year the best split is (culture|subsidy) alone\.$/);
    const fitted = new Set(r.main.candidates.filter((c) => c.kept).map((c) => c.point.join()));
    for (const b of r.bestAcrossDraws) expect(fitted.has(b.point.join()), b.point.join()).toBe(true);
    expect(r.bestAcrossDraws.reduce((x, y) => x + y.share, 0)).toBeCloseTo(1, 12);
  });

  it('with a free total, has an unspent part', async () => {
    const r = await runOptimize({ ...plan, total: 'free', frontier: { budgets: [], refine: false } }, fakeRunner());
    expect(r.parts).toEqual(['culture', 'subsidy', 'unspent']);
    expect(r.main.best.readings).toHaveLength(2);
  });
});

describe('robustScore and intervalOf', () => {
  it('takes the mean or a low quantile of per-draw scores', () => {
    expect(robustScore([1, 2, 3, 10], { kind: 'mean' })).toBe(4);
    expect(robustScore([1, 2, 3, 10], { kind: 'quantile', q: 0.1 })).toBeCloseTo(1.3, 12); // simple-statistics interpolates between order statistics
  });
  it('covers both layers over every cell and gives replicate noise and the draw range apart', () => {
    const i = intervalOf([[1, 3], [5, 7]]);
    expect(i.mean).toBe(4);
    expect(i.drawLo).toBe(2);
    expect(i.drawHi).toBe(6);
    expect(i.ciLo).toBeLessThan(4);
    expect(i.replicateHalfWidth).toBeGreaterThan(0);
  });
});
