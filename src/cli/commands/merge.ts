/** `povsim merge <dirs…> --out DIR`: combines shard directories into the single-run result. */
import { mergeSweeps } from '../../node/sweep-merge.js';
import type { CliIO } from '../io.js';
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { lockOutputFolder, makeOutputFolder, unlockOutputFolder } from '../../node/output-folder.js';
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
  const existed = existsSync(args.out);
  makeOutputFolder(args.out);
  lockOutputFolder(args.out, 'merge');
  let s;
  try {
    s = mergeSweeps(args.dirs, args.out, { force: args.force, provenance: { povsim: povsimVersion(), gitCommit: gitCommit() } });
  } catch (err) {
    // A refused merge (shards missing, plans differ) leaves no empty folder it made behind.
    unlockOutputFolder(args.out);
    if (!existed && readdirSync(args.out).length === 0) rmdirSync(args.out);
    throw err;
  }
  if (args.json) io.out(JSON.stringify(s));
  else if (!args.quiet) {
    const from = s.sources.map((x) => `${x.dir} (${x.points})`).join(', ');
    io.out(`merged ${s.points} points from ${from} into ${s.out}/ (results.csv, manifest.json) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return 0;
}
