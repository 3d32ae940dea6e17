/**
 * The files `povsim calibrate` writes outside its output folder: the fitted parameter file (a
 * scenario) and the calibrated-values module of the parameter table (src/model/calibrated.ts).
 * Both go through the one atomic writer, so a reader sees the old file or the whole new one.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { loadScenario } from './scenario-files.js';

/**
 * Writes the fitted parameter file: first to a temporary `.yaml` next to it, loaded as a scenario
 * (it must be valid), then atomically into place.
 */
export function writeFittedFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.check-${process.pid}.yaml`;
  try {
    writeFileAtomic(tmp, text);
    loadScenario(tmp);
    writeFileAtomic(path, text);
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
  }
}

/**
 * Rewrites the calibrated-values module (text from `calibratedModule`) atomically. Its folder must
 * exist: the module belongs in a source tree, and a missing folder means a wrong path.
 * @throws Error naming the folder when it does not exist
 */
export function writeCalibratedModule(path: string, text: string): void {
  if (!existsSync(dirname(path))) throw new Error(`cannot write the calibrated-values module ${path}: the folder ${dirname(path)} does not exist`);
  writeFileAtomic(path, text);
}
