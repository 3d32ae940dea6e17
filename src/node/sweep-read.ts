/**
 * Reading a sweep output directory back: its plan, design descriptor, point count and results.
 * Used by `povsim merge` (shard directories) and `povsim sensitivity` (a complete sweep).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import * as msg from '../experiment/sweep/plan-messages.js';
import type { SweepPlan } from '../experiment/sweep/plan.js';
import type { SweepDir } from '../experiment/sweep/sweep-dir.js';
import { DESIGN_FILE, MANIFEST_FILE, PLAN_FILE, POINTS_FILE, RESULTS_FILE, readIfExists } from './sweep-files.js';

export { pointMeans, type SweepDir } from '../experiment/sweep/sweep-dir.js';

function notSweep(dir: string, reason: string): InputError {
  return new InputError([{ ...msg.notASweepDir(dir, reason), file: dir, line: 0, column: 0, key: '' }]);
}

/**
 * Reads the description files of a sweep directory (not its journal).
 * @throws InputError when the directory is missing or does not hold a sweep
 */
export function readSweepDir(dir: string): SweepDir {
  if (!existsSync(dir)) throw notSweep(dir, 'it does not exist');
  const planText = readIfExists(dir, PLAN_FILE);
  const designText = readIfExists(dir, DESIGN_FILE);
  const pointsText = readIfExists(dir, POINTS_FILE);
  if (planText === undefined) throw notSweep(dir, `it has no ${PLAN_FILE}`);
  if (designText === undefined || pointsText === undefined) throw notSweep(dir, `it has no ${designText === undefined ? DESIGN_FILE : POINTS_FILE}`);
  let plan: SweepPlan;
  let design: SweepDir['design'];
  try {
    const raw = JSON.parse(planText) as SweepPlan & { format?: string };
    if (raw.format !== 'povsim-sweep-plan/1' || !Array.isArray(raw.vary) || !raw.outputs) throw new Error('unknown plan format');
    delete raw.format;
    plan = raw;
    design = JSON.parse(designText) as SweepDir['design'];
  } catch (e) {
    throw notSweep(dir, `its ${PLAN_FILE} or ${DESIGN_FILE} cannot be read (${(e as Error).message})`);
  }
  const points = pointsText.split('\n').filter((l) => l !== '').length - 1;
  const complete = existsSync(join(dir, MANIFEST_FILE));
  if (complete) verifyManifest(dir);
  const resultsPath = join(dir, RESULTS_FILE);
  return { dir, planText, plan, designText, design, pointsText, points, complete, resultsPath, readResults: () => readFileSync(resultsPath, 'utf8') };
}

/**
 * Checks every file listed in a finished sweep's manifest.json against its sha256, so a results.csv
 * with a row deleted or edited after the sweep finished is refused instead of analysed.
 * @throws InputError naming the first file that does not match (or the manifest, when unreadable)
 */
export function verifyManifest(dir: string): void {
  const path = join(dir, MANIFEST_FILE);
  let files: Record<string, string>;
  try {
    files = (JSON.parse(readFileSync(path, 'utf8')) as { files?: Record<string, string> }).files ?? {};
    if (typeof files !== 'object' || Object.keys(files).length === 0) throw new Error('it lists no files');
  } catch (e) {
    throw notSweep(dir, `its ${MANIFEST_FILE} cannot be read (${(e as Error).message})`);
  }
  for (const [name, sha] of Object.entries(files)) {
    const file = join(dir, name);
    const ok = statSync(file, { throwIfNoEntry: false })?.isFile() && createHash('sha256').update(readFileSync(file)).digest('hex') === sha;
    if (!ok) throw new InputError([{ ...msg.checksumMismatch(file), file, line: 0, column: 0, key: '' }]);
  }
}
