/**
 * Progress of runs in progress (src/node/pool.ts onProgress, src/experiment/task.ts TaskProgress): the
 * pool counts the share of its years each running task has simulated, so a single long run moves too;
 * on worker threads and in this thread alike, never backwards, never past the total, ending at it.
 * Workers load dist/ (built by the test setup).
 */
import { describe, expect, it } from 'vitest';
import { executeTaskGroup, type RunTask } from '../../src/experiment/task.js';
import { defaultParams } from '../../src/model/parameters.js';
import { runTasks } from '../../src/node/pool.js';

function task(id: number, seed: number, subsidy?: number): RunTask {
  const schedule = subsidy === undefined ? [] : [{ kind: 'step' as const, key: 'subsidyLevel' as const, at: { year: 2015, month: 1 }, value: subsidy }];
  return { id, params: defaultParams(), schedule, seed, scale: 0.0005, endYear: 2017, monthly: false };
}

/** A baseline and two branches of it from 2015, and a run of its own. */
const TASKS = [task(0, 1), task(1, 1, 0.6), task(2, 1, 0.8), task(3, 2)];

describe('progress of runs in progress', () => {
  it('reports each task\'s share of its years at every year end, the trunk\'s too, ending at 1', () => {
    const shares = new Map<number, number[]>();
    const order: number[] = [];
    executeTaskGroup(TASKS.slice(0, 3), (r) => order.push(r.id), undefined, undefined, (id, share) => {
      shares.set(id, [...(shares.get(id) ?? []), share]);
    });
    // The trunk runs 2014 up to the branch point, each branch from 2015, then the trunk to its end.
    expect(shares.get(0)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(shares.get(1)).toEqual([0.5, 0.75, 1]);
    expect(shares.get(2)).toEqual([0.5, 0.75, 1]);
    expect(order).toEqual([1, 2, 0]);
  });

  it('an empty batch is done at once, on workers too', async () => {
    expect(await runTasks([], { workers: 2, onProgress: () => undefined })).toEqual([]);
  });

  for (const [name, opts] of [
    ['on worker threads', { workers: 2 }],
    ['in this thread', { workers: 1, inThread: true }],
  ] as const) {
    it(`moves in parts of runs ${name}, never backwards or past the total, and ends at it`, async () => {
      const seen: number[] = [];
      const results = await runTasks(TASKS, { ...opts, onProgress: (done, total) => void seen.push(done / total) });
      expect(results.map((r) => r.id)).toEqual([0, 1, 2, 3]);
      expect(seen.length).toBeGreaterThanOrEqual(TASKS.length);
      expect(seen.some((x) => !Number.isInteger(x * TASKS.length))).toBe(true);
      for (const x of seen) expect(x).toBeLessThanOrEqual(1);
      expect(seen[seen.length - 1]).toBe(1);
      // One worker reports in order; with two, the parts of different workers' runs add up and still only grow.
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    });
  }
});
