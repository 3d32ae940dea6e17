/**
 * Household choice: work. Placed laborers lose jobs at jobLossRate; relocated households get follow-up
 * job placements at the resettlement site (followUpSupport), unless they are waiting for help.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { runBlocks, type BlockKernel } from './household-blocks.js';
import { plainPasses, registryIndex, setIndexStarts } from './household-index.js';
import type { World } from './world.js';

export function updateEmployment(w: World): void {
  // Only a household with a job or resettled has anything to decide; the index holds every such one.
  const { ids, count } = registryIndex(w);
  if (w.blocks.tiled && !plainPasses(w)) {
    // Block by block, threads sharing them: a household's jobs are its own affair.
    setIndexStarts(w, ids, count);
    runBlocks(w, EMPLOYMENT_BLOCKS);
  } else updateJobs(w, ids, 0, count);
}

/** One block's households of the index. */
export const EMPLOYMENT_BLOCKS: BlockKernel = {
  name: 'employment',
  run(w: World, b: number): void {
    updateJobs(w, w.blocks.indexIds, w.blocks.indexStarts[b], w.blocks.indexStarts[b + 1]);
  },
};

/** Job losses and follow-up placements of households ids[from] … ids[to − 1]. */
function updateJobs(w: World, ids: Int32Array, from: number, to: number): void {
  const hh = w.hh;
  const p = w.p;
  const key = w.streams.jobs.key;
  const t = w.step;
  const followUp = p.followUpSupport / 12;
  const { jobs, relocated, laborers, waiting, gone } = hh;
  const lossRate = p.jobLossRate;
  for (let i = from; i < to; i++) {
    const h = ids[i];
    if (gone[h] === 1) continue;
    if (jobs[h] > 0 && uniformAt(key, h, t, DRAW.jobs.loss) < lossRate) jobs[h]--;
    else if (relocated[h] === 1 && jobs[h] < laborers[h] && waiting[h] === 0 && uniformAt(key, h, t, DRAW.jobs.followUp) < followUp) jobs[h]++;
  }
}
