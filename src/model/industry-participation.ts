/**
 * Household choice: joining and leaving the village industry. Members leave when their
 * village loses coverage or their motivation drops; households not currently registered (never
 * registered, or exited) join on their own now and then, competing with the poor for capacity.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { Registry, type World } from './world.js';

export function updateIndustryParticipation(w: World): void {
  // Block by block (household-blocks.ts); each block counts its joins and leaves per industry in its row.
  runBlocks(w, PARTICIPATION_BLOCKS);
  const typeMembers = w.industries.members;
  for (let k = 0; k < w.nIndustries; k++) typeMembers[k] += blockSum(w, k);
}

/** Joining and leaving in the villages of one block; slot k of its row: the change in industry k's members. */
export const PARTICIPATION_BLOCKS: BlockKernel = {
  name: 'participation',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const p = w.p;
    const key = w.streams.industryJoin.key;
    const t = w.step;
    const leaveBelow = p.joinThreshold - p.leaveMargin;
    const { industryMember, motivation, registry, laborers, gone } = w.hh;
    const { covered, members, capacity, industryType, hhStart, hhEnd } = w.villages;
    const joinThreshold = p.joinThreshold;
    const joinRate = p.spontaneousJoinRate;
    const vEnd = w.blocks.villageStart[b + 1];
    for (let v = w.blocks.villageStart[b]; v < vEnd; v++) {
      // A village without an industry and without members has nothing to decide.
      if (covered[v] === 0 && members[v] === 0) continue;
      // Coverage does not change in this pass: read once per village.
      const isCovered = covered[v] === 1;
      const uncovered = covered[v] === 0;
      // So do capacity and the village's industry; its membership is counted in a local, stored after.
      const cap = capacity[v];
      const k = industryType[v];
      let villageMembers = members[v];
      for (let h = hhStart[v]; h < hhEnd[v]; h++) {
        if (gone[h] === 1) continue;
        const member = industryMember[h];
        if (member !== 0) {
          if (uncovered || (member === 1 && motivation[h] < leaveBelow)) {
            industryMember[h] = 0;
            villageMembers--;
            row[k]--;
          }
          continue;
        }
        // The draw before the household's own conditions: it is almost always above the rate, which the
        // processor predicts, where motivation against the threshold splits households at random.
        // The conjunction is the same in any order (the draw is keyed, not consumed).
        if (
          isCovered &&
          registry[h] !== Registry.Registered &&
          uniformAt(key, h, t, DRAW.industryJoin.join) < joinRate &&
          laborers[h] > 0 &&
          motivation[h] >= joinThreshold &&
          villageMembers < cap
        ) {
          industryMember[h] = 1;
          villageMembers++;
          row[k]++;
        }
      }
      members[v] = villageMembers;
    }
  },
};
