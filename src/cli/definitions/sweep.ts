/**
 * The `povsim sweep` command's flags and help (the parameter sweep). The implementation is imported only when the
 * command runs, so other commands (and --help) do not load it.
 */
import type { Argv } from 'yargs';
import type { SweepArgs } from '../commands/sweep.js';
import { handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { withArrayJobFlags, withRunFlags } from '../shared-flags.js';

/** Adds `povsim sweep` to a yargs parser. */
export function registerSweepCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'sweep <plan>',
    'run a parameter sweep (grid, random, latin-hypercube, sobol, morris) → tidy results.csv; resumable, shardable',
    (b) =>
      withArrayJobFlags(
        withRunFlags(b.positional('plan', { type: 'string', demandOption: true, describe: 'sweep plan (.yaml or .json)' }), 'out/sweeps/<plan name>/')
          .option('out', { type: 'string', describe: 'output directory (default out/sweeps/<plan name>/); re-running into it resumes' })
          .option('replicates', { type: 'number', describe: 'replicates per point (default: the plan\'s, else the base scenario\'s)' })
          .option('force', { type: 'boolean', default: false, describe: 'replace another sweep in --out (the same sweep resumes without it)' })
          .option('json', { type: 'boolean', default: false, describe: 'print a JSON summary on stdout' })
          .option('shard', { type: 'string', describe: 'run only shard k of n (k/n, from 0): points p with p mod n = k' })
          .option('emit', { choices: ['slurm'] as const, describe: 'write a Slurm array-job script (one shard per task, then a merge job) instead of running' })
          .option('shards', { type: 'number', describe: 'with --emit slurm: number of array tasks' }),
      )
        .example('povsim sweep scenarios/sweeps/assumptions-2020.yaml', 'Morris screening of every assumption; re-run the same command to resume after an interruption')
        .example('povsim sweep plan.yaml --shard 2/8 --out out/shards/2', 'one of 8 shards; combine them with povsim merge')
        .example('povsim sweep plan.yaml --emit slurm --shards 8 --out out/sweeps/big', 'write out/sweeps/big/slurm/{sweep.sbatch,merge.sbatch,submit.sh}') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, async () => (await import('../commands/sweep.js')).sweepCommand(a as unknown as SweepArgs, io, signal)),
  );
}
