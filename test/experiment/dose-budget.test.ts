/** Dose grids and budget readings on hand-made curves. */
import { describe, expect, it } from 'vitest';
import { doseGrid, doseScenario } from '../../src/experiment/dose-response.js';
import type { DosePoint } from '../../src/experiment/dose-response.js';
import { bestAtBudgets, readAtBudgets } from '../../src/experiment/equal-budget.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';

const eff = (mean: number) => ({ mean, se: 0, ciLo: mean - 10, ciHi: mean + 10, n: 4, sd: 0 });
const point = (scenario: string, dose: number, cost: number, effect: number): DosePoint => ({
  scenario, dose, setting: '', extraYuanPerYear: cost, extraSpending: eff(cost), effects: [{ outcome: 'durable_exits', year: 2025, effect: eff(effect) }],
});

describe('doses', () => {
  it('spreads doses up to the plausible end of each lever, keeping the timing', () => {
    expect(doseGrid(4)).toEqual([0.25, 0.5, 0.75, 1]);
    const base: ScenarioSpec = { name: 'b', values: {}, schedule: [], scale: 0.01, endYear: 2025, replicates: 2, seed: 1 };
    const s: ScenarioSpec = { ...base, name: 'culture', schedule: [{ kind: 'step', key: 'culturalMotivation', at: { year: 2018, month: 1 }, value: 0.5 }] };
    const half = doseScenario(base, s, 0.5);
    const step = half.schedule[0] as Extract<ScenarioSpec['schedule'][number], { kind: 'step' }>;
    expect(step.at).toEqual({ year: 2018, month: 1 });
    expect(step.value).toBeCloseTo(0.1 + 0.5 * (0.8 - 0.1), 12); // default 0.1, plausible high 0.8
    expect(() => doseScenario(base, s, 1.5)).toThrow(/dose must be in \[0, 1\]/);
  });
});

describe('readAtBudgets', () => {
  const points = [
    point('industry', 0.5, 1e9, 1000), point('industry', 1, 3e9, 2000),
    point('culture', 0.5, 4e8, 800), point('culture', 1, 8e8, 1200),
    point('free', 1, 0, 50),
  ];
  const readings = readAtBudgets(points, [5e8, 2e9], 'durable_exits', 2025);
  const at = (s: string, b: number) => readings.find((r) => r.scenario === s && r.budgetYuanPerYear === b)!;

  it('interpolates between doses and from the origin', () => {
    expect(at('industry', 5e8)).toMatchObject({ status: 'equal budget', spentYuanPerYear: 5e8, dose: 0.25, effect: 500 });
    expect(at('industry', 2e9)).toMatchObject({ status: 'equal budget', dose: 0.75, effect: 1500 });
    expect(at('culture', 5e8).effect).toBeCloseTo(900, 9);
  });

  it('shows a suggestion that cannot spend the budget as saturated at what it can spend', () => {
    expect(at('culture', 2e9)).toMatchObject({ status: 'saturated', spentYuanPerYear: 8e8, dose: 1, effect: 1200 });
    expect(at('free', 5e8).status).toBe('costs nothing extra');
  });

  it('names the best suggestion among those that reach the budget', () => {
    expect(bestAtBudgets(readings)).toEqual([
      { budgetYuanPerYear: 5e8, best: 'culture', effect: 900 },
      { budgetYuanPerYear: 2e9, best: 'industry', effect: 1500 },
    ]);
    expect(() => readAtBudgets(points, [0], 'durable_exits', 2025)).toThrow(/positive number of yuan per year, got 0/);
  });
});
