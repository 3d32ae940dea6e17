/**
 * Runs the replicates of one resolved scenario: builds the tasks (one per replicate, seeds from
 * `replicateSeeds`) and hands them to the pool. Every experiment that runs scenarios goes through here.
 */
import { defaultParams, type Params } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { METRICS } from '../model/metrics.js';
import { RUN_HEADLINE_METRICS, runHalfWidths, runToPrecision, type AdaptiveRule, type PrecisionReport } from './adaptive-replicates.js';
import { replicateSeed, replicateSeeds } from './seeds.js';
import type { RunTask, TaskResult, TaskRunner } from './task.js';
import { MetricTable } from '../engine/results.js';

/** Everything that determines a scenario's runs. */
export interface ScenarioSpec {
  name: string;
  /** Overrides of the parameter table (levers included). */
  values: Partial<Params>;
  schedule: ScheduleChange[];
  scale: number;
  endYear: number;
  replicates: number;
  seed: number;
}

export interface ScenarioRunResult {
  spec: ScenarioSpec;
  params: Params;
  seeds: number[];
  results: TaskResult[];
}

/** The full parameter set of a scenario: table defaults overridden by its values. */
export function resolveParams(values: Partial<Params>): Params {
  return { ...defaultParams(), ...values };
}

/** Tasks for a scenario's replicates; `idOffset` lets several scenarios share one pool run. */
export function scenarioTasks(spec: ScenarioSpec, monthly: boolean, idOffset = 0): RunTask[] {
  return replicateTasks(spec, monthly, 0, spec.replicates, idOffset);
}

/**
 * Tasks for replicates `from` … `to − 1` of a scenario (replicate r has seed replicateSeed(seed, r)
 * whatever batch it runs in, so adding replicates later gives the same runs as asking for them at once).
 */
export function replicateTasks(spec: ScenarioSpec, monthly: boolean, from: number, to: number, idOffset = 0): RunTask[] {
  const params = resolveParams(spec.values);
  const tasks: RunTask[] = [];
  for (let r = from; r < to; r++) {
    tasks.push({ id: idOffset + r - from, params, schedule: spec.schedule, seed: replicateSeed(spec.seed, r), scale: spec.scale, endYear: spec.endYear, monthly });
  }
  return tasks;
}

/** Runs the replicates of one scenario through a runner (in Node: `runScenario` of src/node/run-scenario.ts). */
export async function runScenarioWith(spec: ScenarioSpec, monthly: boolean, run: TaskRunner): Promise<ScenarioRunResult> {
  const tasks = scenarioTasks(spec, monthly);
  const results = await run(tasks);
  return { spec, params: tasks[0].params, seeds: tasks.map((t) => t.seed), results };
}

/**
 * Runs a scenario's replicates and, with an adaptive rule, adds fixed batches until the replicate mean
 * of each headline metric in every year has a 95% half-width at most the target (adaptive-replicates.ts),
 * or the rule's maximum is reached. `onGrow(n)` is told of each batch of n more replicates before it runs.
 * The result holds replicates 0 … used − 1, exactly those of a fixed run with that many.
 */
export async function runScenarioToPrecision(
  spec: ScenarioSpec,
  monthly: boolean,
  run: TaskRunner,
  rule: AdaptiveRule | null,
  onGrow?: (extraReplicates: number) => void,
): Promise<ScenarioRunResult & { precision: PrecisionReport }> {
  const results: TaskResult[] = [];
  const yearly: MetricTable<string>[] = [];
  const col = (m: string): number => (METRICS as readonly string[]).indexOf(m);
  const precision = await runToPrecision(spec.replicates, rule, async (to) => {
    const from = results.length;
    if (from > 0) onGrow?.(to - from);
    const batch = await run(replicateTasks(spec, monthly, from, to));
    results.push(...batch);
    for (const r of batch) {
      const t = new MetricTable<string>(METRICS, r.years.length);
      t.data.set(r.yearly);
      yearly.push(t);
    }
  }, () => runHalfWidths(results[0].years, (m, y) => yearly.map((t) => t.get(y, col(m)))),
  `the replicate mean of ${RUN_HEADLINE_METRICS.join(' and ')} in every year`);
  const used: ScenarioSpec = { ...spec, replicates: precision.replicates };
  return { spec: used, params: resolveParams(spec.values), seeds: replicateSeeds(spec.seed, used.replicates), results, precision };
}
