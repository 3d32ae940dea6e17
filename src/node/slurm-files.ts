/**
 * `povsim sweep --emit slurm` on disk: writes the job scripts (slurm.ts) into OUT/slurm/, executable,
 * with a logs/ folder for the tasks' output. The povsim command the jobs run is this process's own
 * (node, its flags, the entry script), so a job runs the same build that wrote it.
 *
 * The values that go into `#SBATCH` lines (--time, --partition, the output folder, the job name)
 * are checked first (checkSlurmJob): sbatch reads those lines itself, without shell quoting, and
 * bash runs whatever follows a newline in them as a command.
 */
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, type Diagnostic } from '../engine/diagnostics.js';
import { shellQuote, slurmScripts, type SlurmOptions } from '../experiment/sweep/slurm.js';
import { LOCK_FILE, makeOutputFolder, OUTPUT_MARK, outputMarkCommand } from './output-folder.js';
import { ensureMark, recordNames } from './output-record.js';
import { writeDurable } from './sweep-files.js';

/** The job's settings that are not about this process (which command, which folder). */
export type SlurmJob = Omit<SlurmOptions, 'plan' | 'out' | 'command' | 'cwd'>;

/**
 * Slurm's time-limit formats (sbatch --time): minutes, minutes:seconds, hours:minutes:seconds,
 * days-hours, days-hours:minutes and days-hours:minutes:seconds; each field whole digits.
 */
const SLURM_TIME = /^(\d+(:\d+){0,2}|\d+-\d+(:\d+){0,2})$/;
/** A Slurm name (partition, job name): letters, digits, `_`, `-` and `.`. */
const SLURM_NAME = /^[A-Za-z0-9_.-]+$/;
/** A path sbatch takes as it is: no spaces, quotes, `#`, `%` (a Slurm file pattern) or control characters. */
const SBATCH_PATH = /^[A-Za-z0-9_@+=:,./-]+$/;

function commandLine(key: string, message: string, hint: string): Diagnostic {
  return { code: 'bad-flag', file: '(command line)', line: 0, column: 0, key, message, hint };
}

/**
 * The problems of the values an emitted job writes into its `#SBATCH` lines.
 * @param out the output folder, absolute (it is named in `#SBATCH --output=`)
 * @param job the --partition and --time given (undefined when not given)
 * @returns one diagnostic per bad value, [] when every value is safe
 * @example slurmJobProblems('/shared/opt', { time: '1:00' }) // []
 */
export function slurmJobProblems(out: string, job: { partition?: string; time?: string }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (job.time !== undefined && !SLURM_TIME.test(job.time)) {
    problems.push(commandLine('--time', `must be a Slurm time limit (minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes or days-hours:minutes:seconds), got ${JSON.stringify(job.time)}`, 'e.g. --time 04:00:00 (four hours), --time 90 (minutes) or --time 2-12:00:00 (two and a half days)'));
  }
  if (job.partition !== undefined && !job.partition.split(',').every((p) => SLURM_NAME.test(p))) {
    problems.push(commandLine('--partition', `must be a Slurm partition name of letters, digits, _, - and . (several separated by commas), got ${JSON.stringify(job.partition)}`, 'e.g. --partition main, or --partition main,gpu to let Slurm pick either'));
  }
  if (!SBATCH_PATH.test(out)) {
    problems.push(commandLine('--out', `the job scripts name the output folder in an #SBATCH line, which sbatch reads without shell quoting, so its absolute path may hold only ASCII letters, digits and _ - . / @ + = : , (got ${JSON.stringify(out)})`, 'choose a folder such as --out /shared/povsim/my-sweep'));
  }
  return problems;
}

/**
 * Checks the values that go into the `#SBATCH` lines before anything is written.
 * @throws InputError (exit 2) naming each bad flag (slurmJobProblems); Error when the job name, made by povsim, is not a plain Slurm name
 */
export function checkSlurmJob(out: string, job: { jobName: string; partition?: string; time?: string }): void {
  const problems = slurmJobProblems(out, job);
  if (problems.length > 0) throw new InputError(problems);
  if (!SLURM_NAME.test(job.jobName)) throw new Error(`internal: Slurm job name ${JSON.stringify(job.jobName)} is not letters, digits, _, - and .`);
}

/**
 * The job's folder must be new, empty, hold only earlier job scripts, or be the output of the
 * command the jobs run (its mark, or an earlier version's plan.json without one): the jobs write
 * into it, and a run's or a user's files there would mix with theirs.
 * @param command the command named in the folder's mark: `sweep` or `povsim optimize`
 * @throws InputError (exit 2) naming the folder
 */
export function checkJobFolder(out: string, command: string): void {
  const abs = resolve(out);
  let st;
  try {
    st = statSync(abs, { throwIfNoEntry: false });
  } catch {
    return; // a part of the path is a file: makeOutputFolder refuses it with the cause
  }
  if (st === undefined || !st.isDirectory()) return; // created, or refused with the cause, by makeOutputFolder
  const entries = readdirSync(abs).filter((e) => e !== LOCK_FILE && e !== 'slurm');
  if (entries.length === 0 || outputMarkCommand(abs) === command || (!entries.includes(OUTPUT_MARK) && entries.includes('plan.json'))) return;
  throw new InputError([{ code: 'output-exists', file: '(command line)', line: 0, column: 0, key: '--out', message: `output directory ${out} already holds ${entries.includes(OUTPUT_MARK) ? 'the output of another command' : 'other files'}, and the jobs would write beside them`, hint: 'choose an empty or new folder with --out' }]);
}

/**
 * A folder already holding a job's scripts takes a new job only for the same plan file (another shard
 * count, time or partition): another plan's shards would meet this one's on the cluster and fail there.
 * @param script the earlier job script that names its plan
 * @throws InputError (exit 2) naming the plan the folder's job runs
 */
export function checkSamePlan(out: string, script: string, plan: string): void {
  let text: string;
  try {
    text = readFileSync(script, 'utf8');
  } catch {
    return; // no earlier job here
  }
  if (text.includes(` ${shellQuote(plan)} `)) return;
  const earlier = /"\$\{POVSIM\[@\]\}" \w+ ('[^']*'|\S+)/.exec(text)?.[1] ?? 'another plan';
  throw new InputError([{ code: 'output-exists', file: '(command line)', line: 0, column: 0, key: '--out', message: `output directory ${out} holds the Slurm job of another plan (${earlier})`, hint: 'give this plan its own --out' }]);
}

/** Marks the job's folder as the output of `command`, so its jobs (and a later --force) may write there. */
export function markJobFolder(out: string, command: string): void {
  ensureMark(resolve(out), command);
  recordNames(resolve(out), ['slurm']);
}

/**
 * Writes sweep.sbatch, merge.sbatch and submit.sh into `<out>/slurm/` (paths made absolute).
 * @returns the slurm folder and the script names
 * @throws InputError (exit 2), before any folder is made, when a value of an #SBATCH line is unsafe (checkSlurmJob)
 */
export function writeSlurmFolder(planFile: string, out: string, job: SlurmJob): { slurmDir: string; files: string[] } {
  const abs = resolve(out);
  checkSlurmJob(abs, job);
  const scripts = slurmScripts({ ...job, plan: resolve(planFile), out: abs, command: [process.execPath, ...process.execArgv, resolve(process.argv[1])], cwd: process.cwd() });
  checkJobFolder(out, 'sweep');
  checkSamePlan(out, join(abs, 'slurm', 'sweep.sbatch'), resolve(planFile));
  const slurmDir = join(abs, 'slurm');
  makeOutputFolder(join(slurmDir, 'logs'));
  markJobFolder(out, 'sweep'); // the shards and the merge job write the sweep here
  for (const [name, text] of Object.entries(scripts)) {
    writeDurable(join(slurmDir, name), text);
    chmodSync(join(slurmDir, name), 0o755);
  }
  return { slurmDir, files: Object.keys(scripts) };
}
