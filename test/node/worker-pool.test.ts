/**
 * Workers kept across batches (src/node/pool.ts WorkerPool): a command's batches reuse the workers the
 * first one started, with the results fresh workers give, in task order; a failed task closes the pool,
 * which then refuses batches with the reason. Workers load dist/ (built by the test setup).
 */
import { describe, expect, it } from 'vitest';
import type { RunTask, TaskResult } from '../../src/experiment/task.js';
import { defaultParams } from '../../src/model/parameters.js';
import { runTasks, withWorkerPool, WorkerPool } from '../../src/node/pool.js';

function task(id: number, seed: number, subsidy?: number, endYear = 2016): RunTask {
  const schedule = subsidy === undefined ? [] : [{ kind: 'step' as const, key: 'subsidyLevel' as const, at: { year: 2015, month: 1 }, value: subsidy }];
  return { id, params: defaultParams(), schedule, seed, scale: 0.0005, endYear, monthly: true };
}

const bytes = (r: TaskResult) => [Buffer.from(r.yearly.buffer).toString('hex'), r.monthly ? Buffer.from(r.monthly.buffer).toString('hex') : ''];

describe('workers kept across batches', () => {
  it('three batches on one pool start its two workers once and give what fresh workers give, in task order', async () => {
    const batches = [
      [task(0, 1), task(1, 1, 0.6), task(2, 2), task(3, 3)],
      [task(0, 4), task(1, 5)],
      [task(0, 6), task(1, 6, 0.8), task(2, 7)],
    ];
    const fresh = [];
    for (const b of batches) fresh.push(await runTasks(b, { workers: 2 }));
    const kept = await withWorkerPool(2, async (pool) => {
      const out = [];
      for (const b of batches) out.push(await runTasks(b, { workers: 2, pool }));
      expect(pool.started).toBe(2);
      return out;
    });
    for (let i = 0; i < batches.length; i++) {
      expect(kept[i].map((r) => r.id)).toEqual(batches[i].map((t) => t.id));
      expect(kept[i].map(bytes)).toEqual(fresh[i].map(bytes));
    }
  });

  it('workers start as batches need them, up to the pool\'s size', async () => {
    const pool = new WorkerPool(3);
    try {
      await runTasks([task(0, 1), task(1, 2)], { workers: 3, pool });
      expect(pool.started).toBe(2);
      await runTasks([task(0, 1), task(1, 2), task(2, 3)], { workers: 3, pool });
      expect(pool.started).toBe(3);
      await runTasks([task(0, 1), task(1, 2), task(2, 3), task(3, 4)], { workers: 8, pool });
      expect(pool.started).toBe(3);
    } finally {
      pool.close();
    }
  });

  it('a task that fails closes the pool: the batch fails with the task\'s error, and later batches with the same', async () => {
    const pool = new WorkerPool(2);
    try {
      await expect(runTasks([task(0, 1), task(1, 2, undefined, 2013)], { workers: 2, pool })).rejects.toThrow(/task 1 failed in a worker: .*endYear must be after 2013/);
      await expect(runTasks([task(0, 1)], { workers: 2, pool })).rejects.toThrow(/task 1 failed in a worker/);
    } finally {
      pool.close();
    }
  });

  it('a closed pool refuses batches; an aborted batch closes it', async () => {
    const pool = new WorkerPool(2);
    pool.close();
    await expect(runTasks([task(0, 1), task(1, 2)], { workers: 2, pool })).rejects.toThrow(/WorkerPool: closed/);
    const other = new WorkerPool(2);
    const ctrl = new AbortController();
    const running = runTasks([task(0, 1, undefined, 2020), task(1, 2, undefined, 2020)], { workers: 2, pool: other, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(running).rejects.toThrow(/aborted/);
    await expect(runTasks([task(0, 1), task(1, 2)], { workers: 2, pool: other })).rejects.toThrow(/aborted/);
  });
});
