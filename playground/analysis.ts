/**
 * From the replicate results of the baseline and the current settings to what the page shows. Pure
 * and browser-safe, and built on the same core functions as `povsim compare` (no copies):
 *
 *   bands    per year, mean and 5–95% of the replicates (`bandRows`, src/experiment/compare-values.ts)
 *   effects  paired differences current − baseline at the effect year with 95% intervals (`pairedEffect`)
 *   cost     extra spending over every year it differs ÷ extra durable exits (`costOf`, src/experiment/compare.ts)
 */
import { mean } from 'simple-statistics';
import type { MetricTable } from '../src/engine/results.js';
import { costOf, type CostSummary, type ScenarioTables } from '../src/experiment/compare.js';
import { bandRows as coreBandRows, hasMetric, sumOver, valuesAt, type BandRow } from '../src/experiment/compare-values.js';
import { pairedEffect, type Effect } from '../src/experiment/paired.js';
import type { ScenarioSpec } from '../src/experiment/run-scenario.js';
import { resultTables, type TaskResult } from '../src/experiment/task.js';
import { ROUTE_NAMES } from '../src/model/world.js';
import { SPENDING_CATEGORIES } from '../src/experiment/compare.js';

export { valuesAt, sumOver, type BandRow };

/** The yearly tables of one setting's replicates (replicate r at index r). */
export interface Ensemble {
  years: number[];
  tables: MetricTable<string>[];
}

/** Rebuilds the tables of task results (in replicate order). */
export function ensembleOf(results: readonly TaskResult[]): Ensemble {
  if (results.length === 0) throw new RangeError('ensembleOf: no results');
  return { years: [...results[0].years], tables: results.map((r) => resultTables(r).yearly as MetricTable<string>) };
}

/** Mean of the finite values, summed in sorted order as summary.json does (NaN when none). */
export function ensembleMean(xs: readonly number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? mean(s) : NaN;
}

/** The two settings the page compares. */
export type SettingName = 'Baseline' | 'Current settings';

/** Metrics drawn as bands over time. */
export const BAND_METRICS: readonly string[] = ['official_incidence', 'true_incidence', 'mean_motivation', 'cadre_burnout'];

/** Per-year mean and 5–95% band of the metrics across replicates (the `scenario` field holds the setting). */
export function bandRows(e: Ensemble, setting: SettingName, metrics: readonly string[]): BandRow[] {
  return metrics.filter((m) => hasMetric(e, m)).flatMap((m) => coreBandRows(e, setting, m));
}

/** An ensemble as the core's scenario tables (the spec only names it). */
function tablesOf(e: Ensemble, name: string): ScenarioTables {
  const spec: ScenarioSpec = { name, values: {}, schedule: [], scale: 0, endYear: e.years[e.years.length - 1], replicates: e.tables.length, seed: 0 };
  return { spec, seeds: [], years: e.years, tables: e.tables };
}

/** The cost summary the page shows, as `povsim compare` computes it. */
export interface CostResult {
  /** First year whose spending differs from the baseline's (null: never). */
  fromYear: number | null;
  extraSpending: Effect;
  extraSpendingPerYear: number;
  /** Extra durable exits (persons; null when the model does not write them). */
  durable: Effect | null;
  /** Yuan per extra durable exit, or null when none was gained. */
  perPerson: number | null;
  perPersonLo: number | null;
  perPersonHi: number | null;
}

/** Everything the views need. */
export interface Comparison {
  bands: BandRow[];
  /** Year of the effects (the last simulated year, at most 2020). */
  year: number;
  official: { current: number; baseline: number };
  truth: { current: number; baseline: number };
  /** Paired effects at `year` (fractions; ×100 for percentage points). */
  effectOfficial: Effect;
  effectTrue: Effect;
  cost: CostResult;
  /** Extra spending by category over every year it differs (yuan, mean of paired differences). */
  extraByCategory: { category: string; yuan: number }[];
  /** Exits by route summed over [routesFrom, last year] (persons, mean). */
  routes: { setting: SettingName; route: string; persons: number }[];
  routesFrom: number;
}

function costResult(c: CostSummary): CostResult {
  const r = c.costPerDurableExit;
  return {
    fromYear: c.firstYear, extraSpending: c.extraSpending, extraSpendingPerYear: c.extraSpendingPerYear, durable: c.extraDurableExits,
    perPerson: r?.ratio ?? null, perPersonLo: r?.ciLo ?? null, perPersonHi: r?.ciHi ?? null,
  };
}

/** The year effects are read at: 2020 when simulated, else the last year. */
function effectYear(e: Ensemble): number {
  return e.years.includes(2020) ? 2020 : e.years[e.years.length - 1];
}

/** Compares the current settings with the baseline (same seeds, replicate by replicate). */
export function compareEnsembles(baseline: Ensemble, current: Ensemble, routesFrom: number): Comparison {
  if (baseline.tables.length !== current.tables.length) throw new RangeError('compareEnsembles: the two settings need the same replicates');
  const year = effectYear(baseline);
  const last = baseline.years[baseline.years.length - 1];
  const b = tablesOf(baseline, 'Baseline');
  const c = tablesOf(current, 'Current settings');
  const cost = costOf(c, b, last);
  const off = (e: Ensemble): number[] => valuesAt(e, 'official_incidence', year);
  const tru = (e: Ensemble): number[] => valuesAt(e, 'true_incidence', year);
  const routes: Comparison['routes'] = [];
  for (const [setting, e] of [['Baseline', baseline], ['Current settings', current]] as const) {
    for (const route of ROUTE_NAMES) routes.push({ setting, route, persons: mean(sumOver(e, `exits_${route}`, routesFrom, last)) });
  }
  return {
    bands: [...bandRows(baseline, 'Baseline', BAND_METRICS), ...bandRows(current, 'Current settings', BAND_METRICS)],
    year,
    official: { current: ensembleMean(off(current)), baseline: ensembleMean(off(baseline)) },
    truth: { current: ensembleMean(tru(current)), baseline: ensembleMean(tru(baseline)) },
    effectOfficial: pairedEffect(off(current), off(baseline)),
    effectTrue: pairedEffect(tru(current), tru(baseline)),
    cost: costResult(cost),
    extraByCategory: SPENDING_CATEGORIES.map((category) => ({ category, yuan: cost.byCategory.find((x) => x.category === category)?.yuan ?? 0 })),
    routes,
    routesFrom,
  };
}

/** One suggestion's row in the ranking. */
export interface RankRow {
  name: string;
  effectOfficial: Effect;
  effectTrue: Effect;
  perPerson: number | null;
}

/** Rows sorted by effect on official incidence at the effect year, most negative first (as the page's caption says). */
export function rankSuggestions(baseline: Ensemble, suggestions: readonly { name: string; ensemble: Ensemble }[], routesFrom: number): RankRow[] {
  return suggestions
    .map(({ name, ensemble }) => {
      const c = compareEnsembles(baseline, ensemble, routesFrom);
      return { name, effectOfficial: c.effectOfficial, effectTrue: c.effectTrue, perPerson: c.cost.perPerson };
    })
    .sort((a, b) => a.effectOfficial.mean - b.effectOfficial.mean);
}

/** A fraction as percent with 2 decimals, as the page and `povsim run` print it: 0.01234 → "1.23%". */
export function percent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(2)}%` : '–';
}

/** A difference of fractions in percentage points with sign: −0.0042 → "−0.42 pp". */
export function pp(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  const s = (100 * v).toFixed(digits);
  return `${s.startsWith('-') ? '−' + s.slice(1) : v > 0 ? '+' + s : s} pp`;
}

/** Whole yuan with thousands separators. */
export function yuan(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} yuan` : '–';
}
