/**
 * Runs the replicates of one resolved scenario: builds the tasks (one per replicate, seeds from
 * `replicateSeeds`) and hands them to the pool. Every experiment that runs scenarios goes through here.
 */
import { defaultParams, type Params } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { replicateSeeds } from './seeds.js';
import type { RunTask, TaskResult, TaskRunner } from './task.js';

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
  const params = resolveParams(spec.values);
  return replicateSeeds(spec.seed, spec.replicates).map((seed, r) => ({
    id: idOffset + r,
    params,
    schedule: spec.schedule,
    seed,
    scale: spec.scale,
    endYear: spec.endYear,
    monthly,
  }));
}

/** Runs the replicates of one scenario through a runner (in Node: `runScenario` of src/node/run-scenario.ts). */
export async function runScenarioWith(spec: ScenarioSpec, monthly: boolean, run: TaskRunner): Promise<ScenarioRunResult> {
  const tasks = scenarioTasks(spec, monthly);
  const results = await run(tasks);
  return { spec, params: tasks[0].params, seeds: tasks.map((t) => t.seed), results };
}
