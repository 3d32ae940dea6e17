/**
 * Output folders: created safely, owned by one writer at a time, and replaced whole with --force.
 *
 *   1. create   each missing folder of the path in turn (no recursive mkdir: on /proc and similar it
 *               can spin forever), with the cause of a failure named (read-only, permission, a file
 *               in the way, a virtual file system)
 *   2. lock     `.povsim-lock` inside the folder, created exclusively, naming the holder (pid, host,
 *               command, start time); a lock whose process is gone (same host) is taken over
 *   3. claim    an earlier run's files are refused without --force; with it, and only in a folder
 *               povsim marked (`.povsim-output`) that holds nothing povsim does not write,
 *               manifest.json goes first (the folder stops claiming completeness), then the rest
 *
 * A folder is complete only when it holds manifest.json, which commands write last.
 *
 * Why not proper-lockfile: it judges a lock stale by an mtime refreshed from a timer, and povsim's
 * single-thread runs block the event loop for longer than any sensible stale time, so a live lock
 * could be taken over; its "compromised" handler throws from a timer. An exclusive create plus a pid
 * check is exact on one machine and needs no timers.
 */
import { accessSync, closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { InputError, type Diagnostic } from '../engine/diagnostics.js';
import { PARTIAL_MARK } from './atomic-write.js';
import { ensureMark, OUTPUT_MARK, recordedNames, stopRecording } from './output-record.js';

export const MANIFEST = 'manifest.json';
/** The lock file inside a folder being written. */
export const LOCK_FILE = '.povsim-lock';
/** Marks a folder as povsim output, so --force may replace it (written when a command claims it; output-record.ts). */
export { OUTPUT_MARK };

function outError(message: string, hint: string, code = 'output'): InputError {
  const d: Diagnostic = { code, file: '(command line)', line: 0, column: 0, key: '--out', message, hint };
  return new InputError([d]);
}

/** Why a folder cannot be created or written, in words, from a file system error (EROFS is not ENOENT). */
export function causeOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOENT':
      return 'folders cannot be created there (a virtual file system such as /proc or /sys?)';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Creates `dir` and its missing parents one at a time, and checks that it is a writable folder.
 * @throws InputError (exit 2) naming the folder and the cause
 */
export function makeOutputFolder(dir: string): void {
  if (dir.trim() === '') throw outError('the output directory is empty', 'give a folder, e.g. --out out/my-run');
  const abs = resolve(dir);
  const missing: string[] = [];
  let p = abs;
  for (;;) {
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw outError(`cannot use ${dir} as the output directory: ${causeOf(err)}`, 'choose another --out');
    }
    if (st) {
      if (!st.isDirectory()) throw outError(`cannot use ${dir} as the output directory: ${p} is a file, not a folder`, 'choose another --out');
      break;
    }
    missing.unshift(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  for (const m of missing) {
    try {
      mkdirSync(m);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statSync(m).isDirectory()) continue;
      throw outError(`cannot create the output directory ${dir}: ${causeOf(err)}`, 'choose another --out, for example a folder under your home or out/');
    }
  }
  try {
    accessSync(abs, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw outError(`cannot write into the output directory ${dir}: ${causeOf(err)}`, 'choose another --out, for example a folder under your home or out/');
  }
}

/** Who holds a lock, as written in the lock file. */
interface Holder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

/** Locks held by this process: folder → lock path. Released by {@link releaseOutputFolders}. */
const held = new Map<string, string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lock: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(lock, 'utf8')) as Holder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the folder's lock for this process (the folder must exist).
 * @throws InputError (exit 2) naming the holder when another live process holds it
 */
export function lockOutputFolder(dir: string, command: string): void {
  const key = resolve(dir);
  if (held.has(key)) throw outError(`the output directory ${dir} is already being written by this command`, 'give each output its own --out');
  const lock = join(key, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw outError(`cannot lock the output directory ${dir}: ${causeOf(err)}`, 'choose another --out');
      const h = readHolder(lock);
      const stale = h !== undefined && h.host === me.host && h.pid !== process.pid && !alive(h.pid);
      if (stale || (h === undefined && attempt === 0 && lockAgeSeconds(lock) > 10)) {
        rmSync(lock, { force: true }); // its process is gone (killed): take the folder over
        continue;
      }
      const who = h ? `povsim process ${h.pid} on ${h.host} (\`${h.command}\`, started ${h.started})` : 'another povsim process';
      throw outError(`the output directory ${dir} is in use by ${who}`, `wait for it to finish or choose another --out; if no such process is running, delete ${lock}`, 'output-locked');
    }
    try {
      writeSync(fd, JSON.stringify(me) + '\n');
    } finally {
      closeSync(fd);
    }
    held.set(key, lock);
    return;
  }
  throw outError(`cannot lock the output directory ${dir}`, 'try again');
}

function lockAgeSeconds(lock: string): number {
  const st = statSync(lock, { throwIfNoEntry: false });
  return st ? (Date.now() - st.mtimeMs) / 1000 : Infinity;
}

/** Releases the folder's lock if this process holds it. */
export function unlockOutputFolder(dir: string): void {
  const key = resolve(dir);
  const lock = held.get(key);
  if (lock === undefined) return;
  held.delete(key);
  stopRecording(key);
  if (readHolder(lock)?.pid === process.pid) rmSync(lock, { force: true });
}

/** Releases every lock this process holds (the CLI calls it when a command ends, however it ends). */
export function releaseOutputFolders(): void {
  for (const dir of [...held.keys()]) unlockOutputFolder(dir);
}

// A process that exits without reaching the CLI's cleanup (an uncaught error) still frees its folders.
process.once('exit', releaseOutputFolders);

/** The earlier outputs in a folder: every entry but the lock. */
function earlierEntries(dir: string): string[] {
  return readdirSync(dir).filter((n) => n !== LOCK_FILE);
}

/** The kinds of file povsim writes at the top of an output folder, for a mark that records nothing (an earlier povsim's). */
const OUTPUT_FILE = /\.(csv|json|html|md|svg|png|yaml)$/;
/** The folders povsim writes inside an output folder, likewise (journals and points, Slurm scripts and shards, sensitivity outputs). */
const OUTPUT_FOLDERS = new Set(['journal', 'points', 'slurm', 'shards', 'sensitivity']);
/** Files the desktop makes in any folder it shows: nobody's data. */
const DESKTOP_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * The entries of a povsim output folder that povsim did not write (a user's notes, data, code or the
 * scenario being run), which --force must not delete: anything the folder's mark does not list
 * (output-record.ts), but povsim's lock and mark, its temporary files, the desktop's files and empty
 * folders. For a mark that lists nothing (an earlier povsim's): anything but the kinds of file and
 * the folders povsim writes.
 */
export function foreignEntries(dir: string, entries: readonly string[]): string[] {
  const written = recordedNames(dir);
  return entries.filter((n) => {
    if (n === LOCK_FILE || n === OUTPUT_MARK || n.includes(PARTIAL_MARK) || DESKTOP_FILES.has(n)) return false;
    const st = lstatSync(join(dir, n), { throwIfNoEntry: false });
    if (st === undefined) return false;
    if (st.isDirectory() && readdirSync(join(dir, n)).length === 0) return false;
    if (written !== undefined) return !written.has(n);
    if (st.isDirectory()) return !OUTPUT_FOLDERS.has(n);
    return !(st.isFile() && OUTPUT_FILE.test(n));
  });
}

/** The command that claimed `dir` as its output folder, as its output mark says, or undefined when it has none. */
export function outputMarkCommand(dir: string): string | undefined {
  const mark = join(dir, OUTPUT_MARK);
  try {
    if (!lstatSync(mark, { throwIfNoEntry: false })?.isFile()) return undefined;
    return /^povsim output folder \((.*)\)/.exec(readFileSync(mark, 'utf8'))?.[1];
  } catch {
    return undefined; // a part of the path is a file, or unreadable: claiming the folder names the cause
  }
}

/**
 * Why `--force` may not replace a folder holding `entries`, or undefined when it may: only a folder
 * povsim marked as its output (`.povsim-output`, written when a command claims it; a manifest.json
 * alone could be anyone's), and only when it holds nothing povsim does not write.
 */
export function forceRefusal(dir: string, entries: readonly string[]): { message: string; hint: string } | undefined {
  if (!entries.includes(OUTPUT_MARK)) {
    return {
      message: `output directory ${dir} holds files that are not povsim output; --force replaces only an earlier povsim output folder`,
      hint: `choose an empty or new folder with --out (a folder povsim writes holds ${OUTPUT_MARK}; remove an older povsim's output by hand)`,
    };
  }
  const foreign = foreignEntries(dir, entries);
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    return {
      message: `output directory ${dir} holds files povsim does not write (${shown}); --force replaces only povsim's own output`,
      hint: 'move those files elsewhere, or choose another --out',
    };
  }
  return undefined;
}

/**
 * Prepares an output folder for a command: creates it, locks it, and makes sure it holds nothing of an
 * earlier run. With `force`, an earlier povsim output (a folder with the output mark and nothing povsim
 * does not write) is removed whole, manifest first; any other folder is refused even then, so a
 * mistyped --out never deletes a user's files.
 * @param keep names to keep (a sweep resumes from its own journal), checked before removing
 * @throws InputError (exit 2) for every refusal
 */
export function claimOutputFolder(dir: string, force: boolean, command: string, keep: (entries: string[]) => boolean = () => false): 'new' | 'kept' {
  makeOutputFolder(dir);
  lockOutputFolder(dir, command);
  try {
    const entries = earlierEntries(dir);
    if (entries.length === 0 || keep(entries)) {
      writeMark(dir, command);
      return entries.length === 0 ? 'new' : 'kept';
    }
    const ours = entries.includes(MANIFEST) || entries.includes(OUTPUT_MARK);
    if (!force) {
      throw outError(
        `output directory ${dir} already holds ${ours ? 'files from an earlier run' : 'other files'}`,
        ours ? 'pass --force to replace them, or --out DIR to write elsewhere' : 'choose an empty or new folder with --out',
        'output-exists',
      );
    }
    const refusal = forceRefusal(dir, entries);
    if (refusal) throw outError(refusal.message, refusal.hint, 'output-exists');
    rmSync(join(dir, MANIFEST), { force: true }); // first: the folder no longer claims completeness
    for (const n of entries) if (n !== MANIFEST) rmSync(join(dir, n), { recursive: true, force: true });
    writeMark(dir, command);
    return 'new';
  } catch (err) {
    unlockOutputFolder(dir);
    throw err;
  }
}

function writeMark(dir: string, command: string): void {
  const mark = join(dir, OUTPUT_MARK);
  if (lstatSync(mark, { throwIfNoEntry: false })?.isFile() === false) rmSync(mark, { recursive: true, force: true });
  ensureMark(dir, command);
}
