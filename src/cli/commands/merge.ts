/** `povsim merge <dirs…> --out DIR`: combines shard directories into the single-run result. */
import type { Argv } from 'yargs';
import { mergeSweeps } from '../../node/sweep-merge.js';
import type { CliIO } from '../io.js';
import { lockOutputFolder, makeOutputFolder } from '../../node/output-folder.js';
import { handleCommand } from '../handle-command.js';
import { gitCommit, povsimVersion } from '../provenance.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
  force: boolean;
  json: boolean;
  quiet: boolean;
}

/** Runs `povsim merge`; returns the exit code. */
export function mergeCommand(args: MergeArgs, io: CliIO): number {
  const t0 = Date.now();
  makeOutputFolder(args.out);
  lockOutputFolder(args.out, 'merge');
  const s = mergeSweeps(args.dirs, args.out, { force: args.force, provenance: { povsim: povsimVersion(), gitCommit: gitCommit() } });
  if (args.json) io.out(JSON.stringify(s));
  else if (!args.quiet) {
    const from = s.sources.map((x) => `${x.dir} (${x.points})`).join(', ');
    io.out(`merged ${s.points} points from ${from} into ${s.out}/ (results.csv, manifest.json) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return 0;
}

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
    (a) => handleCommand(io, signal, setCode, () => mergeCommand(a as unknown as MergeArgs, io)),
  );
}
