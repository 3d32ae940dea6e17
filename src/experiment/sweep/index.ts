/**
 * Research at scale, the pure part: sweep and calibration plans (read through an injected file reader),
 * designs, shards, the tasks of a point, sensitivity indices of a finished sweep, Slurm scripts. Running,
 * journaling, merging and reading sweep folders is Node-only: src/node/sweep-run.ts, sweep-merge.ts,
 * sweep-read.ts, sweep-files.ts, sweep-plans.ts.
 */
export { loadSweepPlanWith, planHash, planJson, planPoints, checkOverrides, DEFAULT_METRICS, MAX_SWEEP_RUNS } from './plan.js';
export type { DesignSpec, PlanOverrides, SweepPlan, VariedParameter } from './plan.js';
export { buildSweepDesign, designPointCount, variedValue, DESIGN_KINDS, type DesignDescriptor, type DesignKind, type SweepDesign } from './design.js';
export { pointTasks, type Provenance, type SweepProgress, type SweepSummary } from './points.js';
export { parseShard, shardPoints, shardText, WHOLE, type Shard } from './shard.js';
export { pointMeans, type SweepDir } from './sweep-dir.js';
export { analyseSweep, type SensitivityOptions, type SensitivityResult, type SensitivityRow } from './sensitivity.js';
export { sensitivityCharts, sensitivityCsv, sensitivityReportInput, sensitivityTable, tableText } from './sensitivity-report.js';
export { slurmScripts, shellQuote, type SlurmOptions } from './slurm.js';
export { loadCalibrationPlanWith, TARGETS_LAST_YEAR, type LoadedCalibrationPlan } from './calibration-plan.js';
export { fitCsv, fitTable, fittedScenarioYaml, historyCsv, profileCsv, profileFit, roundFitted, valuesTable, type ProfileRow } from './calibration-output.js';
