/**
 * `povsim compare [baseline] [scenarios…]`: the main job. Runs every scenario with the baseline's seeds
 * (common random numbers), estimates paired effects with 95% intervals, costs per person lifted out,
 * the synergy of all four, the variance saved by common random numbers, and (with --budget) an
 * equal-budget comparison; writes report.html, charts (SVG, PNG), CSV tables and manifest.json (last).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Diagnostic } from '../../engine/diagnostics.js';
import { analyzeComparison, runComparison, type ComparisonAnalysis, type ComparisonRuns } from '../../experiment/compare.js';
import { comparisonReportInput, costsCsv, effectsCsv, summaryTable, varianceCsv } from '../../experiment/compare-report.js';
import { correctIntensity, firstIntensity, scaleScenario } from '../../experiment/equal-budget.js';
import { formatValue } from '../../experiment/run-outputs.js';
import type { ScenarioSpec } from '../../experiment/run-scenario.js';
import { METRICS } from '../../model/metrics.js';
import { writeReport } from '../../report/write.js';
import { loadScenario, type ResolvedScenario } from '../../scenario/load.js';
import type { CliIO } from '../io.js';
import { prepareOutputDir, removePartials, writeManifest, writeOutput } from '../output-dir.js';
import { startProgress } from '../progress.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { runOverrides, type RunFlags } from '../shared-flags.js';
import { checkWorkers } from './run.js';

/** The shipped comparison, used when no files are named. */
export const DEFAULT_BASELINE = 'scenarios/baseline.yaml';
export const DEFAULT_SCENARIOS = [
  'scenarios/suggestion-1-industry.yaml',
  'scenarios/suggestion-2-relocation.yaml',
  'scenarios/suggestion-3-culture.yaml',
  'scenarios/suggestion-4-governance.yaml',
  'scenarios/all-four.yaml',
];
export const DEFAULT_COMPARE_REPLICATES = 50;
/** The paper was written at the end of 2017; the suggestions act from 2018. */
export const POLICY_YEAR = 2018;

export interface CompareArgs extends RunFlags {
  baseline?: string;
  scenarios?: string[];
  budget?: number;
}

function loadAll(files: string[], overrides: ReturnType<typeof runOverrides>): ResolvedScenario[] {
  const out: ResolvedScenario[] = [];
  const problems: Diagnostic[] = [];
  for (const f of files) {
    try {
      out.push(loadScenario(f, { runOverrides: overrides }));
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.diagnostics);
      else throw err;
    }
  }
  if (problems.length) throw new InputError(problems);
  const names = new Set<string>();
  for (const s of out) {
    if (names.has(s.name)) {
      throw new InputError([{ code: 'duplicate-scenario', file: s.file, line: 0, column: 0, key: 'name', message: `two scenarios are named "${s.name}"`, hint: 'give each compared scenario its own name' }]);
    }
    names.add(s.name);
  }
  return out;
}

function toSpec(s: ResolvedScenario, replicates: number): ScenarioSpec {
  return { name: s.name, values: s.values, schedule: s.schedule, ...s.run, replicates };
}

function checkBudget(budget: number | undefined): void {
  if (budget === undefined) return;
  if (!Number.isFinite(budget) || budget <= 0 || budget > 1e12) {
    throw new InputError([{ code: 'bad-flag', file: '(command line)', line: 0, column: 0, key: '--budget', message: `must be a positive number of yuan per year up to 1e12, got ${budget}`, hint: 'for example --budget 2e9 (2 billion yuan a year)' }]);
  }
}

function yearlyTidyCsv(runs: ComparisonRuns): string {
  const lines = [['scenario', 'replicate', 'seed', 'year', ...METRICS].join(',')];
  for (const s of [runs.baseline, ...runs.scenarios]) {
    s.tables.forEach((t, r) => {
      t.years.forEach((year, i) => {
        lines.push([JSON.stringify(s.spec.name), r, s.seeds[r], year, ...METRICS.map((m, c) => formatValue(m, t.yearly.get(i, c)))].join(','));
      });
    });
  }
  return lines.join('\n') + '\n';
}

function printTable(io: CliIO, t: { columns: string[]; rows: (string | number)[][] }): void {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  for (const [k, r] of cells.entries()) {
    io.out(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    if (k === 0) io.out(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export async function compareCommand(args: CompareArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  checkBudget(args.budget);
  const workers = checkWorkers(args.workers);
  const named = args.baseline !== undefined;
  const baselineFile = args.baseline ?? DEFAULT_BASELINE;
  const scenarioFiles = args.scenarios?.length ? args.scenarios : named ? [] : DEFAULT_SCENARIOS;
  if (!named && !existsSync(DEFAULT_BASELINE)) {
    throw new InputError([{ code: 'no-scenarios', file: '(command line)', line: 0, column: 0, key: '', message: `no scenarios named and ${DEFAULT_BASELINE} is not here`, hint: 'run from the povsim folder, or name the files: povsim compare base.yaml a.yaml b.yaml' }]);
  }
  if (scenarioFiles.length === 0) {
    throw new InputError([{ code: 'no-scenarios', file: '(command line)', line: 0, column: 0, key: '', message: 'name at least one scenario to compare with the baseline', hint: 'povsim compare scenarios/baseline.yaml scenarios/all-four.yaml' }]);
  }
  const overrides = runOverrides(args);
  const [base, ...others] = loadAll([baselineFile, ...scenarioFiles], overrides);
  const replicates = args.replicates ?? DEFAULT_COMPARE_REPLICATES;
  if (replicates < 2) {
    throw new InputError([{ code: 'bad-flag', file: '(command line)', line: 0, column: 0, key: '--replicates', message: 'a comparison needs at least 2 replicates for its intervals', hint: 'use --replicates 50 (the default)' }]);
  }
  const baseSpec = toSpec(base, replicates);
  if (baseSpec.endYear < POLICY_YEAR) {
    throw new InputError([{ code: 'bad-flag', file: '(command line)', line: 0, column: 0, key: '--end-year', message: `a comparison needs the run to reach ${POLICY_YEAR}, when the suggestions start`, hint: 'use --end-year 2020 (the default)' }]);
  }
  const specs = others.map((s) => toSpec(s, replicates));
  const dir = args.out ?? join('out', 'compare');
  prepareOutputDir(dir, args.force);

  const totalRuns = replicates * (specs.length + 2) + (args.budget ? 2 * replicates * specs.filter((s) => s.name !== 'all-four').length : 0);
  const progress = startProgress(io, 'compare', totalRuns, args.quiet || args.json);
  let doneBefore = 0;
  const pool = { workers, signal, onDone: (d: number) => progress.update(doneBefore + d, totalRuns) };
  const singles = specs.filter((s) => s.name !== 'all-four').map((s) => s.name);
  const synergyOf = specs.some((s) => s.name === 'all-four') && singles.length > 1 ? { combined: 'all-four', parts: singles } : undefined;
  let runs: ComparisonRuns;
  let analysis: ComparisonAnalysis;
  let budgetRuns: ComparisonRuns | null = null;
  let budgetAnalysis: ComparisonAnalysis | null = null;
  const budgetIntensity: { scenario: string; intensity: number | null; costPerYear: number; note?: string }[] = [];
  try {
    runs = await runComparison(baseSpec, specs, pool, true);
    doneBefore += replicates * (specs.length + 2);
    const years = runs.baseline.tables[0].years;
    const effectYears = [2018, 2019, 2020, years[years.length - 1]].filter((y, i, a) => a.indexOf(y) === i && y >= POLICY_YEAR);
    analysis = analyzeComparison(runs, { effectYears, policyYear: POLICY_YEAR, synergyOf });
    if (args.budget) {
      // Equal budget: scale each single suggestion to cost args.budget extra yuan per year.
      const scaled: ScenarioSpec[] = [];
      const alphas: number[] = [];
      const included: ScenarioSpec[] = [];
      for (const s of specs.filter((x) => x.name !== 'all-four')) {
        const c1 = analysis.costs.find((c) => c.scenario === s.name)!.extraSpendingPerYear;
        const a = firstIntensity(args.budget, c1);
        if (a === null) {
          // A package that costs nothing extra (measured) cannot be scaled to a budget: say so, do not drop it silently.
          budgetIntensity.push({ scenario: s.name, intensity: null, costPerYear: c1, note: 'costs no extra yuan at the shipped intensity, so it cannot be scaled to the budget' });
          continue;
        }
        included.push(s);
        alphas.push(a);
        scaled.push(scaleScenario(baseSpec, s, a));
      }
      let bruns = await runComparison(baseSpec, scaled, pool, false);
      doneBefore += replicates * (scaled.length + 1);
      let ban = analyzeComparison(bruns, { effectYears, policyYear: POLICY_YEAR });
      const corrected = alphas.map((a, i) => correctIntensity(a, args.budget!, ban.costs[i].extraSpendingPerYear));
      if (corrected.some((a, i) => a !== alphas[i])) {
        const rescaled = included.map((s, i) => scaleScenario(baseSpec, s, corrected[i]));
        bruns = await runComparison(baseSpec, rescaled, pool, false);
        ban = analyzeComparison(bruns, { effectYears, policyYear: POLICY_YEAR });
      }
      budgetRuns = bruns;
      budgetAnalysis = ban;
      ban.costs.forEach((c, i) => budgetIntensity.push({ scenario: included[i].name, intensity: corrected[i], costPerYear: c.extraSpendingPerYear }));
    }
  } finally {
    progress.stop();
  }

  const generatedBy = `povsim ${povsimVersion()}, ${replicates} replicates per scenario at scale ${baseSpec.scale}, seed ${baseSpec.seed}`;
  const ratio = analysis.variance.filter((v) => v.metric === 'official_incidence' && v.year === analysis.years[analysis.years.length - 1]);
  const notes = [
    'Effects are paired differences (scenario − baseline) per replicate: replicate r of every scenario uses the same seed (common random numbers), so the difference is the policy effect, not noise.',
    'Persons lifted out = reduction of the registered (official) poor at the end year against the baseline; cost per person = extra spending from 2018 to the end year divided by it.',
    ...ratio.map((v) => `${v.scenario}: standard error ${(100 * v.seCommon).toFixed(3)} pp with common random numbers vs ${(100 * v.seIndependent).toFixed(3)} pp with independent seeds (×${v.ratio.toFixed(1)}); a ±0.1 pp interval needs ${v.replicatesCommon} vs ${v.replicatesIndependent} replicates.`),
    ...analysis.synergy.filter((s) => s.metric === 'official_incidence').map((s) => `Synergy of all four at ${s.year} (effect of all-four minus the sum of the single effects): ${(100 * s.effect.mean).toFixed(2)} pp [${(100 * s.effect.ciLo).toFixed(2)}, ${(100 * s.effect.ciHi).toFixed(2)}].`),
  ];
  try {
    await writeReport(comparisonReportInput(runs, analysis, generatedBy, notes), dir);
    writeOutput(dir, 'yearly.csv', yearlyTidyCsv(runs));
    writeOutput(dir, 'effects.csv', effectsCsv(analysis));
    writeOutput(dir, 'costs.csv', costsCsv(analysis));
    writeOutput(dir, 'variance.csv', varianceCsv(analysis));
    if (budgetRuns && budgetAnalysis) {
      const bdir = join(dir, 'equal-budget');
      const bnotes = [
        `Each suggestion scaled to cost ${args.budget} extra yuan per year, measured: intensity 1 is the shipped file; every changed value moves that share of the way from the baseline, within its valid range (a package that hits its range's end cannot absorb the whole budget).`,
        ...budgetIntensity.map((b) => (b.intensity === null ? `${b.scenario}: ${b.note}.` : `${b.scenario}: intensity ${b.intensity.toFixed(2)}, measured extra spending ${(b.costPerYear / 1e6).toFixed(0)} million yuan/year.`)),
      ];
      await writeReport(comparisonReportInput(budgetRuns, budgetAnalysis, generatedBy, bnotes), bdir);
      writeOutput(bdir, 'effects.csv', effectsCsv(budgetAnalysis));
      writeOutput(bdir, 'costs.csv', costsCsv(budgetAnalysis));
    }
    const manifest = {
      povsim: povsimVersion(),
      gitCommit: gitCommit(),
      baseline: { file: base.file, name: base.name, contentHash: base.contentHash },
      scenarios: others.map((s) => ({ file: s.file, name: s.name, contentHash: s.contentHash })),
      run: { replicates, scale: baseSpec.scale, endYear: baseSpec.endYear, seed: baseSpec.seed, workers, budget: args.budget ?? null },
      seeds: runs.baseline.seeds,
      equalBudget: budgetIntensity,
      wallSeconds: (Date.now() - t0) / 1000,
    };
    writeManifest(dir, manifest);
  } catch (err) {
    removePartials(dir);
    throw err;
  }
  if (args.json) {
    io.out(JSON.stringify({ out: dir, effects: analysis.effects, costs: analysis.costs, synergy: analysis.synergy, variance: analysis.variance }));
  } else if (!args.quiet) {
    io.out(`compare: ${specs.length} scenarios against ${base.name}, ${replicates} replicates each, scale ${baseSpec.scale}, seed ${baseSpec.seed}`);
    printTable(io, summaryTable(analysis));
    for (const n of notes.slice(2)) io.out(n);
    if (budgetAnalysis) {
      io.out(`\nEqual budget (${args.budget} extra yuan per year each):`);
      printTable(io, summaryTable(budgetAnalysis));
    }
    io.out(`wrote ${dir}/report.html, charts (SVG, PNG), summary.csv, summary.md, effects.csv, costs.csv, variance.csv, yearly.csv in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  return 0;
}
