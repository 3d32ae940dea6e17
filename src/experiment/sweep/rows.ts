/**
 * The tidy tables of a sweep (Mesa's batch-runner layout): one row per point × replicate × year,
 * with the point's parameter values as columns. Metric values are written with `formatValue` (the
 * same text as `povsim run`'s yearly.csv); parameter values with `String` (they were rounded to 10
 * significant digits before the run, so the text is exactly the value used).
 */
import { formatValue } from '../run-outputs.js';
import { resultTables, type TaskResult } from '../task.js';
import type { SweepPlan } from './plan.js';

/** The header line of results.csv. */
export function resultsHeader(plan: Pick<SweepPlan, 'vary' | 'outputs'>): string {
  return ['point', 'replicate', 'seed', ...plan.vary.map((p) => p.key), 'year', ...plan.outputs.metrics].join(',') + '\n';
}

/**
 * The rows of one point: replicate by replicate, year by year (the plan's output years).
 * @param results the point's task results, in replicate order
 * @param seeds the replicate seeds, in replicate order
 */
export function pointRows(plan: Pick<SweepPlan, 'outputs'>, point: number, values: readonly number[], seeds: readonly number[], results: readonly TaskResult[]): string {
  const lines: string[] = [];
  const valueText = values.map((v) => String(v)).join(',');
  results.forEach((res, r) => {
    const { yearly, years } = resultTables(res);
    for (const year of plan.outputs.years) {
      const y = years.indexOf(year);
      if (y < 0) throw new RangeError(`pointRows: the run covers ${years[0]}–${years[years.length - 1]}, not ${year}`);
      const cells = plan.outputs.metrics.map((m) => formatValue(m, yearly.value(y, m)));
      lines.push(`${point},${r},${seeds[r]},${valueText},${year},${cells.join(',')}`);
    }
  });
  return lines.join('\n') + '\n';
}

/** points.csv: the point number, then the value of each varied parameter. */
export function pointsCsv(plan: Pick<SweepPlan, 'vary'>, values: readonly (readonly number[])[]): string {
  const lines = [['point', ...plan.vary.map((p) => p.key)].join(',')];
  values.forEach((row, p) => lines.push([p, ...row.map((v) => String(v))].join(',')));
  return lines.join('\n') + '\n';
}

/** A metric cell as `formatValue` writes it: a plain number, or empty for a value that is not finite. */
const METRIC_CELL = /^(-?(\d+(\.\d+)?|\.\d+)(e[-+]?\d+)?)?$/;

/**
 * Whether `text` is exactly what {@link pointRows} writes for this point: every line in place (point,
 * replicate, seed, the point's values, the year, in order) and every metric cell a number or empty.
 * A journal file that fails is not a finished point (a torn write, a lying disk, or a hand edit such as
 * `9,garbage,,,`), so the point is computed again instead of entering the results.
 * @param valueText the point's values as written in points.csv (comma-separated)
 */
export function isPointRows(plan: Pick<SweepPlan, 'outputs'>, point: number, valueText: string, seeds: readonly number[], text: string): boolean {
  if (!text.endsWith('\n')) return false;
  const lines = text.slice(0, -1).split('\n');
  const years = plan.outputs.years;
  const metrics = plan.outputs.metrics.length;
  if (lines.length !== seeds.length * years.length) return false;
  return lines.every((line, k) => {
    const r = Math.floor(k / years.length);
    const prefix = `${point},${r},${seeds[r]},${valueText},${years[k % years.length]},`;
    if (!line.startsWith(prefix)) return false;
    const cells = line.slice(prefix.length).split(',');
    return cells.length === metrics && cells.every((c) => METRIC_CELL.test(c));
  });
}

/** The values text of each point in points.csv (what follows `p,` on its line), by point. */
export function pointValueTexts(pointsText: string): string[] {
  return pointsText
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => {
      const comma = l.indexOf(',');
      return comma < 0 ? '' : l.slice(comma + 1);
    });
}
