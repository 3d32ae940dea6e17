/**
 * The files `povsim calibrate` writes outside its output folder: the fitted parameter file (a
 * scenario) and the calibrated-values module of the parameter table (src/model/calibrated.ts).
 *
 *   1. check   before the fit (it takes minutes): each target is a file, not a folder; its folder can
 *              take new files (a probe file, created and removed); it is none of the files the plan
 *              reads; an existing file there was written by povsim calibrate (its first line is the
 *              writer's header; a fitted file may be replaced anyway with --force, a module never)
 *   2. stage   after the fit: both texts go to temporary names next to their targets (synced; the
 *              fitted one is loaded as a scenario, so it must be valid)
 *   3. commit  both temporary files are renamed into place, one after the other, so a failure before
 *              the renames leaves neither new file, only the old ones
 */
import { closeSync, fsyncSync, openSync, mkdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, type Diagnostic } from '../engine/diagnostics.js';
import type { CalibrationInput, CalibrationTarget, NamedAt } from '../experiment/sweep/calibration-plan.js';
import type { Problem } from '../scenario/messages.js';
import { PARTIAL_MARK } from './atomic-write.js';
import { causeOf } from './output-folder.js';
import { loadScenario } from './scenario-files.js';

/** The two files calibrate writes outside its output folder. */
export type CalibrationFileKind = 'fitted' | 'table';

const WHAT: Record<CalibrationFileKind, string> = { fitted: 'the fitted parameter file', table: 'the calibrated-values module' };

/**
 * The first line of a file written by the calibrate writers (experiment/sweep/calibration-output.ts:
 * `fittedScenarioYaml`, `calibratedModule`); a test checks that what they write is recognised.
 */
const HEADERS: Record<CalibrationFileKind, RegExp> = {
  fitted: /^# Written by `povsim calibrate .*`; re-run it to refit \(do not edit by hand\)\.$/,
  table: /^\/\/ Written by `povsim calibrate .*` \(plan ".*", writeTable\); re-run it to refit, do not edit by hand\.$/,
};

/** Whether `text` (a file's beginning) starts with the header povsim calibrate writes into that kind of file. */
export function writtenByCalibrate(kind: CalibrationFileKind, text: string): boolean {
  return HEADERS[kind].test(text.split(/\r?\n/, 1)[0]);
}

/** The temporary name a target is staged under (in the same folder, so the rename is atomic). */
function stagedName(kind: CalibrationFileKind, path: string): string {
  // The fitted file must end in .yaml to be loaded as a scenario; the module must not end in .ts (a build would pick it up).
  return `${path}${PARTIAL_MARK}${process.pid}${kind === 'fitted' ? '.yaml' : ''}`;
}

// --- messages ---------------------------------------------------------------------------------------

/** How to name the file elsewhere: the flag or the plan key that named it. */
const renameHint = (from: NamedAt): string => (from.key.startsWith('--') ? `another ${from.key} path` : `another \`${from.key}:\` in the plan`);

export const targetIsFolder = (kind: CalibrationFileKind, display: string, from: NamedAt): Problem => ({
  code: 'output',
  message: `cannot write ${WHAT[kind]} to ${display}: it is a folder, not a file`,
  hint: `name a file, e.g. ${join(display, kind === 'fitted' ? 'fitted.yaml' : 'calibrated.ts')}, or choose ${renameHint(from)}`,
});

export const targetNotRegular = (kind: CalibrationFileKind, display: string, from: NamedAt): Problem => ({
  code: 'output',
  message: `cannot write ${WHAT[kind]} to ${display}: it exists and is not a regular file (a device, pipe or socket)`,
  hint: `choose ${renameHint(from)}`,
});

export const targetFolderMissing = (kind: CalibrationFileKind, display: string, folder: string, from: NamedAt): Problem => ({
  code: 'output',
  message: `cannot write ${WHAT[kind]} to ${display}: the folder ${folder} does not exist`,
  hint: `the module belongs in an existing source folder (the shipped one is src/model/calibrated.ts): check the path, or choose ${renameHint(from)}`,
});

export const targetNotWritable = (kind: CalibrationFileKind, display: string, folder: string, cause: string, from: NamedAt): Problem => ({
  code: 'output',
  message: `cannot write ${WHAT[kind]} to ${display}: files cannot be created in ${folder}: ${cause}`,
  hint: `choose ${renameHint(from)} in a folder you can write to`,
});

export const targetUnderFile = (kind: CalibrationFileKind, display: string, file: string, from: NamedAt): Problem => ({
  code: 'output',
  message: `cannot write ${WHAT[kind]} to ${display}: ${file} is a file, not a folder`,
  hint: `check the path, or choose ${renameHint(from)}`,
});

export const targetIsInput = (kind: CalibrationFileKind, display: string, input: CalibrationInput, from: NamedAt): Problem => ({
  code: 'output-is-input',
  message: `cannot write ${WHAT[kind]} to ${display}: it is ${input.role} (${input.display}), which this calibration reads`,
  hint: `choose ${renameHint(from)}, e.g. fitted.yaml next to the plan, and let scenarios \`extends:\` it (--force does not override this)`,
});

export const targetNotFitted = (display: string, from: NamedAt): Problem => ({
  code: 'output-exists',
  message: `${display} exists and is not a fitted parameter file written by povsim calibrate (its first line is not "# Written by \`povsim calibrate …\`")`,
  hint: `pass --force to replace it, or choose ${renameHint(from)}`,
});

export const targetNotModule = (display: string, from: NamedAt): Problem => ({
  code: 'output-exists',
  message: `${display} exists and is not a calibrated-values module written by povsim calibrate (its first line is not "// Written by \`povsim calibrate …\`")`,
  hint: `choose ${renameHint(from)}; if the file really should be replaced, remove it first (--force does not replace source files)`,
});

// --- 1. check ---------------------------------------------------------------------------------------

/** The targets of one calibrate command, and what they must not overwrite. */
export interface CalibrationTargets {
  fitted: CalibrationTarget | null;
  table: CalibrationTarget | null;
  /** The files the plan reads (never overwritten, even with force). */
  inputs: readonly CalibrationInput[];
  /** --force: an existing fitted file that povsim did not write may be replaced. */
  force: boolean;
}

/** The file's identity with symbolic links followed; for a missing file, its nearest existing folder's. */
function identity(abs: string): string {
  const rest: string[] = [];
  let p = resolve(abs);
  for (;;) {
    try {
      return join(realpathSync.native(p), ...rest);
    } catch {
      const parent = dirname(p);
      if (parent === p) return join(p, ...rest);
      rest.unshift(basename(p));
      p = parent;
    }
  }
}

/** The first bytes of a file, as text ('' when it cannot be read). */
function beginning(abs: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why no file can be created in `folder` (a probe named like the staged file, created and removed), or undefined. */
function probeReason(folder: string, name: string): string | undefined {
  const probe = join(folder, name);
  let fd: number | undefined;
  try {
    fd = openSync(probe, 'wx', 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined; // a leftover of an earlier run with this pid: staging overwrites it
    if (code === 'ENOENT') return 'is it a virtual file system such as /proc or /sys?';
    if (code === 'EISDIR') return `${probe} is a folder`;
    return causeOf(err);
  }
  closeSync(fd);
  rmSync(probe, { force: true });
  return undefined;
}

/** Every problem with one target, in the order a user would fix them. */
function targetProblems(kind: CalibrationFileKind, t: CalibrationTarget, inputs: readonly CalibrationInput[], force: boolean): Problem[] {
  const { display, from } = t;
  const abs = resolve(t.abs);
  if (/[\\/]$/.test(display)) return [targetIsFolder(kind, display.replace(/[\\/]+$/, ''), from)];
  let st;
  try {
    st = statSync(abs, { throwIfNoEntry: false });
  } catch (err) {
    // A file in the way (ENOTDIR) is named by the folder walk below.
    if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') return [targetNotWritable(kind, display, dirname(abs), causeOf(err), from)];
  }
  if (st?.isDirectory()) return [targetIsFolder(kind, display, from)];
  if (st && !st.isFile()) return [targetNotRegular(kind, display, from)];
  const me = identity(abs);
  const input = inputs.find((i) => identity(i.abs) === me);
  if (input) return [targetIsInput(kind, display, input, from)];
  if (st) {
    const ours = writtenByCalibrate(kind, beginning(abs));
    if (!ours && kind === 'table') return [targetNotModule(display, from)];
    if (!ours && !force) return [targetNotFitted(display, from)];
  }
  // The folder: the module's must exist (a source tree); the fitted file's is created when missing,
  // so its nearest existing folder must take new entries.
  let folder = dirname(abs);
  let f;
  for (;;) {
    try {
      f = statSync(folder, { throwIfNoEntry: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') return [targetNotWritable(kind, display, folder, causeOf(err), from)];
    }
    const parent = dirname(folder);
    if (f || parent === folder) break;
    folder = parent;
  }
  if (f && !f.isDirectory()) return [targetUnderFile(kind, display, folder, from)];
  if (kind === 'table' && folder !== dirname(abs)) return [targetFolderMissing(kind, display, dirname(display), from)];
  const reason = probeReason(folder, basename(stagedName(kind, abs)));
  return reason === undefined ? [] : [targetNotWritable(kind, display, folder, reason, from)];
}

/**
 * Checks, before the fit, that calibrate can write its files outside the output folder, and that
 * doing so overwrites nothing it should not (see the file comment, step 1). Writes nothing that stays.
 * @throws InputError (exit 2) with every problem, each at the flag or plan key that named the file
 */
export function checkCalibrationTargets(c: CalibrationTargets): void {
  const diagnostics: Diagnostic[] = [];
  for (const [kind, t] of [['fitted', c.fitted], ['table', c.table]] as const) {
    if (t === null) continue;
    for (const p of targetProblems(kind, t, c.inputs, c.force)) diagnostics.push({ ...p, ...t.from });
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
}

// --- 2. stage and 3. commit ---------------------------------------------------------------------------

/** Staged files: `commit` renames them into place; `discard` removes what is left (call it in `finally`). */
export interface StagedCalibrationFiles {
  commit(): void;
  discard(): void;
}

/** Writes `text` to a new file and flushes it to disk. */
function writeSynced(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename); harmless where folders cannot be opened. */
function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here: the data itself is synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Creates the missing folders of `dir` one at a time (a recursive mkdir can spin on /proc). */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); !statSync(p, { throwIfNoEntry: false }); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const m of missing) mkdirSync(m);
}

/**
 * Stages the fitted parameter file and the calibrated-values module (either may be absent) under
 * temporary names next to their targets; the fitted one is loaded as a scenario first (it must be
 * valid). Nothing is in place until `commit`. On a failure the staged files are removed.
 * @param files target path (absolute) and text of each file to write
 * @throws the write's or the scenario loader's error
 */
export function stageCalibrationFiles(files: { fitted?: { path: string; text: string }; table?: { path: string; text: string } }): StagedCalibrationFiles {
  const staged: { from: string; to: string }[] = [];
  const discard = (): void => {
    for (const s of staged) rmSync(s.from, { force: true });
  };
  let current: CalibrationFileKind = 'fitted';
  try {
    for (const kind of ['fitted', 'table'] as const) {
      const f = files[kind];
      if (!f) continue;
      current = kind;
      if (kind === 'fitted') makeFolders(dirname(f.path));
      const tmp = stagedName(kind, f.path);
      staged.push({ from: tmp, to: f.path });
      writeSynced(tmp, f.text);
      if (kind === 'fitted') loadScenario(tmp);
    }
  } catch (err) {
    discard();
    if (err instanceof InputError) throw err; // the fitted text is not a valid scenario: an internal error, reported as found
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot write ${WHAT[current]} ${files[current]?.path}: ${why}; nothing was written outside the output folder`);
  }
  return {
    commit() {
      const done: string[] = [];
      for (const s of staged) {
        try {
          renameSync(s.from, s.to);
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          throw new Error(`cannot move ${s.from} into place as ${s.to}: ${why}${done.length > 0 ? `; ${done.join(' and ')} was already replaced` : ''}`);
        }
        done.push(s.to);
        fsyncFolder(dirname(s.to));
      }
      staged.length = 0;
    },
    discard,
  };
}
