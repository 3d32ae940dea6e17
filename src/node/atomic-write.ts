/**
 * The one atomic writer for every output file: the data goes to a temporary file next to the
 * target, is flushed to disk (fsync), and is renamed over the target, so a reader (or a crash)
 * only ever sees the old file or the whole new one. The folder is fsynced too, so the rename
 * itself survives a power cut.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { recordWrite } from './output-record.js';

/** Marker in temporary names; leftovers carry it and can be removed after an interruption. */
export const PARTIAL_MARK = '.partial-';

/**
 * Writes `data` to `path` atomically (temporary `<path>.partial-<pid>`, fsync, rename, fsync of the folder).
 * The folder must exist. On failure the temporary file is removed and the error is thrown unchanged.
 * @example writeFileAtomic('out/run/summary.json', JSON.stringify(summary))
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFileAtomicParts(path, [data]);
}

/**
 * {@link writeFileAtomic} for data given as parts (strings or bytes, written in order), so a large
 * file (a sweep's results.csv) need not be joined into one string first.
 */
export function writeFileAtomicParts(path: string, parts: Iterable<string | Uint8Array>): void {
  recordWrite(path); // first: a file povsim writes into an output folder is in its mark even if a crash follows
  const tmp = `${path}${PARTIAL_MARK}${process.pid}`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncFolder(dirname(path));
}

/** Flushes a folder's entries (the rename); some file systems refuse to open folders, which is harmless. */
function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (for example on some network file systems): the data itself is synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
