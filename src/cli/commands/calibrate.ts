/**
 * `povsim calibrate <plan.yaml>`: fits parameters to the calibration targets (Nelder–Mead, common
 * random numbers), profiles each fitted value, and writes the fit (fit.csv, profile.csv,
 * history.csv, manifest.json), the fitted parameter file that scenarios extend (the plan's
 * `output:`) and, for a plan with `writeTable:`, the parameter table's calibrated values
 * (src/model/calibrated.ts).
 *
 * Every path it will write is checked before the fit (which takes minutes): --fitted and --table get
 * the checks of the plan's `output:` and `writeTable:`, and both files must be writable and must not
 * overwrite an input of the plan or a file povsim did not write (src/node/calibration-files.ts).
 */
import { resolve } from 'node:path';
import { calibrationManifest, calibrationStartLine, calibrationSummaryLines, fittedFacts, runCalibrationStudy } from '../../experiment/calibration-study.js';
import { InputError, type Diagnostic } from '../../engine/diagnostics.js';
import { calibratedModule, fitCsv, fittedScenarioYaml, historyCsv, profileCsv } from '../../experiment/sweep/calibration-output.js';
import * as msg from '../../experiment/sweep/plan-messages.js';
import { calibratedKeys, fitsCalibratedRows, fittedPathReason, tablePathReason, type CalibrationTarget, type LoadedCalibrationPlan } from '../../experiment/sweep/calibration-plan.js';
import type { Problem } from '../../scenario/messages.js';
import { poolRunner, withWorkerPool } from '../../node/pool.js';
import { checkCalibrationTargets, stageCalibrationFiles } from '../../node/calibration-files.js';
import { loadCalibrationPlan } from '../../node/sweep-plans.js';
import { flagError } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { defaultOutputDir, prepareOutputDir, writeOutputFolder } from '../output-dir.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { runOverrides, type RunFlags } from '../shared-flags.js';
import { checkWorkers } from './run.js';

export interface CalibrateArgs extends RunFlags {
  plan: string;
  fitted?: string;
  table?: string;
  'max-evaluations'?: number;
  profile: boolean;
}

// The plan keys' messages, with hints for the flags (paths relative to the working folder).
export const fittedFlagInvalid = (reason: string): Problem => ({
  ...msg.outputPathInvalid(reason),
  hint: 'give a .yaml path (relative to the working folder), e.g. --fitted calibration/fitted.yaml',
});

export const tableFlagInvalid = (reason: string): Problem => ({
  ...msg.tablePathInvalid(reason),
  hint: 'give the .ts module (relative to the working folder), e.g. --table src/model/calibrated.ts',
});

export const tableFlagKeysDiffer = (fitted: readonly string[], calibrated: readonly string[]): Problem => ({
  ...msg.tableKeysDiffer(fitted, calibrated, '--table'),
  hint: "fit exactly the rows tagged 'calibrated' in src/model/parameters.ts, or drop --table and use --fitted to write a fitted parameter file",
});

/**
 * The files to write outside the output folder: --fitted and --table when given (checked as the
 * plan's `output:` and `writeTable:` are), else the plan's.
 * @throws InputError (exit 2) with every problem of the two flags
 */
export function calibrationTargets(args: Pick<CalibrateArgs, 'fitted' | 'table'>, plan: LoadedCalibrationPlan): { fitted: CalibrationTarget | null; table: CalibrationTarget | null } {
  const problems: Diagnostic[] = [];
  const flag = (key: '--fitted' | '--table', path: string): CalibrationTarget => ({ abs: resolve(path), display: path, from: { file: '(command line)', line: 0, column: 0, key } });
  const at = (key: string, p: Problem): void => void problems.push({ ...p, file: '(command line)', line: 0, column: 0, key });
  if (args.fitted !== undefined) {
    const reason = fittedPathReason(args.fitted);
    if (reason !== undefined) at('--fitted', fittedFlagInvalid(reason));
  }
  if (args.table !== undefined) {
    const reason = tablePathReason(args.table);
    if (reason !== undefined) at('--table', tableFlagInvalid(reason));
    const fitted = plan.parameters.map((p) => p.key);
    if (!fitsCalibratedRows(fitted)) at('--table', tableFlagKeysDiffer(fitted, calibratedKeys()));
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    fitted: args.fitted !== undefined ? flag('--fitted', args.fitted) : plan.output,
    table: args.table !== undefined ? flag('--table', args.table) : plan.table,
  };
}

/** Runs `povsim calibrate`; returns the exit code. */
export async function calibrateCommand(args: CalibrateArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const plan = loadCalibrationPlan(args.plan, runOverrides(args));
  const workers = checkWorkers(args.workers);
  const maxEvaluations = args['max-evaluations'] ?? plan.maxEvaluations;
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < 1) throw flagError('--max-evaluations', { message: `must be a whole number of at least 1, got ${maxEvaluations}`, hint: `e.g. --max-evaluations ${plan.maxEvaluations} (the plan's)` });
  const dir = args.out ?? defaultOutputDir(['calibrate'], plan.name, args.plan);
  // Every path written outside the output folder is checked now, not after the fit.
  const targets = calibrationTargets(args, plan);
  checkCalibrationTargets({ ...targets, inputs: plan.inputs, force: args.force });
  const fittedPath = targets.fitted?.display ?? null;
  const tablePath = targets.table?.display ?? null;
  prepareOutputDir(dir, args.force, 'calibrate');
  const log = args.quiet || args.json ? undefined : (line: string) => io.err(`  ${line}`);
  if (log) {
    io.err(calibrationStartLine(plan, maxEvaluations));
    io.err('  eval\tobjective\tvalues');
  }
  // One pool for every evaluation: warm workers carry over from one to the next.
  const study = await withWorkerPool(workers, (pool) => runCalibrationStudy(plan, maxEvaluations, args.profile, poolRunner({ workers, signal, pool }), log));
  const { fit, profile, rounded } = study;
  const facts = fittedFacts(args.plan, plan, fit);
  // Both files are staged under temporary names next to their targets before anything else is written,
  // and renamed into place after the folder's CSV files, before its manifest: a failure before the
  // renames leaves neither new file, and any failure leaves the folder without a manifest.
  const staged = stageCalibrationFiles({
    fitted: targets.fitted ? { path: targets.fitted.abs, text: fittedScenarioYaml(fit.values, facts) } : undefined,
    table: targets.table ? { path: targets.table.abs, text: calibratedModule(rounded, facts) } : undefined,
  });
  try {
    await writeOutputFolder(
      dir,
      (put) => {
        put('fit.csv', fitCsv(fit.fits));
        put('profile.csv', profileCsv(profile));
        put('history.csv', historyCsv(plan.parameters, fit.history));
        staged.commit();
      },
      (files) => calibrationManifest(plan, study, { povsim: povsimVersion(), gitCommit: gitCommit(), fittedFile: fittedPath, tableModule: tablePath, workers, files, wallSeconds: (Date.now() - t0) / 1000 }),
    );
  } finally {
    staged.discard();
  }
  if (args.json) io.out(JSON.stringify({ out: dir, fittedFile: fittedPath, tableModule: tablePath, fitted: rounded, objective: fit.objective, evaluations: fit.evaluations, converged: fit.converged, fits: fit.fits, profile }));
  else if (!args.quiet) {
    for (const line of calibrationSummaryLines(plan, study)) io.out(line);
    const written = [fittedPath, tablePath].filter((p): p is string => p !== null);
    io.out(`wrote ${[...written, `${dir}/`].join(' and ')} (fit.csv, profile.csv, history.csv, manifest.json) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (tablePath !== null) io.out(`the parameter table reads its calibrated defaults from ${tablePath}: rebuild (npm run build) for the povsim command to use them`);
  }
  return 0;
}
