/**
 * Slurm job scripts for a sharded sweep (`povsim sweep --emit slurm`):
 *
 *   sweep.sbatch   an array job, task k of 0..n−1 runs `povsim sweep PLAN --shard k/n --out OUT/shards/k`
 *   merge.sbatch   `povsim merge OUT/shards/0 … OUT/shards/n−1 --out OUT`
 *   submit.sh      submits the array, then the merge with --dependency=afterok:<array job>; extra
 *                  arguments go to the merge's sbatch (e.g. `submit.sh --wait` blocks until done)
 *
 * Paths are absolute, so the scripts work from any folder of a shared file system. A shard that is
 * requeued or re-submitted resumes from its journal.
 */

export interface SlurmOptions {
  /** Absolute path of the plan file. */
  plan: string;
  /** Absolute output directory of the merged sweep. */
  out: string;
  /** Array tasks (shards). */
  shards: number;
  /** CPUs per array task (= worker threads per shard). */
  cpusPerTask: number;
  /** The povsim command as argv, e.g. ['/usr/bin/node', '/opt/povsim/bin/povsim.mjs']. */
  command: readonly string[];
  /** Folder the jobs start in. */
  cwd: string;
  /** Further sweep flags (run-setting overrides), passed to every shard. */
  sweepArgs: readonly string[];
  jobName: string;
  partition?: string;
  /** Time limit per array task, Slurm syntax (e.g. 02:00:00). */
  time?: string;
}

/** Quotes a word for bash (single quotes; plain words stay as they are). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function header(o: SlurmOptions, name: string, log: string, extra: string[]): string {
  const lines = [
    '#!/bin/bash',
    `#SBATCH --job-name=${shellQuote(name)}`,
    ...extra,
    '#SBATCH --ntasks=1',
    `#SBATCH --output=${shellQuote(`${o.out}/slurm/logs/${log}`)}`,
    ...(o.partition ? [`#SBATCH --partition=${shellQuote(o.partition)}`] : []),
    ...(o.time ? [`#SBATCH --time=${shellQuote(o.time)}`] : []),
    '# Written by povsim sweep --emit slurm. Submit with submit.sh (it chains the merge job).',
    'set -euo pipefail',
    `cd ${shellQuote(o.cwd)}`,
    `POVSIM=(${o.command.map(shellQuote).join(' ')})`,
  ];
  return lines.join('\n');
}

/** The three files, by name. */
export function slurmScripts(o: SlurmOptions): Record<'sweep.sbatch' | 'merge.sbatch' | 'submit.sh', string> {
  const n = o.shards;
  const shardDir = `${o.out}/shards`;
  const sweep = [
    header(o, o.jobName, 'sweep-%A_%a.out', [`#SBATCH --array=0-${n - 1}`, `#SBATCH --cpus-per-task=${o.cpusPerTask}`]),
    `k="\${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}"`,
    `"\${POVSIM[@]}" sweep ${shellQuote(o.plan)} --shard "$k/${n}" --out ${shellQuote(shardDir)}/"$k" \\`,
    `  --workers "\${SLURM_CPUS_PER_TASK:-${o.cpusPerTask}}" --quiet${o.sweepArgs.length ? ' ' + o.sweepArgs.map(shellQuote).join(' ') : ''}`,
    '',
  ].join('\n');
  const dirs = Array.from({ length: n }, (_, k) => `${shardDir}/${k}`);
  const merge = [
    header(o, `${o.jobName}-merge`, 'merge-%j.out', ['#SBATCH --cpus-per-task=1']),
    `"\${POVSIM[@]}" merge \\`,
    ...dirs.map((d) => `  ${shellQuote(d)} \\`),
    `  --out ${shellQuote(o.out)}`,
    '',
  ].join('\n');
  const here = '"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"';
  const submit = [
    '#!/bin/bash',
    '# Submits the sweep array job, then the merge job once every array task has succeeded.',
    '# Arguments go to the merge job\'s sbatch: `./submit.sh --wait` returns when the merge has finished.',
    'set -euo pipefail',
    `here=${here}`,
    `mkdir -p ${shellQuote(`${o.out}/slurm/logs`)}`,
    'array=$(sbatch --parsable "$here/sweep.sbatch")',
    'array=${array%%;*}',
    'echo "submitted sweep array job $array"',
    'merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes "$@" "$here/merge.sbatch")',
    'echo "submitted merge job ${merge%%;*} (runs after $array succeeds)"',
    '',
  ].join('\n');
  return { 'sweep.sbatch': sweep, 'merge.sbatch': merge, 'submit.sh': submit };
}
