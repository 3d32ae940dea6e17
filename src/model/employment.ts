/**
 * Household choice: work. Placed laborers lose jobs at jobLossRate; relocated households get follow-up
 * job placements at the resettlement site (followUpSupport), unless they are waiting for help.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { registryIndex } from './household-index.js';
import type { World } from './world.js';

export function updateEmployment(w: World): void {
  const hh = w.hh;
  const p = w.p;
  const key = w.streams.jobs.key;
  const t = w.step;
  const followUp = p.followUpSupport / 12;
  const { jobs, relocated, laborers, waiting, gone } = hh;
  const lossRate = p.jobLossRate;
  // Only a household with a job or resettled has anything to decide; the index holds every such one.
  const { ids, count } = registryIndex(w);
  for (let i = 0; i < count; i++) {
    const h = ids[i];
    if (gone[h] === 1) continue;
    if (jobs[h] > 0 && uniformAt(key, h, t, DRAW.jobs.loss) < lossRate) jobs[h]--;
    else if (relocated[h] === 1 && jobs[h] < laborers[h] && waiting[h] === 0 && uniformAt(key, h, t, DRAW.jobs.followUp) < followUp) jobs[h]++;
  }
}
