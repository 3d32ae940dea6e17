/**
 * Merging shard directories into one sweep directory, byte-identical to a single-process run:
 *
 *   1. read     each directory's plan.json, design.json, points.csv: all must be the same sweep
 *   2. gather   the journal files of every directory; a point found twice must be byte-identical
 *   3. check    every point of the plan is present (else: which shards are missing)
 *   4. write    the description files and the journal into `out`, then results.csv and manifest.json
 *
 * The output may be one of the inputs (its own points are kept; the others are copied in).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import * as msg from '../experiment/sweep/plan-messages.js';
import { journalCheck, type Provenance } from '../experiment/sweep/points.js';
import type { SweepDir } from '../experiment/sweep/sweep-dir.js';
import { CODE_FILE, DESIGN_FILE, PLAN_FILE, POINTS_FILE, journalPoints, pointFilePath, prepareSweepDir, readIfExists, writeDurable } from './sweep-files.js';
import { readSweepDir } from './sweep-read.js';
import { finalizeSweep } from './sweep-run.js';

export interface MergeSummary {
  out: string;
  points: number;
  /** Points taken from each input directory (a point present in several counts for the first). */
  sources: { dir: string; points: number }[];
}

function fail(problem: ReturnType<typeof msg.mergePlansDiffer>, file: string): never {
  throw new InputError([{ ...problem, file, line: 0, column: 0, key: '' }]);
}

/** Shard markers (`shard-K-of-N.json`) found in the directories, as [K, N]. */
function shardMarkers(dirs: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const d of dirs) {
    for (const f of readdirSync(d)) {
      const m = /^shard-(\d+)-of-(\d+)\.json$/.exec(f);
      if (m) out.push([Number(m[1]), Number(m[2])]);
    }
  }
  return out;
}

/** Explains missing points in terms of shards when the directories carry shard markers. */
function missingDetail(missing: readonly number[], dirs: readonly string[]): string {
  const markers = shardMarkers(dirs);
  if (markers.length === 0) return '';
  const n = markers[0][1];
  const unfinished = [...new Set(missing.map((p) => p % n))].sort((a, b) => a - b);
  return `they belong to shard(s) ${unfinished.map((k) => `${k}/${n}`).join(', ')}, which did not finish; `;
}

/**
 * Merges sweep directories (shards of one plan, possibly partial) into `out`.
 * @throws InputError when a directory is not a sweep, the plans differ, a point differs between
 *   directories, a point is missing from all of them, or `out` holds another sweep (without force)
 */
export function mergeSweeps(dirs: readonly string[], out: string, opts: { force: boolean; provenance: Provenance }): MergeSummary {
  // 1. read and compare the descriptions
  const sweeps: SweepDir[] = dirs.map(readSweepDir);
  const first = sweeps[0];
  for (const s of sweeps.slice(1)) {
    if (s.planText !== first.planText) fail(msg.mergePlansDiffer(first.dir, s.dir), s.dir);
    if (s.designText !== first.designText || s.pointsText !== first.pointsText) fail(msg.mergePointsDiffer(0, first.dir, s.dir), s.dir);
  }
  // shards computed by different model code (recorded in code.json by each process) do not mix
  const codeText = readIfExists(first.dir, CODE_FILE);
  for (const s of sweeps.slice(1)) if (readIfExists(s.dir, CODE_FILE) !== codeText) fail(msg.mergeCodeDiffers(first.dir, s.dir), s.dir);
  const { plan, points } = first;
  const isDone = journalCheck(plan, first.pointsText);
  // 2. gather the journals
  const source = new Map<number, { dir: string; bytes: Buffer }>();
  const counts = new Map<string, number>(dirs.map((d) => [d, 0]));
  for (const s of sweeps) {
    for (const p of [...journalPoints(s.dir, points, isDone)].sort((a, b) => a - b)) {
      const bytes = readFileSync(pointFilePath(s.dir, p));
      const seen = source.get(p);
      if (seen) {
        if (!seen.bytes.equals(bytes)) fail(msg.mergePointsDiffer(p, seen.dir, s.dir), s.dir);
        continue;
      }
      source.set(p, { dir: s.dir, bytes });
      counts.set(s.dir, (counts.get(s.dir) ?? 0) + 1);
    }
  }
  // 3. every point present?
  const missing: number[] = [];
  for (let p = 0; p < points; p++) if (!source.has(p)) missing.push(p);
  if (missing.length > 0) {
    throw new InputError([{ ...msg.mergeMissingPoints(missing, points, missingDetail(missing, dirs)), file: '(command line)', line: 0, column: 0, key: 'dirs' }]);
  }
  // 4. write
  prepareSweepDir(out, first.planText, opts.force);
  const described: [string, string | undefined][] = [[PLAN_FILE, first.planText], [DESIGN_FILE, first.designText], [POINTS_FILE, first.pointsText], [CODE_FILE, codeText]];
  for (const [name, text] of described) {
    if (text !== undefined && readIfExists(out, name) !== text) writeDurable(join(out, name), text);
  }
  for (let p = 0; p < points; p++) {
    const path = pointFilePath(out, p);
    const { bytes } = source.get(p)!;
    if (!existsSync(path) || !readFileSync(path).equals(bytes)) writeDurable(path, bytes);
  }
  for (const f of readdirSync(out)) if (/^shard-\d+-of-\d+\.json$/.test(f)) rmSync(join(out, f), { force: true });
  finalizeSweep(out, plan, points, opts.provenance);
  return { out, points, sources: dirs.map((dir) => ({ dir, points: counts.get(dir) ?? 0 })) };
}
