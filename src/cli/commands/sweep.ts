/**
 * `povsim sweep <plan.yaml>`: runs a parameter sweep (or one shard of it) into an output directory,
 * resuming from its journal when re-run; `--emit slurm` writes an array-job script instead.
 */
import { join, resolve } from 'node:path';
import * as msg from '../../experiment/sweep/plan-messages.js';
import { planPoints, type SweepPlan } from '../../experiment/sweep/plan.js';
import { parseShard, shardText, WHOLE } from '../../experiment/sweep/shard.js';
import { sweepOverrideArgs, sweepPlanLine, sweepSummaryLine } from '../../experiment/sweep-text.js';
import { lockOutputFolder, makeOutputFolder } from '../../node/output-folder.js';
import { writeSlurmFolder } from '../../node/slurm-files.js';
import { loadSweepPlan } from '../../node/sweep-plans.js';
import { runSweep, type SweepProgress, type SweepSummary } from '../../node/sweep-run.js';
import { flagError } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { defaultOutputDir } from '../output-dir.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { refuseSlurmOnlyFlags, runOverrides, type RunFlags } from '../shared-flags.js';
import { startSweepProgress } from '../sweep-progress.js';
import { checkWorkers } from './run.js';

export interface SweepArgs extends RunFlags {
  plan: string;
  shard?: string;
  emit?: 'slurm';
  shards?: number;
  'cpus-per-task'?: number;
  partition?: string;
  time?: string;
}

/**
 * Refuses the flags the chosen mode would ignore: the Slurm flags without `--emit slurm`; `--shard`,
 * `--workers` and `--force` with it (the emitted job runs every shard, each with --cpus-per-task
 * workers, and replaces no folder).
 * @throws InputError naming the flag, with a hint
 */
function checkModeFlags(args: SweepArgs): void {
  if (args.emit !== 'slurm') {
    refuseSlurmOnlyFlags('sweep', args, 8, '--shard k/n runs shard k of n here');
    return;
  }
  if (args.shard !== undefined) throw flagError('--shard', { message: '--shard and --emit slurm do not go together: the emitted job runs every shard', hint: 'drop --shard; give the number of shards with --shards N' });
  if (args.workers !== undefined) throw flagError('--workers', { message: '--workers does not go with --emit slurm: each array task runs --cpus-per-task worker threads', hint: 'e.g. --emit slurm --shards 8 --cpus-per-task 4' });
  if (args.force) throw flagError('--force', { message: '--force does not go with --emit slurm: the emitted jobs replace no folder', hint: 'remove the --out folder by hand before submitting, or emit into a new --out' });
}

/** `--emit slurm`: writes sweep.sbatch, merge.sbatch and submit.sh into DIR/slurm/. */
function emitSlurm(args: SweepArgs, plan: SweepPlan, dir: string, io: CliIO): number {
  if (args.shards === undefined) throw flagError('--shards', msg.emitNeedsShards());
  const points = planPoints(plan);
  if (!Number.isInteger(args.shards) || args.shards < 1 || args.shards > Math.max(1, points)) {
    throw flagError('--shards', { message: `--shards must be a whole number from 1 to the number of points (${points}), got ${args.shards}`, hint: `each array task runs one shard, every n-th point: e.g. --shards ${Math.min(8, Math.max(1, points))}` });
  }
  const cpus = args['cpus-per-task'] ?? 1;
  if (!Number.isInteger(cpus) || cpus < 1 || cpus > 256) throw flagError('--cpus-per-task', { message: `must be a whole number from 1 to 256, got ${cpus}`, hint: 'the worker threads of each shard, e.g. --cpus-per-task 4' });
  const jobName = `povsim-${plan.name}`.replace(/[^A-Za-z0-9_.-]/g, '-');
  const { slurmDir, files } = writeSlurmFolder(args.plan, dir, { shards: args.shards, cpusPerTask: cpus, sweepArgs: sweepOverrideArgs(runOverrides(args)), jobName, partition: args.partition, time: args.time });
  if (args.json) io.out(JSON.stringify({ slurm: slurmDir, shards: args.shards, points, files }));
  else if (!args.quiet) {
    io.out(`wrote ${slurmDir}/ (sweep.sbatch: array of ${args.shards} shards over ${points} points; merge.sbatch; submit.sh)`);
    io.out(`submit with: ${join(slurmDir, 'submit.sh')}   (add --wait to block until the merged result is in ${resolve(dir)}/)`);
  }
  return 0;
}

/** Runs `povsim sweep`; returns the exit code. */
export async function sweepCommand(args: SweepArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  checkModeFlags(args);
  const plan = loadSweepPlan(args.plan, runOverrides(args));
  const dir = args.out ?? defaultOutputDir(['sweeps'], plan.name, args.plan);
  if (args.emit === 'slurm') return emitSlurm(args, plan, dir, io);
  const shard = args.shard !== undefined ? parseShard(args.shard) : WHOLE;
  const workers = checkWorkers(args.workers);
  // one writer per folder; whether it resumes, is refused or replaced is the sweep's own decision
  makeOutputFolder(dir);
  lockOutputFolder(dir, 'sweep');
  const quiet = args.quiet || args.json;
  if (!quiet) io.err(sweepPlanLine(plan, shard, workers, dir));
  const bar = startSweepProgress(io, plan.name, quiet);
  let last: SweepProgress | undefined;
  let summary: SweepSummary;
  try {
    summary = await runSweep(plan, dir, {
      workers,
      shard,
      force: args.force,
      signal,
      provenance: { povsim: povsimVersion(), gitCommit: gitCommit() },
      onProgress: (p) => {
        last = p;
        bar.update(p);
      },
    });
  } catch (err) {
    bar.stop();
    if (signal.aborted) {
      const saved = last ? `${last.pointsDone} of ${last.pointsTotal} points are saved` : 'finished points are saved';
      io.err(`povsim: interrupted; ${saved} in ${dir}/points/; run the same command again to resume`);
      return 130;
    }
    throw err;
  }
  bar.stop();
  if (args.json) io.out(JSON.stringify({ ...summary, shard: shardText(summary.shard), workers }));
  else if (!args.quiet) io.out(sweepSummaryLine(summary, workers));
  return 0;
}
