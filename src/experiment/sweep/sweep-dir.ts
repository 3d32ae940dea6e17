/**
 * A sweep output directory as the analyses see it: its plan, design descriptor, point count and the
 * results as text, read by the edge (src/node/sweep-read.ts). `pointMeans` turns results.csv into one
 * output per point for the sensitivity indices.
 */
import { InputError } from '../../engine/diagnostics.js';
import type { DesignDescriptor } from './design.js';
import * as msg from './plan-messages.js';
import type { SweepPlan } from './plan.js';

/** A sweep directory as read (in Node: `readSweepDir` of src/node/sweep-read.ts). */
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
  /** Path of results.csv, as shown in messages. */
  resultsPath: string;
  /** The text of results.csv (read when analysed, after `complete` is checked). */
  readResults(): string;
}

/** One output per point: a metric at a year, averaged over the point's replicates. */
export function pointMeans(sweep: SweepDir, metric: string, year: number): Float64Array {
  const { plan } = sweep;
  const flag = (problem: ReturnType<typeof msg.metricNotInSweep>, key: string): InputError =>
    new InputError([{ ...problem, file: '(command line)', line: 0, column: 0, key }]);
  if (!(plan.outputs.metrics as string[]).includes(metric)) throw flag(msg.metricNotInSweep(metric, plan.outputs.metrics), '--metric');
  if (!plan.outputs.years.includes(year)) throw flag(msg.yearNotInSweep(year, plan.outputs.years), '--year');
  if (!sweep.complete) throw new InputError([{ ...msg.sweepNotComplete(sweep.dir), file: sweep.dir, line: 0, column: 0, key: '' }]);
  const text = sweep.readResults();
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
      throw new InputError([{ ...msg.checksumMismatch(sweep.resultsPath), file: sweep.resultsPath, line: i + 1, column: 0, key: '' }]);
    }
    const v = cells[cMetric] === '' ? NaN : Number(cells[cMetric]);
    if (!Number.isFinite(v)) {
      const problem = msg.nonFiniteOutput(metric, year, p);
      throw new InputError([{ ...problem, file: sweep.resultsPath, line: i + 1, column: 0, key: metric }]);
    }
    sum[p] += v;
    count[p] += 1;
  }
  // every point has one row per replicate for the year (a checksum-consistent edit is still caught)
  for (let p = 0; p < sweep.points; p++) {
    if (count[p] !== plan.replicates) {
      throw new InputError([{ ...msg.resultsRowsMissing(sweep.resultsPath, p, count[p], plan.replicates), file: sweep.resultsPath, line: 0, column: 0, key: '' }]);
    }
  }
  return sum.map((s, p) => s / count[p]);
}
