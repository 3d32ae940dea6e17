/**
 * Threads within one run (src/node/block-threads.ts): the passes over every household (building the
 * population, every month's, December's) shared among 1, 2 or 3 threads give the same bytes in every
 * column of the world and every metric at every step, with scheduled changes in the middle of the run
 * to the levers and to a parameter each pass reads (the threads must see each month's parameters).
 * Threads that fail, die or go silent end the run with a reason instead of hanging it.
 * The threads load dist/ (built by the test setup).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { layoutBlocks, BLOCK_HOUSEHOLDS, SEQUENTIAL_BLOCKS } from '../../src/model/household-blocks.js';
import { defaultParams } from '../../src/model/parameters.js';
import type { ScheduleChange } from '../../src/model/schedule.js';
import { advanceRun, closeRun, initWorld, startRun, type RunSpec, type RunState } from '../../src/model/simulate.js';
import type { World } from '../../src/model/world.js';
import { threadedBlocks } from '../../src/node/block-threads.js';
import { BLOCK_KERNELS } from '../../src/model/block-kernels.js';
import { executeTaskGroup, type RunTask, type TaskResult } from '../../src/experiment/task.js';

const from2015 = (key: ScheduleChange['key'], value: number): ScheduleChange => ({ kind: 'step', key, at: { year: 2015, month: 3 }, value });

/** Every column of the world as bytes, one buffer per group. */
function worldBytes(w: World): Buffer[] {
  const groups = [w.hh, w.villages, w.cadres, w.industries] as Record<string, ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }>[];
  const out: Buffer[] = [];
  for (const g of groups) for (const c of Object.values(g)) out.push(Buffer.from(new Uint8Array(c.buffer, c.byteOffset, c.byteLength)));
  return out;
}

/** The first step at which run `b` differs from run `a` (world columns or metric rows), or null. */
function firstDifference(a: RunState, b: RunState): string | null {
  // Step 0 is the world as built: the population's draws are shared among the threads too.
  for (let t = 0; t <= a.steps; t++) {
    advanceRun(a, t);
    advanceRun(b, t);
    const wa = worldBytes(a.w);
    const wb = worldBytes(b.w);
    for (let i = 0; i < wa.length; i++) if (!wa[i].equals(wb[i])) return `step ${t}: column ${i}`;
    const ma = Buffer.from(a.monthly.data.buffer, 0, (t + 1) * a.monthly.metrics.length * 8);
    const mb = Buffer.from(b.monthly.data.buffer, 0, (t + 1) * b.monthly.metrics.length * 8);
    if (!ma.equals(mb)) return `step ${t}: metrics`;
    if (a.w.budgetLeft !== b.w.budgetLeft) return `step ${t}: budget`;
  }
  return null;
}

const tmp = mkdtempSync(join(tmpdir(), 'povsim-threads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('threads within one run', () => {
  const spec: RunSpec = {
    params: defaultParams(),
    // The four levers, and one parameter that each pass over every household reads itself.
    schedule: [
      from2015('industryCoverage', 0.9),
      from2015('culturalMotivation', 0.5),
      from2015('cadreEffort', 0.8),
      from2015('subsidyLevel', 60000),
      from2015('ruralIncomeGrowth', 0.06),
      from2015('illnessMonthlyRate', 0.012),
      from2015('motivationDrift', 0.02),
      from2015('spontaneousJoinRate', 0.008),
    ],
    seed: 11,
    scale: 0.004,
    endYear: 2017,
  };

  it('blocks are whole villages of about BLOCK_HOUSEHOLDS households, fixed by the layout alone', () => {
    const w = initWorld(spec);
    const b = w.blocks;
    expect(b.tiled).toBe(true);
    let largestVillage = 0;
    for (let v = 0; v < w.nVillages; v++) largestVillage = Math.max(largestVillage, w.villages.hhEnd[v] - w.villages.hhStart[v]);
    expect(b.count).toBeGreaterThanOrEqual(Math.floor(w.nHouseholds / (BLOCK_HOUSEHOLDS + largestVillage)));
    expect(b.count).toBeLessThanOrEqual(Math.ceil(w.nHouseholds / BLOCK_HOUSEHOLDS));
    expect(b.householdStart[0]).toBe(0);
    expect(b.householdStart[b.count]).toBe(w.nHouseholds);
    expect(b.villageStart[b.count]).toBe(w.nVillages);
    for (let k = 0; k < b.count; k++) {
      expect(b.householdStart[k]).toBe(w.villages.hhStart[b.villageStart[k]]);
      const size = b.householdStart[k + 1] - b.householdStart[k];
      if (k < b.count - 1) {
        expect(size).toBeGreaterThanOrEqual(BLOCK_HOUSEHOLDS);
        expect(size).toBeLessThan(BLOCK_HOUSEHOLDS + largestVillage);
      }
    }
    // A thread finds a kernel by its name: every name names its own kernel.
    for (const [name, kernel] of Object.entries(BLOCK_KERNELS)) expect(kernel.name).toBe(name);
    // The same blocks when laid out again (a thread count never enters).
    expect(Array.from(layoutBlocks(w, true).householdStart)).toEqual(Array.from(b.householdStart));
  });

  it('2 and 3 threads give the bytes of 1 thread at every step, 2013–2017, with parameters changed in 2015', () => {
    const one = startRun(spec);
    expect(one.w.blocks.exec.threads).toBe(1);
    for (const n of [2, 3]) {
      const many = startRun(spec, threadedBlocks(n));
      const solo = startRun(spec);
      try {
        // The threads are really there: no silent fall-back to this thread.
        expect(many.w.blocks.exec.threads).toBe(n);
        expect(many.w.hh.income.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(firstDifference(solo, many)).toBeNull();
      } finally {
        closeRun(many);
      }
    }
    closeRun(one);
  }, 120_000);

  it('a world below the automatic threshold stays in this thread, on plain memory', () => {
    const s = startRun(spec, threadedBlocks(2, { minHouseholds: 1_000_000 }));
    expect(s.w.blocks.exec.threads).toBe(1);
    expect(s.w.hh.income.buffer).toBeInstanceOf(ArrayBuffer);
    closeRun(s);
  });

  it('a group of tasks with branches (shared prefixes) gives the same results with threads: a branch runs on its own copy', () => {
    const task = (id: number, schedule: ScheduleChange[]): RunTask => ({ id, params: defaultParams(), schedule, seed: 5, scale: 0.004, endYear: 2017, monthly: true });
    const group = [task(0, []), task(1, [from2015('culturalMotivation', 0.6), from2015('motivationDrift', 0.02)]), task(2, [from2015('ruralIncomeGrowth', 0.05)])];
    const collect = (blocks: Parameters<typeof executeTaskGroup>[3]): TaskResult[] => {
      const out: TaskResult[] = [];
      executeTaskGroup(group, (r) => out.push(r), undefined, blocks);
      return out.sort((a, b) => a.id - b.id);
    };
    const plain = collect(SEQUENTIAL_BLOCKS);
    const threaded = collect(threadedBlocks(2));
    expect(threaded.map((r) => r.id)).toEqual([0, 1, 2]);
    for (let i = 0; i < 3; i++) {
      expect(Buffer.from(threaded[i].monthly!.buffer).equals(Buffer.from(plain[i].monthly!.buffer)), `task ${i}`).toBe(true);
    }
    // The branches really differ from the trunk (so equal bytes are not equal by accident).
    expect(Buffer.from(plain[1].monthly!.buffer).equals(Buffer.from(plain[0].monthly!.buffer))).toBe(false);
  }, 120_000);

  it('a thread that dies in the middle of a run stops the run with an error instead of hanging it', () => {
    const dies = new URL('./fixtures/block-loop-dies.mjs', import.meta.url);
    const s = startRun(spec, threadedBlocks(2, { loop: dies }));
    expect(() => advanceRun(s, 3)).toThrow(/a block thread stopped in the middle of the run/);
    closeRun(s);
  }, 60_000);

  it('a thread that goes silent (killed outright, out of memory) stops the run once no thread has finished anything for stallSeconds', () => {
    const hangs = new URL('./fixtures/block-loop-hangs.mjs', import.meta.url);
    const s = startRun(spec, threadedBlocks(2, { loop: hangs, stallSeconds: 2 }));
    const t0 = Date.now();
    expect(() => advanceRun(s, 3)).toThrow(/a block thread stopped responding for 2 s/);
    expect(Date.now() - t0).toBeLessThan(20_000);
    closeRun(s);
  }, 60_000);

  it('a thread that cannot load its code stops the run at once with the reason', () => {
    const missing = new URL('./fixtures/no-such-loop.mjs', import.meta.url);
    const t0 = Date.now();
    expect(() => startRun(spec, threadedBlocks(2, { loop: missing }))).toThrow(/a block thread could not start: .*no-such-loop/);
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 60_000);

  it('after the run has ended its threads refuse work instead of hanging', () => {
    const s = startRun(spec, threadedBlocks(2));
    closeRun(s);
    expect(() => advanceRun(s, 1)).toThrow(/the run has ended/);
  });

  it('povsim run --threads 2 writes the same yearly.csv, monthly.csv and summary.json as --threads 1', async () => {
    const quiet = { out: () => {}, err: () => {}, isTTY: false };
    const args = ['--scale', '0.003', '--replicates', '1', '--end-year', '2019', '--quiet', '--force'];
    const scenario = join(import.meta.dirname, '../../scenarios/all-four.yaml');
    expect(await main(['run', scenario, '--threads', '1', '--out', join(tmp, 't1'), ...args], quiet)).toBe(0);
    expect(await main(['run', scenario, '--threads', '2', '--out', join(tmp, 't2'), ...args], quiet)).toBe(0);
    for (const f of ['yearly.csv', 'monthly.csv', 'summary.json']) {
      expect(readFileSync(join(tmp, 't2', f)).equals(readFileSync(join(tmp, 't1', f))), f).toBe(true);
    }
    expect(readFileSync(join(tmp, 't1', 'yearly.csv'), 'utf8').split('\n').length).toBeGreaterThan(4);
  }, 120_000);

  it('--threads must be a whole number from 1 to 64 (exit code 2)', async () => {
    const err: string[] = [];
    const o = { out: () => {}, err: (t: string) => void err.push(t), isTTY: false };
    expect(await main(['run', join(import.meta.dirname, '../../scenarios/baseline.yaml'), '--threads', '0', '--out', join(tmp, 'bad')], o)).toBe(2);
    expect(err.join('\n')).toMatch(/--threads: must be a whole number from 1 to 64, got 0/);
  });
});
