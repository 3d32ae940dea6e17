/**
 * The plan of a comparison: from a comparison file (or the files named on the command line), its
 * loaded scenarios and the command-line flags to the specs `runStudy` runs. Pure: the scenarios come
 * in resolved (in Node by src/node/scenario-files.ts); bad flags are InputErrors naming the flag.
 */
import { InputError } from '../engine/diagnostics.js';
import { adaptiveRule } from './adaptive-replicates.js';
import type { ComparisonPlan } from './compare-study.js';
import type { ComparisonFile } from './comparison-file.js';
import type { ScenarioSpec } from './run-scenario.js';

/** The paper was written at the end of 2017; the shipped suggestions act from 2018 (chart marker, route sums). */
export const POLICY_YEAR = 2018;
/** Replicates per scenario when neither the comparison nor the command line gives them. */
export const DEFAULT_COMPARE_REPLICATES = 50;

/** The command-line flags that change a comparison's plan. */
export interface CompareFlags {
  replicates?: number;
  /** An extra equal budget, yuan per year. */
  budget?: number;
  /** Assumption draws (0: none). */
  draws?: number;
  /** Adaptive replicates: target 95% half-width of the headline effects, pp (overrides the file). */
  targetHalfWidth?: number;
  /** Adaptive replicates: the most replicates per scenario (overrides the file). */
  maxReplicates?: number;
}

const flagProblem = (key: string, message: string, hint: string): InputError =>
  new InputError([{ code: 'bad-flag', file: '(command line)', line: 0, column: 0, key, message, hint }]);

/**
 * The comparison's plan. `scenario(file)` gives the resolved scenario of a file named in the
 * comparison (its run settings without replicates). An extra `--budget` adds an equal-budget row and,
 * when the comparison has no doses, three doses at up to 4 replicates (the budgets need a dose curve).
 * With `targetHalfWidth` or `maxReplicates` (file or flags) the main comparison adds replicates in
 * fixed batches (adaptive-replicates.ts); the doses and draws keep their own replicates.
 * @throws InputError for fewer than 2 replicates, a run ending before {@link POLICY_YEAR}, a bad budget or draw count, or a bad adaptive flag
 */
export function comparisonPlan(c: ComparisonFile, scenario: (file: string) => Omit<ScenarioSpec, 'replicates'>, flags: CompareFlags = {}): ComparisonPlan {
  const replicates = flags.replicates ?? c.replicates ?? DEFAULT_COMPARE_REPLICATES;
  if (!(Number.isInteger(replicates) && replicates >= 2)) throw flagProblem('--replicates', 'a comparison needs at least 2 replicates for its intervals', 'use --replicates 50 (the default)');
  const spec = (f: string): ScenarioSpec => ({ ...scenario(f), replicates });
  const baseline = spec(c.baseline);
  if (baseline.endYear < POLICY_YEAR) throw flagProblem('--end-year', `a comparison needs the run to reach ${POLICY_YEAR}, when the suggestions start`, 'use --end-year 2025 (the default)');
  const budgets = [...c.budgets];
  if (flags.budget !== undefined) {
    if (!Number.isFinite(flags.budget) || flags.budget <= 0 || flags.budget > 1e12) throw flagProblem('--budget', `must be a positive number of yuan per year up to 1e12, got ${flags.budget}`, 'for example --budget 2e9 (2 billion yuan a year)');
    if (!budgets.includes(flags.budget)) budgets.push(flags.budget);
  }
  const doses = c.doses.count > 0 || budgets.length === 0 ? c.doses : { count: 3, replicates: Math.min(replicates, 4) };
  let draws = c.draws;
  if (flags.draws !== undefined) {
    if (!Number.isInteger(flags.draws) || flags.draws === 1 || flags.draws < 0 || flags.draws > 500) throw flagProblem('--draws', `must be 0 (none) or a whole number of draws from 2 to 500, got ${flags.draws}`, 'for example --draws 20');
    draws = { count: flags.draws, replicates: c.draws.replicates > 0 ? c.draws.replicates : 1 };
  }
  const reportYears = c.years.filter((y) => y <= baseline.endYear);
  if (reportYears.length === 0) reportYears.push(baseline.endYear);
  return {
    name: c.name, baseline, alternatives: c.alternatives.map(spec),
    combinations: c.combinations.map((x) => ({ scenario: spec(x.scenario), parts: x.of.map((p) => spec(p).name) })),
    reportYears, policyYear: POLICY_YEAR, draws, doses, budgets: budgets.sort((a, b) => a - b),
    adaptive: adaptiveRule(replicates, c, flags),
  };
}
