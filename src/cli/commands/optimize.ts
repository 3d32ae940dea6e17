/**
 * `povsim optimize [plan.yaml]`: the best split of a yearly budget across the suggestions, robust
 * to the assumptions. Thin: loads the plan (src/node/optimize-files.ts), claims or resumes the
 * output folder, runs the study (src/experiment/optimize.ts) through the journaled pool, writes the
 * folder (manifest.json last) and prints the summary. `--shard i/n` runs one shard of a search
 * shared by n processes (src/node/optimize-shard.ts); `--emit slurm` writes their array job.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_OPTIMIZE_PLAN, type OptimizePlan } from '../../experiment/optimize-plan.js';
import { runOptimize } from '../../experiment/optimize.js';
import {
  acrossDrawsCsv, costCurvesCsv, drawsCsv, evaluationsCsv, frontierCsv, optimizeManifest, optimizeReport, optimizeSummaryLines, optimumYaml, splitCsv, versusCsv,
} from '../../experiment/optimize-output.js';
import { modelCodeFingerprint } from '../../node/code-fingerprint.js';
import { parseShard, shardText, type Shard } from '../../experiment/sweep/shard.js';
import { sweepOverrideArgs } from '../../experiment/sweep-text.js';
import { journaledRunner, loadOptimizePlan, planText, prepareOptimizeDir, type JournalShare, type JournalStats } from '../../node/optimize-files.js';
import { checkShardTimeout, joinShardedSearch, shardShare } from '../../node/optimize-shard.js';
import { writeOptimizeSlurmFolder } from '../../node/optimize-slurm-files.js';
import { writeOutputFolder } from '../../node/output-files.js';
import { withWorkerPool } from '../../node/pool.js';
import { writeReport } from '../../node/report-files.js';
import { flagError } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { refuseSlurmOnlyFlags, runOverrides, type RunFlags } from '../shared-flags.js';
import { checkWorkers } from './run.js';

export interface OptimizeArgs extends RunFlags {
  plan?: string;
  budget?: number;
  outcome?: string;
  robust?: string;
  quantile?: number;
  draws?: number;
  'start-year'?: number;
  shard?: string;
  'shard-timeout'?: number;
  emit?: string;
  shards?: number;
  'cpus-per-task'?: number;
  partition?: string;
  time?: string;
}

/** The plan-changing flags as given, to pass on to every shard of an emitted job. */
function planFlagArgs(args: OptimizeArgs): string[] {
  const out = sweepOverrideArgs(runOverrides(args));
  const add = (flag: string, v: string | number | undefined): void => {
    if (v !== undefined) out.push(flag, String(v));
  };
  add('--budget', args.budget);
  add('--outcome', args.outcome);
  add('--robust', args.robust);
  add('--quantile', args.quantile);
  add('--draws', args.draws);
  add('--start-year', args['start-year']);
  add('--shard-timeout', args['shard-timeout']);
  return out;
}

/** `--emit slurm`: writes optimize.sbatch and submit.sh into DIR/slurm/ (the plan is checked first). */
function emitSlurm(args: OptimizeArgs, file: string, name: string, dir: string, io: CliIO): number {
  if (args.emit !== 'slurm') throw flagError('--emit', { message: `--emit must be slurm, got ${JSON.stringify(String(args.emit))}`, hint: 'povsim optimize --emit slurm --shards N --out DIR writes a Slurm array job' });
  if (args.shard !== undefined) throw flagError('--shard', { message: '--shard and --emit slurm do not go together: the emitted job runs every shard', hint: 'drop --shard; give the number of shards with --shards N' });
  if (args.workers !== undefined) throw flagError('--workers', { message: '--workers does not go with --emit slurm: each array task runs --cpus-per-task worker threads', hint: 'e.g. --emit slurm --shards 4 --cpus-per-task 4' });
  if (args.force) throw flagError('--force', { message: '--force does not go with --emit slurm: the emitted job replaces no folder', hint: 'remove the --out folder by hand before submitting, or emit into a new --out' });
  if (args.shards === undefined) throw flagError('--shards', { message: '--emit slurm needs --shards N (the number of array tasks)', hint: 'e.g. --emit slurm --shards 4 --out /shared/povsim/optimize' });
  if (!Number.isInteger(args.shards) || args.shards < 1 || args.shards > 1000) {
    throw flagError('--shards', { message: `--shards must be a whole number from 1 to 1000, got ${args.shards}`, hint: 'every shard runs the whole search and computes 1/n of its runs: 2–16 shards suit most plans' });
  }
  const cpus = args['cpus-per-task'] ?? 1;
  if (!Number.isInteger(cpus) || cpus < 1 || cpus > 256) throw flagError('--cpus-per-task', { message: `must be a whole number from 1 to 256, got ${cpus}`, hint: 'the worker threads of each shard, e.g. --cpus-per-task 4' });
  checkShardTimeout(args['shard-timeout']);
  const jobName = `povsim-optimize-${name}`.replace(/[^A-Za-z0-9_.-]/g, '-');
  const { slurmDir, files } = writeOptimizeSlurmFolder(file, dir, { shards: args.shards, cpusPerTask: cpus, optimizeArgs: planFlagArgs(args), jobName, partition: args.partition, time: args.time });
  if (args.json) io.out(JSON.stringify({ slurm: slurmDir, shards: args.shards, files }));
  else if (!args.quiet) {
    io.out(`wrote ${slurmDir}/ (optimize.sbatch: array of ${args.shards} shards sharing ${resolve(dir)}/; submit.sh)`);
    io.out(`submit with: ${join(slurmDir, 'submit.sh')}   (add --wait to block until shard 0 has written the outputs in ${resolve(dir)}/)`);
  }
  return 0;
}

/** `--shard`, `--shard-timeout` checked, and the --emit-only flags refused without --emit. */
function checkShardFlags(args: OptimizeArgs): Shard | undefined {
  refuseSlurmOnlyFlags('optimize', args, 4, '--shard i/n --out DIR runs shard i of n here');
  if (args.shard === undefined) {
    if (args['shard-timeout'] !== undefined) throw flagError('--shard-timeout', { message: '--shard-timeout goes with --shard i/n (or --emit slurm)', hint: 'e.g. --shard 1/4 --shard-timeout 3600' });
    return undefined;
  }
  const shard = parseShard(args.shard);
  checkShardTimeout(args['shard-timeout']);
  if (args.force) throw flagError('--force', { message: '--force with --shard would delete the journal other shards are writing', hint: 'remove the folder by hand before starting the shards, or give them a new --out' });
  if (args.out === undefined) throw flagError('--out', { message: '--shard needs --out DIR: the folder every shard shares', hint: 'e.g. --shard 0/2 --out /shared/povsim/optimize (the same DIR for every shard)' });
  return shard;
}

/**
 * `--quantile` sets the share of a quantile objective; refused when the objective is the mean (from
 * the plan or --robust mean), which would ignore it.
 * @throws InputError naming --quantile, with a hint
 */
function checkQuantileFlag(args: OptimizeArgs, plan: OptimizePlan, file: string): void {
  if (args.quantile === undefined || plan.objective.robust.kind === 'quantile') return;
  const from = args.robust !== undefined ? '--robust mean' : `objective: { robust: mean } in ${file}`;
  throw flagError('--quantile', { message: `--quantile goes with a quantile objective, but the objective is the mean over the draws (${from})`, hint: `add --robust quantile (e.g. --robust quantile --quantile ${args.quantile}), or drop --quantile` });
}

/** Runs `povsim optimize`; returns the exit code. */
export async function optimizeCommand(args: OptimizeArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const file = args.plan ?? DEFAULT_OPTIMIZE_PLAN;
  const workers = checkWorkers(args.workers);
  const plan = loadOptimizePlan(file, { ...runOverrides(args), budget: args.budget, outcome: args.outcome, robust: args.robust, quantile: args.quantile, draws: args.draws, startYear: args['start-year'] });
  checkQuantileFlag(args, plan, file);
  const dir = args.out ?? 'out/optimize';
  if (args.emit !== undefined) return emitSlurm(args, file, plan.name, dir, io);
  const shard = checkShardFlags(args);
  const modelCode = modelCodeFingerprint();
  const say = args.quiet || args.json ? undefined : (line: string) => io.err(`  ${line}`);
  let share: JournalShare | undefined;
  if (shard) {
    const mode = joinShardedSearch(dir, shard, planText(plan), JSON.stringify({ modelCode }) + '\n');
    if (mode === 'finished') {
      if (!args.quiet) io.err(`optimize ${plan.name}: shard ${shardText(shard)}: ${dir} already holds this search, finished (manifest.json); nothing to do`);
      return 0;
    }
    share = shardShare({ shard, timeoutSeconds: checkShardTimeout(args['shard-timeout']), signal, say });
    if (say) io.err(`optimize ${plan.name}: shard ${shardText(shard)}, ${mode === 'resume' ? 'joining (or resuming) the search journaled in' : 'searching, journal in'} ${dir}/journal/${shard.index === 0 ? '' : ' (shard 0 writes the outputs)'}`);
  } else {
    const mode = prepareOptimizeDir(dir, plan, args.force, modelCode);
    if (say) io.err(`optimize ${plan.name}: ${mode === 'resume' ? 'resuming the search journaled in' : 'searching, journal in'} ${dir}/journal/`);
  }
  const stats: JournalStats = { fromJournal: 0, computed: 0 };
  // One pool for every round of the search: warm workers carry over.
  const result = await withWorkerPool(workers, (pool) => runOptimize(plan, journaledRunner(dir, { workers, signal, pool }, stats, share), say));
  if (shard && shard.index !== 0) {
    const seconds = (Date.now() - t0) / 1000;
    if (args.json) io.out(JSON.stringify({ out: dir, plan: plan.name, shard: shardText(shard), outputsBy: 'shard 0', runs: result.runs, computed: stats.computed, fromJournal: stats.fromJournal, fromOtherShards: stats.fromOtherShards ?? 0, seconds }));
    else if (!args.quiet) io.out(`shard ${shardText(shard)}: search done; ${stats.computed} runs computed, ${stats.fromJournal} from the journal, ${stats.fromOtherShards ?? 0} from other shards, in ${seconds.toFixed(1)} s; shard 0 writes the outputs in ${dir}/`);
    return 0;
  }
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
    io.out(`${stats.computed} runs computed, ${stats.fromJournal} from the journal${shard ? `, ${stats.fromOtherShards ?? 0} from other shards (shard ${shardText(shard)})` : ''}, in ${seconds.toFixed(1)} s`);
  }
  return 0;
}
