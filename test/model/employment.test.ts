/**
 * Employment (phase 6): placed laborers lose a job at jobLossRate a month; relocated households with a
 * free laborer and motivation at least waitingThreshold get a follow-up placement at followUpSupport / 12
 * a month; a household that lost a job this month gets no placement in the same month.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { updateEmployment } from '../../src/model/employment.js';
import { advanceTo, buildWorld, households } from './fixtures.js';

describe('updateEmployment', () => {
  it('job loss: certain at jobLossRate 1, never at 0, one job at a time', () => {
    for (const [rate, after] of [[1, [0, 1, 0]], [0, [1, 2, 0]]] as const) {
      const w = buildWorld({
        params: { jobLossRate: rate, followUpSupport: 0 },
        villages: [{ households: [{ jobs: 1 }, { jobs: 2, laborers: 2 }, { jobs: 0 }] }],
      });
      advanceTo(w, 1);
      updateEmployment(w);
      expect(Array.from(w.hh.jobs)).toEqual(after);
    }
  });

  it('job loss follows the jobs stream draw (slot 0) at the default rate', () => {
    const n = 500;
    const w = buildWorld({ params: { jobLossRate: 0.01, followUpSupport: 0 }, villages: [{ households: households(n, () => ({ jobs: 1 })) }] });
    advanceTo(w, 4);
    updateEmployment(w);
    const key = w.streams.jobs.key;
    let lost = 0;
    for (let h = 0; h < n; h++) {
      const loses = uniformAt(key, h, 4, DRAW.jobs.loss) < 0.01;
      lost += loses ? 1 : 0;
      expect(w.hh.jobs[h]).toBe(loses ? 0 : 1);
    }
    expect(lost).toBeLessThan(20); // about 5
  });

  it('follow-up placement for relocated, motivated households with a free laborer, at followUpSupport / 12', () => {
    const n = 600;
    const w = buildWorld({
      params: { jobLossRate: 0, followUpSupport: 0.6 },
      villages: [{ households: households(n, () => ({ relocated: 1, laborers: 2, motivation: 0.5 })) }],
    });
    advanceTo(w, 5);
    updateEmployment(w);
    const key = w.streams.jobs.key;
    let placed = 0;
    for (let h = 0; h < n; h++) {
      const gets = uniformAt(key, h, 5, DRAW.jobs.followUp) < 0.6 / 12;
      placed += gets ? 1 : 0;
      expect(w.hh.jobs[h]).toBe(gets ? 1 : 0);
    }
    expect(placed).toBeGreaterThan(15); // about 30
    expect(placed).toBeLessThan(50);
    // Eligibility alone, with placement certain (followUpSupport 12 gives probability 1 a month):
    // not relocated, waiting for help, no free laborer, eligible.
    const w2 = buildWorld({
      params: { jobLossRate: 0, followUpSupport: 12 },
      villages: [{ households: [{ relocated: 0, laborers: 2 }, { relocated: 1, laborers: 2, waiting: 1 }, { relocated: 1, laborers: 1, jobs: 1 }, { relocated: 1, laborers: 2 }] }],
    });
    advanceTo(w2, 1);
    updateEmployment(w2);
    expect(Array.from(w2.hh.jobs)).toEqual([0, 0, 1, 1]);
  });

  it('a household that loses a job is not placed again in the same month', () => {
    const w = buildWorld({ params: { jobLossRate: 1, followUpSupport: 12 }, villages: [{ households: [{ relocated: 1, laborers: 2, jobs: 1 }] }] });
    advanceTo(w, 1);
    updateEmployment(w);
    expect(w.hh.jobs[0]).toBe(0);
    advanceTo(w, 2);
    updateEmployment(w); // no job to lose now: placed
    expect(w.hh.jobs[0]).toBe(1);
  });
});
