/**
 * Safe output directories. Every file is written to a temporary name and renamed into place;
 * manifest.json is written last and says the run completed, so a directory without it is known to be
 * incomplete. An existing output directory is only reused with --force, and then its manifest is
 * removed first, so an interrupted re-run never leaves a directory that claims to be complete.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { writeFileAtomic } from '../node/atomic-write.js';

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

/** Writes one file atomically (temporary name `<name>.partial-<pid>`, then rename). */
export function writeOutput(dir: string, name: string, data: string | Buffer): void {
  writeFileAtomic(join(dir, name), data);
}

/** Writes manifest.json, last: its presence says the directory is complete. */
export function writeManifest(dir: string, manifest: Record<string, unknown>): void {
  writeOutput(dir, MANIFEST, JSON.stringify({ completed: true, ...manifest }, null, 2) + '\n');
}

/** Removes leftover temporary files of this process (after an interruption). */
export function removePartials(dir: string): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.includes('.partial-')) rmSync(join(dir, f), { force: true });
}
