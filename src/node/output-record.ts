/**
 * What povsim wrote into an output folder, recorded in the folder's mark (`.povsim-output`), so that
 * --force removes exactly povsim's own files and never a user's notes or data that happen to sit
 * there (whatever their names). The mark is
 *
 *   povsim output folder (<command>)
 *   written:
 *   <one top-level name a line, in the order first written>
 *
 * The atomic writer calls {@link recordWrite} for every file: a file inside a folder this process
 * marked ({@link ensureMark}) adds its top-level name once, before the file itself is written, so a crash never leaves a
 * povsim file unrecorded. A mark without the `written:` line (an earlier povsim's) records nothing;
 * --force then judges by the kinds of file povsim writes (output-folder.ts).
 */
import { appendFileSync, closeSync, lstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The mark file's name (output-folder.ts re-exports it). */
export const OUTPUT_MARK = '.povsim-output';
/** The line after which the mark lists what povsim wrote. */
const WRITTEN = 'written:';

/** What the atomic writer's temporary names hold (its PARTIAL_MARK): never recorded, removed by every claim. */
const TEMPORARY = '.partial-';

/** Folders whose writes this process records: absolute path → names recorded so far. */
const recording = new Map<string, Set<string>>();

/** The mark's text for a new folder of `command`: the header and an empty list. */
export function newMarkText(command: string): string {
  return `povsim output folder (${command})\n${WRITTEN}\n`;
}

/**
 * Creates the mark of `dir` for `command` when there is none (a new folder), and records this
 * process's writes into `dir` from now on (every writer of an output folder marks it first).
 */
export function ensureMark(dir: string, command: string): void {
  recording.set(resolve(dir), new Set());
  const mark = join(dir, OUTPUT_MARK);
  if (lstatSync(mark, { throwIfNoEntry: false })?.isFile()) return;
  let fd: number;
  try {
    fd = openSync(mark, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return; // another shard of the same job made it
    throw err;
  }
  try {
    writeSync(fd, newMarkText(command));
  } finally {
    closeSync(fd);
  }
}

/**
 * The names the mark of `dir` lists as written by povsim, or undefined when it lists none because it
 * has no `written:` line (an earlier povsim's mark) or there is no mark.
 */
export function recordedNames(dir: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, OUTPUT_MARK), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const at = lines.indexOf(WRITTEN);
  return at < 0 ? undefined : new Set(lines.slice(at + 1).filter((l) => l !== ''));
}

/** Stops recording the writes into `dir` (its writer is done). */
export function stopRecording(dir: string): void {
  recording.delete(resolve(dir));
}

/**
 * Adds `names` (top-level entries of `dir`) to its mark, once each; does nothing without a mark that
 * records (an earlier povsim's, or none).
 */
export function recordNames(dir: string, names: readonly string[]): void {
  const known = recordedNames(dir);
  if (known === undefined) return;
  const fresh = names.filter((n) => !known.has(n));
  if (fresh.length > 0) appendFileSync(join(dir, OUTPUT_MARK), fresh.map((n) => `${n}\n`).join(''));
}

/** Records that `path` is about to be written, in every folder being recorded that holds it. */
export function recordWrite(path: string): void {
  if (recording.size === 0) return;
  const abs = resolve(path);
  for (const [dir, names] of recording) {
    const rel = relative(dir, abs);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    const top = rel.split(sep)[0];
    if (top === OUTPUT_MARK || top.includes(TEMPORARY) || names.has(top)) continue;
    names.add(top);
    recordNames(dir, [top]);
  }
}
