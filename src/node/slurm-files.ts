/**
 * `povsim sweep --emit slurm` on disk: writes the job scripts (slurm.ts) into OUT/slurm/, executable,
 * with a logs/ folder for the tasks' output. The povsim command the jobs run is this process's own
 * (node, its flags, the entry script), so a job runs the same build that wrote it.
 */
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { slurmScripts, type SlurmOptions } from '../experiment/sweep/slurm.js';
import { makeOutputFolder } from './output-folder.js';
import { writeDurable } from './sweep-files.js';

/** The job's settings that are not about this process (which command, which folder). */
export type SlurmJob = Omit<SlurmOptions, 'plan' | 'out' | 'command' | 'cwd'>;

/**
 * Writes sweep.sbatch, merge.sbatch and submit.sh into `<out>/slurm/` (paths made absolute).
 * @returns the slurm folder and the script names
 */
export function writeSlurmFolder(planFile: string, out: string, job: SlurmJob): { slurmDir: string; files: string[] } {
  const abs = resolve(out);
  const scripts = slurmScripts({ ...job, plan: resolve(planFile), out: abs, command: [process.execPath, ...process.execArgv, resolve(process.argv[1])], cwd: process.cwd() });
  const slurmDir = join(abs, 'slurm');
  makeOutputFolder(join(slurmDir, 'logs'));
  for (const [name, text] of Object.entries(scripts)) {
    writeDurable(join(slurmDir, name), text);
    chmodSync(join(slurmDir, name), 0o755);
  }
  return { slurmDir, files: Object.keys(scripts) };
}
