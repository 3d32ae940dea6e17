/**
 * The `povsim merge` command's flags and help (merging sweep shards). The implementation is imported only when the
 * command runs, so other commands (and --help) do not load it.
 */
import type { Argv } from 'yargs';
import type { MergeArgs } from '../commands/merge.js';
import { handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';

/** Adds `povsim merge` to a yargs parser. */
export function registerMergeCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'merge <dirs..>',
    'combine the output directories of sweep shards into one, identical to a single-process run',
    (b) =>
      b
        .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard output directories' })
        .option('out', { type: 'string', demandOption: true, describe: 'output directory of the merged sweep' })
        .option('force', { type: 'boolean', default: false, describe: 'replace another sweep in --out' })
        .option('json', { type: 'boolean', default: false, describe: 'print a JSON summary' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print nothing on success' })
        .example('povsim merge out/shards/* --out out/sweeps/big', 'after every shard has finished') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, async () => (await import('../commands/merge.js')).mergeCommand(a as unknown as MergeArgs, io)),
  );
}
