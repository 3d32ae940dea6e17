/**
 * `povsim sweep <plan.yaml>`: runs a parameter sweep (or one shard of it) into an output directory,
 * resuming from its journal when re-run; `--emit slurm` writes an array-job script instead.
 */
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Argv } from 'yargs';
import { formatDiagnostic, InputError } from '../../engine/diagnostics.js';
import { writeDurable } from '../../node/sweep-files.js';
import * as msg from '../../experiment/sweep/plan-messages.js';
import { planPoints, type SweepPlan } from '../../experiment/sweep/plan.js';
import { loadSweepPlan } from '../../node/sweep-plans.js';
import { runSweep, type SweepProgress, type SweepSummary } from '../../node/sweep-run.js';
import { parseShard, shardPoints, shardText, WHOLE, type Shard } from '../../experiment/sweep/shard.js';
import { slurmScripts } from '../../experiment/sweep/slurm.js';
import type { CliIO } from '../io.js';
import { lockOutputFolder, makeOutputFolder } from '../../node/output-folder.js';
import { defaultOutputDir } from '../output-dir.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { runOverrides, withRunFlags, type RunFlags } from '../shared-flags.js';
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
 * Runs a command handler and reports its failure itself (the research commands' handlers never let
 * an exception reach yargs, which would print the whole help text): InputError → diagnostics and
 * exit 2; interrupted → 130; anything else → one line (a stack with POVSIM_DEBUG=1) and exit 1.
 */
export async function handleCommand(io: CliIO, signal: AbortSignal, setCode: (c: number) => void, run: () => Promise<number> | number): Promise<void> {
  try {
    setCode(await run());
  } catch (err) {
    if (err instanceof InputError) {
      io.err(err.diagnostics.map(formatDiagnostic).join('\n'));
      setCode(2);
    } else if (signal.aborted) {
      io.err('povsim: interrupted');
      setCode(130);
    } else {
      io.err(`povsim: ${err instanceof Error ? err.message : String(err)}`);
      if (process.env.POVSIM_DEBUG === '1' && err instanceof Error) io.err(err.stack ?? '');
      setCode(1);
    }
  }
}

/** Seconds between progress lines when stderr is not a terminal (logs of batch jobs). */
const LOG_EVERY_SECONDS = 60;

function flagError(key: string, problem: { code: string; message: string; hint?: string }): InputError {
  return new InputError([{ ...problem, file: '(command line)', line: 0, column: 0, key }]);
}

/** `1h 02m`, `3m 05s`, `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

interface SweepBar {
  update(p: SweepProgress): void;
  stop(): void;
}

/**
 * Progress of a sweep: on a terminal a bar (points done, runs, runs per second, ETA; cli-progress,
 * as in ../progress.ts); elsewhere one line every minute, so batch-job logs show progress too.
 */
function startSweepProgress(io: CliIO, label: string, quiet: boolean): SweepBar {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const t0 = Date.now();
  const rate = (p: SweepProgress): number => p.runsDone / Math.max(0.001, (Date.now() - t0) / 1000);
  if (!io.isTTY) {
    let last = Date.now();
    return {
      update: (p) => {
        if (Date.now() - last < LOG_EVERY_SECONDS * 1000) return;
        last = Date.now();
        const r = rate(p);
        io.err(`${label}: ${p.pointsDone}/${p.pointsTotal} points, ${p.runsDone}/${p.runsTotal} runs, ${r.toFixed(1)} runs/s, ETA ${formatDuration((p.runsTotal - p.runsDone) / r)}`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {points} points | {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { points: `${p.pointsDone}/${p.pointsTotal}`, rate: rate(p).toFixed(1) };
      if (!started) {
        bar.start(Math.max(1, p.runsTotal), p.runsDone, payload);
        started = true;
      } else bar.update(p.runsDone, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** The line printed before running. */
function planLine(plan: SweepPlan, shard: Shard, workers: number, dir: string): string {
  const points = planPoints(plan);
  const mine = shard.count > 1 ? ` (shard ${shardText(shard)}: ${shardPoints(points, shard).length} points)` : '';
  return `sweep ${plan.name}: ${plan.design.kind} design over ${plan.vary.length} parameter(s), ${points} points × ${plan.replicates} replicate(s) = ${points * plan.replicates} runs${mine}; scale ${plan.scale}, 2013–${plan.endYear}, ${workers} worker(s) → ${dir}/`;
}

/** The closing summary line. */
export function summaryLine(s: SweepSummary, workers: number): string {
  const rate = s.runs / Math.max(0.001, s.seconds);
  const head = s.shard.count > 1 ? `${s.name} shard ${shardText(s.shard)} done` : `${s.name} done`;
  const wrote = s.complete ? `wrote ${s.dir}/ (results.csv, manifest.json)` : `wrote ${s.dir}/points/; combine the shards with \`povsim merge\``;
  return `${head}: ${s.resumed + s.computed}/${s.shardPoints} points (${s.resumed} resumed, ${s.computed} computed), ${s.runs} runs in ${s.seconds.toFixed(1)} s (${rate.toFixed(2)} runs/s on ${workers} worker(s)); ${wrote}`;
}

/** `--emit slurm`: writes sweep.sbatch, merge.sbatch and submit.sh into DIR/slurm/. */
function emitSlurm(args: SweepArgs, plan: SweepPlan, dir: string, io: CliIO): number {
  if (args.shards === undefined) throw flagError('--shards', msg.emitNeedsShards());
  const points = planPoints(plan);
  if (!Number.isInteger(args.shards) || args.shards < 1 || args.shards > Math.max(1, points)) {
    throw flagError('--shards', { code: 'bad-flag', message: `--shards must be a whole number from 1 to the number of points (${points}), got ${args.shards}` });
  }
  const cpus = args['cpus-per-task'] ?? 1;
  if (!Number.isInteger(cpus) || cpus < 1 || cpus > 256) throw flagError('--cpus-per-task', { code: 'bad-flag', message: `must be a whole number from 1 to 256, got ${cpus}` });
  const sweepArgs: string[] = [];
  const o = runOverrides(args);
  if (o.scale !== undefined) sweepArgs.push('--scale', String(o.scale));
  if (o.endYear !== undefined) sweepArgs.push('--end-year', String(o.endYear));
  if (o.replicates !== undefined) sweepArgs.push('--replicates', String(o.replicates));
  if (o.seed !== undefined) sweepArgs.push('--seed', String(o.seed));
  const out = resolve(dir);
  const scripts = slurmScripts({
    plan: resolve(args.plan),
    out,
    shards: args.shards,
    cpusPerTask: cpus,
    command: [process.execPath, ...process.execArgv, resolve(process.argv[1])],
    cwd: process.cwd(),
    sweepArgs,
    jobName: `povsim-${plan.name}`.replace(/[^A-Za-z0-9_.-]/g, '-'),
    partition: args.partition,
    time: args.time,
  });
  const slurmDir = join(out, 'slurm');
  makeOutputFolder(join(slurmDir, 'logs'));
  for (const [name, text] of Object.entries(scripts)) {
    writeDurable(join(slurmDir, name), text);
    chmodSync(join(slurmDir, name), 0o755);
  }
  if (args.json) io.out(JSON.stringify({ slurm: slurmDir, shards: args.shards, points, files: Object.keys(scripts) }));
  else if (!args.quiet) {
    io.out(`wrote ${slurmDir}/ (sweep.sbatch: array of ${args.shards} shards over ${points} points; merge.sbatch; submit.sh)`);
    io.out(`submit with: ${join(slurmDir, 'submit.sh')}   (add --wait to block until the merged result is in ${out}/)`);
  }
  return 0;
}

/** Runs `povsim sweep`; returns the exit code. */
export async function sweepCommand(args: SweepArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const plan = loadSweepPlan(args.plan, runOverrides(args));
  const dir = args.out ?? defaultOutputDir(['sweeps'], plan.name, args.plan);
  if (args.emit === 'slurm') return emitSlurm(args, plan, dir, io);
  const shard = args.shard !== undefined ? parseShard(args.shard) : WHOLE;
  const workers = checkWorkers(args.workers);
  // one writer per folder; whether it resumes, is refused or replaced is the sweep's own decision
  makeOutputFolder(dir);
  lockOutputFolder(dir, 'sweep');
  const quiet = args.quiet || args.json;
  if (!quiet) io.err(planLine(plan, shard, workers, dir));
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
  else if (!args.quiet) io.out(summaryLine(summary, workers));
  return 0;
}

/** Adds `povsim sweep` to a yargs parser. */
export function registerSweepCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'sweep <plan>',
    'run a parameter sweep (grid, random, latin-hypercube, sobol, morris) → tidy results.csv; resumable, shardable',
    (b) =>
      withRunFlags(b.positional('plan', { type: 'string', demandOption: true, describe: 'sweep plan (.yaml or .json)' }))
        .option('out', { type: 'string', describe: 'output directory (default out/sweeps/<plan name>/); re-running into it resumes' })
        .option('replicates', { type: 'number', describe: 'replicates per point (default: the plan\'s, else the base scenario\'s)' })
        .option('force', { type: 'boolean', default: false, describe: 'replace another sweep in --out (the same sweep resumes without it)' })
        .option('json', { type: 'boolean', default: false, describe: 'print a JSON summary on stdout' })
        .option('shard', { type: 'string', describe: 'run only shard k of n (k/n, from 0): points p with p mod n = k' })
        .option('emit', { choices: ['slurm'] as const, describe: 'write a Slurm array-job script (one shard per task, then a merge job) instead of running' })
        .option('shards', { type: 'number', describe: 'with --emit slurm: number of array tasks' })
        .option('cpus-per-task', { type: 'number', describe: 'with --emit slurm: CPUs (worker threads) per array task (default 1)' })
        .option('partition', { type: 'string', describe: 'with --emit slurm: Slurm partition' })
        .option('time', { type: 'string', describe: 'with --emit slurm: time limit per array task, e.g. 02:00:00' })
        .example('povsim sweep scenarios/sweeps/assumptions-2020.yaml', 'Morris screening of every assumption; re-run the same command to resume after an interruption')
        .example('povsim sweep plan.yaml --shard 2/8 --out out/shards/2', 'one of 8 shards; combine them with povsim merge')
        .example('povsim sweep plan.yaml --emit slurm --shards 8 --out out/sweeps/big', 'write out/sweeps/big/slurm/{sweep.sbatch,merge.sbatch,submit.sh}') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, () => sweepCommand(a as unknown as SweepArgs, io, signal)),
  );
}
