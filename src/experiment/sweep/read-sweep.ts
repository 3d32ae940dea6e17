/**
 * Reading a sweep output directory back: its plan, design descriptor, point count and results.
 * Used by `povsim merge` (shard directories) and `povsim sensitivity` (a complete sweep).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/diagnostics.js';
import type { DesignDescriptor } from './design.js';
import { DESIGN_FILE, MANIFEST_FILE, PLAN_FILE, POINTS_FILE, RESULTS_FILE, readIfExists } from './files.js';
import * as msg from './plan-messages.js';
import type { SweepPlan } from './plan.js';

/** A sweep directory as read from disk. */
export interface SweepDir {
  dir: string;
  /** plan.json as text (compared byte for byte between shards) and parsed. */
  planText: string;
  plan: SweepPlan;
  designText: string;
  design: DesignDescriptor & { parameters: string[] };
  pointsText: string;
  /** Points of the whole plan. */
  points: number;
  /** manifest.json is present: every point is in results.csv. */
  complete: boolean;
}

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
  return { dir, planText, plan, designText, design, pointsText, points, complete };
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

/** One output per point: a metric at a year, averaged over the point's replicates. */
export function pointMeans(sweep: SweepDir, metric: string, year: number): Float64Array {
  const { plan } = sweep;
  const flag = (problem: ReturnType<typeof msg.metricNotInSweep>, key: string): InputError =>
    new InputError([{ ...problem, file: '(command line)', line: 0, column: 0, key }]);
  if (!(plan.outputs.metrics as string[]).includes(metric)) throw flag(msg.metricNotInSweep(metric, plan.outputs.metrics), '--metric');
  if (!plan.outputs.years.includes(year)) throw flag(msg.yearNotInSweep(year, plan.outputs.years), '--year');
  if (!sweep.complete) throw new InputError([{ ...msg.sweepNotComplete(sweep.dir), file: sweep.dir, line: 0, column: 0, key: '' }]);
  const text = readFileSync(join(sweep.dir, RESULTS_FILE), 'utf8');
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const cPoint = header.indexOf('point');
  const cYear = header.indexOf('year');
  const cMetric = header.indexOf(metric);
  const sum = new Float64Array(sweep.points);
  const count = new Float64Array(sweep.points);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = lines[i].split(',');
    if (Number(cells[cYear]) !== year) continue;
    const p = Number(cells[cPoint]);
    if (!Number.isInteger(p) || p < 0 || p >= sweep.points || cells.length !== header.length) {
      throw new InputError([{ ...msg.checksumMismatch(join(sweep.dir, RESULTS_FILE)), file: join(sweep.dir, RESULTS_FILE), line: i + 1, column: 0, key: '' }]);
    }
    const v = cells[cMetric] === '' ? NaN : Number(cells[cMetric]);
    if (!Number.isFinite(v)) {
      const problem = msg.nonFiniteOutput(metric, year, p);
      throw new InputError([{ ...problem, file: join(sweep.dir, RESULTS_FILE), line: i + 1, column: 0, key: metric }]);
    }
    sum[p] += v;
    count[p] += 1;
  }
  // every point has one row per replicate for the year (a checksum-consistent edit is still caught)
  for (let p = 0; p < sweep.points; p++) {
    if (count[p] !== plan.replicates) {
      throw new InputError([{ ...msg.resultsRowsMissing(join(sweep.dir, RESULTS_FILE), p, count[p], plan.replicates), file: join(sweep.dir, RESULTS_FILE), line: 0, column: 0, key: '' }]);
    }
  }
  return sum.map((s, p) => s / count[p]);
}
