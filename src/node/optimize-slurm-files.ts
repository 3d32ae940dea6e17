/**
 * `povsim optimize --emit slurm` on disk: writes the job scripts (experiment/optimize-slurm.ts) into
 * OUT/slurm/, executable, with a logs/ folder for the tasks' output. The povsim command the jobs run
 * is this process's own (node, its flags, the entry script), so a job runs the same build that
 * wrote it, as for `povsim sweep --emit slurm` (slurm-files.ts), whose checks of the values that go
 * into `#SBATCH` lines (checkSlurmJob) run first.
 */
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { optimizeSlurmScripts, type OptimizeSlurmOptions } from '../experiment/optimize-slurm.js';
import { writeFileAtomic } from './atomic-write.js';
import { makeOutputFolder } from './output-folder.js';
import { checkJobFolder, checkSamePlan, checkSlurmJob, markJobFolder } from './slurm-files.js';

/** The job's settings that are not about this process (which command, which folder). */
export type OptimizeSlurmJob = Omit<OptimizeSlurmOptions, 'plan' | 'out' | 'command' | 'cwd'>;

/**
 * Writes optimize.sbatch and submit.sh into `<out>/slurm/` (paths made absolute).
 * @returns the slurm folder and the script names
 * @throws InputError (exit 2), before any folder is made, when a value of an #SBATCH line is unsafe (checkSlurmJob)
 */
export function writeOptimizeSlurmFolder(planFile: string, out: string, job: OptimizeSlurmJob): { slurmDir: string; files: string[] } {
  const abs = resolve(out);
  checkSlurmJob(abs, job);
  const scripts = optimizeSlurmScripts({ ...job, plan: resolve(planFile), out: abs, command: [process.execPath, ...process.execArgv, resolve(process.argv[1])], cwd: process.cwd() });
  checkJobFolder(out, 'povsim optimize');
  checkSamePlan(out, join(abs, 'slurm', 'optimize.sbatch'), resolve(planFile));
  const slurmDir = join(abs, 'slurm');
  makeOutputFolder(join(slurmDir, 'logs'));
  markJobFolder(out, 'povsim optimize'); // the shards write the search here
  for (const [name, text] of Object.entries(scripts)) {
    writeFileAtomic(join(slurmDir, name), text);
    chmodSync(join(slurmDir, name), 0o755);
  }
  return { slurmDir, files: Object.keys(scripts) };
}
