/**
 * A stand-in for the simulation: a TaskRunner whose yearly results are simple functions of the task's
 * parameters and seed, so the whole comparison study runs in milliseconds with known answers.
 */
import { MetricTable } from '../../src/engine/results.js';
import type { TaskRunner } from '../../src/experiment/compare.js';
import type { RunTask, TaskResult } from '../../src/experiment/task.js';
import { METRICS } from '../../src/model/metrics.js';
import type { Params } from '../../src/model/parameters.js';

/** The lever values in force in `year` (the last schedule change at or before it, else the parameter). */
function leverAt(task: RunTask, key: keyof Params, year: number): number {
  let v = task.params[key];
  for (const c of task.schedule) {
    if (c.key !== key) continue;
    const from = c.kind === 'step' ? c.at.year : c.from.year;
    if (from <= year) v = c.value;
  }
  return v;
}

/** Noise in [−0.5, 0.5) from the seed alone: the same in every scenario (common random numbers). */
const noise = (seed: number, year: number): number => (((seed * 2654435761 + year * 40503) >>> 0) % 1000) / 1000 - 0.5;

/** How the fake suggestions interact (all 0: spending and effects are additive). */
export interface FakeInteraction {
  /** Extra spending per unit of culture × subsidy increase: suggestions that cost more together than apart. */
  spending?: number;
  /** Extra yuan a year, and extra durable exits, whenever both are on, however little of each. */
  bothOnSpending?: number;
  bothOnExits?: number;
}

export function fakeResult(task: RunTask, interaction: number | FakeInteraction = 0): TaskResult {
  const ix: FakeInteraction = typeof interaction === 'number' ? { spending: interaction } : interaction;
  const years = Array.from({ length: task.endYear - 2013 + 1 }, (_, i) => 2013 + i);
  const t = new MetricTable(METRICS, years.length);
  years.forEach((year, i) => {
    const sub = leverAt(task, 'subsidyLevel', year) - task.params.subsidyLevel;
    const cult = leverAt(task, 'culturalMotivation', year);
    const e = noise(task.seed, year);
    // Culture: diminishing returns in coverage; its cost saturates with coverage (at most 0.8 of villages).
    const gain = 1 - Math.exp(-3 * cult);
    const known = year <= task.endYear - 2;
    const bothOn = sub > 0 && cult > task.params.culturalMotivation;
    t.set(i, t.col('spending_total'), 2e9 + 1e8 * e + 1e9 * cult + 1e4 * Math.max(0, sub) + (ix.spending ?? 0) * cult * Math.max(0, sub) + (bothOn ? (ix.bothOnSpending ?? 0) : 0));
    t.set(i, t.col('true_incidence'), Math.max(0, 0.08 - 0.008 * (year - 2013) - 0.01 * gain + 0.0005 * e));
    t.set(i, t.col('official_incidence'), Math.max(0, 0.07 - 0.008 * (year - 2013) + 0.0004 * e));
    t.set(i, t.col('durable_exits'), known && year > 2013 ? 3e5 + 2e5 * gain + 1e4 * e + 0.5 * Math.max(0, sub) + (bothOn ? (ix.bothOnExits ?? 0) : 0) : year === 2013 ? 0 : NaN);
    t.set(i, t.col('vulnerable_share'), 0.2 - 0.01 * gain);
    t.set(i, t.col('poverty_gap'), 0.02 - 0.002 * gain);
    t.set(i, t.col('returns'), 1000 + 100 * e);
  });
  return { id: task.id, years, yearly: t.data, monthly: null, households: 1000, persons: 3760 };
}

/** The fake runner, counting the tasks it ran. */
export function fakeRunner(interaction: number | FakeInteraction = 0): TaskRunner & { ran: number } {
  const run = (async (tasks: RunTask[]) => {
    run.ran += tasks.length;
    return tasks.map((t) => fakeResult(t, interaction));
  }) as TaskRunner & { ran: number };
  run.ran = 0;
  return run;
}
