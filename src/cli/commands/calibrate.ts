/**
 * `povsim calibrate <plan.yaml>`: fits parameters to the calibration targets (Nelder–Mead, common
 * random numbers), profiles each fitted value, and writes the fit (fit.csv, profile.csv,
 * history.csv, manifest.json), the fitted parameter file that scenarios extend (the plan's
 * `output:`) and, for a plan with `writeTable:`, the parameter table's calibrated values
 * (src/model/calibrated.ts).
 */
import { calibrationManifest, calibrationStartLine, calibrationSummaryLines, fittedFacts, runCalibrationStudy } from '../../experiment/calibration-study.js';
import { calibratedModule, fitCsv, fittedScenarioYaml, historyCsv, profileCsv } from '../../experiment/sweep/calibration-output.js';
import { poolRunner, withWorkerPool } from '../../node/pool.js';
import { writeCalibratedModule, writeFittedFile } from '../../node/calibration-files.js';
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

/** Runs `povsim calibrate`; returns the exit code. */
export async function calibrateCommand(args: CalibrateArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const plan = loadCalibrationPlan(args.plan, runOverrides(args));
  const workers = checkWorkers(args.workers);
  const maxEvaluations = args['max-evaluations'] ?? plan.maxEvaluations;
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < 1) throw flagError('--max-evaluations', { message: `must be a whole number of at least 1, got ${maxEvaluations}` });
  const dir = args.out ?? defaultOutputDir(['calibrate'], plan.name, args.plan);
  const fittedPath = args.fitted ?? plan.output?.display ?? null;
  const tablePath = args.table ?? plan.table?.display ?? null;
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
  await writeOutputFolder(
    dir,
    (put) => {
      put('fit.csv', fitCsv(fit.fits));
      put('profile.csv', profileCsv(profile));
      put('history.csv', historyCsv(plan.parameters, fit.history));
      if (fittedPath !== null) writeFittedFile(fittedPath, fittedScenarioYaml(fit.values, facts));
      if (tablePath !== null) writeCalibratedModule(tablePath, calibratedModule(rounded, facts));
    },
    (files) => calibrationManifest(plan, study, { povsim: povsimVersion(), gitCommit: gitCommit(), fittedFile: fittedPath, tableModule: tablePath, workers, files, wallSeconds: (Date.now() - t0) / 1000 }),
  );
  if (args.json) io.out(JSON.stringify({ out: dir, fittedFile: fittedPath, tableModule: tablePath, fitted: rounded, objective: fit.objective, evaluations: fit.evaluations, converged: fit.converged, fits: fit.fits, profile }));
  else if (!args.quiet) {
    for (const line of calibrationSummaryLines(plan, study)) io.out(line);
    const written = [fittedPath, tablePath].filter((p): p is string => p !== null);
    io.out(`wrote ${[...written, `${dir}/`].join(' and ')} (fit.csv, profile.csv, history.csv, manifest.json) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (tablePath !== null) io.out(`the parameter table reads its calibrated defaults from ${tablePath}: rebuild (npm run build) for the povsim command to use them`);
  }
  return 0;
}
