/**
 * Writing a command's output folder, the same way for every command: each file through the one
 * atomic writer, manifest.json last (its presence says the folder is complete), and on any failure
 * this process's temporary files removed, so an interrupted folder never looks complete.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PARTIAL_MARK, writeFileAtomic } from './atomic-write.js';
import { MANIFEST } from './output-folder.js';

/** Writes one file atomically (temporary name `<name>.partial-<pid>`, fsync, rename). */
export function writeOutput(dir: string, name: string, data: string | Uint8Array): void {
  writeFileAtomic(join(dir, name), data);
}

/** Writes manifest.json (`completed: true` first), last: its presence says the directory is complete. */
export function writeManifest(dir: string, manifest: Record<string, unknown>): void {
  writeOutput(dir, MANIFEST, JSON.stringify({ completed: true, ...manifest }, null, 2) + '\n');
}

/** Removes leftover temporary files of this process (after an interruption or a failed write). */
export function removePartials(dir: string): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.includes(PARTIAL_MARK)) rmSync(join(dir, f), { force: true });
}

/** Writes one named file into the folder being filled and records its name for the manifest. */
export type PutOutput = (name: string, data: string | Uint8Array) => void;

/**
 * Fills an output folder: `write` puts the files (through `put`, which records each name, or by
 * writing into `dir` itself), then `manifest(files)` (the names put, in order) is written last as
 * manifest.json. On any failure the partial files are removed and the error is rethrown.
 * @returns the names put, in order
 * @example await writeOutputFolder(dir, (put) => put('yearly.csv', csv), (files) => ({ files }))
 */
export async function writeOutputFolder(dir: string, write: (put: PutOutput) => Promise<void> | void, manifest: (files: readonly string[]) => Record<string, unknown>): Promise<string[]> {
  const files: string[] = [];
  try {
    await write((name, data) => {
      writeOutput(dir, name, data);
      files.push(name);
    });
    writeManifest(dir, manifest(files));
  } catch (err) {
    removePartials(dir);
    throw err;
  }
  return files;
}
