/**
 * Optimization plans (`povsim optimize [plan.yaml]`): how to split a yearly budget across the
 * suggestions, and how hard to look. Read with the plan reader (file:line:column, key, hint for
 * every problem); every key has a default sized for a few minutes on 2 cores:
 *
 *   name: four-suggestions
 *   baseline: ../baseline.yaml          # relative to this plan
 *   suggestions: [../suggestion-1-industry.yaml, …]   # each changes its own keys
 *   budget: 2e9                         # extra yuan per year, from startYear to the end of the run
 *   startYear: 2018                     # the suggestions' own timing, moved to start here
 *   total: fixed                        # fixed: spend the budget; free: the search may leave some unspent
 *   objective: { outcome: durable_exits, year: 2025, robust: mean }   # robust: mean | quantile
 *   quantile: 0.1                       # with robust: quantile — the draws' low tail (the worst 10%)
 *   draws: 3                            # assumption draws (Latin hypercube); 0 = central assumptions only
 *   costCurve: { doses: 3, replicates: 2 }
 *   search: { grid: 3, refinements: 2, screenReplicates: 1, raceReplicates: 2, raceSize: 4, maxPolls: 10 }
 *   confirmReplicates: 3                # the best split and each suggestion alone, for the intervals
 *   frontier: { budgets: [5e8, 1e9], refine: false }   # other budgets: screen and race (refine: also refine)
 *   seed: 1                             # run settings (default: the baseline's); scale, endYear
 */
import { InputError, type Diagnostic } from '../engine/diagnostics.js';
import type { ScenarioFiles } from '../scenario/files.js';
import { loadScenarioWith, type ResolvedScenario } from '../scenario/load.js';
import { readFileBytes, type PathSegment } from '../scenario/source.js';
import { OUTCOMES } from './compare-values.js';
import { POLICY_YEAR } from './compare-plan.js';
import { changedKeys, shiftSuggestion } from './optimize-dose.js';
import { checkOverrides, readPlanHeader, type PlanOverrides } from './sweep/plan.js';
import { closest, openPlan, type Data, type PlanReader } from './sweep/plan-reader.js';
import type { ScenarioSpec } from './run-scenario.js';
import type { SearchSettings } from './optimize-search.js';

/** The shipped plan, used when none is named. */
export { DEFAULT_OPTIMIZE_PLAN } from './optimize-defaults.js';

export type Robust = { kind: 'mean' } | { kind: 'quantile'; q: number };

/** A loaded optimization plan: scenarios resolved, every setting filled in. */
export interface OptimizePlan {
  name: string;
  description: string;
  baseline: ScenarioSpec;
  /** The suggestions, their schedules moved to `startYear`. */
  suggestions: ScenarioSpec[];
  /** Files of the baseline and the suggestions (for the manifest). */
  files: { baseline: string; suggestions: string[] };
  budget: number;
  startYear: number;
  /** `free`: an extra part of the split is left unspent, so the total is at most the budget. */
  total: 'fixed' | 'free';
  objective: { outcome: string; year: number; robust: Robust };
  draws: number;
  costCurve: { doses: number; replicates: number };
  search: Omit<SearchSettings, 'parts'>;
  confirmReplicates: number;
  frontier: { budgets: number[]; refine: boolean };
}

/** Command-line changes to a plan (only those given). */
export interface OptimizeFlags extends PlanOverrides {
  budget?: number;
  outcome?: string;
  robust?: string;
  quantile?: number;
  draws?: number;
  startYear?: number;
}

export const OPTIMIZE_DEFAULTS = {
  budget: 2e9,
  total: 'fixed' as const,
  objective: { outcome: 'durable_exits', year: 2025 },
  quantile: 0.1,
  draws: 3,
  costCurve: { doses: 3, replicates: 2 },
  search: { grid: 3, refinements: 2, screenReplicates: 1, raceReplicates: 2, raceSize: 4, maxPolls: 10 },
  confirmReplicates: 3,
  frontier: { budgets: [5e8, 1e9], refine: false },
} as const;

const TOP_KEYS = ['$schema', 'name', 'description', 'baseline', 'suggestions', 'budget', 'startYear', 'total', 'objective', 'quantile', 'draws', 'costCurve', 'search', 'confirmReplicates', 'frontier', 'seed', 'scale', 'endYear'] as const;
const OBJECTIVE_KEYS = ['outcome', 'year', 'robust'] as const;
const COST_KEYS = ['doses', 'replicates'] as const;
const SEARCH_KEYS = ['grid', 'refinements', 'screenReplicates', 'raceReplicates', 'raceSize', 'maxPolls'] as const;
const FRONTIER_KEYS = ['budgets', 'refine'] as const;
const MAX_BUDGET = 1e12;

// --- messages ---------------------------------------------------------------------------------------

const p = (code: string, message: string, hint: string) => ({ code, message, hint });
export const optimizeMessages = {
  replicatesInPlan: () => p('unknown-key', 'an optimization plan sets replicates per stage, not `replicates`', 'use search: { screenReplicates: 1, raceReplicates: 2 } and confirmReplicates: 3'),
  noSuggestions: () => p('missing-key', 'name at least two suggestions to split the budget across', 'suggestions: [../suggestion-1-industry.yaml, ../suggestion-3-culture.yaml]'),
  tooManySuggestions: (n: number) => p('out-of-range', `${n} suggestions: the search handles at most 7`, 'split the budget across fewer suggestions'),
  sharedKey: (key: string, a: string, b: string) => p('shared-key', `${a} and ${b} both change ${key}`, 'a mix applies every suggestion at once; each must change its own keys'),
  changesNothing: (name: string) => p('no-change', `${name} changes nothing over the baseline`, 'a suggestion must change a lever or parameter (values or schedule)'),
  badBudget: (v: number) => p('out-of-range', `must be a positive number of yuan per year up to 1e12, got ${v}`, 'for example budget: 2e9 (2 billion yuan a year)'),
  startAfterEnd: (start: number, end: number) => p('out-of-range', `the suggestions cannot start in ${start}: the run ends in ${end}`, `use a start year up to ${end}`),
  startBeforeRun: (start: number) => p('out-of-range', `the suggestions cannot start in ${start}, before the first simulated year`, 'use a start year from 2014'),
  yearAfterEnd: (year: number, end: number) => p('out-of-range', `the objective is read in ${year}, after the run ends (${end})`, `use objective: { year: ${end} } or a later endYear`),
  yearBeforeStart: (year: number, start: number) => p('out-of-range', `the objective is read in ${year}, before the suggestions start (${start})`, `use a year from ${start}`),
  unknownOutcome: (o: string, s: string | undefined) => p('unknown-value', `unknown outcome "${o}"`, s ? `did you mean "${s}"?` : `outcomes: ${OUTCOMES.map((x) => x.id).join(', ')}`),
  quantileWithoutRobust: () => p('unused-key', '`quantile` is only used with objective: { robust: quantile }', 'add robust: quantile to the objective, or remove quantile'),
  raceBelowScreen: (race: number, screen: number) => p('out-of-range', `raceReplicates (${race}) must be at least screenReplicates (${screen})`, `use raceReplicates: ${screen}`),
  quantileNeedsDraws: () => p('out-of-range', 'a quantile over the assumption draws needs at least 2 draws', 'use draws: 5 or more, or robust: mean'),
};

// --- reading ----------------------------------------------------------------------------------------

const commandLine = (key: string, problem: { code: string; message: string; hint: string }): Diagnostic => ({ ...problem, file: '(command line)', line: 0, column: 0, key });

function wholeIn(r: PlanReader, obj: Data, key: string, path: PathSegment[], min: number, max: number): number | undefined {
  return r.number(obj, key, path, { min, max, integer: true });
}

/**
 * Reads a scenario named in the plan (relative to it) at `at`: a file that cannot be read is a problem
 * of the plan at that key (with its line); the scenario's own problems are reported as its file's.
 */
function readScenario(r: PlanReader, rel: string, at: PathSegment[], endYear: number | undefined, problems: Diagnostic[]): ResolvedScenario | undefined {
  const display = r.files.relativeTo(r.display, rel);
  const read = readFileBytes(r.files, r.files.absolute(r.files.relativeTo(r.abs, rel)));
  if ('problem' in read) {
    r.problem(at, { code: 'io', message: `cannot read the scenario ${JSON.stringify(rel)}${display !== rel ? ` (${display})` : ''}: ${read.problem.message}`, hint: 'paths in an optimization plan are relative to the plan file' });
    return undefined;
  }
  try {
    return loadScenarioWith(r.files, display, endYear !== undefined ? { runOverrides: { endYear } } : {});
  } catch (err) {
    if (err instanceof InputError) {
      problems.push(...err.diagnostics);
      return undefined;
    }
    throw err;
  }
}

const specOf = (s: ResolvedScenario, run: { seed: number; scale: number; endYear: number }): ScenarioSpec => ({ name: s.name, values: s.values, schedule: s.schedule, replicates: 1, ...run });

/**
 * Loads and validates an optimization plan and every scenario it names, then applies the flags.
 * @throws InputError with every problem found (the plan's, then its scenarios', then the flags')
 */
export function loadOptimizePlanWith(files: ScenarioFiles, file: string, flags: OptimizeFlags = {}): OptimizePlan {
  const { budget: flagBudget, outcome: flagOutcome, robust: flagRobust, quantile: flagQuantile, draws: flagDraws, startYear: flagStart, ...overrides } = flags;
  checkOverrides(overrides);
  if (overrides.replicates !== undefined) throw new InputError([commandLine('--replicates', { code: 'bad-flag', message: 'optimize runs several stages with their own replicates', hint: 'set search: { raceReplicates } and confirmReplicates in a plan file' })]);
  const r = openPlan(files, file);
  const top = r.mapping(r.data, []);
  if (!top) return r.throwIfProblems() as never;
  if (top.replicates !== undefined) r.problem(['replicates'], optimizeMessages.replicatesInPlan(), 'key');
  const { name, description, planRun } = readPlanHeader(r, top, [...TOP_KEYS, 'replicates']);
  const M = optimizeMessages;

  // 1. scalars and sections
  const budget = r.number(top, 'budget', []);
  if (budget !== undefined && !(budget > 0 && budget <= MAX_BUDGET)) r.problem(['budget'], M.badBudget(budget));
  const startYear = wholeIn(r, top, 'startYear', [], 2014, 2100);
  const total = r.choice(top, 'total', [], 'total', ['fixed', 'free'] as const);
  const obj = top.objective === undefined ? {} : r.mapping(top.objective, ['objective']) ?? {};
  r.unknownKeys(obj, ['objective'], OBJECTIVE_KEYS);
  const outcomeId = r.text(obj, 'outcome', ['objective']);
  if (outcomeId !== undefined && !OUTCOMES.some((o) => o.id === outcomeId)) r.problem(['objective', 'outcome'], M.unknownOutcome(outcomeId, closest(outcomeId, OUTCOMES.map((o) => o.id))));
  const year = wholeIn(r, obj, 'year', ['objective'], 2014, 2100);
  const robustKind = r.choice(obj, 'robust', ['objective'], 'robust form', ['mean', 'quantile'] as const);
  const quantile = r.number(top, 'quantile', [], { min: 0.01, max: 0.99 });
  const draws = wholeIn(r, top, 'draws', [], 0, 500);
  if (draws === 1) r.problem(['draws'], { code: 'out-of-range', message: 'one draw says nothing about the assumptions', hint: 'use draws: 0 (central assumptions only) or at least 2' });
  const cost = top.costCurve === undefined ? {} : r.mapping(top.costCurve, ['costCurve']) ?? {};
  r.unknownKeys(cost, ['costCurve'], COST_KEYS);
  const costDoses = wholeIn(r, cost, 'doses', ['costCurve'], 2, 20);
  const costReplicates = wholeIn(r, cost, 'replicates', ['costCurve'], 1, 100);
  const search = top.search === undefined ? {} : r.mapping(top.search, ['search']) ?? {};
  r.unknownKeys(search, ['search'], SEARCH_KEYS);
  const s = OPTIMIZE_DEFAULTS.search;
  const readSearch = (k: keyof typeof s, min: number, max: number): number => wholeIn(r, search, k, ['search'], min, max) ?? s[k];
  const searchSettings = {
    grid: readSearch('grid', 1, 12),
    refinements: readSearch('refinements', 0, 6),
    screenReplicates: readSearch('screenReplicates', 1, 100),
    raceReplicates: readSearch('raceReplicates', 1, 100),
    raceSize: readSearch('raceSize', 1, 1000),
    maxPolls: readSearch('maxPolls', 0, 10_000),
  };
  if (searchSettings.raceReplicates < searchSettings.screenReplicates && search.raceReplicates !== undefined) r.problem(['search', 'raceReplicates'], M.raceBelowScreen(searchSettings.raceReplicates, searchSettings.screenReplicates));
  const confirm = wholeIn(r, top, 'confirmReplicates', [], 2, 1000);
  const fr = top.frontier === undefined ? {} : r.mapping(top.frontier, ['frontier']) ?? {};
  r.unknownKeys(fr, ['frontier'], FRONTIER_KEYS);
  const frontierBudgets = r.list(fr, 'budgets', ['frontier'], 'budgets', (v, at) => {
    if (typeof v !== 'number' || !(v > 0 && v <= MAX_BUDGET)) return r.problem(at, M.badBudget(typeof v === 'number' ? v : NaN));
    return v;
  });
  const refine = r.boolean(fr, 'refine', ['frontier']);

  // 2. scenarios
  if (top.baseline === undefined) r.missing([], 'baseline');
  const baselineRel = r.text(top, 'baseline', [], 1000);
  const sugRel = r.list(top, 'suggestions', [], 'suggestions', (v, at) => (typeof v === 'string' && v.trim() !== '' ? v : r.problem(at, { code: 'wrong-type', message: 'must be a scenario file path', hint: 'a path relative to this plan' })));
  if (top.suggestions === undefined) r.problem([], M.noSuggestions());
  else if (sugRel && sugRel.length < 2) r.problem(['suggestions'], M.noSuggestions());
  else if (sugRel && sugRel.length > 7) r.problem(['suggestions'], M.tooManySuggestions(sugRel.length));
  r.throwIfProblems();
  const endYearOverride = overrides.endYear ?? planRun.endYear;
  const problems: Diagnostic[] = [];
  const base = readScenario(r, baselineRel!, ['baseline'], endYearOverride, problems);
  const sugs = sugRel!.map((f, i) => readScenario(r, f, ['suggestions', i], endYearOverride, problems));
  r.throwIfProblems(); // files that cannot be read, at their keys of the plan
  if (problems.length) throw new InputError(problems);
  const run = {
    seed: overrides.seed ?? planRun.seed ?? base!.run.seed,
    scale: overrides.scale ?? planRun.scale ?? base!.run.scale,
    endYear: endYearOverride ?? base!.run.endYear,
  };
  const baseline = specOf(base!, run);
  const suggestions = sugs.map((x) => specOf(x!, run));
  const owner = new Map<string, string>();
  suggestions.forEach((sg, i) => {
    const keys = changedKeys(baseline, sg);
    if (keys.length === 0) r.problem(['suggestions', i], M.changesNothing(sg.name));
    for (const k of keys) {
      const o = owner.get(k);
      if (o !== undefined && o !== sg.name) r.problem(['suggestions', i], M.sharedKey(k, o, sg.name));
      owner.set(k, sg.name);
    }
  });

  // 3. flags over the plan, then checks that need the run
  const flagProblems: Diagnostic[] = [];
  if (flagBudget !== undefined && !(Number.isFinite(flagBudget) && flagBudget > 0 && flagBudget <= MAX_BUDGET)) flagProblems.push(commandLine('--budget', M.badBudget(flagBudget)));
  if (flagOutcome !== undefined && !OUTCOMES.some((o) => o.id === flagOutcome)) flagProblems.push(commandLine('--outcome', M.unknownOutcome(flagOutcome, closest(flagOutcome, OUTCOMES.map((o) => o.id)))));
  if (flagRobust !== undefined && flagRobust !== 'mean' && flagRobust !== 'quantile') flagProblems.push(commandLine('--robust', p('unknown-value', `must be mean or quantile, got ${flagRobust}`, 'for example --robust quantile --quantile 0.1')));
  if (flagQuantile !== undefined && !(flagQuantile >= 0.01 && flagQuantile <= 0.99)) flagProblems.push(commandLine('--quantile', p('out-of-range', `must be a share from 0.01 to 0.99, got ${flagQuantile}`, 'for example --quantile 0.1 (the worst 10% of the draws)')));
  if (flagDraws !== undefined && !(Number.isInteger(flagDraws) && flagDraws !== 1 && flagDraws >= 0 && flagDraws <= 500)) flagProblems.push(commandLine('--draws', p('out-of-range', `must be 0 (none) or a whole number of draws from 2 to 500, got ${flagDraws}`, 'for example --draws 8')));
  if (flagStart !== undefined && !(Number.isInteger(flagStart) && flagStart >= 2014 && flagStart <= 2100)) flagProblems.push(commandLine('--start-year', p('out-of-range', `must be a year from 2014, got ${flagStart}`, 'for example --start-year 2018')));
  if (flagProblems.length) throw new InputError([...r.diagnostics, ...flagProblems]);
  const robustOf = (kind: 'mean' | 'quantile'): Robust => (kind === 'mean' ? { kind } : { kind, q: flagQuantile ?? quantile ?? OPTIMIZE_DEFAULTS.quantile });
  const robust = robustOf((flagRobust as 'mean' | 'quantile' | undefined) ?? robustKind ?? (flagQuantile !== undefined ? 'quantile' : 'mean'));
  if (quantile !== undefined && robust.kind === 'mean') r.problem(['quantile'], M.quantileWithoutRobust(), 'key');
  const start = flagStart ?? startYear ?? POLICY_YEAR;
  const drawCount = flagDraws ?? draws ?? OPTIMIZE_DEFAULTS.draws;
  if (robust.kind === 'quantile' && drawCount < 2) r.problem(flagDraws !== undefined || draws === undefined ? [] : ['draws'], M.quantileNeedsDraws());
  const objYear = year ?? Math.min(OPTIMIZE_DEFAULTS.objective.year, run.endYear);
  const startPath: PathSegment[] = startYear !== undefined && flagStart === undefined ? ['startYear'] : [];
  if (start > run.endYear) r.problem(startPath, M.startAfterEnd(start, run.endYear));
  if (objYear > run.endYear) r.problem(year !== undefined ? ['objective', 'year'] : [], M.yearAfterEnd(objYear, run.endYear));
  else if (objYear < start) r.problem(year !== undefined ? ['objective', 'year'] : [], M.yearBeforeStart(objYear, start));
  r.throwIfProblems();
  const shift = start - POLICY_YEAR;
  const mainBudget = flagBudget ?? budget ?? OPTIMIZE_DEFAULTS.budget;
  return {
    name: name!,
    description,
    baseline,
    suggestions: suggestions.map((sg) => shiftSuggestion(baseline, sg, shift)),
    files: { baseline: base!.file, suggestions: sugs.map((x) => x!.file) },
    budget: mainBudget,
    startYear: start,
    total: total ?? OPTIMIZE_DEFAULTS.total,
    objective: { outcome: flagOutcome ?? outcomeId ?? OPTIMIZE_DEFAULTS.objective.outcome, year: objYear, robust },
    draws: drawCount,
    costCurve: { doses: costDoses ?? OPTIMIZE_DEFAULTS.costCurve.doses, replicates: costReplicates ?? OPTIMIZE_DEFAULTS.costCurve.replicates },
    search: searchSettings,
    confirmReplicates: Math.max(confirm ?? OPTIMIZE_DEFAULTS.confirmReplicates, searchSettings.raceReplicates),
    frontier: {
      budgets: [...new Set([...(frontierBudgets ?? OPTIMIZE_DEFAULTS.frontier.budgets)].filter((b) => b !== mainBudget))].sort((a, b) => a - b),
      refine: refine ?? OPTIMIZE_DEFAULTS.frontier.refine,
    },
  };
}
