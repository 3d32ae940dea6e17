/**
 * One `povsim calibrate` study, from a loaded plan: the fit (calibrate.ts), the profile of each
 * fitted value (optional), the values rounded as the table stores them, and the manifest and
 * terminal text that describe it. Pure: the runs go through the injected task runner.
 */
import { calibrate, type CalibrationResult } from './calibrate.js';
import type { LoadedCalibrationPlan } from './sweep/calibration-plan.js';
import { fitTable, profileFit, roundFitted, valuesTable, type FittedFileFacts, type ProfileRow } from './sweep/calibration-output.js';
import { tableText } from './sweep/sensitivity-report.js';
import type { TaskRunner } from './task.js';

/** What a calibration study found. */
export interface CalibrationStudy {
  fit: CalibrationResult;
  /** One row per fitted parameter; empty when profiling was skipped. */
  profile: ProfileRow[];
  /** The fitted values rounded as the parameter table stores them (roundFitted). */
  rounded: Record<string, number>;
}

/**
 * Runs the fit and (when `profile`) the profile; `log` gets one line per evaluation and profile step.
 * @param maxEvaluations evaluation limit of the search (a whole number ≥ 1, checked by the caller)
 */
export async function runCalibrationStudy(plan: LoadedCalibrationPlan, maxEvaluations: number, profile: boolean, run: TaskRunner, log?: (line: string) => void): Promise<CalibrationStudy> {
  const fit = await calibrate({ base: plan.base, parameters: plan.parameters, maxEvaluations }, run, log);
  const rows = profile ? await profileFit(plan.base, plan.parameters, fit.values, fit.objective, plan.profileStep, run, (d, n) => log?.(`profile ${d}/${n}`)) : [];
  const rounded = Object.fromEntries(plan.parameters.map((p) => [p.key, roundFitted(p.key, fit.values[p.key])]));
  return { fit, profile: rows, rounded };
}

/** The facts the fitted file and the calibrated-values module record about the fit. */
export function fittedFacts(planFile: string, plan: LoadedCalibrationPlan, fit: CalibrationResult): FittedFileFacts {
  return { plan: planFile, planName: plan.name, objective: fit.objective, evaluations: fit.evaluations, converged: fit.converged, base: plan.base };
}

/** The first line printed before the fit starts. */
export function calibrationStartLine(plan: LoadedCalibrationPlan, maxEvaluations: number): string {
  const b = plan.base;
  return `calibrate ${plan.name}: ${plan.parameters.map((p) => p.key).join(', ')} around "${b.name}", ${b.replicates} replicate(s) at scale ${b.scale}, seed ${b.seed}, up to ${maxEvaluations} evaluations`;
}

/** The terminal summary after the fit: headline, fit table, blank line, values table. */
export function calibrationSummaryLines(plan: LoadedCalibrationPlan, study: CalibrationStudy): string[] {
  const { fit } = study;
  return [
    `fit of ${plan.name} after ${fit.evaluations} evaluations${fit.converged ? ' (converged)' : ' (evaluation limit reached)'}: objective ${fit.objective.toFixed(3)} (sum of squared errors in tolerance units)`,
    tableText(fitTable(fit.fits)),
    '',
    tableText(valuesTable(plan.parameters, fit.values, study.profile)),
  ];
}

/** Where the study's files went and how the run went, for its manifest. */
export interface CalibrationManifestFacts {
  povsim: string;
  gitCommit: string | null;
  fittedFile: string | null;
  tableModule: string | null;
  workers: number;
  files: readonly string[];
  wallSeconds: number;
}

/** manifest.json of a calibration output folder (without `completed`, which the writer adds first). */
export function calibrationManifest(plan: LoadedCalibrationPlan, study: CalibrationStudy, m: CalibrationManifestFacts): Record<string, unknown> {
  const { fit } = study;
  return {
    povsim: m.povsim,
    gitCommit: m.gitCommit,
    plan: plan.name,
    base: plan.base,
    parameters: plan.parameters,
    fitted: study.rounded,
    objective: fit.objective,
    evaluations: fit.evaluations,
    converged: fit.converged,
    profileStep: plan.profileStep,
    fittedFile: m.fittedFile,
    tableModule: m.tableModule,
    workers: m.workers,
    files: m.files,
    wallSeconds: m.wallSeconds,
  };
}
