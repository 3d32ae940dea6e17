/**
 * Running sweeps: the designs' points, the tidy CSV, independence from the number of workers,
 * resuming from the journal, refusing another sweep's directory, shards and merge.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/diagnostics.js';
import { buildSweepDesign, variedValue } from '../../src/experiment/sweep/design.js';
import { pointFilePath, RESULTS_FILE } from '../../src/node/sweep-files.js';
import { mergeSweeps } from '../../src/node/sweep-merge.js';
import { planPoints, type SweepPlan } from '../../src/experiment/sweep/plan.js';
import { loadSweepPlan } from '../../src/node/sweep-plans.js';
import { runSweep, type SweepProgress, type SweepRunOptions } from '../../src/node/sweep-run.js';
import { executeTask } from '../../src/experiment/task.js';
import { parseShard, shardPoints } from '../../src/experiment/sweep/shard.js';
import { paramSpec } from '../../src/model/parameters.js';
import { differingFiles, planFolder, PROVENANCE, removeTempDirs, sweepFiles, tempDir, tinyPlan } from './helpers.js';

afterAll(removeTempDirs);

const plan = (design: string, extra = ''): SweepPlan => loadSweepPlan(planFolder(tinyPlan(design, extra)).plan);

describe('design points', () => {
  it('has the documented number of points per design kind', () => {
    expect(buildSweepDesign(plan('{ kind: grid, levels: 3 }').design, plan('{ kind: grid }').vary).values).toHaveLength(27);
    for (const [design, n] of [
      ['{ kind: random, points: 7 }', 7],
      ['{ kind: latin-hypercube, points: 6 }', 6],
      ['{ kind: sobol, samples: 4 }', 4 * (3 + 2)],
      ['{ kind: morris, trajectories: 3 }', 3 * (3 + 1)],
    ] as const) {
      const p = plan(design);
      expect(planPoints(p)).toBe(n);
      expect(buildSweepDesign(p.design, p.vary).values).toHaveLength(n);
    }
  });

  it('keeps values in range: integers whole, logs positive, 10 significant digits', () => {
    const p = plan('{ kind: latin-hypercube, points: 50 }');
    const { values } = buildSweepDesign(p.design, p.vary);
    for (const row of values) {
      row.forEach((v, k) => {
        expect(v).toBeGreaterThanOrEqual(p.vary[k].low);
        expect(v).toBeLessThanOrEqual(p.vary[k].high);
        expect(Number(v.toPrecision(10))).toBe(v);
      });
      expect(Number.isInteger(row[2])).toBe(true);
    }
    const sub = p.vary[1];
    expect(variedValue(0.5, sub)).toBeCloseTo(Math.sqrt(10000 * 85000), 3); // log scale: geometric midpoint
    expect(variedValue(0, sub)).toBe(10000);
    expect(variedValue(1, sub)).toBe(85000);
    const months = paramSpec('dependencyMonths')!;
    expect(variedValue(1 / 3, p.vary[2])).toBe(Math.round(months.low + (months.high - months.low) / 3));
  });

  it('is the same design for the same seed, another for another seed', () => {
    const a = plan('{ kind: morris, trajectories: 4, seed: 11 }');
    const b = plan('{ kind: morris, trajectories: 4, seed: 12 }');
    expect(buildSweepDesign(a.design, a.vary)).toEqual(buildSweepDesign(a.design, a.vary));
    expect(buildSweepDesign(a.design, a.vary).values).not.toEqual(buildSweepDesign(b.design, b.vary).values);
  });
});

describe('runSweep', () => {
  const p = plan('{ kind: morris, trajectories: 3 }');
  const one = join(tempDir(), 'one');
  const progress: SweepProgress[] = [];

  it('writes a tidy CSV: one row per point × replicate × year, the varied values as columns', async () => {
    const s = await runSweep(p, one, { workers: 1, provenance: PROVENANCE, onProgress: (x) => progress.push(x) });
    expect(s).toMatchObject({ points: 12, shardPoints: 12, resumed: 0, computed: 12, runs: 24, complete: true });
    const lines = readFileSync(join(one, RESULTS_FILE), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('point,replicate,seed,cadreEffort,subsidyLevel,dependencyMonths,year,official_incidence,true_incidence,exits_total');
    expect(lines).toHaveLength(1 + 12 * 2 * 2);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => `${r[0]}/${r[1]}/${r[6]}`).slice(0, 4)).toEqual(['0/0/2014', '0/0/2015', '0/1/2014', '0/1/2015']);
    // common random numbers: replicate r has the same seed at every point
    expect(new Set(rows.filter((r) => r[1] === '0').map((r) => r[2])).size).toBe(1);
    const points = readFileSync(join(one, 'points.csv'), 'utf8').trimEnd().split('\n');
    expect(points).toHaveLength(13);
    for (const r of rows) expect(points[Number(r[0]) + 1]).toBe([r[0], r[3], r[4], r[5]].join(','));
    expect(rows.every((r) => Number(r[7]) > 0 && Number(r[7]) < 1 && /^\d+$/.test(r[9]))).toBe(true);
    expect(progress.at(-1)).toEqual({ pointsDone: 12, pointsTotal: 12, runsDone: 24, runsTotal: 24 });
  });

  it('gives byte-identical files with 2 workers', async () => {
    const two = join(tempDir(), 'two');
    await runSweep(p, two, { workers: 2, provenance: PROVENANCE });
    expect(differingFiles(one, two)).toEqual([]);
    expect(sweepFiles(one).size).toBe(6 + 12); // plan, design, points.csv, code.json, results.csv, manifest.json + the journal (the mark is bookkeeping)
  });

  it('journals each point as soon as its replicates arrive from a streaming pool, in any order', async () => {
    const dir = join(tempDir(), 'streaming');
    const journaledBeforeReturn: number[] = [];
    const executor: SweepRunOptions['executor'] = async (tasks, pool) => {
      const results = tasks.map((t) => executeTask(t));
      // deliver in reverse order, as a pool of fast and slow workers might
      for (let i = tasks.length - 1; i >= 0; i--) {
        pool.onResult?.(results[i], i);
        pool.onDone?.(tasks.length - i, tasks.length);
      }
      journaledBeforeReturn.push(readdirSync(join(dir, 'points')).length);
      return results;
    };
    await runSweep(p, dir, { workers: 2, executor, provenance: PROVENANCE });
    expect(journaledBeforeReturn[0]).toBeGreaterThan(0);
    expect(journaledBeforeReturn).toHaveLength(2); // a first batch, then (the pool streams) all the rest
    expect(differingFiles(one, dir)).toEqual([]);
  });

  it('resumes: finished points are kept, the rest computed, the result identical', async () => {
    const dir = join(tempDir(), 'resume');
    await runSweep(p, dir, { workers: 1, provenance: PROVENANCE });
    // an interrupted run: some points missing, no results or manifest, a stray temporary file
    for (const q of [1, 5, 6, 11]) rmSync(pointFilePath(dir, q));
    rmSync(join(dir, 'results.csv'));
    rmSync(join(dir, 'manifest.json'));
    writeFileSync(`${pointFilePath(dir, 5)}.partial-99999`, '5,0,1,half a line');
    writeFileSync(pointFilePath(dir, 7), '7,0,truncated\n'); // a damaged file is recomputed
    const s = await runSweep(p, dir, { workers: 1, provenance: PROVENANCE });
    expect(s).toMatchObject({ resumed: 7, computed: 5, complete: true });
    expect(differingFiles(one, dir)).toEqual([]);
    expect(readdirSync(join(dir, 'points')).filter((f) => f.includes('.partial-'))).toEqual([]);
    const again = await runSweep(p, dir, { workers: 1, provenance: PROVENANCE });
    expect(again).toMatchObject({ resumed: 12, computed: 0, runs: 0, complete: true });
  });

  it('refuses a directory of another sweep unless forced', async () => {
    const other = plan('{ kind: morris, trajectories: 3 }', 'scale: 0.0006\n');
    await expect(runSweep(other, one, { workers: 1, provenance: PROVENANCE })).rejects.toThrow(InputError);
    const dir = join(tempDir(), 'forced');
    await runSweep(p, dir, { workers: 1, provenance: PROVENANCE });
    const s = await runSweep(other, dir, { workers: 1, force: true, provenance: PROVENANCE });
    expect(s).toMatchObject({ resumed: 0, computed: 12 });
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toContain('"scale":0.0006');
  });

  it('runs shards that merge into exactly the single-run directory', async () => {
    const base = tempDir();
    const dirs = [0, 1, 2].map((k) => join(base, `shard${k}`));
    for (const [k, d] of dirs.entries()) {
      const s = await runSweep(p, d, { workers: 1, shard: { index: k, count: 3 }, provenance: PROVENANCE });
      expect(s).toMatchObject({ shardPoints: 4, computed: 4, complete: false });
      expect(existsSync(join(d, `shard-${k}-of-3.json`))).toBe(true);
    }
    const merged = join(base, 'merged');
    const m = mergeSweeps(dirs, merged, { force: false, provenance: PROVENANCE });
    expect(m.sources.map((s) => s.points)).toEqual([4, 4, 4]);
    expect(differingFiles(one, merged)).toEqual([]);
    // merging into one of the shards gives the same again
    mergeSweeps(dirs, dirs[0], { force: false, provenance: PROVENANCE });
    expect(differingFiles(one, dirs[0])).toEqual([]);
  });

  it('merge refuses missing points, other plans and differing points', async () => {
    const base = tempDir();
    const a = join(base, 'a');
    await runSweep(p, a, { workers: 1, shard: { index: 0, count: 2 }, provenance: PROVENANCE });
    expect(() => mergeSweeps([a], join(base, 'm'), { force: false, provenance: PROVENANCE })).toThrow(/6 of 12 points are in none/);
    const other = join(base, 'other');
    await runSweep(plan('{ kind: morris, trajectories: 3 }', 'scale: 0.0006\n'), other, { workers: 1, shard: { index: 1, count: 2 }, provenance: PROVENANCE });
    expect(() => mergeSweeps([a, other], join(base, 'm'), { force: false, provenance: PROVENANCE })).toThrow(/different sweeps/);
    const b = join(base, 'b');
    await runSweep(p, b, { workers: 1, provenance: PROVENANCE });
    writeFileSync(pointFilePath(b, 0), readFileSync(pointFilePath(b, 0), 'utf8').replace(/,0\.0/, ',0.1'));
    expect(() => mergeSweeps([a, b], join(base, 'm'), { force: false, provenance: PROVENANCE })).toThrow(/point 0 differs/);
    expect(() => mergeSweeps([join(base, 'nothing')], join(base, 'm'), { force: false, provenance: PROVENANCE })).toThrow(InputError);
  });
});

describe('shards', () => {
  it('parses k/n and splits points round-robin', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    for (const bad of ['8/8', '1', '-1/2', 'a/b', '0/0']) expect(() => parseShard(bad)).toThrow(InputError);
    const all = [0, 1, 2].flatMap((k) => shardPoints(10, { index: k, count: 3 }));
    expect(all.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shardPoints(10, { index: 1, count: 3 })).toEqual([1, 4, 7]);
  });
});
