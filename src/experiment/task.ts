/**
 * What crosses the worker boundary: a run task (plain data) and its result (typed arrays, transferable).
 */
import { MetricTable } from '../engine/results.js';
import { METRICS, type Metric } from '../model/metrics.js';
import type { Params } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { branchRun, divergenceStep, startKey } from '../model/branching.js';
import { SEQUENTIAL_BLOCKS, type BlockExecutorFactory } from '../model/household-blocks.js';
import { advanceRun, closeRun, finishRun, runSimulation, startRun, START_YEAR, type RunResult, type RunSpec, type RunState } from '../model/simulate.js';

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

function specOf(task: RunTask): RunSpec {
  return { params: task.params, schedule: task.schedule, seed: task.seed, scale: task.scale, endYear: task.endYear };
}

function resultOf(task: RunTask, r: RunResult): TaskResult {
  return {
    id: task.id,
    years: r.years,
    yearly: r.yearly.data,
    monthly: task.monthly ? r.monthly.data : null,
    households: r.households,
    persons: r.persons,
  };
}

/**
 * How far a task has run, at the end of each simulated year: `share` of its years (0–1; 1 comes with
 * its result). For progress displays of long runs.
 */
export type TaskProgress = (id: number, share: number) => void;

/** The year-end callback that reports `task`'s share of its years to `onProgress`. */
function yearsDone(task: RunTask, onProgress: TaskProgress | undefined): ((year: number) => void) | undefined {
  if (!onProgress) return undefined;
  const years = task.endYear - START_YEAR;
  return (year) => onProgress(task.id, Math.min(1, (year - START_YEAR) / years));
}

/** Runs a task in this thread; `blocks` may share its passes over every household among threads (the result is the same). */
export function executeTask(task: RunTask, blocks: BlockExecutorFactory = SEQUENTIAL_BLOCKS, onProgress?: TaskProgress): TaskResult {
  return resultOf(task, runSimulation(specOf(task), yearsDone(task, onProgress), blocks));
}

/** Fewest shared months worth a copy of the world: below this a task runs on its own. */
export const MIN_SHARED_STEPS = 12;

/**
 * Tasks in groups that share a prefix (same seed, scale and end year, parameters equal for at least
 * MIN_SHARED_STEPS months): a group's first task is its trunk, the others branch off it. At most
 * `maxSize` tasks a group, so a batch still spreads over the workers. Task order within a group is
 * the batch's order.
 */
export function groupTasks(tasks: readonly RunTask[], maxSize: number): RunTask[][] {
  const groups: RunTask[][] = [];
  // Only tasks that start from the same values can share a prefix: sorting by that first keeps a sweep
  // of thousands of different points linear (each its own key) instead of comparing every pair.
  const byStart = new Map<string, RunTask[][]>();
  for (const t of tasks) {
    const key = startKey(specOf(t));
    let open = byStart.get(key);
    if (!open) byStart.set(key, (open = []));
    const g = open.find((g) => g.length < maxSize && divergenceStep(specOf(g[0]), specOf(t)) > MIN_SHARED_STEPS);
    if (g) g.push(t);
    else {
      const fresh = [t];
      open.push(fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/**
 * Runs a group in this thread: the trunk (the first task) once up to each branch point, each other task
 * from a copy of the trunk's world there. Each result equals {@link executeTask} of its task byte for
 * byte. `onResult` gets them as they finish (branches first, the trunk last). `stop`, asked before
 * each branch, ends the group early by throwing (an aborted run). `blocks` may share the trunk's passes
 * over every household among threads (branches run in this thread); the results are the same.
 * `onProgress` hears at each year's end how far the task running then has come.
 */
export function executeTaskGroup(
  tasks: readonly RunTask[],
  onResult: (r: TaskResult) => void,
  stop?: () => boolean,
  blocks: BlockExecutorFactory = SEQUENTIAL_BLOCKS,
  onProgress?: TaskProgress,
): void {
  if (tasks.length === 0) return;
  const trunk = startRun(specOf(tasks[0]), blocks);
  try {
    runGroup(trunk, tasks, onResult, stop, blocks, onProgress);
  } finally {
    closeRun(trunk);
  }
}

function runGroup(
  trunk: RunState,
  tasks: readonly RunTask[],
  onResult: (r: TaskResult) => void,
  stop: (() => boolean) | undefined,
  blocks: BlockExecutorFactory,
  onProgress: TaskProgress | undefined,
): void {
  const trunkYear = yearsDone(tasks[0], onProgress);
  const branches = tasks.slice(1).map((t) => ({ t, at: divergenceStep(trunk.spec, specOf(t)) })).sort((a, b) => a.at - b.at);
  for (const { t, at } of branches) {
    if (stop?.()) throw new Error('aborted');
    if (at <= Math.max(1, trunk.w.step)) {
      onResult(executeTask(t, blocks, onProgress)); // no prefix left to share
      continue;
    }
    advanceRun(trunk, at - 1, trunkYear);
    const b = branchRun(trunk, specOf(t));
    advanceRun(b, b.steps, yearsDone(t, onProgress));
    onResult(resultOf(t, finishRun(b)));
  }
  advanceRun(trunk, trunk.steps, trunkYear);
  onResult(resultOf(tasks[0], finishRun(trunk)));
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
