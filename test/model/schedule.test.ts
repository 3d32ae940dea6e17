/**
 * withoutReplaced: leaving out the schedule entries a later entry of the same key replaces whole
 * gives the same series, and each key's entries in time order (what a scenario file must have).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { defaultParams, type ParamKey } from '../../src/model/parameters.js';
import { expandSchedule, withoutReplaced, type ScheduleChange } from '../../src/model/schedule.js';

const KEYS: ParamKey[] = ['cadreEffort', 'subsidyLevel', 'culturalMotivation'];
const START = 2013;
const STEPS = 12 * 12;

function randomChanges(rng: () => number): ScheduleChange[] {
  const n = 1 + Math.floor(rng() * 8);
  return Array.from({ length: n }, (): ScheduleChange => {
    const key = KEYS[Math.floor(rng() * KEYS.length)];
    const year = 2014 + Math.floor(rng() * 8);
    const month = 1 + Math.floor(rng() * 12);
    const value = Math.round(rng() * 1000) / 1000;
    if (rng() < 0.5) return { kind: 'step', key, at: { year, month }, value };
    const span = Math.floor(rng() * 30);
    const end = year * 12 + month - 1 + span;
    return { kind: 'ramp', key, from: { year, month }, to: { year: Math.floor(end / 12), month: (end % 12) + 1 }, value };
  });
}

const start = (c: ScheduleChange): number => (c.kind === 'step' ? c.at.year * 12 + c.at.month : c.from.year * 12 + c.from.month);

describe('withoutReplaced', () => {
  it('keeps the series of 2,000 random schedules and leaves each key in strict time order', () => {
    const rng = seedrandom('schedule');
    const base = defaultParams();
    let dropped = 0;
    for (let k = 0; k < 2000; k++) {
      const changes = randomChanges(rng);
      const kept = withoutReplaced(changes);
      dropped += changes.length - kept.length;
      expect(expandSchedule(base, kept, START, STEPS)).toEqual(expandSchedule(base, changes, START, STEPS));
      for (const key of KEYS) {
        const starts = kept.filter((c) => c.key === key).map(start);
        for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
      }
    }
    expect(dropped).toBeGreaterThan(500); // the cases occur often enough to be tested
  });

  it('drops an entry that a later one starting in the same month or earlier replaces, and nothing else', () => {
    const a: ScheduleChange = { kind: 'step', key: 'cadreEffort', at: { year: 2019, month: 1 }, value: 0.7 };
    const b: ScheduleChange = { kind: 'step', key: 'cadreEffort', at: { year: 2018, month: 1 }, value: 0.6 };
    const c: ScheduleChange = { kind: 'ramp', key: 'cadreEffort', from: { year: 2020, month: 1 }, to: { year: 2020, month: 12 }, value: 0.9 };
    const other: ScheduleChange = { kind: 'step', key: 'subsidyLevel', at: { year: 2017, month: 1 }, value: 50000 };
    expect(withoutReplaced([a, other, b, c])).toEqual([other, b, c]);
    expect(withoutReplaced([b, a, c])).toEqual([b, a, c]);
  });
});
