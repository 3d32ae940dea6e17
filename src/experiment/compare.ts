/**
 * Comparing scenarios against a baseline with common random numbers. Pure: runs go through an
 * injected {@link TaskRunner} (the worker pool in Node, Web Workers in the browser).
 *
 *   1. run      every scenario's replicates with the baseline's seeds (replicate r of each scenario
 *               shares seed r), plus the baseline again with independent seeds (for the variance check)
 *   2. effects  paired per-replicate differences on each outcome (compare-values.ts) at each report
 *               year → mean, 95% CI (Student t)
 *   3. money    extra spending = scenario − baseline summed over every year (so every month in which
 *               they differ counts, whatever the scenario changes and from when); cost per durable exit
 *               with a delta-method interval
 *   4. synergy  for every declared combination: its effect minus the sum of its parts' effects, paired
 *   5. variance standard error with common random numbers vs with independent seeds, and the
 *               replicates each would need for a ±0.1 pp interval
 */
import { mean } from 'simple-statistics';
import type { MetricTable } from '../engine/results.js';
import { ROUTE_NAMES, SPENDING } from '../model/world.js';
import { OUTCOMES, hasMetric, outcomeValues, sumOver, type YearlyRuns } from './compare-values.js';
import { effectOfDifferences, pairedEffect, replicatesForHalfWidth, unpairedEffect, type Effect } from './paired.js';
import { ratioInterval, type RatioInterval } from './ratio-interval.js';
import { replicateTasks, type ScenarioSpec } from './run-scenario.js';
import { replicateSeeds } from './seeds.js';
import { resultTables, type RunTask, type TaskResult, type TaskRunner } from './task.js';

/** Runs tasks and returns their results in task order (the worker pool, or a browser pool). */
export type { TaskRunner };

/** One scenario's replicates: its spec, seeds and yearly tables. */
export interface ScenarioTables extends YearlyRuns {
  spec: ScenarioSpec;
  seeds: number[];
  years: number[];
  tables: MetricTable<string>[];
}

export interface ComparisonRuns {
  baseline: ScenarioTables;
  scenarios: ScenarioTables[];
  /** The baseline rerun with independent seeds (none when not requested). */
  independentBaseline: ScenarioTables | null;
}

/** Seed offset of the independent-seed baseline, far from any replicate's seed. */
export const INDEPENDENT_SEED_OFFSET = 1_000_003;

/** The tables of one scenario from its task results (in replicate order). */
export function scenarioTablesOf(spec: ScenarioSpec, results: readonly TaskResult[]): ScenarioTables {
  if (results.length === 0) throw new RangeError(`scenarioTablesOf: no results for "${spec.name}"`);
  const tables = results.map((r) => resultTables(r).yearly as MetricTable<string>);
  return { spec, seeds: replicateSeeds(spec.seed, spec.replicates), years: [...results[0].years], tables };
}

/** The scenario with the baseline's run settings (seed, replicates, scale, end year): common random numbers. */
export function pairedSpec(baseline: ScenarioSpec, s: ScenarioSpec): ScenarioSpec {
  return { ...s, seed: baseline.seed, replicates: baseline.replicates, scale: baseline.scale, endYear: baseline.endYear };
}

/** Runs the baseline, the scenarios (same seeds) and, optionally, the baseline with independent seeds, in one batch. */
export async function runComparison(baseline: ScenarioSpec, scenarios: ScenarioSpec[], run: TaskRunner, withIndependent: boolean): Promise<ComparisonRuns> {
  return growComparison(null, baseline, scenarios, run, baseline.replicates, withIndependent);
}

/** A scenario's tables with more replicates appended (replicate r stays at index r). */
function appendTables(prev: ScenarioTables | null, spec: ScenarioSpec, results: readonly TaskResult[], to: number): ScenarioTables {
  const more = scenarioTablesOf(spec, results);
  if (!prev) return { ...more, spec: { ...spec, replicates: to }, seeds: replicateSeeds(spec.seed, to) };
  return { spec: { ...prev.spec, replicates: to }, seeds: replicateSeeds(spec.seed, to), years: prev.years, tables: [...prev.tables, ...more.tables] };
}

/**
 * Brings a comparison to `to` replicates in one batch: runs replicates `from` … `to − 1` of the baseline
 * and of every scenario that grows (same seeds; each from its own count), and the independent-seed
 * baseline (`withIndependent`) only in the first batch, at `to` replicates (it serves the variance
 * check, not the effects). With `prev` null it starts from replicate 0. `grows[k]` false keeps
 * scenario k at the replicates it has (adaptive replicates stop a scenario whose effects are precise
 * enough); every scenario grows in the first batch. The result equals a single run of each
 * scenario's replicates, whatever the batches were.
 * @throws RangeError when `to` is not above the baseline's replicates already run
 */
export async function growComparison(
  prev: ComparisonRuns | null,
  baseline: ScenarioSpec,
  scenarios: ScenarioSpec[],
  run: TaskRunner,
  to: number,
  withIndependent: boolean,
  grows?: readonly boolean[],
): Promise<ComparisonRuns> {
  const from = prev ? prev.baseline.tables.length : 0;
  if (!(to > from)) throw new RangeError(`growComparison: need more than the ${from} replicates already run, got ${to}`);
  const had = [prev?.baseline ?? null, ...scenarios.map((_, k) => prev?.scenarios[k] ?? null)];
  const specs = [baseline, ...scenarios.map((s) => pairedSpec(baseline, s))];
  const growing = specs.map((_, k) => k === 0 || !prev || (grows?.[k - 1] ?? true));
  const independent = withIndependent && !prev;
  if (independent) {
    specs.push({ ...baseline, name: `${baseline.name} (independent seeds)`, seed: (baseline.seed + INDEPENDENT_SEED_OFFSET) >>> 0 });
    had.push(null);
    growing.push(true);
  }
  const tasks: RunTask[] = [];
  const ranges: [number, number][] = [];
  specs.forEach((s, k) => {
    const start = tasks.length;
    if (growing[k]) tasks.push(...replicateTasks(s, false, had[k]?.tables.length ?? 0, to, tasks.length));
    ranges.push([start, tasks.length]);
  });
  const results = await run(tasks);
  const per = specs.map((s, k) => (growing[k] ? appendTables(had[k], s, results.slice(...ranges[k]), to) : had[k]!));
  return {
    baseline: per[0],
    scenarios: per.slice(1, 1 + scenarios.length),
    independentBaseline: independent ? per[per.length - 1] : (prev?.independentBaseline ?? null),
  };
}

/**
 * "50 replicates per scenario", or with adaptive replicates that stopped some scenarios early, "50
 * replicates of the baseline, 10–50 per scenario". `counts[0]` is the baseline's.
 */
export function replicatesPhrase(counts: readonly number[]): string {
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? `${hi} replicates per scenario` : `${counts[0]} replicates of the baseline, ${lo}–${hi} per scenario`;
}

/** Replicates every scenario of a comparison has (the baseline's, unless adaptive replicates stopped some scenarios early). */
export function sharedReplicatesOf(runs: ComparisonRuns): number {
  return Math.min(runs.baseline.tables.length, ...runs.scenarios.map((s) => s.tables.length));
}

/**
 * The first `n` replicates of a scenario's runs: the baseline a scenario with `n` replicates is paired
 * with (adaptive replicates may stop a scenario before the baseline).
 */
export function firstReplicates(runs: ScenarioTables, n: number): ScenarioTables {
  if (n >= runs.tables.length) return runs;
  return { spec: { ...runs.spec, replicates: n }, seeds: runs.seeds.slice(0, n), years: runs.years, tables: runs.tables.slice(0, n) };
}

/** A paired effect of a scenario on one outcome at one year. */
export interface EffectSummary {
  scenario: string;
  outcome: string;
  year: number;
  /** Last year the outcome's values cover (cumulative outcomes stop at the last known year). */
  throughYear: number;
  /** Mean of the baseline's and the scenario's values (same unit as the effect). */
  baselineMean: number;
  scenarioMean: number;
  effect: Effect;
}

export interface CostSummary {
  scenario: string;
  /** First year whose spending differs from the baseline's in any replicate (null: never differs). */
  firstYear: number | null;
  lastYear: number;
  /** Extra spending over every year (yuan, paired mean; 0 in the years before `firstYear`). */
  extraSpending: Effect;
  /** Extra spending per year from `firstYear` to the last year (yuan/year). */
  extraSpendingPerYear: number;
  /** Extra spending by category over the same years (yuan, mean of paired differences). */
  byCategory: { category: string; yuan: number }[];
  /** Extra durable exits (persons), null when the run has no `durable_exits`. */
  extraDurableExits: Effect | null;
  /** Last exit year counted in `extraDurableExits`. */
  durableThroughYear: number | null;
  /** Extra yuan per extra durable exit, delta-method 95% interval. */
  costPerDurableExit: RatioInterval | null;
}

export interface VarianceSummary {
  scenario: string;
  outcome: string;
  year: number;
  seCommon: number;
  seIndependent: number;
  /** How much noisier an effect is with independent seeds, per replicate: sd(independent) / sd(paired differences); equal to seIndependent / seCommon when both have the same replicates. */
  ratio: number;
  replicatesCommon: number;
  replicatesIndependent: number;
}

/** A combined scenario and the single scenarios it combines (by name). */
export interface Combination {
  combined: string;
  parts: string[];
}

export interface ComparisonAnalysis {
  baselineName: string;
  years: number[];
  reportYears: number[];
  /** When the suggestions start (chart marker, route sums). Costs do not depend on it. */
  policyYear: number;
  effects: EffectSummary[];
  costs: CostSummary[];
  synergy: EffectSummary[];
  variance: VarianceSummary[];
  /** Exits by route over [policyYear, end], per scenario (persons, mean). */
  routes: { scenario: string; route: string; persons: number }[];
  /**
   * Replicates the levels of every scenario are read over (routes, and the report's level charts): the
   * first ones, as many as every scenario has, so rows compare like with like.
   */
  sharedReplicates: number;
  /** Outcomes the runs do not provide (their metric is missing), with a note each. */
  unavailable: { outcome: string; note: string }[];
}

/** Spending categories booked by the model (columns `spending_<category>`). */
export const SPENDING_CATEGORIES: readonly string[] = SPENDING;

/**
 * Extra spending of `s` over `b`, per replicate, summed over every year, and the first year in which
 * any replicate differs. Summing every year is what counts every month in which they differ: with
 * common random numbers the months before a change are identical and add exactly 0.
 */
export function extraSpendingOf(s: YearlyRuns, b: YearlyRuns, metric = 'spending_total'): { perReplicate: number[]; firstYear: number | null } {
  const years = b.years;
  let firstYear: number | null = null;
  for (const y of years) {
    const a = sumOver(s, metric, y, y);
    const c = sumOver(b, metric, y, y);
    if (a.some((v, r) => v !== c[r])) {
      firstYear = y;
      break;
    }
  }
  // Whole yuan per year, as yearly.csv prints them, so costs.csv is exactly the sum of yearly.csv's differences.
  const whole = (runs: YearlyRuns): number[] => runs.tables.map((_, r) => years.reduce((acc, y) => acc + Math.round(sumOver(runs, metric, y, y)[r]), 0));
  const a = whole(s);
  const c = whole(b);
  return { perReplicate: a.map((v, r) => v - c[r]), firstYear };
}

/** The cost summary of one scenario against the baseline. */
export function costOf(s: ScenarioTables, b: ScenarioTables, lastYear: number): CostSummary {
  const spend = extraSpendingOf(s, b);
  const extra = effectOfDifferences(spend.perReplicate);
  const years = spend.firstYear === null ? 0 : lastYear - spend.firstYear + 1;
  const byCategory = SPENDING_CATEGORIES.filter((c) => hasMetric(b, `spending_${c}`)).map((category) => ({
    category,
    yuan: mean(extraSpendingOf(s, b, `spending_${category}`).perReplicate),
  }));
  const durable = OUTCOMES.find((o) => o.id === 'durable_exits')!;
  const ds = outcomeValues(s, durable, lastYear);
  const db = outcomeValues(b, durable, lastYear);
  let extraDurableExits: Effect | null = null;
  let costPerDurableExit: RatioInterval | null = null;
  if (ds && db) {
    const gain = ds.values.map((v, r) => v - db.values[r]);
    extraDurableExits = effectOfDifferences(gain);
    costPerDurableExit = ratioInterval(spend.perReplicate, gain);
  }
  return {
    scenario: s.spec.name,
    firstYear: spend.firstYear,
    lastYear,
    extraSpending: extra,
    extraSpendingPerYear: years > 0 ? extra.mean / years : 0,
    byCategory,
    extraDurableExits,
    durableThroughYear: db ? db.throughYear : null,
    costPerDurableExit,
  };
}

/** Paired effects of `s` against `b` on every available outcome at each year. */
export function effectsOf(s: YearlyRuns & { spec: { name: string } }, b: YearlyRuns, years: readonly number[]): EffectSummary[] {
  const out: EffectSummary[] = [];
  for (const o of OUTCOMES) {
    for (const year of years) {
      const vs = outcomeValues(s, o, year);
      const vb = outcomeValues(b, o, year);
      if (!vs || !vb) continue;
      out.push({
        scenario: s.spec.name,
        outcome: o.id,
        year,
        throughYear: Math.min(vs.throughYear, vb.throughYear),
        baselineMean: mean(vb.values),
        scenarioMean: mean(vs.values),
        effect: pairedEffect(vs.values, vb.values),
      });
    }
  }
  return out;
}

/**
 * Synergy of a combination: per replicate, (combined − baseline) − Σ (part − baseline), on every
 * available outcome and year.
 * @throws RangeError when the combination names a scenario that is not in the runs
 */
export function synergyOf(runs: ComparisonRuns, c: Combination, years: readonly number[]): EffectSummary[] {
  const find = (name: string): ScenarioTables => {
    const s = runs.scenarios.find((x) => x.spec.name === name);
    if (!s) throw new RangeError(`synergy: combination "${c.combined}" names "${name}", which is not among the compared scenarios (${runs.scenarios.map((x) => x.spec.name).join(', ')})`);
    return s;
  };
  // Over the replicates every part and the combination have (adaptive replicates may stop some early).
  const n = Math.min(find(c.combined).tables.length, ...c.parts.map((p) => find(p).tables.length));
  const all = firstReplicates(find(c.combined), n);
  const parts = c.parts.map((p) => firstReplicates(find(p), n));
  const b = firstReplicates(runs.baseline, n);
  const out: EffectSummary[] = [];
  for (const o of OUTCOMES) {
    for (const year of years) {
      const base = outcomeValues(b, o, year);
      const comb = outcomeValues(all, o, year);
      const pv = parts.map((p) => outcomeValues(p, o, year));
      if (!base || !comb || pv.some((v) => v === null)) continue;
      const d = comb.values.map((v, r) => v - base.values[r] - pv.reduce((acc, p) => acc + (p!.values[r] - base.values[r]), 0));
      out.push({ scenario: c.combined, outcome: o.id, year, throughYear: base.throughYear, baselineMean: 0, scenarioMean: mean(d), effect: effectOfDifferences(d) });
    }
  }
  return out;
}

/** Analyses comparison runs at the report years (those inside the run). */
export function analyzeComparison(
  runs: ComparisonRuns,
  opts: { reportYears: number[]; policyYear: number; combinations?: Combination[] },
): ComparisonAnalysis {
  const b = runs.baseline;
  const years = b.years;
  const endYear = years[years.length - 1];
  const reportYears = opts.reportYears.filter((y) => years.includes(y));
  const effects: EffectSummary[] = [];
  const variance: VarianceSummary[] = [];
  for (const s of runs.scenarios) {
    const es = effectsOf(s, firstReplicates(b, s.tables.length), reportYears);
    effects.push(...es);
    const ind = runs.independentBaseline;
    if (!ind) continue;
    for (const e of es) {
      const o = OUTCOMES.find((x) => x.id === e.outcome)!;
      const u = unpairedEffect(outcomeValues(s, o, e.year)!.values, outcomeValues(ind, o, e.year)!.values);
      const half = o.kind === 'fraction' ? 0.001 : 1000;
      variance.push({
        scenario: s.spec.name, outcome: e.outcome, year: e.year, seCommon: e.effect.se, seIndependent: u.se,
        // Per replicate (sd, not se): the scenario may have more replicates than the independent
        // baseline's 10, and a ratio of standard errors would then mix the two counts.
        ratio: e.effect.sd > 0 ? u.sd / e.effect.sd : Infinity,
        replicatesCommon: replicatesForHalfWidth(e.effect.sd, half), replicatesIndependent: replicatesForHalfWidth(u.sd, half),
      });
    }
  }
  const costs = runs.scenarios.map((s) => costOf(s, firstReplicates(b, s.tables.length), endYear));
  const synergy = (opts.combinations ?? []).flatMap((c) => synergyOf(runs, c, reportYears));
  const routes: ComparisonAnalysis['routes'] = [];
  const sharedReplicates = sharedReplicatesOf(runs);
  for (const s of [b, ...runs.scenarios].map((x) => firstReplicates(x, sharedReplicates))) {
    for (const r of ROUTE_NAMES) {
      if (hasMetric(s, `exits_${r}`)) routes.push({ scenario: s.spec.name, route: r, persons: mean(sumOver(s, `exits_${r}`, opts.policyYear, endYear)) });
    }
  }
  const unavailable = OUTCOMES.filter((o) => !hasMetric(b, o.metric)).map((o) => ({
    outcome: o.id,
    note: `${o.id} is not available: the model does not write the metric "${o.metric}" to yearly.csv`,
  }));
  return { baselineName: b.spec.name, years, reportYears, policyYear: opts.policyYear, effects, costs, synergy, variance, routes, sharedReplicates, unavailable };
}
