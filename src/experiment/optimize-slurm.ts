/**
 * Slurm job scripts for a sharded search (`povsim optimize --emit slurm`), the sibling of the
 * sweep's (sweep/slurm.ts). No merge job: the shards share one output folder and shard 0 writes
 * the outputs itself, so
 *
 *   optimize.sbatch  an array job, task k of 0..n−1 runs `povsim optimize PLAN --shard k/n --out OUT`
 *   submit.sh        submits the array; extra arguments go to its sbatch (`submit.sh --wait` blocks
 *                    until every task has ended, and fails when one failed)
 *
 * Paths are absolute, so the scripts work from any folder of a shared file system. A task that is
 * requeued or re-submitted resumes from the journal.
 */
import { shellQuote, type SlurmOptions } from './sweep/slurm.js';

/** The sweep's array-job options, with optimize's own flags in place of the sweep's. */
export interface OptimizeSlurmOptions extends Omit<SlurmOptions, 'sweepArgs'> {
  /** Further optimize flags (plan overrides, --shard-timeout), passed to every shard. */
  optimizeArgs: readonly string[];
}

/** The two files, by name. */
export function optimizeSlurmScripts(o: OptimizeSlurmOptions): Record<'optimize.sbatch' | 'submit.sh', string> {
  const n = o.shards;
  const job = [
    '#!/bin/bash',
    `#SBATCH --job-name=${shellQuote(o.jobName)}`,
    `#SBATCH --array=0-${n - 1}`,
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --output=${shellQuote(`${o.out}/slurm/logs/optimize-%A_%a.out`)}`,
    ...(o.partition ? [`#SBATCH --partition=${shellQuote(o.partition)}`] : []),
    ...(o.time ? [`#SBATCH --time=${shellQuote(o.time)}`] : []),
    '# Written by povsim optimize --emit slurm. Every task runs the same search and computes its share',
    '# of each batch of runs; task 0 writes the outputs. Submit with submit.sh.',
    'set -euo pipefail',
    `cd ${shellQuote(o.cwd)}`,
    `POVSIM=(${o.command.map(shellQuote).join(' ')})`,
    `k="\${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}"`,
    `"\${POVSIM[@]}" optimize ${shellQuote(o.plan)} --shard "$k/${n}" --out ${shellQuote(o.out)} \\`,
    `  --workers "\${SLURM_CPUS_PER_TASK:-${o.cpusPerTask}}" --quiet${o.optimizeArgs.length ? ' ' + o.optimizeArgs.map(shellQuote).join(' ') : ''}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    '# Submits the optimize array job (one task per shard; task 0 writes the outputs).',
    '# Arguments go to sbatch: `./submit.sh --wait` returns when every task has ended (non-zero if one failed).',
    'set -euo pipefail',
    'here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
    `mkdir -p ${shellQuote(`${o.out}/slurm/logs`)}`,
    'job=$(sbatch --parsable "$@" "$here/optimize.sbatch")',
    'echo "submitted optimize array job ${job%%;*}"',
    '',
  ].join('\n');
  return { 'optimize.sbatch': job, 'submit.sh': submit };
}
