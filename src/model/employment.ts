/**
 * Household choice: work (phase 6). Placed laborers lose jobs at jobLossRate; relocated households get
 * follow-up job placements at the resettlement site (followUpSupport), if motivated enough to take them.
 */
import { uniformAt } from '../engine/random.js';
import type { World } from './world.js';

export function updateEmployment(w: World): void {
  const hh = w.hh;
  const p = w.p;
  const key = w.streams.jobs.key;
  const t = w.step;
  const followUp = p.followUpSupport / 12;
  const { jobs, relocated, laborers, motivation } = hh;
  const lossRate = p.jobLossRate;
  const waiting = p.waitingThreshold;
  for (let h = 0; h < w.nHouseholds; h++) {
    if (jobs[h] > 0 && uniformAt(key, h, t) < lossRate) jobs[h]--;
    else if (relocated[h] === 1 && jobs[h] < laborers[h] && motivation[h] >= waiting && uniformAt(key, h, t, 1) < followUp) jobs[h]++;
  }
}
