/** Flags shared by the commands that run scenarios. */
import type { Argv } from 'yargs';
import { RUN_DEFAULTS } from '../scenario/run-defaults.js';
import { flagError } from './handle-command.js';

export interface RunFlags {
  out?: string;
  seed?: number;
  replicates?: number;
  scale?: number;
  'end-year'?: number;
  workers?: number;
  quiet: boolean;
  json: boolean;
  force: boolean;
}

/** The run flags; `outDefault` is where the command writes without --out, as its help says. */
export function withRunFlags<T>(y: Argv<T>, outDefault = 'out/<scenario name>/'): Argv<T & RunFlags> {
  return y
    .option('out', { type: 'string', describe: `output directory (default ${outDefault})` })
    .option('seed', { type: 'number', describe: 'base seed; replicate r uses a seed derived from (seed, r)' })
    .option('replicates', { type: 'number', describe: 'replicates (run: from the scenario, else 20; compare: from the comparison file, 10 in the shipped one, else 50; the first batch when adaptive)' })
    .option('scale', { type: 'number', describe: 'sampling fraction: 1 = whole province, 0.01 = 1:100 (default)' })
    .option('end-year', { type: 'number', describe: `last simulated year (default ${RUN_DEFAULTS.endYear})` })
    .option('workers', { type: 'number', describe: 'worker threads (default: all cores)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar and no table' })
    .option('json', { type: 'boolean', default: false, describe: 'print a JSON summary on stdout instead of the table' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an earlier povsim output directory (only one holding nothing povsim does not write)' }) as Argv<T & RunFlags>;
}

/** `run --threads`: threads per replicate for the passes over every household. */
export interface ThreadsFlag {
  threads?: number;
}

export function withThreadsFlag<T>(y: Argv<T>): Argv<T & ThreadsFlag> {
  return y.option('threads', {
    type: 'number',
    describe: 'threads each replicate shares its passes over every household among; the results are the same bytes (default: the cores the workers leave idle, for 250,000 households or more)',
  }) as Argv<T & ThreadsFlag>;
}

/** The Slurm array-job flags that sweep and optimize share (with --emit slurm). */
export function withArrayJobFlags<T>(y: Argv<T>): Argv<T> {
  return y
    .option('cpus-per-task', { type: 'number', describe: 'with --emit slurm: CPUs (worker threads) per array task (default 1)' })
    .option('partition', { type: 'string', describe: 'with --emit slurm: Slurm partition' })
    .option('time', { type: 'string', describe: 'with --emit slurm: time limit per array task, e.g. 02:00:00' }) as Argv<T>;
}

/** The array-job flags (besides --shards) only `--emit slurm` reads, each with an example value for the hints. */
const SLURM_ONLY = { 'cpus-per-task': '4', partition: 'main', time: '04:00:00' } as const;

/**
 * Refuses the flags only `--emit slurm` reads when it is not given (they would be ignored).
 * @param command `sweep` or `optimize`; @param shards the example shard count of the hints
 * @param shardHere how a shard runs on this machine, for the hint of --shards
 * @throws InputError naming the first such flag, with an example
 */
export function refuseSlurmOnlyFlags(command: string, args: { shards?: number } & { [K in keyof typeof SLURM_ONLY]?: unknown }, shards: number, shardHere: string): void {
  const job = `povsim ${command} PLAN --emit slurm --shards ${shards}`;
  if (args.shards !== undefined) throw flagError('--shards', { message: '--shards goes with --emit slurm', hint: `${job} --out DIR writes an array job of ${shards} shards; ${shardHere}` });
  for (const [f, example] of Object.entries(SLURM_ONLY)) {
    if (args[f as keyof typeof SLURM_ONLY] !== undefined) throw flagError(`--${f}`, { message: `--${f} goes with --emit slurm`, hint: `${job} --${f} ${example} --out DIR` });
  }
}

/** Run settings given on the command line (only those given). */
export function runOverrides(f: RunFlags): { endYear?: number; scale?: number; replicates?: number; seed?: number } {
  const o: { endYear?: number; scale?: number; replicates?: number; seed?: number } = {};
  if (f['end-year'] !== undefined) o.endYear = f['end-year'];
  if (f.scale !== undefined) o.scale = f.scale;
  if (f.replicates !== undefined) o.replicates = f.replicates;
  if (f.seed !== undefined) o.seed = f.seed;
  return o;
}

/** Adaptive-replicate flags of `run` and `compare` (src/experiment/adaptive-replicates.ts). */
export interface AdaptiveFlags {
  'target-half-width'?: number;
  'max-replicates'?: number;
}

export function withAdaptiveFlags<T>(y: Argv<T>): Argv<T & AdaptiveFlags> {
  return y
    .option('target-half-width', { type: 'number', describe: 'add replicates in fixed batches until every headline 95% half-width is at most this many percentage points (e.g. 0.02)' })
    .option('max-replicates', { type: 'number', describe: 'the most replicates adaptive batches may reach (default: 10 × --replicates)' }) as Argv<T & AdaptiveFlags>;
}

/** The adaptive flags given, as the experiment layer names them. */
export function adaptiveOverrides(f: AdaptiveFlags): { targetHalfWidth?: number; maxReplicates?: number } {
  const o: { targetHalfWidth?: number; maxReplicates?: number } = {};
  if (f['target-half-width'] !== undefined) o.targetHalfWidth = f['target-half-width'];
  if (f['max-replicates'] !== undefined) o.maxReplicates = f['max-replicates'];
  return o;
}
