/**
 * Sweep and calibration plans read from disk: the core loaders (src/experiment/sweep/plan.ts,
 * calibration-plan.ts) over the Node file reader.
 */
import { loadCalibrationPlanWith, type LoadedCalibrationPlan } from '../experiment/sweep/calibration-plan.js';
import { loadSweepPlanWith, type PlanOverrides, type SweepPlan } from '../experiment/sweep/plan.js';
import { nodeScenarioFiles } from './scenario-files.js';

/**
 * Loads and validates a sweep plan file and its base scenario from disk.
 * @param file plan path (YAML or JSON), as shown in diagnostics
 * @param overrides run settings from the command line (they take precedence over the plan)
 * @throws InputError with every problem found (file:line:column, key, message, hint); nothing else
 */
export function loadSweepPlan(file: string, overrides: PlanOverrides = {}): SweepPlan {
  return loadSweepPlanWith(nodeScenarioFiles, file, overrides);
}

/**
 * Loads and validates a calibration plan file and its base scenario from disk.
 * @throws InputError with every problem found
 */
export function loadCalibrationPlan(file: string, overrides: PlanOverrides = {}): LoadedCalibrationPlan {
  return loadCalibrationPlanWith(nodeScenarioFiles, file, overrides);
}
