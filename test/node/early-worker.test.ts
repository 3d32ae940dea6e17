/**
 * The early worker (src/node/early-worker.ts): started before the command's modules load, it runs a small
 * discarded warm-up and is adopted by the pool as its first worker. Its results are the bytes a fresh
 * worker gives, for worlds smaller and larger than the warm-up's (the model's scratch arrays it leaves
 * behind are of the warm-up's size). Workers load dist/ (built by the test setup).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunTask, TaskResult } from '../../src/experiment/task.js';
import { defaultParams } from '../../src/model/parameters.js';
import { startEarlyWorker, takeEarlyWorker } from '../../src/node/early-worker.js';
import { runTasks, withWorkerPool } from '../../src/node/pool.js';

function task(id: number, seed: number, scale: number, subsidy?: number): RunTask {
  const schedule = subsidy === undefined ? [] : [{ kind: 'step' as const, key: 'subsidyLevel' as const, at: { year: 2015, month: 1 }, value: subsidy }];
  return { id, params: defaultParams(), schedule, seed, scale, endYear: 2017, monthly: true };
}

const bytes = (r: TaskResult) => [Buffer.from(r.yearly.buffer).toString('hex'), r.monthly ? Buffer.from(r.monthly.buffer).toString('hex') : ''];

afterEach(async () => {
  await takeEarlyWorker()?.terminate();
});

describe('the early worker', () => {
  it('is adopted by the pool as its first worker and gives the bytes a fresh worker gives', async () => {
    // smaller than the warm-up (0.0003), then larger
    const tasks = [task(0, 3, 0.0001), task(1, 3, 0.0001, 0.7), task(2, 5, 0.001)];
    const fresh = await runTasks(tasks, { workers: 1, inThread: false });
    startEarlyWorker(2);
    const early = await withWorkerPool(1, async (pool) => {
      const out = await runTasks(tasks, { workers: 1, pool, inThread: false });
      expect(pool.started).toBe(1);
      return out;
    });
    // adopted: nothing is left waiting
    expect(takeEarlyWorker()).toBeUndefined();
    expect(early.map((r) => r.id)).toEqual([0, 1, 2]);
    expect(early.map(bytes)).toEqual(fresh.map(bytes));
    expect(fresh[2].households).toBeGreaterThan(fresh[0].households * 5);
  });

  it('is started once, and not at all on one core (its warm-up would take the core the command starts up on)', async () => {
    startEarlyWorker(1);
    expect(takeEarlyWorker()).toBeUndefined();
    startEarlyWorker(2);
    startEarlyWorker(2);
    const w = takeEarlyWorker();
    expect(w).toBeDefined();
    expect(takeEarlyWorker()).toBeUndefined();
    await w!.terminate();
  });
});
