/**
 * The whole study on a fake runner: outcomes, costs, draws, ranks, doses and budgets; every CSV
 * round-trips a name with a comma; the terminal summary fits 100 columns and says what it covers.
 */
import { describe, expect, it } from 'vitest';
import { comparisonYearlyCsv, costsCsv, effectsCsv, varianceCsv } from '../../src/experiment/compare-report.js';
import { plannedRuns, runStudy, type ComparisonPlan } from '../../src/experiment/compare-study.js';
import {
  doseResponseCsv, drawsCsv, equalBudgetCsv, planSentences, ranksCsv, terminalTable, TERMINAL_WIDTH,
} from '../../src/experiment/compare-summary.js';
import { budgetPage, comparisonPage, dosePage } from '../../src/experiment/compare-pages.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';
import { parseCsv } from '../../src/report/csv.js';
import { fakeRunner } from './fake-runner.js';

const spec = (name: string, schedule: ScenarioSpec['schedule'] = []): ScenarioSpec => ({ name, values: {}, schedule, scale: 0.01, endYear: 2025, replicates: 6, seed: 3 });
const step = (key: 'culturalMotivation' | 'subsidyLevel', value: number) => ({ kind: 'step' as const, key, at: { year: 2018, month: 1 }, value });
const CULTURE = 'culture, 80% of villages';
const plan: ComparisonPlan = {
  name: 'test',
  baseline: spec('baseline'),
  alternatives: [spec(CULTURE, [step('culturalMotivation', 0.8)]), spec('subsidy "60k"', [step('subsidyLevel', 60000)])],
  combinations: [{ scenario: spec('both', [step('culturalMotivation', 0.8), step('subsidyLevel', 60000)]), parts: [CULTURE, 'subsidy "60k"'] }],
  reportYears: [2020, 2025],
  policyYear: 2018,
  draws: { count: 5, replicates: 2 },
  doses: { count: 4, replicates: 3 },
  budgets: [5e8, 2e9],
};

describe('runStudy on a fake runner', async () => {
  const run = fakeRunner();
  const r = await runStudy(plan, run);

  it('runs exactly the planned runs', () => {
    expect(run.ran).toBe(plannedRuns(plan));
    expect(plannedRuns(plan)).toBe(6 * 5 + 5 * 2 * 3 + 3 * (4 * 2 + 1));
  });

  it('reads durable exits up to the last known year and ranks on them', () => {
    expect(r.headline).toEqual({ outcome: 'durable_exits', year: 2025 });
    const d = r.analysis.effects.find((e) => e.scenario === CULTURE && e.outcome === 'durable_exits' && e.year === 2025)!;
    expect(d.throughYear).toBe(2023);
    // from 2018 to 2023, 2e5 × (1 − e^(−2.4) − (1 − e^(−0.3))) more a year, the same in every replicate
    const perYear = 2e5 * (Math.exp(-0.3) - Math.exp(-2.4));
    expect(d.effect.mean).toBeCloseTo(6 * perYear, 3);
    expect(d.effect.ciHi - d.effect.ciLo).toBeCloseTo(0, 6);
    expect(r.analysis.synergy.map((s) => s.scenario)).toContain('both');
  });

  it('counts culture costs from 2018 and gives a cost per durable exit', () => {
    const c = r.analysis.costs.find((x) => x.scenario === CULTURE)!;
    expect(c.firstYear).toBe(2018);
    expect(c.extraSpendingPerYear).toBeCloseTo(1e9 * 0.7, 0);
    expect(c.costPerDurableExit!.ratio).toBeCloseTo((8 * 0.7e9) / (6 * 2e5 * (Math.exp(-0.3) - Math.exp(-2.4))), 3);
  });

  it('gives rank probabilities that sum to 1 per scenario and per rank', () => {
    const ranks = parseCsv(ranksCsv(r));
    expect(ranks.columns).toEqual(['scenario', 'outcome', 'year', 'rank', 'probability']);
    const sum = (f: (row: string[]) => boolean): number => ranks.rows.filter(f).reduce((p, row) => p + Number(row[4]), 0);
    for (const s of [CULTURE, 'subsidy "60k"']) expect(sum((row) => row[0] === s && row[1] === 'durable_exits' && row[2] === '2025')).toBeCloseTo(1, 9);
    expect(sum((row) => row[3] === '1' && row[1] === 'durable_exits' && row[2] === '2025')).toBeCloseTo(1, 9);
    expect(r.draws!.values).toHaveLength(5);
  });

  it('never labels an unreached budget equal budget', () => {
    const culture = r.budgets.filter((b) => b.scenario === CULTURE);
    expect(culture.find((b) => b.budgetYuanPerYear === 5e8)!.status).toBe('equal budget');
    const at2bn = culture.find((b) => b.budgetYuanPerYear === 2e9)!;
    expect(at2bn.status).toBe('saturated');
    expect(at2bn.spentYuanPerYear).toBeLessThan(2e9);
    for (const b of r.budgets) if (b.status === 'equal budget') expect(b.spentYuanPerYear).toBe(b.budgetYuanPerYear);
    expect(r.best.find((b) => b.budgetYuanPerYear === 5e8)!.best).not.toBeNull();
  });

  it('round-trips names with commas and quotes through every CSV', () => {
    for (const [file, text] of Object.entries({
      effects: effectsCsv(r.analysis, r.draws!.summary), costs: costsCsv(r.analysis), variance: varianceCsv(r.analysis), yearly: comparisonYearlyCsv(r.runs),
      ranks: ranksCsv(r), draws: drawsCsv(r), doses: doseResponseCsv(r), budgets: equalBudgetCsv(r),
    })) {
      const t = parseCsv(text);
      const col = t.columns.indexOf('scenario');
      expect(col, file).toBeGreaterThanOrEqual(0);
      const names = new Set(t.rows.map((row) => row[col]));
      expect(names.has(CULTURE) || file === 'variance', file).toBe(true);
      for (const row of t.rows) expect(row.length, file).toBe(t.columns.length);
    }
    expect(costsCsv(r.analysis)).toContain('"culture, 80% of villages"');
    expect(costsCsv(r.analysis)).toContain('"subsidy ""60k"""');
  });

  it('prints a terminal summary of at most 100 columns with 3 to 5 sentences', () => {
    const lines = terminalTable(r);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(TERMINAL_WIDTH);
    expect(lines[0]).toMatch(/^# +scenario +durable exits, k +true inc\. 2025, pp +bn\/yr +k yuan\/exit +first$/);
    expect(lines[2]).toMatch(/^1 +culture, 80% of villages/);
    const s = planSentences(r);
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.length).toBeLessThanOrEqual(5);
    expect(s[0]).toMatch(/^By 2025, culture, 80% of villages lifts the most people durably out of poverty: [\d,]+ more durable exits/);
    expect(s.join(' ')).toMatch(/ranks first in \d+% of 5 assumption draws/);
    expect(s.join(' ')).toMatch(/Monte Carlo noise only/);
  });

  it('builds three linked pages', () => {
    const main = comparisonPage(r, 'test');
    expect(main.links!.map((l) => l.href)).toEqual(['dose-response.html', 'equal-budget.html']);
    expect(main.sections!.map((x) => x.id)).toContain('how-sure');
    expect(main.extraCharts!.map((c) => c.id)).toEqual(['rank-distribution']);
    expect(dosePage(r, 'test')!.links!.map((l) => l.href)).toEqual(['report.html', 'equal-budget.html']);
    expect(budgetPage(r, 'test')!.summaryTable.rows.some((row) => String(row[2]).startsWith('saturated'))).toBe(true);
  });
});
