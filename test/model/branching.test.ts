import { describe, expect, it } from 'vitest';
import { branchRun, divergenceStep, startKey } from '../../src/model/branching.js';
import { defaultParams } from '../../src/model/parameters.js';
import type { ScheduleChange } from '../../src/model/schedule.js';
import { advanceRun, finishRun, runSimulation, startRun, type RunSpec } from '../../src/model/simulate.js';
import { executeTask, executeTaskGroup, groupTasks, type RunTask, type TaskResult } from '../../src/experiment/task.js';

const base: RunSpec = { params: defaultParams(), schedule: [], seed: 7, scale: 0.002, endYear: 2020 };
const from2018 = (key: ScheduleChange['key'], value: number): ScheduleChange[] => [{ kind: 'step', key, at: { year: 2018, month: 1 }, value }];
// Step of January 2018: December 2013 is step 0.
const JAN_2018 = 49;

function sameBytes(a: Float64Array, b: Float64Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

describe('divergenceStep', () => {
  it('is the first month a parameter differs, 0 when they differ from the start, steps + 1 when the same', () => {
    const steps = (2020 - 2013) * 12;
    expect(divergenceStep(base, { ...base, schedule: from2018('industryCoverage', 0.9) })).toBe(JAN_2018);
    expect(divergenceStep(base, { ...base })).toBe(steps + 1);
    // A schedule that sets the value already in force changes nothing.
    expect(divergenceStep(base, { ...base, schedule: from2018('industryCoverage', base.params.industryCoverage) })).toBe(steps + 1);
    expect(divergenceStep(base, { ...base, params: { ...base.params, cadreEffort: base.params.cadreEffort + 0.1 } })).toBe(0);
    expect(divergenceStep(base, { ...base, seed: 8 })).toBe(0);
    // Both scheduled, apart from 2019 on.
    const a = { ...base, schedule: from2018('subsidyLevel', 30000) };
    const b = { ...base, schedule: [...from2018('subsidyLevel', 30000), { kind: 'step', key: 'subsidyLevel', at: { year: 2019, month: 1 }, value: 40000 } as ScheduleChange] };
    expect(divergenceStep(a, b)).toBe(JAN_2018 + 12);
  });
});

describe('startKey', () => {
  it('is equal for runs that start from the same values, different when they differ at step 0', () => {
    expect(startKey({ ...base, schedule: from2018('industryCoverage', 0.9) })).toBe(startKey(base));
    expect(startKey({ ...base, params: { ...base.params, cadreEffort: 0.9 } })).not.toBe(startKey(base));
    expect(startKey({ ...base, seed: 8 })).not.toBe(startKey(base));
    // A schedule from the first month of the run changes the start.
    expect(startKey({ ...base, schedule: [{ kind: 'step', key: 'cadreEffort', at: { year: 2013, month: 12 }, value: 0.9 }] })).not.toBe(startKey(base));
  });
});

describe('a branched run', () => {
  it('equals the run from scratch byte for byte (yearly and monthly), and leaves the trunk unchanged', () => {
    const alt: RunSpec = { ...base, schedule: [...from2018('industryCoverage', 0.9), ...from2018('culturalMotivation', 0.8)] };
    const trunk = startRun(base);
    advanceRun(trunk, JAN_2018 - 1);
    const b = branchRun(trunk, alt);
    advanceRun(b, b.steps);
    advanceRun(trunk, trunk.steps);
    const branched = finishRun(b);
    const trunkDone = finishRun(trunk);
    const alone = runSimulation(alt);
    const baseAlone = runSimulation(base);
    expect(sameBytes(branched.monthly.data, alone.monthly.data)).toBe(true);
    expect(sameBytes(branched.yearly.data, alone.yearly.data)).toBe(true);
    expect(sameBytes(trunkDone.yearly.data, baseAlone.yearly.data)).toBe(true);
    // The policy did change the branch: it is not the trunk's copy.
    expect(sameBytes(branched.yearly.data, trunkDone.yearly.data)).toBe(false);
  });

  it('parted mid-year, the trunk and its branch stepped in turn each equal their own run at every step (neither keeps the other\'s state)', () => {
    // Parted in April 2015 (step 16); stepped alternately, as a caller may, not one after the other.
    const spec: RunSpec = { ...base, scale: 0.001, endYear: 2016 };
    const alt: RunSpec = { ...spec, schedule: [{ kind: 'step', key: 'culturalMotivation', at: { year: 2015, month: 4 }, value: 0.8 }] };
    const trunk = startRun(spec);
    advanceRun(trunk, 15);
    const b = branchRun(trunk, alt);
    const trunkAlone = startRun(spec);
    const altAlone = startRun(alt);
    advanceRun(trunkAlone, 15);
    advanceRun(altAlone, 15);
    expect(trunk.w.blocks.count).toBeGreaterThanOrEqual(2);
    const columns = (s: typeof trunk) => Buffer.concat([s.w.hh.motivation, s.w.hh.waiting, s.w.villages.norm].map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
    let differ = 0;
    for (let t = 16; t <= trunk.steps; t++) {
      advanceRun(trunk, t);
      advanceRun(b, t);
      advanceRun(trunkAlone, t);
      advanceRun(altAlone, t);
      expect(Buffer.compare(columns(trunk), columns(trunkAlone)), `trunk, step ${t}`).toBe(0);
      expect(Buffer.compare(columns(b), columns(altAlone)), `branch, step ${t}`).toBe(0);
      if (Buffer.compare(columns(b), columns(trunk)) !== 0) differ++;
    }
    expect(sameBytes(finishRun(trunk).monthly.data, finishRun(trunkAlone).monthly.data)).toBe(true);
    expect(sameBytes(finishRun(b).monthly.data, finishRun(altAlone).monthly.data)).toBe(true);
    // The policy did change the branch.
    expect(differ).toBeGreaterThan(10);
  });

  it('refuses to branch after the runs have parted', () => {
    const trunk = startRun(base);
    advanceRun(trunk, JAN_2018);
    expect(() => branchRun(trunk, { ...base, schedule: from2018('industryCoverage', 0.9) })).toThrow(/differ from step 49/);
  });
});

describe('task groups', () => {
  const task = (id: number, over: Partial<RunTask>): RunTask => ({ id, params: base.params, schedule: [], seed: base.seed, scale: base.scale, endYear: base.endYear, monthly: true, ...over });
  const tasks: RunTask[] = [
    task(0, {}),
    task(1, { schedule: from2018('industryCoverage', 0.9) }),
    task(2, { schedule: from2018('subsidyLevel', 40000) }),
    task(3, { seed: 8 }),
    task(4, { params: { ...base.params, cadreEffort: 0.9 } }),
    task(5, { seed: 8, schedule: from2018('cadreEffort', 0.9) }),
    task(6, {}),
  ];

  it('groups tasks that share at least a year, within the size limit, in batch order', () => {
    expect(groupTasks(tasks, 10).map((g) => g.map((t) => t.id))).toEqual([[0, 1, 2, 6], [3, 5], [4]]);
    expect(groupTasks(tasks, 2).map((g) => g.map((t) => t.id))).toEqual([[0, 1], [2, 6], [3, 5], [4]]);
  });

  it('gives every task the result it has alone', () => {
    const got = new Map<number, TaskResult>();
    for (const g of groupTasks(tasks, 10)) executeTaskGroup(g, (r) => got.set(r.id, r));
    expect([...got.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const t of tasks) {
      const alone = executeTask(t);
      expect(sameBytes(got.get(t.id)!.yearly, alone.yearly), `task ${t.id}`).toBe(true);
      expect(sameBytes(got.get(t.id)!.monthly!, alone.monthly!), `task ${t.id} monthly`).toBe(true);
    }
  });
});
