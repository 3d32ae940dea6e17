/**
 * Research at scale: sweeps over parameter designs (crash-safe, resumable, shardable), merging of
 * shards, sensitivity indices of a finished sweep, Slurm scripts, and calibration plans. Built on
 * the single run function through `runTasks` (../pool.ts).
 */
export { loadSweepPlanWith, planHash, planJson, planPoints, checkOverrides, DEFAULT_METRICS, MAX_SWEEP_RUNS } from './plan.js';
export type { DesignSpec, PlanOverrides, SweepPlan, VariedParameter } from './plan.js';
export { buildSweepDesign, designPointCount, variedValue, DESIGN_KINDS, type DesignDescriptor, type DesignKind, type SweepDesign } from './design.js';
export { runSweep, finalizeSweep, pointTasks, type Provenance, type SweepProgress, type SweepRunOptions, type SweepSummary } from './run-sweep.js';
export { parseShard, shardPoints, shardText, WHOLE, type Shard } from './shard.js';
export { mergeSweeps, type MergeSummary } from './merge.js';
export { readSweepDir, pointMeans, type SweepDir } from './read-sweep.js';
export { analyseSweep, type SensitivityOptions, type SensitivityResult, type SensitivityRow } from './sensitivity.js';
export { sensitivityCharts, sensitivityCsv, sensitivityReportInput, sensitivityTable, tableText } from './sensitivity-report.js';
export { slurmScripts, shellQuote, type SlurmOptions } from './slurm.js';
export { loadCalibrationPlanWith, TARGETS_LAST_YEAR, type LoadedCalibrationPlan } from './calibration-plan.js';
export { fitCsv, fitTable, fittedScenarioYaml, historyCsv, profileCsv, profileFit, roundFitted, valuesTable, type ProfileRow } from './calibration-output.js';
export * as files from './files.js';
