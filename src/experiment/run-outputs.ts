/**
 * The files of a run, as strings: yearly.csv and monthly.csv (one row per replicate × year or month),
 * summary.json (per-year mean and 5–95% band of each metric) and the terminal's headline table.
 * Numbers are printed with JavaScript's shortest round-trip form after rounding (persons and yuan to
 * whole units, others to 8 significant digits), which is the same on every machine.
 */
import { mean, quantileSorted } from 'simple-statistics';
import { METRIC_INFO, METRICS, metricUnit, type Metric } from '../model/metrics.js';
import { resultTables } from './task.js';
import type { ScenarioRunResult } from './run-scenario.js';

/** Metrics printed as whole numbers: counts of persons and sums of yuan (declared in METRIC_INFO). */
const WHOLE = new Set<Metric>(METRICS.filter((m) => METRIC_INFO[m].measure === 'persons' || METRIC_INFO[m].measure === 'yuan'));

/** One value as CSV text: '' for NaN, whole numbers for persons and yuan. */
export function formatValue(metric: Metric, v: number): string {
  if (!Number.isFinite(v)) return '';
  if (WHOLE.has(metric)) return String(Math.round(v));
  return String(Number(v.toPrecision(8)));
}

/** yearly.csv: replicate, seed, year, then every metric. */
export function yearlyCsv(run: ScenarioRunResult): string {
  const lines = [['replicate', 'seed', 'year', ...METRICS].join(',')];
  run.results.forEach((res, r) => {
    const { yearly, years } = resultTables(res);
    for (let y = 0; y < years.length; y++) {
      const cells = METRICS.map((m, c) => formatValue(m, yearly.get(y, c)));
      lines.push([r, run.seeds[r], years[y], ...cells].join(','));
    }
  });
  return lines.join('\n') + '\n';
}

/** monthly.csv: replicate, seed, step, year, month, then every metric (step 0 is December 2013). */
export function monthlyCsv(run: ScenarioRunResult, startYear: number): string {
  const lines = [['replicate', 'seed', 'step', 'year', 'month', ...METRICS].join(',')];
  run.results.forEach((res, r) => {
    const { monthly } = resultTables(res);
    if (!monthly) throw new Error('monthlyCsv: the run kept no monthly table');
    for (let t = 0; t < monthly.rows; t++) {
      const year = t === 0 ? startYear : startYear + 1 + Math.floor((t - 1) / 12);
      const month = t === 0 ? 12 : ((t - 1) % 12) + 1;
      const cells = METRICS.map((m, c) => formatValue(m, monthly.get(t, c)));
      lines.push([r, run.seeds[r], t, year, month, ...cells].join(','));
    }
  });
  return lines.join('\n') + '\n';
}

/** Mean and 5–95% band of one metric across replicates, per year. */
export interface Band {
  mean: number[];
  p5: number[];
  p95: number[];
}

/** Per-year bands of every metric across replicates (NaN values are left out). */
export function yearlyBands(run: ScenarioRunResult): { years: number[]; metrics: Record<Metric, Band> } {
  const tables = run.results.map((r) => resultTables(r).yearly);
  const years = resultTables(run.results[0]).years;
  const metrics = {} as Record<Metric, Band>;
  METRICS.forEach((m, c) => {
    const band: Band = { mean: [], p5: [], p95: [] };
    for (let y = 0; y < years.length; y++) {
      const xs = tables.map((t) => t.get(y, c)).filter(Number.isFinite).sort((a, b) => a - b);
      band.mean.push(xs.length ? mean(xs) : NaN);
      band.p5.push(xs.length ? quantileSorted(xs, 0.05) : NaN);
      band.p95.push(xs.length ? quantileSorted(xs, 0.95) : NaN);
    }
    metrics[m] = band;
  });
  return { years, metrics };
}

/** summary.json content. NaN is written as null. `precision` (adaptive replicates' record) is included when given. */
export function summaryJson(run: ScenarioRunResult, precision?: Record<string, unknown>): string {
  const bands = yearlyBands(run);
  const metrics: Record<string, { unit: string; mean: (number | null)[]; p5: (number | null)[]; p95: (number | null)[] }> = {};
  for (const m of METRICS) {
    const b = bands.metrics[m];
    const fix = (xs: number[]): (number | null)[] => xs.map((v) => (Number.isFinite(v) ? Number(v.toPrecision(8)) : null));
    metrics[m] = { unit: metricUnit(m), mean: fix(b.mean), p5: fix(b.p5), p95: fix(b.p95) };
  }
  return JSON.stringify({ scenario: run.spec.name, replicates: run.results.length, ...(precision ? { precision } : {}), years: bands.years, metrics }, null, 2) + '\n';
}

/** The headline table printed after a run. */
export function headlineTable(run: ScenarioRunResult): string {
  const { years, metrics } = yearlyBands(run);
  const pct = (v: number): string => (100 * v).toFixed(2) + '%';
  const band = (m: Metric, y: number): string => `${pct(metrics[m].mean[y])} [${pct(metrics[m].p5[y])}–${pct(metrics[m].p95[y])}]`;
  const k = (v: number): string => (Number.isFinite(v) ? `${(v / 1000).toFixed(0)}k` : '–');
  const bn = (v: number): string => (Number.isFinite(v) ? `${(v / 1e9).toFixed(2)}` : '–');
  const head = ['year', 'official incidence [5–95%]', 'true incidence [5–95%]', 'official poor', 'exits', 'returns', 'spending (bn yuan)'];
  const rows = years.map((yr, y) => [
    String(yr),
    band('official_incidence', y),
    band('true_incidence', y),
    k(metrics.official_poor.mean[y]),
    k(metrics.exits_total.mean[y]),
    k(metrics.returns.mean[y]),
    bn(metrics.spending_total.mean[y]),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
