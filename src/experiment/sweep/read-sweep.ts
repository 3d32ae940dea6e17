/**
 * Reading a sweep output directory back: its plan, design descriptor, point count and results.
 * Used by `povsim merge` (shard directories) and `povsim sensitivity` (a complete sweep).
 */
import { existsSync, readFileSync } from 'node:fs';
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
  return { dir, planText, plan, designText, design, pointsText, points, complete: existsSync(join(dir, MANIFEST_FILE)) };
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
    const v = cells[cMetric] === '' ? NaN : Number(cells[cMetric]);
    if (!Number.isFinite(v)) {
      const problem = msg.nonFiniteOutput(metric, year, p);
      throw new InputError([{ ...problem, file: join(sweep.dir, RESULTS_FILE), line: i + 1, column: 0, key: metric }]);
    }
    sum[p] += v;
    count[p] += 1;
  }
  return sum.map((s, p) => s / count[p]);
}
