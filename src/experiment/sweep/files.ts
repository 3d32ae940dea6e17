/**
 * The files of a sweep output directory, and how they are written so that a crash never leaves a
 * file that looks complete but is not:
 *
 *   plan.json        the resolved plan (canonical JSON); its hash is the sweep's identity
 *   design.json      what sensitivity needs: the design kind, Saltelli layout or Morris trajectories
 *   points.csv       point, then the value of each varied parameter
 *   points/NNNNNN.csv  the journal: one file per finished point (its rows of results.csv, no header),
 *                    written to a temporary name, flushed to disk and renamed: present = complete
 *   shard-K-of-N.json  written when shard K of N has finished its points
 *   results.csv      header + every point file in point order (written when all points are present)
 *   manifest.json    written last: the sweep is complete; sha256 of every file
 *
 * Every file is a pure function of the plan (and the model code), so two directories of the same plan
 * hold byte-identical files however the work was split, interrupted or resumed.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/diagnostics.js';
import * as msg from './plan-messages.js';

export const PLAN_FILE = 'plan.json';
export const DESIGN_FILE = 'design.json';
export const POINTS_FILE = 'points.csv';
export const JOURNAL_DIR = 'points';
export const RESULTS_FILE = 'results.csv';
export const MANIFEST_FILE = 'manifest.json';
/** Files whose presence marks a directory as holding sweep output (or the output of `povsim run`). */
const OUTPUT_MARKERS = [PLAN_FILE, DESIGN_FILE, POINTS_FILE, RESULTS_FILE, MANIFEST_FILE, 'yearly.csv'];

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

/**
 * Writes a file durably and atomically from parts (strings or bytes, written in order): a temporary
 * name in the same folder, flushed to disk, then renamed over the target. After a crash the target
 * is either absent, the old file or the new one.
 */
export function writeDurableParts(path: string, parts: Iterable<string | Uint8Array>): void {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const part of parts) {
        const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** {@link writeDurableParts} with one part. */
export function writeDurable(path: string, data: string | Uint8Array): void {
  writeDurableParts(path, [data]);
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
 *   - absent or empty: created, 'new';
 *   - holding the same plan: 'resume' (finished points are kept);
 *   - holding another sweep or another command's output: refused, unless `force`, which removes the
 *     sweep files (and only those) and starts afresh.
 * @throws InputError when the directory holds other output and force is not set
 */
export function prepareSweepDir(dir: string, planText: string, force: boolean): 'new' | 'resume' {
  if (existsSync(dir)) {
    const existing = readIfExists(dir, PLAN_FILE);
    if (existing === planText) {
      removePartialFiles(dir);
      return 'resume';
    }
    const foreign = existing !== undefined || OUTPUT_MARKERS.some((f) => existsSync(join(dir, f)));
    if (foreign && !force) {
      const what = existing !== undefined ? 'a different sweep (another plan or other settings)' : 'the output of another command';
      throw new InputError([{ ...msg.outputHoldsOtherSweep(dir, what), file: '(command line)', line: 0, column: 0, key: '--out' }]);
    }
    if (foreign) clearSweepFiles(dir);
  }
  mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
  return 'new';
}

/** Removes the files a sweep writes (and nothing else) from a directory. */
export function clearSweepFiles(dir: string): void {
  rmSync(join(dir, MANIFEST_FILE), { force: true }); // first: the directory no longer claims completion
  for (const f of readdirSync(dir)) {
    if (OUTPUT_MARKERS.includes(f) || /^shard-\d+-of-\d+\.json$/.test(f) || f.includes('.partial-')) rmSync(join(dir, f), { force: true });
  }
  const journal = join(dir, JOURNAL_DIR);
  if (existsSync(journal)) {
    for (const f of readdirSync(journal)) if (/^\d{6}\.csv/.test(f)) rmSync(join(journal, f), { force: true });
  }
}

/**
 * The finished points in a directory's journal. A file whose line count or point column is wrong
 * (a finished write cannot produce one, but a disk may lie) is left out, so the point is computed
 * again.
 * @param linesPerPoint replicates × output years
 * @param points number of points of the plan (files beyond it are ignored)
 */
export function journalPoints(dir: string, linesPerPoint: number, points: number): Set<number> {
  const out = new Set<number>();
  const journal = join(dir, JOURNAL_DIR);
  if (!existsSync(journal)) return out;
  for (const f of readdirSync(journal)) {
    const m = /^(\d{6})\.csv$/.exec(f);
    if (!m) continue;
    const p = Number(m[1]);
    if (p >= points) continue;
    const text = readFileSync(join(journal, f), 'utf8');
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : [];
    if (lines.length === linesPerPoint && lines.every((l) => l.startsWith(`${p},`))) out.add(p);
  }
  return out;
}
