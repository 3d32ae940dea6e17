/**
 * The files of a sweep output directory, and how they are written so that a crash never leaves a
 * file that looks complete but is not:
 *
 *   plan.json        the resolved plan (canonical JSON); its hash is the sweep's identity
 *   design.json      what sensitivity needs: the design kind, Saltelli layout or Morris trajectories
 *   points.csv       point, then the value of each varied parameter
 *   code.json        fingerprint of the model code computing the points (resume and merge check it)
 *   points/NNNNNN.csv  the journal: one file per finished point (its rows of results.csv, no header),
 *                    written to a temporary name, flushed to disk and renamed: present = complete
 *   shard-K-of-N.json  written when shard K of N has finished its points
 *   results.csv      header + every point file in point order (written when all points are present)
 *   manifest.json    written last: the sweep is complete; sha256 of every file
 *
 * Every file is a pure function of the plan (and the model code), so two directories of the same plan
 * hold byte-identical files however the work was split, interrupted or resumed. (The folder's mark,
 * `.povsim-output`, lists the names povsim wrote in the order it wrote them: bookkeeping for --force,
 * not a result.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import * as msg from '../experiment/sweep/plan-messages.js';
import { PARTIAL_MARK, writeFileAtomic, writeFileAtomicParts } from './atomic-write.js';
import { forceRefusal, LOCK_FILE, OUTPUT_MARK, outputMarkCommand } from './output-folder.js';
import { ensureMark } from './output-record.js';

export const PLAN_FILE = 'plan.json';
export const DESIGN_FILE = 'design.json';
export const POINTS_FILE = 'points.csv';
export const JOURNAL_DIR = 'points';
export const RESULTS_FILE = 'results.csv';
export const MANIFEST_FILE = 'manifest.json';
/** The fingerprint of the model code that computed the points: resume and merge refuse other code. */
export const CODE_FILE = 'code.json';

/** Name of the journal file of point p (zero-padded so a listing sorts in point order). */
export function pointFileName(p: number): string {
  return `${String(p).padStart(6, '0')}.csv`;
}

/** Path of the journal file of point p. */
export function pointFilePath(dir: string, p: number): string {
  return join(dir, JOURNAL_DIR, pointFileName(p));
}

/** Name of the completion marker of a shard. */
export function shardMarkerName(index: number, count: number): string {
  return `shard-${index}-of-${count}.json`;
}

/** Writes a file durably and atomically from parts (the one atomic writer, atomic-write.ts). */
export function writeDurableParts(path: string, parts: Iterable<string | Uint8Array>): void {
  writeFileAtomicParts(path, parts);
}

/** {@link writeDurableParts} with one part. */
export function writeDurable(path: string, data: string | Uint8Array): void {
  writeFileAtomic(path, data);
}

/** Removes temporary files left by an interrupted writer (any process) in the directory and its journal. */
export function removePartialFiles(dir: string): void {
  for (const d of [dir, join(dir, JOURNAL_DIR)]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) if (f.includes('.partial-')) rmSync(join(d, f), { force: true });
  }
}

/** The text of a file in the directory, or undefined when it does not exist. */
export function readIfExists(dir: string, name: string): string | undefined {
  const path = join(dir, name);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Prepares an output directory for a sweep whose plan.json text is `planText`:
 *   - absent or empty: created and marked as povsim output, 'new';
 *   - holding the same plan: 'resume' (finished points are kept);
 *   - holding another sweep or another command's output: refused, unless `force`, which removes it
 *     whole and starts afresh, but only when it is povsim's (the output mark, or an earlier
 *     version's plan.json) and holds nothing povsim does not write;
 *   - holding other files: refused, with or without `force`.
 * @throws InputError (exit 2) for every refusal
 */
export function prepareSweepDir(dir: string, planText: string, force: boolean): 'new' | 'resume' {
  if (existsSync(dir)) {
    const existing = readIfExists(dir, PLAN_FILE);
    if (existing === planText) {
      removePartialFiles(dir);
      markSweepDir(dir);
      return 'resume';
    }
    const all = readdirSync(dir).filter((f) => f !== LOCK_FILE && !f.includes(PARTIAL_MARK));
    // A Slurm job's folder holds its scripts and shards before the merge writes the sweep: those stay.
    const entries = all.filter((f) => !JOB_ENTRIES.includes(f));
    if (entries.length > 0) {
      const ours = existing !== undefined || all.includes(OUTPUT_MARK);
      if (!ours) throw outError({ code: 'output-exists', message: `output directory ${dir} holds files that are not povsim output`, hint: 'choose an empty or new folder with --out' });
      if (!force) {
        const what = existing !== undefined ? 'a different sweep (another plan or other settings)' : 'the output of another command';
        throw outError(msg.outputHoldsOtherSweep(dir, what));
      }
      clearSweepFiles(dir);
    }
  }
  mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
  markSweepDir(dir);
  return 'new';
}

function outError(p: { code: string; message: string; hint?: string }): InputError {
  return new InputError([{ ...p, file: '(command line)', line: 0, column: 0, key: '--out' }]);
}

/** Marks the directory as povsim output (so a later --force may replace it). */
function markSweepDir(dir: string): void {
  ensureMark(dir, 'sweep');
}

/**
 * Replaces an earlier povsim output (another sweep, or another command's) whole: manifest.json first
 * (the directory no longer claims completion), then everything else but the writer's lock and a
 * Slurm job's scripts and shards, so no stale file (an old results.csv, a sensitivity/ folder) sits
 * beside the new sweep. First the check every --force makes: the folder is povsim's and holds nothing
 * povsim does not write (an earlier version's sweep has plan.json but no mark: it counts as marked).
 * @throws InputError (exit 2) naming what is in the way
 */
export function clearSweepFiles(dir: string): void {
  const entries = readdirSync(dir).filter((f) => f !== LOCK_FILE && !f.includes(PARTIAL_MARK));
  const refusal = forceRefusal(dir, existsSync(join(dir, PLAN_FILE)) && !entries.includes(OUTPUT_MARK) ? [...entries, OUTPUT_MARK] : entries);
  if (refusal) throw outError({ code: 'output-exists', ...refusal });
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  // Another command's mark goes too (the sweep marks the folder afresh); a Slurm job's stays with its scripts.
  const keep = outputMarkCommand(dir) === 'sweep' ? JOB_ENTRIES : JOB_ENTRIES.filter((e) => e !== OUTPUT_MARK);
  for (const f of readdirSync(dir)) if (f !== LOCK_FILE && !keep.includes(f)) rmSync(join(dir, f), { recursive: true, force: true });
}

/** What `sweep --emit slurm` puts in the folder before the merge: the mark, the job scripts, the shards (the merge's inputs). */
const JOB_ENTRIES = [OUTPUT_MARK, 'slurm', 'shards'];

/**
 * The finished points in a directory's journal: files whose text `isComplete` accepts (see
 * `isPointRows`). Any other file (torn, truncated or edited) is left out, so the point is computed again
 * and its file rewritten.
 * @param points number of points of the plan (files beyond it are ignored)
 * @throws InputError when a journal entry is not a regular file (a folder where a point file belongs)
 */
export function journalPoints(dir: string, points: number, isComplete: (point: number, text: string) => boolean): Set<number> {
  const out = new Set<number>();
  const journal = join(dir, JOURNAL_DIR);
  if (!existsSync(journal)) return out;
  if (!statSync(journal).isDirectory()) throw notAFile(journal, 'a folder of point files', 'is a file');
  for (const f of readdirSync(journal)) {
    const m = /^(\d{6})\.csv$/.exec(f);
    if (!m) continue;
    const p = Number(m[1]);
    if (p >= points) continue;
    const path = join(journal, f);
    if (!statSync(path).isFile()) throw notAFile(path, 'a point file of the journal', 'is not a regular file');
    if (isComplete(p, readFileSync(path, 'utf8'))) out.add(p);
  }
  return out;
}

function notAFile(path: string, what: string, is: string): InputError {
  return new InputError([{ ...msg.journalEntryNotAFile(path, what, is), file: path, line: 0, column: 0, key: '' }]);
}
