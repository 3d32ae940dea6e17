/**
 * The `povsim optimize` command's flags and help (the budget split). The implementation is imported only when the
 * command runs, so other commands (and --help) do not load it.
 */
import type { Argv } from 'yargs';
import type { OptimizeArgs } from '../commands/optimize.js';
import { flagError, handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { withArrayJobFlags, withRunFlags } from '../shared-flags.js';
import { DEFAULT_OPTIMIZE_PLAN } from '../../experiment/optimize-defaults.js';

/** Adds `povsim optimize` to a yargs parser. */
export function registerOptimizeCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'optimize [plan]',
    'the best split of a yearly budget across the suggestions, robust to the assumptions: split, frontier, report.html, optimum.yaml',
    (b) =>
      withArrayJobFlags(
        withRunFlags(b.positional('plan', { type: 'string', describe: `optimization plan (.yaml or .json; default ${DEFAULT_OPTIMIZE_PLAN})` }), 'out/optimize/')
          .option('out', { type: 'string', describe: 'output directory (default out/optimize/); an unfinished search there resumes' })
          .option('replicates', { type: 'number', hidden: true })
          .option('budget', { type: 'number', describe: 'extra yuan per year to split (default: the plan\'s, else 2e9)' })
          .option('outcome', { type: 'string', describe: 'objective outcome: durable_exits, true_incidence, poverty_gap, vulnerable_share, …' })
          .option('robust', { type: 'string', describe: 'mean over the assumption draws, or quantile (see --quantile)' })
          .option('quantile', { type: 'number', describe: 'with --robust quantile: the share of worst draws, e.g. 0.1' })
          .option('draws', { type: 'number', describe: 'assumption draws (0: central assumptions only)' })
          .option('start-year', { type: 'number', describe: 'year the suggestions start (default 2018)' })
          .option('shard', { type: 'string', describe: 'run shard i of n (i/n, from 0) of a search shared by n processes in one --out folder; shard 0 writes the outputs' })
          .option('shard-timeout', { type: 'number', describe: 'with --shard: seconds without a run arriving from other shards before giving up (exit 1; default 86400)' })
          .option('emit', { type: 'string', describe: 'slurm: write a Slurm array job (one shard per task) into DIR/slurm/ instead of running' })
          .option('shards', { type: 'number', describe: 'with --emit slurm: number of array tasks (shards)' }),
      )
        .example('povsim optimize --budget 2e9', 'the best split of 2 billion yuan a year (out/optimize/)')
        .example('povsim optimize scenarios/optimize/four-suggestions.yaml --robust quantile --quantile 0.1 --draws 10', 'robust to the worst 10% of the draws')
        .example('povsim optimize --shard 1/4 --out /shared/opt', 'one of 4 processes sharing a search (shard 0/4 writes the outputs)')
        .example('povsim optimize --emit slurm --shards 4 --out /shared/opt', 'write /shared/opt/slurm/{optimize.sbatch,submit.sh}') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, async () => {
      if ((a as { replicates?: number }).replicates !== undefined) throw flagError('--replicates', { message: 'optimize runs several stages with their own replicates', hint: 'set search: { raceReplicates } and confirmReplicates in a plan file' });
      return (await import('../commands/optimize.js')).optimizeCommand(a as unknown as OptimizeArgs, io, signal);
    }),
  );
}
