/**
 * Safe output directories. Every file is written to a temporary name and renamed into place;
 * manifest.json is written last and says the run completed, so a directory without it is known to be
 * incomplete. An existing output directory is only reused with --force, and then its manifest is
 * removed first, so an interrupted re-run never leaves a directory that claims to be complete.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';

export const MANIFEST = 'manifest.json';

/** Creates (or, with force, reclaims) an output directory; refuses to mix with an earlier run. */
export function prepareOutputDir(dir: string, force: boolean): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) {
      throw new InputError([
        {
          code: 'output-exists',
          file: '(command line)',
          line: 0,
          column: 0,
          key: '--out',
          message: `output directory ${dir} already holds files from an earlier run`,
          hint: 'pass --force to replace them, or --out DIR to write elsewhere',
        },
      ]);
    }
    rmSync(join(dir, MANIFEST), { force: true });
  }
  mkdirSync(dir, { recursive: true });
}

/** Writes one file atomically (temporary name, then rename). */
export function writeOutput(dir: string, name: string, data: string | Buffer): void {
  const path = join(dir, name);
  const tmp = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Removes leftover temporary files of this process (after an interruption). */
export function removePartials(dir: string): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.includes('.partial-')) rmSync(join(dir, f), { force: true });
}
