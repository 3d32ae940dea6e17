/**
 * Reading replicate tables: one metric at a year, sums over years, bands, and the comparison's
 * outcomes. Shared by `povsim compare` and the browser playground (pure, browser-safe).
 *
 * Metrics are looked up by name, so code that reads a metric the model does not (yet) write does
 * not break: {@link hasMetric} says whether it is there, and an outcome built on a missing metric
 * is reported as not available.
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { MetricTable } from '../engine/results.js';
import { METRIC_INFO, type Metric } from '../model/metrics.js';

/** The yearly tables of one scenario's replicates (replicate r at index r), all over the same years. */
export interface YearlyRuns {
  years: readonly number[];
  tables: readonly MetricTable<string>[];
}

/** True when every replicate's table has the metric. */
export function hasMetric(runs: YearlyRuns, metric: string): boolean {
  return runs.tables.length > 0 && runs.tables.every((t) => t.metrics.includes(metric));
}

function column(t: MetricTable<string>, metric: string): number {
  const c = t.metrics.indexOf(metric);
  if (c < 0) throw new RangeError(`unknown metric "${metric}"; the run has: ${t.metrics.join(', ')}`);
  return c;
}

/**
 * One metric at one year, per replicate.
 * @throws RangeError when the year is outside the run or the metric is unknown
 */
export function valuesAt(runs: YearlyRuns, metric: string, year: number): number[] {
  const i = runs.years.indexOf(year);
  if (i < 0) throw new RangeError(`valuesAt: year ${year} is outside the run (${runs.years[0]}–${runs.years[runs.years.length - 1]})`);
  return runs.tables.map((t) => t.get(i, column(t, metric)));
}

/** A metric summed over the years [from, to], per replicate (a flow's total; yuan or persons). */
export function sumOver(runs: YearlyRuns, metric: string, from: number, to: number): number[] {
  return runs.tables.map((t) => {
    const c = column(t, metric);
    let x = 0;
    runs.years.forEach((y, i) => {
      if (y >= from && y <= to) x += t.get(i, c);
    });
    return x;
  });
}

/** Mean and 5–95% band of a metric at one year for one scenario (NaN values left out). */
export interface BandRow { scenario: string; year: number; metric: string; mean: number; lo: number; hi: number }

/** Per-year mean and 5–95% band of a metric across replicates; years where every value is NaN are left out. */
export function bandRows(runs: YearlyRuns, scenario: string, metric: string): BandRow[] {
  const rows: BandRow[] = [];
  runs.years.forEach((year) => {
    const xs = valuesAt(runs, metric, year).filter(Number.isFinite).sort((a, b) => a - b);
    if (xs.length) rows.push({ scenario, year, metric, mean: mean(xs), lo: quantileSorted(xs, 0.05), hi: quantileSorted(xs, 0.95) });
  });
  return rows;
}

/** How an outcome is measured. */
export type OutcomeKind = 'fraction' | 'persons';

/** One outcome of a comparison, read at a year. */
export interface Outcome {
  /** Column name in the CSV files. */
  id: string;
  /** Plain label, without unit. */
  label: string;
  /** Unit of the values and of their differences (fractions are never mixed with pp): its metric's unit. */
  unit: string;
  /** Its metric's measure. */
  kind: OutcomeKind;
  /** Which direction is an improvement. */
  better: 'lower' | 'higher';
  /** The metric it is read from. */
  metric: Metric;
  /** `stock`: the December value of the year; `cumulative`: the flow summed from the first simulated year to the year. */
  read: 'stock' | 'cumulative';
}

/** An outcome whose unit and kind are its metric's (METRIC_INFO): a cumulative sum keeps the flow's unit. */
function outcomeOf(id: string, label: string, better: Outcome['better'], metric: Metric, read: Outcome['read']): Outcome {
  const info = METRIC_INFO[metric];
  if (info.measure !== 'fraction' && info.measure !== 'persons') throw new RangeError(`outcome ${id}: metric ${metric} is measured in ${info.measure}, not a fraction or persons`);
  if ((read === 'cumulative') !== (info.kind === 'flow')) throw new RangeError(`outcome ${id}: a ${read} outcome cannot read the ${info.kind} metric ${metric}`);
  return { id, label, unit: info.unit, kind: info.measure, better, metric, read };
}

/**
 * The outcomes a comparison reports, in display order. `durable_exits` is the honest "persons lifted
 * out": persons who exited and had not returned 24 months later (the model cannot know this for the
 * last two simulated years, which are NaN and are left out of the sum, see {@link outcomeValues}).
 */
export const OUTCOMES: readonly Outcome[] = [
  outcomeOf('true_incidence', 'True poverty incidence (income below the line)', 'lower', 'true_incidence', 'stock'),
  outcomeOf('durable_exits', 'Durable exits since 2014 (still out 24 months later)', 'higher', 'durable_exits', 'cumulative'),
  outcomeOf('vulnerable_share', 'Vulnerable share (income under 1.5 × the line)', 'lower', 'vulnerable_share', 'stock'),
  outcomeOf('poverty_gap', 'Poverty gap (mean shortfall over all persons)', 'lower', 'poverty_gap', 'stock'),
  outcomeOf('official_incidence', 'Official incidence (the register, as reported)', 'lower', 'official_incidence', 'stock'),
  outcomeOf('returns_since_2014', 'Returns to poverty since 2014', 'lower', 'returns', 'cumulative'),
];

/** An outcome's id → its definition. */
export function outcome(id: string): Outcome {
  const o = OUTCOMES.find((x) => x.id === id);
  if (!o) throw new RangeError(`unknown outcome "${id}"; outcomes: ${OUTCOMES.map((x) => x.id).join(', ')}`);
  return o;
}

/** Per-replicate values of an outcome at a year, and what they cover. */
export interface OutcomeValues {
  values: number[];
  /** Last year included (for cumulative outcomes: the last year whose value is known in every replicate). */
  throughYear: number;
}

/**
 * Per-replicate values of an outcome at `year`, or null when the run lacks the metric (or, for a
 * cumulative outcome, no year up to `year` is known). A cumulative outcome sums the years from the
 * first simulated year up to `year` or to the last year known (not NaN) in every replicate, whichever
 * is earlier, and says so in `throughYear`.
 */
export function outcomeValues(runs: YearlyRuns, o: Outcome, year: number): OutcomeValues | null {
  if (!hasMetric(runs, o.metric) || !runs.years.includes(year)) return null;
  if (o.read === 'stock') {
    const values = valuesAt(runs, o.metric, year);
    return values.every(Number.isFinite) ? { values, throughYear: year } : null;
  }
  // Leading unknown years (an initial state without flows) are skipped; the first unknown year after
  // a known one ends the sum (durable exits of the last two years are not known yet).
  let from = NaN;
  let through = NaN;
  for (const y of runs.years) {
    if (y > year) break;
    const known = valuesAt(runs, o.metric, y).every(Number.isFinite);
    if (known && Number.isNaN(from)) from = y;
    if (!known && !Number.isNaN(from)) break;
    if (known) through = y;
  }
  if (Number.isNaN(through)) return null;
  return { values: sumOver(runs, o.metric, from, through), throughYear: through };
}
