/**
 * Household choice: joining and leaving the village industry. Members leave when their
 * village loses coverage or their motivation drops; households not currently registered (never
 * registered, or exited) join on their own now and then, competing with the poor for capacity.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { Registry, type World } from './world.js';

export function updateIndustryParticipation(w: World): void {
  const p = w.p;
  const key = w.streams.industryJoin.key;
  const t = w.step;
  const leaveBelow = p.joinThreshold - p.leaveMargin;
  const { industryMember, motivation, registry, laborers, gone } = w.hh;
  const { covered, members, capacity, industryType, hhStart, hhEnd } = w.villages;
  const typeMembers = w.industries.members;
  const joinThreshold = p.joinThreshold;
  const joinRate = p.spontaneousJoinRate;
  for (let v = 0; v < w.nVillages; v++) {
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
          typeMembers[k]--;
        }
        continue;
      }
      if (
        isCovered &&
        registry[h] !== Registry.Registered &&
        laborers[h] > 0 &&
        motivation[h] >= joinThreshold &&
        villageMembers < cap &&
        uniformAt(key, h, t, DRAW.industryJoin.join) < joinRate
      ) {
        industryMember[h] = 1;
        villageMembers++;
        typeMembers[k]++;
      }
    }
    members[v] = villageMembers;
  }
}
