/**
 * What crosses the worker boundary: a run task (plain data) and its result (typed arrays, transferable).
 */
import { MetricTable } from '../engine/results.js';
import { METRICS, type Metric } from '../model/metrics.js';
import type { Params } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { runSimulation, type RunResult } from '../model/simulate.js';

export interface RunTask {
  /** Caller's index, returned with the result (results are ordered by it, never by completion). */
  id: number;
  params: Params;
  schedule: ScheduleChange[];
  seed: number;
  scale: number;
  endYear: number;
  /** Keep the monthly table (large); otherwise only the yearly one is returned. */
  monthly: boolean;
}

export interface TaskResult {
  id: number;
  years: number[];
  yearly: Float64Array;
  monthly: Float64Array | null;
  households: number;
  persons: number;
}

/**
 * Runs a batch of tasks and returns their results in task order: how the core runs simulations without
 * knowing where (the worker pool in Node, src/node/pool.ts `poolRunner`; Web Workers in the browser).
 */
export type TaskRunner = (tasks: RunTask[]) => Promise<TaskResult[]>;

/** Runs a task in this thread. */
export function executeTask(task: RunTask): TaskResult {
  const r = runSimulation({ params: task.params, schedule: task.schedule, seed: task.seed, scale: task.scale, endYear: task.endYear });
  return {
    id: task.id,
    years: r.years,
    yearly: r.yearly.data,
    monthly: task.monthly ? r.monthly.data : null,
    households: r.households,
    persons: r.persons,
  };
}

/** Rebuilds the metric tables of a task result. */
export function resultTables(r: TaskResult): Pick<RunResult, 'yearly' | 'years'> & { monthly: MetricTable<Metric> | null } {
  const yearly = new MetricTable<Metric>(METRICS, r.years.length);
  yearly.data.set(r.yearly);
  let monthly: MetricTable<Metric> | null = null;
  if (r.monthly) {
    monthly = new MetricTable<Metric>(METRICS, r.monthly.length / METRICS.length);
    monthly.data.set(r.monthly);
  }
  return { yearly, monthly, years: r.years };
}
