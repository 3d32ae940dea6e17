/**
 * The whole comparison study, from a plan to every number the outputs show. Pure: runs go through
 * the injected {@link TaskRunner}. Reading order:
 *
 *   1. main      baseline, alternatives and combinations with common random numbers, and the
 *                baseline with independent seeds (variance check) → analyzeComparison; with an
 *                adaptive rule, replicates are added in fixed batches until every alternative's
 *                effect on the headline outcomes is within the target (adaptive-replicates.ts)
 *   2. draws     the assumption layer: n Latin-hypercube draws of the `assume` parameters; in each
 *                draw the baseline and every alternative share seeds → median, 90% interval, ranks
 *   3. doses     each alternative over a grid of doses across its plausible range → dose–response
 *   4. budgets   each alternative read from its curve at the same extra yuan per year
 */
import type { Params } from '../model/parameters.js';
import { analyzeComparison, growComparison, pairedSpec, scenarioTablesOf, type ComparisonAnalysis, type ComparisonRuns, type TaskRunner } from './compare.js';
import { comparisonHalfWidths, HEADLINE_OUTCOMES, runToPrecision, type AdaptiveRule, type PrecisionReport } from './adaptive-replicates.js';
import { hasMetric, outcome, valuesAt } from './compare-values.js';
import { mean } from 'simple-statistics';
import {
  assumptionDraws, assumptionRanges, drawEffects, rankProbabilities, specUnderDraw, summarizeDraws,
  type AssumptionRange, type DrawEffect, type DrawRuns, type DrawSummary, type RankProbability,
} from './assumption-draws.js';
import { doseGrid, dosePoint, doseScenario, doseSetting, type DosePoint } from './dose-response.js';
import { bestAtBudgets, readAtBudgets, type BudgetReading } from './equal-budget.js';
import { scenarioTasks, type ScenarioSpec } from './run-scenario.js';
import type { RunTask } from './task.js';

/** What to run. Alternatives and combinations are compared with the baseline at its run settings. */
export interface ComparisonPlan {
  name: string;
  baseline: ScenarioSpec;
  alternatives: ScenarioSpec[];
  /** Combined scenarios and the names of the alternatives they combine. */
  combinations: { scenario: ScenarioSpec; parts: string[] }[];
  reportYears: number[];
  /** When the suggestions start (chart marker, sentences); costs do not depend on it. */
  policyYear: number;
  draws: { count: number; replicates: number };
  doses: { count: number; replicates: number };
  /** Extra yuan per year at which the alternatives are compared (read from the dose curves). */
  budgets: number[];
  /** Adaptive replicates for the main comparison (absent or null: the baseline's replicates, fixed). */
  adaptive?: AdaptiveRule | null;
}

export interface StudyResult {
  /** The plan as run: with adaptive replicates, its scenarios carry the replicates used. */
  plan: ComparisonPlan;
  /** Replicates used, and the widest headline half-width (against the target, if any). */
  precision: PrecisionReport;
  runs: ComparisonRuns;
  analysis: ComparisonAnalysis;
  /** The outcome the ranking and the budgets use: durable exits when the model writes them, else true incidence. */
  headline: { outcome: string; year: number };
  draws: { ranges: AssumptionRange[]; values: Partial<Params>[]; effects: DrawEffect[]; summary: DrawSummary[]; ranks: RankProbability[] } | null;
  doses: DosePoint[];
  budgets: BudgetReading[];
  best: { budgetYuanPerYear: number; best: string | null; effect: number | null }[];
}

/** Runs a plan needs in all at its initial replicates (for progress; adaptive batches add more, see runStudy's `onGrow`). */
export function plannedRuns(plan: ComparisonPlan): number {
  const n = plan.baseline.replicates;
  const main = n * (plan.alternatives.length + plan.combinations.length + 2);
  const draws = plan.draws.count * plan.draws.replicates * (plan.alternatives.length + 1);
  const doses = plan.doses.count > 0 ? plan.doses.replicates * (plan.doses.count * plan.alternatives.length + 1) : 0;
  return main + draws + doses;
}

/** Runs several specs in one batch and returns their tables in order. */
async function runMany(specs: ScenarioSpec[], run: TaskRunner) {
  const tasks: RunTask[] = [];
  const offsets: number[] = [];
  for (const s of specs) {
    offsets.push(tasks.length);
    tasks.push(...scenarioTasks(s, false, tasks.length));
  }
  const results = await run(tasks);
  return specs.map((s, k) => scenarioTablesOf(s, results.slice(offsets[k], offsets[k] + s.replicates)));
}

/** What the headline half-widths of a comparison are of, in words. */
export function comparisonMeasures(plan: ComparisonPlan): string {
  return `each alternative's effect on ${HEADLINE_OUTCOMES.map((o) => outcome(o).label.replace(/ \(.*\)$/, '').toLowerCase()).join(' and ')} and on durable exits (as a share of the population) in ${plan.reportYears.join(' and ')}`;
}

/**
 * Runs the study. `onGrow(runs)` is told of runs added beyond {@link plannedRuns} by adaptive
 * replicates, before they start (for progress bars).
 */
export async function runStudy(input: ComparisonPlan, run: TaskRunner, onGrow?: (extraRuns: number) => void): Promise<StudyResult> {
  // 1. main comparison, in the rule's fixed batches (one batch without a rule)
  const compared = [...input.alternatives, ...input.combinations.map((c) => c.scenario)];
  const settings = {
    reportYears: input.reportYears,
    policyYear: input.policyYear,
    combinations: input.combinations.map((c) => ({ combined: c.scenario.name, parts: c.parts })),
  };
  let runs: ComparisonRuns | null = null;
  let analysis: ComparisonAnalysis | null = null;
  const initial = input.baseline.replicates;
  const precision = await runToPrecision(initial, input.adaptive ?? null, async (to, stopped) => {
    const from = runs ? runs.baseline.tables.length : 0;
    // An alternative whose effects are within the target stops; combinations go on with the baseline, so
    // their own effects keep the precision of the longest-running scenario (their synergy cannot: it is
    // over the replicates every part has).
    const grows = compared.map((s) => !stopped.has(s.name));
    if (runs) onGrow?.((to - from) * (grows.filter(Boolean).length + 1));
    runs = await growComparison(runs, input.baseline, compared, run, to, true, grows);
    analysis = analyzeComparison(runs, settings);
  }, () => {
    const b = runs!.baseline;
    const population = hasMetric(b, 'population') ? (year: number) => mean(valuesAt(b, 'population', year)) : undefined;
    return comparisonHalfWidths(analysis!.effects, input.alternatives.map((a) => a.name), population);
  }, comparisonMeasures(input));
  if (!runs || !analysis) throw new Error('runStudy: the main comparison did not run');
  const done: ComparisonRuns = runs;
  const n = precision.replicates;
  // The plan as run: each scenario with the replicates it has.
  const withRuns = (s: ScenarioSpec, k: number): ScenarioSpec => ({ ...s, replicates: done.scenarios[k].tables.length });
  const plan: ComparisonPlan = n === initial ? input : {
    ...input, baseline: { ...input.baseline, replicates: n }, alternatives: input.alternatives.map(withRuns),
    combinations: input.combinations.map((c, i) => ({ ...c, scenario: withRuns(c.scenario, input.alternatives.length + i) })),
  };
  return finishStudy(plan, run, done, analysis, precision);
}

/** Layers 2–4 on top of the main comparison. */
async function finishStudy(plan: ComparisonPlan, run: TaskRunner, runs: ComparisonRuns, analysis: ComparisonAnalysis, precision: PrecisionReport): Promise<StudyResult> {
  const b = plan.baseline;
  const lastYear = analysis.reportYears[analysis.reportYears.length - 1] ?? b.endYear;
  const headline = { outcome: hasMetric(runs.baseline, 'durable_exits') ? 'durable_exits' : 'true_incidence', year: lastYear };
  const years = analysis.reportYears;
  const names = plan.alternatives.map((a) => a.name);

  // 2. assumption draws
  let draws: StudyResult['draws'] = null;
  if (plan.draws.count > 0) {
    const ranges = assumptionRanges(b, plan.alternatives);
    const values = assumptionDraws(ranges, plan.draws.count, b.seed);
    const specs = values.flatMap((d) => [b, ...plan.alternatives.map((a) => pairedSpec(b, a))].map((s) => specUnderDraw(s, d, plan.draws.replicates)));
    const tables = await runMany(specs, run);
    const k = plan.alternatives.length + 1;
    const perDraw: DrawRuns[] = values.map((draw, i) => ({ draw, baseline: tables[i * k], scenarios: tables.slice(i * k + 1, (i + 1) * k) }));
    const effects = drawEffects(perDraw, years);
    draws = { ranges, values, effects, summary: summarizeDraws(effects), ranks: rankProbabilities(effects, names) };
  }

  // 3. dose–response
  const doses: DosePoint[] = [];
  if (plan.doses.count > 0) {
    const grid = doseGrid(plan.doses.count);
    const base = { ...b, replicates: plan.doses.replicates };
    const dosed = plan.alternatives.flatMap((a) => grid.map((t) => ({ alt: a.name, t, spec: pairedSpec(base, doseScenario(b, a, t)) })));
    const tables = await runMany([base, ...dosed.map((d) => d.spec)], run);
    dosed.forEach((d, i) => doses.push(dosePoint(d.alt, d.t, doseSetting(b, d.spec), tables[i + 1], tables[0], years)));
  }

  // 4. equal budgets
  const budgets = doses.length && plan.budgets.length ? readAtBudgets(doses, plan.budgets, headline.outcome, headline.year) : [];
  return { plan, precision, runs, analysis, headline, draws, doses, budgets, best: bestAtBudgets(budgets) };
}
