/**
 * Scenario files on disk: the Node reader behind the core loader (src/scenario/load.ts), and the
 * `loadScenario` / `validateScenarioFiles` conveniences the CLI and the sweeps call.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import * as msg from '../scenario/messages.js';
import type { ReadResult, ScenarioFiles } from '../scenario/files.js';
import { loadScenarioWith, validateScenarioFilesWith, type LoadOptions, type ResolvedScenario, type ValidationResult } from '../scenario/load.js';
import { MAX_FILE_BYTES, readFileBytes } from '../scenario/source.js';

export type { LoadOptions, ResolvedScenario, ValidationResult } from '../scenario/load.js';

/** Reads a regular file of at most `maxBytes`, mapping the system's errors to plain problems. */
function readFromDisk(absFile: string, maxBytes: number): ReadResult {
  try {
    const st = statSync(absFile);
    if (!st.isFile()) return { problem: msg.notARegularFile() };
    if (st.size > maxBytes) return { problem: msg.fileTooLarge(st.size, maxBytes) };
    const bytes = readFileSync(absFile);
    if (bytes.length > maxBytes) return { problem: msg.fileTooLarge(bytes.length, maxBytes) };
    return { bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: msg.fileNotFound() };
    if (code === 'EACCES' || code === 'EPERM') return { problem: msg.fileUnreadable('permission denied') };
    if (code === 'ENAMETOOLONG') return { problem: msg.fileUnreadable('path too long') };
    return { problem: msg.fileUnreadable(e instanceof Error ? e.message : String(e)) };
  }
}

/** The file system as a scenario reader: paths relative to the working folder, symbolic links followed for cycles. */
export const nodeScenarioFiles: ScenarioFiles = {
  absolute: (path) => resolve(path),
  relativeTo: (from, rel) => (isAbsolute(rel) ? rel : join(dirname(from), rel)),
  realpath(abs) {
    try {
      return realpathSync.native(abs);
    } catch {
      return abs;
    }
  },
  read: readFromDisk,
};

/** The bytes of a scenario or plan file on disk, or the problem that stops reading it. */
export function readScenarioFileBytes(absFile: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  return readFileBytes(nodeScenarioFiles, absFile, maxBytes);
}

/**
 * Loads a scenario file from disk (`.yaml`, `.yml` or `.json`), follows its `extends` chain, merges and
 * validates. Throws `InputError` carrying every problem found; nothing else.
 *
 * @example
 *   const s = loadScenario('scenarios/suggestion-2-relocation.yaml');
 *   s.schedule[0]; // { kind: 'step', key: 'subsidyLevel', at: { year: 2018, month: 1 }, value: 60000 }
 */
export function loadScenario(file: string, opts: LoadOptions = {}): ResolvedScenario {
  return loadScenarioWith(nodeScenarioFiles, file, opts);
}

/** Loads each file from disk and reports whether it is valid, with its diagnostics (empty when valid). */
export function validateScenarioFiles(files: readonly string[], opts: LoadOptions = {}): ValidationResult[] {
  return validateScenarioFilesWith(nodeScenarioFiles, files, opts);
}
