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
