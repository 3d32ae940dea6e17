/**
 * From the replicate results of the baseline and the current settings to what the page shows. Pure
 * and browser-safe. The numbers are computed as the CLI computes them:
 *
 *   bands    per year, mean and 5–95% of the replicates (as `povsim run`'s summary.json)
 *   effects  paired differences current − baseline at 2020 with 95% intervals (`pairedEffect`)
 *   cost     extra spending from the policy year to 2020 ÷ reduction of the official poor at 2020
 *            (as `povsim compare`)
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { MetricTable } from '../src/engine/results.js';
import { pairedEffect, type Effect } from '../src/experiment/paired.js';
import { resultTables, type TaskResult } from '../src/experiment/task.js';
import type { Metric } from '../src/model/metrics.js';
import { ROUTE_NAMES, SPENDING } from '../src/model/world.js';
import { END_YEAR } from './settings.js';

/** The yearly tables of one setting's replicates (replicate r at index r). */
export interface Ensemble {
  years: number[];
  tables: MetricTable<Metric>[];
}

/** Rebuilds the tables of task results (in replicate order). */
export function ensembleOf(results: readonly TaskResult[]): Ensemble {
  if (results.length === 0) throw new RangeError('ensembleOf: no results');
  const tables = results.map((r) => resultTables(r).yearly);
  return { years: results[0].years, tables };
}

/** One metric at one year, per replicate. */
export function valuesAt(e: Ensemble, metric: Metric, year: number): number[] {
  const i = e.years.indexOf(year);
  if (i < 0) throw new RangeError(`valuesAt: year ${year} is not in ${e.years[0]}–${e.years[e.years.length - 1]}`);
  return e.tables.map((t) => t.value(i, metric));
}

/** A metric summed over the years [from, to], per replicate. */
export function sumOver(e: Ensemble, metric: Metric, from: number, to: number): number[] {
  return e.tables.map((t) => e.years.reduce((acc, y, i) => (y >= from && y <= to ? acc + t.value(i, metric) : acc), 0));
}

/** Mean of the finite values, summed in sorted order as summary.json does (NaN when none). */
export function ensembleMean(xs: readonly number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? mean(s) : NaN;
}

/** The two settings the page compares. */
export type SettingName = 'Baseline' | 'Current settings';

/** One point of a band chart. */
export interface BandRow {
  setting: SettingName;
  metric: Metric;
  year: number;
  mean: number;
  lo: number;
  hi: number;
}

/** Per-year mean and 5–95% band of the metrics across replicates. */
export function bandRows(e: Ensemble, setting: SettingName, metrics: readonly Metric[]): BandRow[] {
  const rows: BandRow[] = [];
  for (const metric of metrics) {
    e.years.forEach((year) => {
      const xs = valuesAt(e, metric, year).filter(Number.isFinite).sort((a, b) => a - b);
      if (xs.length === 0) return;
      rows.push({ setting, metric, year, mean: mean(xs), lo: quantileSorted(xs, 0.05), hi: quantileSorted(xs, 0.95) });
    });
  }
  return rows;
}

/** Metrics drawn as bands over time. */
export const BAND_METRICS: readonly Metric[] = ['official_incidence', 'true_incidence', 'mean_motivation', 'cadre_burnout'];

/** Everything the views need. */
export interface Comparison {
  bands: BandRow[];
  /** Mean 2020 incidences. */
  official: { current: number; baseline: number };
  truth: { current: number; baseline: number };
  /** Paired effects at 2020 (fractions; ×100 for percentage points). */
  effectOfficial: Effect;
  effectTrue: Effect;
  cost: CostResult;
  /** Extra spending by category from the cost's first year to 2020 (yuan, mean of paired differences). */
  extraByCategory: { category: string; yuan: number }[];
  /** Exits by route summed over 2014–2020 (persons, mean). */
  routes: { setting: SettingName; route: string; persons: number }[];
}

/** Cost per person lifted out, as `povsim compare` computes it. */
export interface CostResult {
  fromYear: number;
  extraSpending: Effect;
  /** Reduction of the official poor at 2020 (persons). */
  lifted: Effect;
  /** Reduction of the truly poor at 2020 (persons). */
  liftedTrue: Effect;
  /** Yuan per person lifted out, or null when no extra person was lifted out. */
  perPerson: number | null;
  perPersonTrue: number | null;
}

/** Extra spending [fromYear, 2020] ÷ reduction of the poor at 2020, paired. */
export function costOf(baseline: Ensemble, current: Ensemble, fromYear: number): CostResult {
  const lifted = pairedEffect(valuesAt(baseline, 'official_poor', END_YEAR), valuesAt(current, 'official_poor', END_YEAR));
  const liftedTrue = pairedEffect(valuesAt(baseline, 'true_poor', END_YEAR), valuesAt(current, 'true_poor', END_YEAR));
  const extraSpending = pairedEffect(sumOver(current, 'spending_total', fromYear, END_YEAR), sumOver(baseline, 'spending_total', fromYear, END_YEAR));
  return {
    fromYear,
    extraSpending,
    lifted,
    liftedTrue,
    perPerson: lifted.mean > 0 ? extraSpending.mean / lifted.mean : null,
    perPersonTrue: liftedTrue.mean > 0 ? extraSpending.mean / liftedTrue.mean : null,
  };
}

/** Compares the current settings with the baseline (same seeds, replicate by replicate). */
export function compareEnsembles(baseline: Ensemble, current: Ensemble, costFromYear: number): Comparison {
  if (baseline.tables.length !== current.tables.length) throw new RangeError('compareEnsembles: the two settings need the same replicates');
  const off = (e: Ensemble): number[] => valuesAt(e, 'official_incidence', END_YEAR);
  const tru = (e: Ensemble): number[] => valuesAt(e, 'true_incidence', END_YEAR);
  const extraByCategory = SPENDING.map((category) => {
    const m = `spending_${category}` as Metric;
    const cur = sumOver(current, m, costFromYear, END_YEAR);
    const base = sumOver(baseline, m, costFromYear, END_YEAR);
    return { category, yuan: mean(cur.map((c, r) => c - base[r])) };
  });
  const routes: Comparison['routes'] = [];
  for (const [setting, e] of [['Baseline', baseline], ['Current settings', current]] as const) {
    for (const route of ROUTE_NAMES) routes.push({ setting, route, persons: mean(sumOver(e, `exits_${route}` as Metric, 2014, END_YEAR)) });
  }
  return {
    bands: [...bandRows(baseline, 'Baseline', BAND_METRICS), ...bandRows(current, 'Current settings', BAND_METRICS)],
    official: { current: ensembleMean(off(current)), baseline: ensembleMean(off(baseline)) },
    truth: { current: ensembleMean(tru(current)), baseline: ensembleMean(tru(baseline)) },
    effectOfficial: pairedEffect(off(current), off(baseline)),
    effectTrue: pairedEffect(tru(current), tru(baseline)),
    cost: costOf(baseline, current, costFromYear),
    extraByCategory,
    routes,
  };
}

/** One suggestion's row in the ranking. */
export interface RankRow {
  name: string;
  effectOfficial: Effect;
  effectTrue: Effect;
  perPerson: number | null;
}

/** Rows sorted by effect on 2020 official incidence, most negative (largest reduction) first. */
export function rankSuggestions(baseline: Ensemble, suggestions: readonly { name: string; ensemble: Ensemble }[], costFromYear: number): RankRow[] {
  return suggestions
    .map(({ name, ensemble }) => ({
      name,
      effectOfficial: pairedEffect(valuesAt(ensemble, 'official_incidence', END_YEAR), valuesAt(baseline, 'official_incidence', END_YEAR)),
      effectTrue: pairedEffect(valuesAt(ensemble, 'true_incidence', END_YEAR), valuesAt(baseline, 'true_incidence', END_YEAR)),
      perPerson: costOf(baseline, ensemble, costFromYear).perPerson,
    }))
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
