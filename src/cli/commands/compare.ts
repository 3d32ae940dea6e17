/**
 * `povsim compare [comparison.yaml | baseline.yaml scenario.yaml…]`: the main job. Thin: reads the
 * comparison and its scenarios (src/node/comparison-files.ts), turns them and the flags into a plan
 * (compare-plan.ts), runs the study on the worker pool (compare-study.ts), writes the folder
 * (src/node/comparison-output.ts, manifest.json last) and prints the ranked summary.
 */
import { join } from 'node:path';
import { comparisonPlan } from '../../experiment/compare-plan.js';
import { comparisonGeneratedBy, comparisonJson, comparisonManifest, comparisonSummaryLines } from '../../experiment/compare-output.js';
import { plannedRuns, runStudy, type StudyResult } from '../../experiment/compare-study.js';
import type { RunTask } from '../../experiment/task.js';
import { loadComparisonScenarios, readComparison } from '../../node/comparison-files.js';
import { writeComparisonFolder } from '../../node/comparison-output.js';
import { runTasks, withWorkerPool } from '../../node/pool.js';
import type { CliIO } from '../io.js';
import { prepareOutputDir } from '../output-dir.js';
import { startProgress } from '../progress.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { adaptiveOverrides, runOverrides, type AdaptiveFlags, type RunFlags } from '../shared-flags.js';
import { checkWorkers } from './run.js';
import { DEFAULT_COMPARISON } from '../defaults.js';

export { wrap } from '../../experiment/compare-output.js';

export interface CompareArgs extends RunFlags, AdaptiveFlags {
  baseline?: string;
  scenarios?: string[];
  budget?: number;
  draws?: number;
}

export async function compareCommand(args: CompareArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const workers = checkWorkers(args.workers);
  const comparison = readComparison([...(args.baseline ? [args.baseline] : []), ...(args.scenarios ?? [])], DEFAULT_COMPARISON);
  const { loaded, scenario, lateYears } = loadComparisonScenarios(comparison, runOverrides(args));
  const plan = comparisonPlan(comparison.file, scenario, { replicates: args.replicates, budget: args.budget, draws: args.draws, ...adaptiveOverrides(args) });
  const dir = args.out ?? join('out', 'compare');
  prepareOutputDir(dir, args.force, 'povsim compare');
  if (lateYears.length > 0 && !args.quiet && !args.json) {
    const s = lateYears.length > 1 ? 's' : '';
    io.err(`povsim compare: report year${s} ${lateYears.join(', ')} of ${comparison.from} left out: the run ends in ${plan.baseline.endYear} (--end-year ${Math.max(...lateYears)} reports ${lateYears.length > 1 ? 'them' : 'it'})`);
  }

  // one progress bar over the study's batches of runs (adaptive batches raise the total as they start)
  let total = plannedRuns(plan);
  const quiet = args.quiet || args.json;
  const progress = startProgress(io, 'compare', total, quiet);
  let doneBefore = 0;
  let study: StudyResult;
  try {
    // One pool for every batch (the adaptive rounds, the draws, the doses): warm workers carry over.
    study = await withWorkerPool(workers, (pool) => {
      const run = async (tasks: RunTask[]) => {
        // Quiet: no progress is asked for, so the workers send none.
        const out = await runTasks(tasks, { workers, signal, pool, onProgress: quiet ? undefined : (d) => progress.update(doneBefore + d, total) });
        doneBefore += tasks.length;
        return out;
      };
      return runStudy(plan, run, (extra) => {
        total += extra;
      });
    });
  } finally {
    progress.stop();
  }

  const written = await writeComparisonFolder(dir, study, comparisonGeneratedBy(study, povsimVersion()), (files) =>
    comparisonManifest(study, { povsim: povsimVersion(), gitCommit: gitCommit(), comparisonFile: comparison.from, scenarios: loaded, workers, files, wallSeconds: (Date.now() - t0) / 1000 }),
  );
  if (args.json) io.out(comparisonJson(dir, study));
  else if (!args.quiet) for (const line of comparisonSummaryLines(study, dir, written, (Date.now() - t0) / 1000)) io.out(line);
  return 0;
}
