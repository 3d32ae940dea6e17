/**
 * Adaptive replicates on a fake runner whose paired effects are noisy: the fixed batch schedule, the
 * stop rule (target reached, or the maximum and saying so), and that the replicates chosen and every
 * output are the same with one worker, two workers in any completion order, and a fixed run of that size.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/diagnostics.js';
import {
  adaptiveRule, comparisonHalfWidths, precisionSentence, replicateSchedule, runHalfWidths, type AdaptiveRule,
} from '../../src/experiment/adaptive-replicates.js';
import { comparisonManifest, comparisonSummaryLines } from '../../src/experiment/compare-output.js';
import { comparisonReportInput, comparisonYearlyCsv, costsCsv, effectsCsv, varianceCsv } from '../../src/experiment/compare-report.js';
import { plannedRuns, runStudy, type ComparisonPlan, type StudyResult } from '../../src/experiment/compare-study.js';
import { parseComparisonFile } from '../../src/experiment/comparison-file.js';
import { tQuantile975 } from '../../src/experiment/paired.js';
import { runScenarioToPrecision, type ScenarioSpec } from '../../src/experiment/run-scenario.js';
import { MetricTable } from '../../src/engine/results.js';
import type { RunTask, TaskResult, TaskRunner } from '../../src/experiment/task.js';
import { METRICS } from '../../src/model/metrics.js';
import { fakeResult } from './fake-runner.js';

/** A noise in [−0.5, 0.5) from the seed (differs between replicates, shared by scenarios). */
const seedNoise = (seed: number): number => (((seed ^ 0x9e3779b9) * 2246822519) >>> 0) / 2 ** 32 - 0.5;

/** fakeResult with an effect whose size varies by replicate: culture's cut in true incidence is 0.2 pp × (1 + noise). */
function noisyResult(task: RunTask): TaskResult {
  const r = fakeResult(task);
  const t = new MetricTable(METRICS, r.years.length);
  t.data.set(r.yearly);
  const c = t.col('true_incidence');
  const culture = task.schedule.some((x) => x.key === 'culturalMotivation');
  r.years.forEach((year, i) => {
    const level = 0.0004 * seedNoise(task.seed + 17 * year); // the same in every scenario: cancels when paired
    const cut = culture && year >= 2018 ? 0.002 * (1 + seedNoise(task.seed)) : 0;
    t.set(i, c, t.get(i, c) + level - cut);
  });
  return { ...r, yearly: t.data };
}

/** One worker: tasks one after another. */
function oneWorker(): TaskRunner & { batches: number[] } {
  const run = (async (tasks: RunTask[]) => {
    run.batches.push(tasks.length);
    return tasks.map(noisyResult);
  }) as TaskRunner & { batches: number[] };
  run.batches = [];
  return run;
}

/** Two workers finishing in a scrambled order (results placed by task, as the pool does). */
function twoWorkers(scramble: number): TaskRunner {
  return async (tasks) => {
    const out: TaskResult[] = new Array(tasks.length);
    const lanes = [0, 1].map((w) => (async () => {
      for (let i = w; i < tasks.length; i += 2) {
        const wait = ((i * 7919 + scramble * 104729 + w) >>> 0) % 4;
        for (let k = 0; k < wait; k++) await new Promise((r) => setImmediate(r));
        out[i] = noisyResult(tasks[i]);
      }
    })());
    await Promise.all(lanes);
    return out;
  };
}

const spec = (name: string, schedule: ScenarioSpec['schedule'] = []): ScenarioSpec => ({ name, values: {}, schedule, scale: 0.01, endYear: 2025, replicates: 6, seed: 3 });
const culture = [{ kind: 'step' as const, key: 'culturalMotivation' as const, at: { year: 2018, month: 1 }, value: 0.8 }];
const subsidy = [{ kind: 'step' as const, key: 'subsidyLevel' as const, at: { year: 2018, month: 1 }, value: 60000 }];
const planWith = (adaptive: AdaptiveRule | null, replicates = 6): ComparisonPlan => {
  const s = (n: string, sch: ScenarioSpec['schedule'] = []) => ({ ...spec(n, sch), replicates });
  return {
    name: 'adaptive', baseline: s('baseline'), alternatives: [s('culture', culture), s('subsidy', subsidy)],
    combinations: [{ scenario: s('both', [...culture, ...subsidy]), parts: ['culture', 'subsidy'] }],
    reportYears: [2020, 2025], policyYear: 2018, draws: { count: 0, replicates: 0 }, doses: { count: 0, replicates: 0 }, budgets: [], adaptive,
  };
};
const RULE: AdaptiveRule = { targetHalfWidthPp: 0.02, maxReplicates: 60, batch: 6 };
const outputs = (r: StudyResult): string[] => [comparisonYearlyCsv(r.runs), effectsCsv(r.analysis), costsCsv(r.analysis), varianceCsv(r.analysis)];

describe('replicateSchedule', () => {
  it('starts at the initial replicates, adds fixed batches and ends at the maximum', () => {
    expect(replicateSchedule(10, { targetHalfWidthPp: 0.02, maxReplicates: 35, batch: 10 })).toEqual([10, 20, 30, 35]);
    expect(replicateSchedule(10, { targetHalfWidthPp: 0.02, maxReplicates: 10, batch: 5 })).toEqual([10]);
    expect(replicateSchedule(10, null)).toEqual([10]);
    expect(() => replicateSchedule(10, { targetHalfWidthPp: 0.02, maxReplicates: 8, batch: 5 })).toThrow(RangeError);
  });
});

describe('adaptive comparison', async () => {
  const one = oneWorker();
  const grown: number[] = [];
  const r = await runStudy(planWith(RULE), one, (n) => grown.push(n));

  it('stops at the first count of the schedule that meets the target', () => {
    expect(r.precision.reached).toBe(true);
    const n = r.precision.replicates;
    expect(n).toBeGreaterThan(6);
    expect(n).toBeLessThan(60);
    expect((n - 6) % 6).toBe(0);
    expect(r.precision.widest!.halfWidthPp).toBeLessThanOrEqual(0.02);
    // the round before was still too wide
    const rounds = r.precision.rounds;
    expect(rounds.map((x) => x.replicates)).toEqual(r.precision.schedule.slice(0, rounds.length));
    expect(rounds[rounds.length - 2].widestPp!).toBeGreaterThan(0.02);
    // the widest is culture's effect on true incidence (subsidy's is exactly paired: zero width)
    expect(r.precision.widest!.label).toMatch(/^culture true_incidence 20(20|25)$/);
    const widths = comparisonHalfWidths(r.analysis.effects, ['culture', 'subsidy']);
    expect(widths).toHaveLength(4);
    expect(Math.max(...widths.map((w) => w.halfWidth)) * 100).toBeCloseTo(r.precision.widest!.halfWidthPp, 12);
  });

  it('stops an alternative whose effects are within the target: subsidy (exactly paired) stays at 6, culture and the combination go on', () => {
    const n = r.precision.replicates;
    expect(r.precision.perScenario).toEqual([{ scenario: 'culture', replicates: n }, { scenario: 'subsidy', replicates: 6 }]);
    expect(r.runs.scenarios.map((s) => s.tables.length)).toEqual([n, 6, n]);
    expect([r.plan.baseline, ...r.plan.alternatives, r.plan.combinations[0].scenario].map((s) => s.replicates)).toEqual([n, n, 6, n]);
    // subsidy's effects pair its 6 replicates with the baseline's first 6
    const sub = r.analysis.effects.filter((e) => e.scenario === 'subsidy');
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.every((e) => e.effect.n === 6)).toBe(true);
    expect(r.analysis.effects.filter((e) => e.scenario === 'culture').every((e) => e.effect.n === n)).toBe(true);
    // the synergy of both is over the replicates every part has
    expect(r.analysis.synergy.every((e) => e.effect.n === 6)).toBe(true);
  });

  it('reads the variance check per replicate, so culture\'s ratio does not mix its n replicates with the independent baseline\'s 6', () => {
    const n = r.precision.replicates;
    const ind = r.runs.independentBaseline!;
    expect(ind.tables.length).toBe(6);
    const v = r.analysis.variance.find((x) => x.scenario === 'culture' && x.outcome === 'true_incidence' && x.year === 2025)!;
    const e = r.analysis.effects.find((x) => x.scenario === 'culture' && x.outcome === 'true_incidence' && x.year === 2025)!;
    expect(e.effect.n).toBe(n);
    const i = ind.years.indexOf(2025);
    const at = (s: typeof ind) => s.tables.map((t) => t.get(i, t.col('true_incidence')));
    const sv = (xs: number[]) => { const m = xs.reduce((a, b) => a + b, 0) / xs.length; return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1); };
    const perReplicate = Math.sqrt(sv(at(r.runs.scenarios[0])) + sv(at(ind))) / e.effect.sd;
    expect(v.ratio).toBeCloseTo(perReplicate, 9);
    // the ratio of standard errors would weigh the independent side by 1/6 and the paired one by 1/n
    expect(v.ratio).not.toBeCloseTo(v.seIndependent / v.seCommon, 3);
    expect(v.ratio).toBeGreaterThan(1);
  });

  it('draws the level charts over the 6 replicates every scenario has, and says so', () => {
    expect(r.analysis.sharedReplicates).toBe(6);
    const input = comparisonReportInput(r.runs, r.analysis, { title: 't', generatedBy: 'g', summaryTable: { columns: [], rows: [] }, summaryText: [], tables: [], notes: [], sections: [], links: [] } as never);
    const band = input.bands.find((x) => x.scenario === 'baseline' && x.metric === 'true_incidence' && x.year === 2025)!;
    const i = r.runs.baseline.years.indexOf(2025);
    const first6 = r.runs.baseline.tables.slice(0, 6).map((t) => t.get(i, t.col('true_incidence')));
    const all = r.runs.baseline.tables.map((t) => t.get(i, t.col('true_incidence')));
    expect(band.mean).toBeCloseTo(first6.reduce((a, b) => a + b, 0) / 6, 15);
    expect(band.mean).not.toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 12);
    expect(input.subtitle).toContain(`${r.precision.replicates} replicates of the baseline, 6–${r.precision.replicates} per scenario (levels over the 6 every scenario has)`);
  });

  it('runs each batch once: baseline and 3 scenarios first, then baseline, culture and the combination per added replicate; the independent baseline only first', () => {
    expect(one.batches[0]).toBe(6 * 5);
    expect(one.batches.slice(1)).toEqual(grown);
    expect(grown.every((g) => g === 6 * 3)).toBe(true);
    expect(one.batches.reduce((a, b) => a + b, 0)).toBe(plannedRuns(planWith(RULE)) + grown.reduce((a, b) => a + b, 0));
    expect(r.runs.independentBaseline!.tables).toHaveLength(6);
    expect(r.runs.baseline.tables).toHaveLength(r.precision.replicates);
  });

  it('gives the same replicates and byte-identical outputs with two workers in any completion order', async () => {
    for (const scramble of [1, 2, 3]) {
      const r2 = await runStudy(planWith(RULE), twoWorkers(scramble));
      expect(r2.precision).toEqual(r.precision);
      expect(outputs(r2)).toEqual(outputs(r));
    }
  });

  it('gives each scenario the effects of a fixed comparison with its replicates', async () => {
    const fixed = await runStudy(planWith(null, r.precision.replicates), oneWorker());
    const fixed6 = await runStudy(planWith(null, 6), oneWorker());
    const rows = (csv: string, scenario: string) => csv.split('\n').filter((l) => !l.startsWith('synergy,') && l.includes(`,${scenario},`));
    const synergy = (csv: string) => csv.split('\n').filter((l) => l.startsWith('synergy,'));
    // the synergy is over the 6 replicates every part has
    expect(synergy(effectsCsv(r.analysis)).length).toBeGreaterThan(0);
    expect(synergy(effectsCsv(r.analysis))).toEqual(synergy(effectsCsv(fixed6.analysis)));
    for (const [f, scenario] of [[fixed, 'culture'], [fixed, 'both'], [fixed6, 'subsidy']] as const) {
      expect(rows(effectsCsv(r.analysis), scenario).length).toBeGreaterThan(0);
      expect(rows(effectsCsv(r.analysis), scenario)).toEqual(rows(effectsCsv(f.analysis), scenario));
      expect(rows(comparisonYearlyCsv(r.runs), scenario)).toEqual(rows(comparisonYearlyCsv(f.runs), scenario));
    }
    expect(rows(comparisonYearlyCsv(r.runs), 'baseline')).toEqual(rows(comparisonYearlyCsv(fixed.runs), 'baseline'));
    expect(fixed.precision.rule).toBeNull();
    expect(fixed.precision.reached).toBeNull();
  });

  it('says so in the printed summary and the manifest', () => {
    const lines = comparisonSummaryLines(r, 'out/x', ['effects.csv'], 1).join('\n');
    expect(lines).toContain(`${r.precision.replicates} replicates of the baseline, 6–${r.precision.replicates} per scenario`);
    expect(lines).toContain(`${r.precision.replicates} replicates for the baseline: target ±0.02 pp reached`);
    expect(lines.replace(/\n/g, ' ')).toContain('subsidy stopped at 6: its effects were within the target then.');
    const m = comparisonManifest(r, { povsim: '0', gitCommit: null, comparisonFile: null, scenarios: [], workers: 2, files: [], wallSeconds: 1 });
    expect(m.replicates).toMatchObject({
      initial: 6, used: r.precision.replicates, targetHalfWidthPp: 0.02, maxReplicates: 60, batch: 6, reached: true,
      perScenario: [{ scenario: 'culture', replicates: r.precision.replicates }, { scenario: 'subsidy', replicates: 6 }],
    });
  });
});

describe('adaptive comparison at its maximum', async () => {
  const rule: AdaptiveRule = { targetHalfWidthPp: 0.0001, maxReplicates: 15, batch: 4 };
  const r = await runStudy(planWith(rule), oneWorker());

  it('stops at the maximum, not reached, and says so', () => {
    expect(r.precision.schedule).toEqual([6, 10, 14, 15]);
    expect(r.precision.replicates).toBe(15);
    expect(r.precision.reached).toBe(false);
    expect(r.precision.widest!.halfWidthPp).toBeGreaterThan(0.0001);
    const text = precisionSentence(r.precision);
    expect(text).toContain('target ±0.0001 pp NOT reached');
    expect(text).toContain('at the maximum of 15 replicates');
    expect(comparisonSummaryLines(r, 'out/x', [], 1).join(' ')).toContain('NOT reached');
  });
});

describe('comparisonHalfWidths', () => {
  const effect = (scenario: string, outcome: string, year: number, half: number) => ({
    scenario, outcome, year, throughYear: year, baselineMean: 0, scenarioMean: 0,
    effect: { mean: 0, se: half / 2, ciLo: -half, ciHi: half, n: 10, sd: 1 },
  });
  const effects = [
    effect('a', 'true_incidence', 2025, 0.0001), effect('a', 'durable_exits', 2025, 8000), effect('a', 'official_incidence', 2025, 0.01),
    effect('b', 'durable_exits', 2025, 2000), effect('all', 'true_incidence', 2025, 0.5),
  ];

  it('measures true incidence as it is and durable exits as a share of the population; other outcomes and combinations do not count', () => {
    const hw = comparisonHalfWidths(effects, ['a', 'b'], () => 4e7);
    expect(hw).toEqual([
      { label: 'a true_incidence 2025', halfWidth: 0.0001, scenario: 'a' },
      { label: 'a durable_exits 2025 (share of the population)', halfWidth: 0.0002, scenario: 'a' },
      { label: 'b durable_exits 2025 (share of the population)', halfWidth: 0.00005, scenario: 'b' },
    ]);
    // so at a target of 0.02 pp, a's exits (±0.02 pp exactly) are within it, and at 0.01 pp they are not
    expect(hw[1].halfWidth <= 0.02 / 100).toBe(true);
    expect(hw[1].halfWidth <= 0.01 / 100).toBe(false);
  });

  it('leaves durable exits out without a population (or with none counted)', () => {
    expect(comparisonHalfWidths(effects, ['a', 'b']).map((h) => h.label)).toEqual(['a true_incidence 2025']);
    expect(comparisonHalfWidths(effects, ['a', 'b'], () => 0).map((h) => h.label)).toEqual(['a true_incidence 2025']);
  });
});

describe('precisionSentence with alternatives stopped early', () => {
  it('names them grouped by the count they stopped at, and the baseline\'s count first', () => {
    const text = precisionSentence({
      initialReplicates: 10, replicates: 50, rule: { targetHalfWidthPp: 0.02, maxReplicates: 60, batch: 10 },
      perScenario: [{ scenario: 'a', replicates: 50 }, { scenario: 'b', replicates: 10 }, { scenario: 'c', replicates: 20 }, { scenario: 'd', replicates: 10 }],
      schedule: [10, 20, 30, 40, 50, 60], reached: true, widest: { label: 'a true_incidence 2025', halfWidthPp: 0.0167 },
      rounds: [], measures: 'each effect',
    });
    expect(text).toBe('50 replicates for the baseline: target ±0.02 pp reached for each effect (widest ±0.0167 pp (a true_incidence 2025); schedule 10, 20, 30, 40, 50, 60). b and d stopped at 10, c at 20: their effects were within the target then.');
  });
});

describe('adaptive run (no pair: the replicate mean)', async () => {
  const base: ScenarioSpec = { ...spec('base'), replicates: 4 };
  const rule: AdaptiveRule = { targetHalfWidthPp: 0.01, maxReplicates: 40, batch: 4 };
  const r = await runScenarioToPrecision(base, false, oneWorker(), rule);

  it('adds batches until the mean incidence of every year is within the target', () => {
    expect(r.precision.reached).toBe(true);
    expect(r.results).toHaveLength(r.precision.replicates);
    expect(r.seeds).toHaveLength(r.precision.replicates);
    expect(r.spec.replicates).toBe(r.precision.replicates);
    expect(r.precision.replicates).toBeGreaterThan(4);
    expect(r.precision.widest!.halfWidthPp).toBeLessThanOrEqual(0.01);
  });

  it('is the same with two workers', async () => {
    const r2 = await runScenarioToPrecision(base, false, twoWorkers(5), rule);
    expect(r2.precision).toEqual(r.precision);
    expect(r2.results.map((x) => Array.from(x.yearly))).toEqual(r.results.map((x) => Array.from(x.yearly)));
  });

  it('measures t(0.975, n−1)·sd/√n of the values', () => {
    const hw = runHalfWidths([2020], (m) => (m === 'true_incidence' ? [1, 2, 3] : [5, 5, 5]));
    expect(hw).toEqual([{ label: 'official_incidence 2020', halfWidth: 0 }, { label: 'true_incidence 2020', halfWidth: tQuantile975(2) / Math.sqrt(3) }]);
  });
});

describe('adaptive rule from the file and the flags', () => {
  it('uses the documented defaults and lets flags win', () => {
    expect(adaptiveRule(10, {}, {})).toBeNull();
    expect(adaptiveRule(10, { targetHalfWidth: 0.05 }, {})).toEqual({ targetHalfWidthPp: 0.05, maxReplicates: 100, batch: 10 });
    expect(adaptiveRule(10, { maxReplicates: 40, batchReplicates: 5 }, {})).toEqual({ targetHalfWidthPp: 0.02, maxReplicates: 40, batch: 5 });
    expect(adaptiveRule(10, { targetHalfWidth: 0.05, maxReplicates: 40 }, { targetHalfWidth: 0.01, maxReplicates: 80 })).toEqual({ targetHalfWidthPp: 0.01, maxReplicates: 80, batch: 10 });
  });

  it('rejects bad flags naming the flag', () => {
    const key = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return e instanceof InputError ? e.diagnostics[0].key : 'not an InputError';
      }
      return 'no error';
    };
    expect(key(() => adaptiveRule(10, {}, { targetHalfWidth: 0 }))).toBe('--target-half-width');
    expect(key(() => adaptiveRule(10, {}, { maxReplicates: 2.5 }))).toBe('--max-replicates');
    expect(key(() => adaptiveRule(10, {}, { maxReplicates: 5 }))).toBe('--max-replicates');
  });
});

describe('comparison file keys', () => {
  const file = (extra: string): string => `name: t\nbaseline: b.yaml\nalternatives: [a.yaml]\nreplicates: 10\n${extra}`;
  const problems = (text: string) => {
    try {
      parseComparisonFile(text, 'c.yaml');
    } catch (e) {
      if (e instanceof InputError) return e.diagnostics.map((d) => `${d.file}:${d.line}: ${d.key}: ${d.message} | ${d.hint}`);
      throw e;
    }
    return [];
  };

  it('reads targetHalfWidth, maxReplicates and batchReplicates', () => {
    const c = parseComparisonFile(file('targetHalfWidth: 0.02\nmaxReplicates: 60\nbatchReplicates: 5\n'), 'c.yaml');
    expect([c.targetHalfWidth, c.maxReplicates, c.batchReplicates]).toEqual([0.02, 60, 5]);
    const old = parseComparisonFile(file(''), 'c.yaml');
    expect([old.targetHalfWidth, old.maxReplicates, old.batchReplicates]).toEqual([undefined, undefined, undefined]);
  });

  it('reports bad values with file, line, key and hint', () => {
    expect(problems(file('targetHalfWidth: -1\n'))).toEqual(['c.yaml:5: targetHalfWidth: must be a positive number of percentage points up to 10 (the 95% half-width of each headline effect) | for example targetHalfWidth: 0.02 (±0.02 pp)']);
    expect(problems(file('targetHalfWidth: 0.02\nmaxReplicates: 5\n'))).toEqual(['c.yaml:6: maxReplicates: must be at least replicates (10) | maxReplicates: 50']);
    expect(problems(file('batchReplicates: 5\n'))).toEqual(['c.yaml:5: batchReplicates: batches are only added with adaptive replicates | add targetHalfWidth: 0.02 (and maxReplicates), or remove batchReplicates']);
    expect(problems(file('maxReplicates: many\n'))[0]).toMatch(/^c\.yaml:5: maxReplicates: must be a whole number from 2 to 10000/);
  });
});
