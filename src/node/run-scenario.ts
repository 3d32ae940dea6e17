/** Running one scenario's replicates on the worker pool: the core's `runScenarioWith` over `poolRunner`. */
import { runScenarioWith, type ScenarioRunResult, type ScenarioSpec } from '../experiment/run-scenario.js';
import { poolRunner, type PoolOptions } from './pool.js';

/** Runs the replicates of one scenario on worker threads (or in this thread; see PoolOptions). */
export function runScenario(spec: ScenarioSpec, monthly: boolean, pool: PoolOptions): Promise<ScenarioRunResult> {
  return runScenarioWith(spec, monthly, poolRunner(pool));
}
