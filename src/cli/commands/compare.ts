/**
 * `povsim compare [comparison.yaml | baseline.yaml scenario.yaml…]`: the main job. Thin: reads the
 * comparison (a comparison file, or a baseline and scenarios named on the command line), hands the
 * plan to the experiment layer (compare-study.ts), writes the pages and CSV files, prints the ranked
 * summary. manifest.json is written last.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { InputError, type Diagnostic } from '../../engine/diagnostics.js';
import { budgetPage, comparisonPage, dosePage, PAGES } from '../../experiment/compare-pages.js';
import { comparisonYearlyCsv, costsCsv, effectsCsv, varianceCsv } from '../../experiment/compare-report.js';
import { comparisonPlan } from '../../experiment/compare-plan.js';
import { plannedRuns, runStudy, type ComparisonPlan } from '../../experiment/compare-study.js';
import { doseResponseCsv, drawsCsv, equalBudgetCsv, planSentences, ranksCsv, terminalTable } from '../../experiment/compare-summary.js';
import { isComparisonText, parseComparisonFile, type ComparisonFile } from '../../experiment/comparison-file.js';
import { runTasks } from '../../node/pool.js';
import type { ScenarioSpec } from '../../experiment/run-scenario.js';
import { writeReport } from '../../node/report-files.js';
import { loadScenario, type ResolvedScenario } from '../../node/scenario-files.js';
import type { CliIO } from '../io.js';
import { prepareOutputDir, removePartials, writeManifest, writeOutput } from '../output-dir.js';
import { startProgress } from '../progress.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { runOverrides, type RunFlags } from '../shared-flags.js';
import { checkWorkers } from './run.js';

/** The shipped comparison, used when no file is named (npm start). */
export const DEFAULT_COMPARISON = 'scenarios/comparisons/four-suggestions.yaml';
/** The shipped baseline (for messages and `--help`). */
export const DEFAULT_BASELINE = 'scenarios/baseline.yaml';

export interface CompareArgs extends RunFlags {
  baseline?: string;
  scenarios?: string[];
  budget?: number;
  draws?: number;
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
  const names = new Map<string, string>();
  for (const s of out) {
    const other = names.get(s.name);
    if (other !== undefined && other !== s.file) {
      throw new InputError([{ code: 'duplicate-scenario', file: s.file, line: 0, column: 0, key: 'name', message: `two scenarios are named "${s.name}" (also ${other})`, hint: 'give each compared scenario its own name' }]);
    }
    names.set(s.name, s.file);
  }
  return out;
}

/** The comparison to run: a comparison file (named, or the shipped one), or files named on the command line. */
function readComparison(args: CompareArgs): { file: ComparisonFile; from: string | null } {
  const named = [...(args.baseline ? [args.baseline] : []), ...(args.scenarios ?? [])];
  if (named.length === 0) {
    if (!existsSync(DEFAULT_COMPARISON)) {
      throw new InputError([{ code: 'no-scenarios', file: '(command line)', line: 0, column: 0, key: '', message: `no comparison named and ${DEFAULT_COMPARISON} is not here`, hint: 'run from the povsim folder, or name the files: povsim compare base.yaml a.yaml b.yaml' }]);
    }
    return { file: parseComparisonFile(readFileSync(DEFAULT_COMPARISON, 'utf8'), DEFAULT_COMPARISON), from: DEFAULT_COMPARISON };
  }
  if (named.length === 1 && existsSync(named[0])) {
    const text = readFileSync(named[0], 'utf8');
    if (isComparisonText(text)) return { file: parseComparisonFile(text, named[0]), from: named[0] };
    throw new InputError([{ code: 'no-scenarios', file: '(command line)', line: 0, column: 0, key: '', message: 'name at least one scenario to compare with the baseline', hint: `povsim compare ${named[0]} scenarios/all-four.yaml, or a comparison file (${DEFAULT_COMPARISON})` }]);
  }
  // Files named on the command line: the first is the baseline, the others are alternatives (no combinations).
  return { file: { name: 'comparison', baseline: named[0], alternatives: named.slice(1), combinations: [], years: [2020, 2025], draws: { count: 0, replicates: 0 }, doses: { count: 0, replicates: 0 }, budgets: [] }, from: null };
}

/** Loads the comparison's scenarios and turns them and the flags into a plan (compare-plan.ts). */
function planOf(args: CompareArgs, c: ComparisonFile, from: string | null): { plan: ComparisonPlan; loaded: ResolvedScenario[] } {
  const at = (p: string): string => (from ? relative(process.cwd(), resolve(dirname(from), p)) || p : p);
  const unique = [...new Set([c.baseline, ...c.alternatives, ...c.combinations.map((x) => x.scenario)].map(at))];
  const loaded = loadAll(unique, runOverrides(args));
  const byFile = new Map(unique.map((f, i) => [f, loaded[i]]));
  const scenario = (f: string): Omit<ScenarioSpec, 'replicates'> => {
    const s = byFile.get(at(f))!;
    return { name: s.name, values: s.values, schedule: s.schedule, ...s.run };
  };
  return { plan: comparisonPlan(c, scenario, args), loaded };
}

export async function compareCommand(args: CompareArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const workers = checkWorkers(args.workers);
  const { file, from } = readComparison(args);
  const { plan, loaded } = planOf(args, file, from);
  const dir = args.out ?? join('out', 'compare');
  prepareOutputDir(dir, args.force, 'povsim compare');

  const total = plannedRuns(plan);
  const progress = startProgress(io, 'compare', total, args.quiet || args.json);
  let doneBefore = 0;
  const run = async (tasks: Parameters<typeof runTasks>[0]) => {
    const out = await runTasks(tasks, { workers, signal, onDone: (d) => progress.update(doneBefore + d, total) });
    doneBefore += tasks.length;
    return out;
  };
  let study: Awaited<ReturnType<typeof runStudy>>;
  try {
    study = await runStudy(plan, run);
  } finally {
    progress.stop();
  }

  const generatedBy = `povsim ${povsimVersion()}, ${plan.baseline.replicates} replicates per scenario at scale ${plan.baseline.scale}, seed ${plan.baseline.seed}`;
  const written: string[] = [];
  const put = (name: string, data: string): void => {
    writeOutput(dir, name, data);
    written.push(name);
  };
  try {
    await writeReport(comparisonPage(study, generatedBy), dir);
    const doses = dosePage(study, generatedBy);
    if (doses) await writeReport(doses, dir, { page: PAGES.doses, summary: 'dose-response-table' });
    const budgets = budgetPage(study, generatedBy);
    if (budgets) await writeReport(budgets, dir, { page: PAGES.budgets, summary: 'equal-budget-table' });
    put('yearly.csv', comparisonYearlyCsv(study.runs));
    put('effects.csv', effectsCsv(study.analysis, study.draws?.summary));
    put('costs.csv', costsCsv(study.analysis));
    put('variance.csv', varianceCsv(study.analysis));
    // The second layer's files exist only when it ran (an empty ranks.csv would look like a result).
    if (study.draws) {
      put('ranks.csv', ranksCsv(study));
      put('draws.csv', drawsCsv(study));
    }
    if (study.doses.length) put('dose-response.csv', doseResponseCsv(study));
    if (study.budgets.length) put('equal-budget.csv', equalBudgetCsv(study));
    writeManifest(dir, {
      povsim: povsimVersion(),
      gitCommit: gitCommit(),
      comparison: { file: from, name: plan.name },
      scenarios: loaded.map((s) => ({ file: s.file, name: s.name, contentHash: s.contentHash })),
      combinations: plan.combinations.map((c) => ({ scenario: c.scenario.name, parts: c.parts })),
      run: { replicates: plan.baseline.replicates, scale: plan.baseline.scale, endYear: plan.baseline.endYear, seed: plan.baseline.seed, workers, reportYears: plan.reportYears },
      draws: plan.draws, doses: plan.doses, budgets: plan.budgets,
      seeds: study.runs.baseline.seeds,
      headline: study.headline,
      unavailable: study.analysis.unavailable,
      files: written,
      wallSeconds: (Date.now() - t0) / 1000,
    });
  } catch (err) {
    removePartials(dir);
    throw err;
  }
  if (args.json) {
    io.out(JSON.stringify({ out: dir, headline: study.headline, effects: study.analysis.effects, costs: study.analysis.costs, synergy: study.analysis.synergy, ranks: study.draws?.ranks ?? [], budgets: study.budgets }));
  } else if (!args.quiet) {
    const others = plan.alternatives.length + plan.combinations.length;
    io.out(`compare ${plan.name}: ${others} scenario${others === 1 ? '' : 's'} against ${plan.baseline.name}; ${plan.baseline.replicates} replicates, scale ${plan.baseline.scale}, seed ${plan.baseline.seed}`);
    io.out('');
    for (const l of terminalTable(study)) io.out(l);
    io.out('');
    for (const s of planSentences(study)) io.out(wrap(s, 100));
    for (const u of study.analysis.unavailable) io.out(wrap(`note: ${u.note}`, 100));
    io.out('');
    io.out(wrap(`wrote ${dir}/: report.html${study.doses.length ? `, ${PAGES.doses}` : ''}${study.budgets.length ? `, ${PAGES.budgets}` : ''}, charts, ${written.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(0)} s`, 100));
  }
  return 0;
}

/** Wraps a paragraph at spaces so that no line is longer than `width` (a word longer than that stays whole). */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
