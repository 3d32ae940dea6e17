/** Hand-built replicate tables for the comparison tests (no model runs). */
import { MetricTable } from '../../src/engine/results.js';
import type { ScenarioTables } from '../../src/experiment/compare.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';

export const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];

/** A spec with the given name (the values do not matter to the analysis). */
export function spec(name: string, replicates: number, values: ScenarioSpec['values'] = {}): ScenarioSpec {
  return { name, values, schedule: [], scale: 0.01, endYear: YEARS[YEARS.length - 1], replicates, seed: 1 };
}

/**
 * Tables of one scenario: `columns[metric][r][y]` is replicate r's value in year YEARS[y]; a metric
 * given as a function gets f(r, y).
 */
export function tablesOf(name: string, replicates: number, columns: Record<string, (r: number, y: number) => number>): ScenarioTables {
  const metrics = Object.keys(columns);
  const tables = Array.from({ length: replicates }, (_, r) => {
    const t = new MetricTable<string>(metrics, YEARS.length);
    YEARS.forEach((_, y) => metrics.forEach((m, c) => t.set(y, c, columns[m](r, y))));
    return t;
  });
  return { spec: spec(name, replicates), seeds: Array.from({ length: replicates }, (_, r) => 100 + r), years: [...YEARS], tables };
}
