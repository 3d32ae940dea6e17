/**
 * `povsim optimize [plan.yaml]`: the best split of a yearly budget across the suggestions, robust
 * to the assumptions. Thin: loads the plan (src/node/optimize-files.ts), claims or resumes the
 * output folder, runs the study (src/experiment/optimize.ts) through the journaled pool, writes the
 * folder (manifest.json last) and prints the summary.
 */
import type { Argv } from 'yargs';
import { DEFAULT_OPTIMIZE_PLAN } from '../../experiment/optimize-plan.js';
import { runOptimize } from '../../experiment/optimize.js';
import {
  acrossDrawsCsv, costCurvesCsv, drawsCsv, evaluationsCsv, frontierCsv, optimizeManifest, optimizeReport, optimizeSummaryLines, optimumYaml, splitCsv, versusCsv,
} from '../../experiment/optimize-output.js';
import { modelCodeFingerprint } from '../../node/code-fingerprint.js';
import { journaledRunner, loadOptimizePlan, prepareOptimizeDir, type JournalStats } from '../../node/optimize-files.js';
import { writeOutputFolder } from '../../node/output-files.js';
import { writeReport } from '../../node/report-files.js';
import { flagError, handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { runOverrides, withRunFlags, type RunFlags } from '../shared-flags.js';
import { checkWorkers } from './run.js';

export interface OptimizeArgs extends RunFlags {
  plan?: string;
  budget?: number;
  outcome?: string;
  robust?: string;
  quantile?: number;
  draws?: number;
  'start-year'?: number;
}

/** Runs `povsim optimize`; returns the exit code. */
export async function optimizeCommand(args: OptimizeArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const file = args.plan ?? DEFAULT_OPTIMIZE_PLAN;
  const workers = checkWorkers(args.workers);
  const plan = loadOptimizePlan(file, { ...runOverrides(args), budget: args.budget, outcome: args.outcome, robust: args.robust, quantile: args.quantile, draws: args.draws, startYear: args['start-year'] });
  const dir = args.out ?? 'out/optimize';
  const modelCode = modelCodeFingerprint();
  const mode = prepareOptimizeDir(dir, plan, args.force, modelCode);
  const say = args.quiet || args.json ? undefined : (line: string) => io.err(`  ${line}`);
  if (say) io.err(`optimize ${plan.name}: ${mode === 'resume' ? 'resuming the search journaled in' : 'searching, journal in'} ${dir}/journal/`);
  const stats: JournalStats = { fromJournal: 0, computed: 0 };
  const result = await runOptimize(plan, journaledRunner(dir, { workers, signal }, stats), say);
  const generatedBy = `povsim ${povsimVersion()}, plan ${plan.name}, seed ${plan.baseline.seed}, scale ${plan.baseline.scale}, ${result.runs} runs`;
  await writeOutputFolder(
    dir,
    async (put) => {
      await writeReport(optimizeReport(result, generatedBy), dir);
      put('split.csv', splitCsv(result));
      put('frontier.csv', frontierCsv(result));
      put('versus-single.csv', versusCsv(result));
      put('best-across-draws.csv', acrossDrawsCsv(result));
      put('evaluations.csv', evaluationsCsv(result));
      put('cost-curves.csv', costCurvesCsv(result));
      put('draws.csv', drawsCsv(result));
      put('optimum.yaml', optimumYaml(result));
    },
    (files) => optimizeManifest(result, { povsim: povsimVersion(), gitCommit: gitCommit(), planFile: file, modelCode, files }),
  );
  const seconds = (Date.now() - t0) / 1000;
  if (args.json) {
    io.out(JSON.stringify({ out: dir, plan: plan.name, budget: plan.budget, split: Object.fromEntries(result.parts.map((p, i) => [p, result.main.best.shares[i]])), effect: result.main.effect, beatsEverySingle: result.main.beatsEverySingle, runs: result.runs, computed: stats.computed, fromJournal: stats.fromJournal, seconds }));
  } else if (!args.quiet) {
    for (const line of optimizeSummaryLines(result, dir)) io.out(line);
    io.out(`${stats.computed} runs computed, ${stats.fromJournal} from the journal, in ${seconds.toFixed(1)} s`);
  }
  return 0;
}

/** Adds `povsim optimize` to a yargs parser. */
export function registerOptimizeCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'optimize [plan]',
    'the best split of a yearly budget across the suggestions, robust to the assumptions: split, frontier, report.html, optimum.yaml',
    (b) =>
      withRunFlags(b.positional('plan', { type: 'string', describe: `optimization plan (.yaml or .json; default ${DEFAULT_OPTIMIZE_PLAN})` }))
        .option('out', { type: 'string', describe: 'output directory (default out/optimize/); an unfinished search there resumes' })
        .option('replicates', { type: 'number', hidden: true })
        .option('budget', { type: 'number', describe: 'extra yuan per year to split (default: the plan\'s, else 2e9)' })
        .option('outcome', { type: 'string', describe: 'objective outcome: durable_exits, true_incidence, poverty_gap, vulnerable_share, …' })
        .option('robust', { type: 'string', describe: 'mean over the assumption draws, or quantile (see --quantile)' })
        .option('quantile', { type: 'number', describe: 'with --robust quantile: the share of worst draws, e.g. 0.1' })
        .option('draws', { type: 'number', describe: 'assumption draws (0: central assumptions only)' })
        .option('start-year', { type: 'number', describe: 'year the suggestions start (default 2018)' })
        .example('povsim optimize --budget 2e9', 'the best split of 2 billion yuan a year (out/optimize/)')
        .example('povsim optimize scenarios/optimize/four-suggestions.yaml --robust quantile --quantile 0.1 --draws 10', 'robust to the worst 10% of the draws') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, () => {
      if ((a as { replicates?: number }).replicates !== undefined) throw flagError('--replicates', { message: 'optimize runs several stages with their own replicates', hint: 'set search: { raceReplicates } and confirmReplicates in a plan file' });
      return optimizeCommand(a as unknown as OptimizeArgs, io, signal);
    }),
  );
}
