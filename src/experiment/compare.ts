/**
 * Comparing scenarios against a baseline with common random numbers.
 *
 *   1. run      every scenario's replicates with the baseline's seeds (replicate r of each scenario
 *               shares seed r), plus the baseline again with independent seeds (for the variance check)
 *   2. effects  paired per-replicate differences on incidence at each effect year → mean, 95% CI
 *   3. money    extra spending from the policy year on, persons lifted out, cost per person
 *   4. synergy  all-four minus the sum of the single effects, paired per replicate
 *   5. variance standard error with common random numbers vs with independent seeds, and the
 *               replicates each would need for a ±0.1 pp interval
 */
import { mean } from 'simple-statistics';
import type { MetricTable } from '../engine/results.js';
import type { Metric } from '../model/metrics.js';
import { ROUTE_NAMES } from '../model/world.js';
import { effectOfDifferences, pairedEffect, replicatesForHalfWidth, unpairedEffect, type Effect } from './paired.js';
import { runTasks, type PoolOptions } from './pool.js';
import { scenarioTasks, type ScenarioSpec } from './run-scenario.js';
import { replicateSeeds } from './seeds.js';
import { resultTables, type RunTask } from './task.js';

export interface ScenarioTables {
  spec: ScenarioSpec;
  seeds: number[];
  tables: { yearly: MetricTable<Metric>; years: number[] }[];
}

export interface ComparisonRuns {
  baseline: ScenarioTables;
  scenarios: ScenarioTables[];
  /** The baseline rerun with independent seeds (none when not requested). */
  independentBaseline: ScenarioTables | null;
}

/** Seed offset of the independent-seed baseline, far from any replicate's seed. */
export const INDEPENDENT_SEED_OFFSET = 1_000_003;

/** Runs the baseline, the scenarios (same seeds) and, optionally, the baseline with independent seeds, in one pool. */
export async function runComparison(
  baseline: ScenarioSpec,
  scenarios: ScenarioSpec[],
  pool: PoolOptions,
  withIndependent: boolean,
): Promise<ComparisonRuns> {
  const specs = [baseline, ...scenarios.map((s) => ({ ...s, seed: baseline.seed, replicates: baseline.replicates, scale: baseline.scale, endYear: baseline.endYear }))];
  if (withIndependent) specs.push({ ...baseline, name: `${baseline.name} (independent seeds)`, seed: (baseline.seed + INDEPENDENT_SEED_OFFSET) >>> 0 });
  const tasks: RunTask[] = [];
  for (const s of specs) tasks.push(...scenarioTasks(s, false, tasks.length));
  const results = await runTasks(tasks, pool);
  const per = specs.map((s, k) => ({
    spec: s,
    seeds: replicateSeeds(s.seed, s.replicates),
    tables: results.slice(k * baseline.replicates, (k + 1) * baseline.replicates).map((r) => resultTables(r)),
  }));
  return { baseline: per[0], scenarios: per.slice(1, 1 + scenarios.length), independentBaseline: withIndependent ? per[per.length - 1] : null };
}

/** One metric at one year across a scenario's replicates. */
export function valuesAt(s: ScenarioTables, metric: Metric, year: number): number[] {
  return s.tables.map((t) => {
    const i = t.years.indexOf(year);
    if (i < 0) throw new RangeError(`valuesAt: year ${year} is outside the run (${t.years[0]}–${t.years[t.years.length - 1]})`);
    return t.yearly.value(i, metric);
  });
}

/** A metric summed over years [from, to], per replicate. */
export function sumOver(s: ScenarioTables, metric: Metric, from: number, to: number): number[] {
  return s.tables.map((t) => {
    let x = 0;
    t.years.forEach((y, i) => {
      if (y >= from && y <= to) x += t.yearly.value(i, metric);
    });
    return x;
  });
}

export interface EffectSummary {
  scenario: string;
  metric: Metric;
  year: number;
  effect: Effect;
}

export interface CostSummary {
  scenario: string;
  /** Reduction of the official poor at the end year vs baseline (persons, paired mean). */
  extraLifted: Effect;
  /** Reduction of the truly poor at the end year vs baseline (persons). */
  extraLiftedTrue: Effect;
  /** Extra spending from policyYear to the end year (yuan, paired mean). */
  extraSpending: Effect;
  /** Extra spending per year over the policy years (yuan/year). */
  extraSpendingPerYear: number;
  /** Extra spending per person lifted out (official), or null when none were lifted. */
  costPerPerson: number | null;
  costPerPersonTrue: number | null;
}

export interface VarianceSummary {
  scenario: string;
  metric: Metric;
  year: number;
  seCommon: number;
  seIndependent: number;
  /** seIndependent / seCommon. */
  ratio: number;
  replicatesCommon: number;
  replicatesIndependent: number;
}

export interface ComparisonAnalysis {
  baselineName: string;
  years: number[];
  effectYears: number[];
  policyYear: number;
  effects: EffectSummary[];
  costs: CostSummary[];
  synergy: EffectSummary[];
  variance: VarianceSummary[];
  /** Exits by route over the policy years, per scenario (persons, mean). */
  routes: { scenario: string; route: string; persons: number }[];
  /** Spending by category over the policy years (yuan, mean). */
  spending: { scenario: string; category: string; yuan: number }[];
}

export const EFFECT_METRICS: readonly Metric[] = ['official_incidence', 'true_incidence'];

/** Analyses comparison runs. `synergyOf` names the combined scenario and its single components. */
export function analyzeComparison(
  runs: ComparisonRuns,
  opts: { effectYears: number[]; policyYear: number; synergyOf?: { combined: string; parts: string[] } },
): ComparisonAnalysis {
  const b = runs.baseline;
  const years = b.tables[0].years;
  const endYear = years[years.length - 1];
  const effectYears = opts.effectYears.filter((y) => years.includes(y));
  const effects: EffectSummary[] = [];
  const variance: VarianceSummary[] = [];
  for (const s of runs.scenarios) {
    for (const metric of EFFECT_METRICS) {
      for (const year of effectYears) {
        const e = pairedEffect(valuesAt(s, metric, year), valuesAt(b, metric, year));
        effects.push({ scenario: s.spec.name, metric, year, effect: e });
        if (runs.independentBaseline) {
          const ind = unpairedEffect(valuesAt(s, metric, year), valuesAt(runs.independentBaseline, metric, year));
          variance.push({
            scenario: s.spec.name,
            metric,
            year,
            seCommon: e.se,
            seIndependent: ind.se,
            ratio: e.se > 0 ? ind.se / e.se : Infinity,
            replicatesCommon: replicatesForHalfWidth(e.sd, 0.001),
            replicatesIndependent: replicatesForHalfWidth(ind.sd, 0.001),
          });
        }
      }
    }
  }
  const costs: CostSummary[] = runs.scenarios.map((s) => {
    const lifted = pairedEffect(valuesAt(b, 'official_poor', endYear), valuesAt(s, 'official_poor', endYear));
    const liftedTrue = pairedEffect(valuesAt(b, 'true_poor', endYear), valuesAt(s, 'true_poor', endYear));
    const spend = pairedEffect(sumOver(s, 'spending_total', opts.policyYear, endYear), sumOver(b, 'spending_total', opts.policyYear, endYear));
    const perYear = spend.mean / Math.max(1, endYear - opts.policyYear + 1);
    return {
      scenario: s.spec.name,
      extraLifted: lifted,
      extraLiftedTrue: liftedTrue,
      extraSpending: spend,
      extraSpendingPerYear: perYear,
      costPerPerson: lifted.mean > 0 ? spend.mean / lifted.mean : null,
      costPerPersonTrue: liftedTrue.mean > 0 ? spend.mean / liftedTrue.mean : null,
    };
  });
  const synergy: EffectSummary[] = [];
  if (opts.synergyOf) {
    const all = runs.scenarios.find((s) => s.spec.name === opts.synergyOf!.combined);
    const parts = opts.synergyOf.parts.map((n) => runs.scenarios.find((s) => s.spec.name === n));
    if (all && parts.every((p) => p)) {
      for (const metric of EFFECT_METRICS) {
        for (const year of effectYears) {
          const base = valuesAt(b, metric, year);
          const combined = valuesAt(all, metric, year);
          const partVals = parts.map((p) => valuesAt(p!, metric, year));
          const d = combined.map((c, r) => c - base[r] - partVals.reduce((acc, pv) => acc + (pv[r] - base[r]), 0));
          synergy.push({ scenario: all.spec.name, metric, year, effect: effectOfDifferences(d) });
        }
      }
    }
  }
  const routes: ComparisonAnalysis['routes'] = [];
  const spending: ComparisonAnalysis['spending'] = [];
  const categories = ['industry', 'employment', 'ecological', 'relocation', 'social_security', 'education', 'health', 'housing', 'culture', 'cadres'] as const;
  for (const s of [b, ...runs.scenarios]) {
    for (const r of ROUTE_NAMES) routes.push({ scenario: s.spec.name, route: r, persons: mean(sumOver(s, `exits_${r}` as Metric, opts.policyYear, endYear)) });
    for (const c of categories) spending.push({ scenario: s.spec.name, category: c, yuan: mean(sumOver(s, `spending_${c}` as Metric, opts.policyYear, endYear)) });
  }
  return { baselineName: b.spec.name, years, effectYears, policyYear: opts.policyYear, effects, costs, synergy, variance, routes, spending };
}
