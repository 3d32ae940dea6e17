/**
 * Running a sweep: points × replicates on worker threads (runTasks), each finished point journaled
 * to its own file, resumable after any crash, shardable across processes.
 *
 *   1. prepare   the output directory: new, or resume (same plan.json), or refuse (another sweep)
 *   2. describe  plan.json, design.json, points.csv (pure functions of the plan)
 *   3. skip      points already in the journal (points/NNNNNN.csv), and points of other shards
 *   4. run       the rest in batches through runTasks, one journal file per finished point
 *   5. finish    shard marker; when every point is present: results.csv, then manifest.json
 *
 * Replicate r of every point uses seed `replicateSeed(plan.seed, r)`: common random numbers across
 * points, so differences between points are parameter effects (what Morris and Sobol measure).
 * Results depend only on the plan: not on the number of workers, the batching, shards or restarts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { replicateSeeds } from '../experiment/seeds.js';
import { buildSweepDesign, type SweepDesign } from '../experiment/sweep/design.js';
import * as msg from '../experiment/sweep/plan-messages.js';
import { planHash, planJson, type SweepPlan } from '../experiment/sweep/plan.js';
import { CODE_CHANGED, codeJson, designJson, journalCheck, pointTasks, type Provenance, type SweepProgress, type SweepSummary } from '../experiment/sweep/points.js';
import { pointRows, pointsCsv, resultsHeader } from '../experiment/sweep/rows.js';
import { WHOLE, shardPoints, shardText, type Shard } from '../experiment/sweep/shard.js';
import type { RunTask, TaskResult } from '../experiment/task.js';
import { modelCodeFingerprint } from './code-fingerprint.js';
import { runTasks, runsInThread, WorkerPool, type PoolOptions } from './pool.js';
import {
  CODE_FILE, DESIGN_FILE, JOURNAL_DIR, MANIFEST_FILE, PLAN_FILE, POINTS_FILE, RESULTS_FILE, clearSweepFiles, journalPoints, pointFilePath, prepareSweepDir,
  readIfExists, shardMarkerName, writeDurable, writeDurableParts,
} from './sweep-files.js';

export { CODE_CHANGED, codeJson, designJson, journalCheck, pointTasks, type Provenance, type SweepProgress, type SweepSummary } from '../experiment/sweep/points.js';

export interface SweepRunOptions {
  workers: number;
  shard?: Shard;
  /** Replace another sweep's files in the directory. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SweepProgress) => void;
  /** Wall time aimed at per batch handed to the pool when workers > 1 (default 20 s). */
  batchSeconds?: number;
  provenance: Provenance;
  /**
   * Runs a batch of tasks, results in task order (default: runTasks). A pool that also calls
   * `onResult(result, index)` as each result arrives lets points be journaled as they finish.
   */
  executor?: (tasks: RunTask[], pool: StreamingPoolOptions) => Promise<TaskResult[]>;
}

/** Pool options with the optional per-result callback a streaming pool calls. */
/** Pool options; `onResult` (see pool.ts) lets points be journaled as results arrive. */
export type StreamingPoolOptions = PoolOptions;

/** Writes a file unless it already holds exactly this text. */
function writeIfChanged(dir: string, name: string, text: string): void {
  if (readIfExists(dir, name) !== text) writeDurable(join(dir, name), text);
}

/**
 * Writes results.csv (header + every journal file in point order) and then manifest.json. Call only
 * when every point is in the journal.
 */
export function finalizeSweep(dir: string, plan: SweepPlan, points: number, provenance: Provenance): void {
  const hash = createHash('sha256');
  const parts = function* (): Generator<string | Buffer> {
    const header = resultsHeader(plan);
    hash.update(header);
    yield header;
    for (let p = 0; p < points; p++) {
      const bytes = readFileSync(pointFilePath(dir, p));
      hash.update(bytes);
      yield bytes;
    }
  };
  writeDurableParts(join(dir, RESULTS_FILE), parts());
  const sha = (name: string): string => createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  const manifest = {
    format: 'povsim-sweep/1',
    completed: true,
    povsim: provenance.povsim,
    gitCommit: provenance.gitCommit,
    plan: plan.name,
    planHash: planHash(plan),
    design: plan.design.kind,
    parameters: plan.vary.map((p) => p.key),
    points,
    replicates: plan.replicates,
    runs: points * plan.replicates,
    scale: plan.scale,
    endYear: plan.endYear,
    metrics: plan.outputs.metrics,
    years: plan.outputs.years,
    files: {
      [CODE_FILE]: sha(CODE_FILE),
      [PLAN_FILE]: sha(PLAN_FILE),
      [DESIGN_FILE]: sha(DESIGN_FILE),
      [POINTS_FILE]: sha(POINTS_FILE),
      [RESULTS_FILE]: hash.digest('hex'),
    },
  };
  writeDurable(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

/** Writes plan.json (first: it claims the directory), design.json, points.csv and code.json. */
export function describeSweep(dir: string, plan: SweepPlan, design: SweepDesign, code: string): void {
  writeIfChanged(dir, PLAN_FILE, planJson(plan));
  writeIfChanged(dir, DESIGN_FILE, designJson(plan, design));
  writeIfChanged(dir, POINTS_FILE, pointsCsv(plan, design.values));
  writeIfChanged(dir, CODE_FILE, codeJson(code));
}

/**
 * Runs (or resumes) a sweep, or one shard of it, into `dir`.
 * @throws InputError when `dir` holds another sweep (without force); Error('aborted') when the
 *   signal fires (finished points stay in the journal; the same call resumes)
 */
export async function runSweep(plan: SweepPlan, dir: string, opts: SweepRunOptions): Promise<SweepSummary> {
  const t0 = Date.now();
  const shard = opts.shard ?? WHOLE;
  // 1. prepare; a resumed sweep must have been started by this model code (across processes too)
  const mode = prepareSweepDir(dir, planJson(plan), opts.force ?? false);
  const modelCode = modelCodeFingerprint();
  const recorded = readIfExists(dir, CODE_FILE);
  if (mode === 'resume' && recorded !== undefined && recorded !== codeJson(modelCode)) {
    if (!opts.force) {
      const was = (JSON.parse(recorded) as { modelCode?: string }).modelCode ?? '?';
      throw new InputError([{ ...msg.codeChanged(dir, String(was), modelCode), file: dir, line: 0, column: 0, key: '' }]);
    }
    clearSweepFiles(dir);
    mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
  }
  // 2. describe
  const design = buildSweepDesign(plan.design, plan.vary);
  const points = design.values.length;
  describeSweep(dir, plan, design, modelCode);
  // 3. skip finished points and other shards' points
  const R = plan.replicates;
  const isDone = journalCheck(plan, pointsCsv(plan, design.values));
  const done = journalPoints(dir, points, isDone);
  const mine = shardPoints(points, shard);
  const pending = mine.filter((p) => !done.has(p));
  const resumed = mine.length - pending.length;
  const seeds = replicateSeeds(plan.seed, R);
  const progress: SweepProgress = { pointsDone: resumed, pointsTotal: mine.length, runsDone: 0, runsTotal: pending.length * R };
  opts.onProgress?.({ ...progress });
  // 4. run in batches: one point at a time in this thread; with workers, batches sized to about
  //    batchSeconds of work (so a point's journal file comes soon; one pool's workers serve every batch). A point's journal file
  //    is written as soon as its replicates are in when the pool reports each result (onResult),
  //    else when its batch returns; once the pool is seen streaming, the rest is one batch.
  const workers = Math.max(1, opts.workers);
  const target = opts.batchSeconds ?? 20;
  let batchRuns = workers * 2;
  let streaming = false;
  let next = 0;
  const checkCode = (): void => {
    if (workers > 1 && modelCodeFingerprint() !== modelCode) throw new Error(CODE_CHANGED);
  };
  const workerPool = new WorkerPool(workers);
  try {
    while (next < pending.length) {
      // in this thread: one point per batch (signals get through between points); on threads: sized batches
      const size = workers === 1 && (opts.executor !== undefined || runsInThread(1)) ? 1 : streaming ? pending.length - next : Math.max(1, Math.ceil(batchRuns / R));
      const batch = pending.slice(next, next + size);
      const tasks = batch.flatMap((p, i) => pointTasks(plan, design.values[p], seeds, i * R));
      const arrived: (TaskResult | undefined)[] = new Array(tasks.length);
      const missing = batch.map(() => R);
      const written = batch.map(() => false);
      const writePoint = (i: number, results: readonly TaskResult[]): void => {
        writeDurable(pointFilePath(dir, batch[i]), pointRows(plan, batch[i], design.values[batch[i]], seeds, results));
        written[i] = true;
        progress.pointsDone++;
      };
      const before = progress.runsDone;
      const tb = Date.now();
      const pool: StreamingPoolOptions = {
        workers,
        signal: opts.signal,
        pool: workerPool,
        onDone: (d) => {
          progress.runsDone = before + d;
          opts.onProgress?.({ ...progress });
        },
        onResult: (result, index) => {
          streaming = true;
          arrived[index] = result;
          const i = Math.floor(index / R);
          try {
            if (--missing[i] === 0) writePoint(i, arrived.slice(i * R, (i + 1) * R) as TaskResult[]);
          } catch (err) {
            writeError ??= err; // reported after the pool returns, not inside its message handler
          }
        },
      };
      let writeError: unknown;
      checkCode();
      const results = await (opts.executor ?? runTasks)(tasks, pool);
      if (writeError !== undefined) throw writeError;
      checkCode();
      batch.forEach((_, i) => {
        if (!written[i]) writePoint(i, results.slice(i * R, (i + 1) * R));
      });
      opts.onProgress?.({ ...progress });
      next += batch.length;
      const perRun = Math.max(1e-3, (Date.now() - tb) / 1000 / tasks.length);
      batchRuns = Math.min(100_000, Math.max(workers * 2, Math.round(target / perRun)));
    }
  } finally {
    workerPool.close();
  }
  // 5. finish
  if (shard.count > 1) {
    writeIfChanged(dir, shardMarkerName(shard.index, shard.count), JSON.stringify({ shard: shardText(shard), planHash: planHash(plan), points: mine.length }) + '\n');
  }
  const complete = journalPoints(dir, points, isDone).size === points;
  if (complete) finalizeSweep(dir, plan, points, opts.provenance);
  return {
    name: plan.name,
    dir,
    shard,
    points,
    shardPoints: mine.length,
    resumed,
    computed: pending.length,
    runs: pending.length * R,
    seconds: (Date.now() - t0) / 1000,
    complete,
  };
}
