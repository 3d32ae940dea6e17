/**
 * Urbanization (December): households settle in towns and leave the rural population, which shrinks by
 * `urbanizationRate` a year (the paper's own figures imply 37.57 million in 2013 and 36.94 million in
 * 2017). Leavers are drawn among households that are not registered and have a laborer (migrant
 * families settling where they work); a leaver releases its industry place. The incidence denominator
 * follows the shrinking population.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { Registry, type World } from './world.js';

/** True when household h may leave: in the rural population, not registered, not resettled, with a laborer. */
function mayLeave(w: World, h: number): boolean {
  const hh = w.hh;
  return hh.gone[h] === 0 && hh.registry[h] !== Registry.Registered && hh.relocated[h] === 0 && hh.laborers[h] > 0;
}

/**
 * The yearly chance that an eligible household leaves, fixed from the initial population (rate ×
 * persons / eligible persons), so that a policy in one village never changes who leaves elsewhere.
 */
export function leaveProbability(w: World): number {
  const hh = w.hh;
  let rural = 0;
  let eligible = 0;
  for (let h = 0; h < w.nHouseholds; h++) {
    rural += hh.size[h];
    if (mayLeave(w, h)) eligible += hh.size[h];
  }
  return eligible > 0 ? Math.min(1, (w.p.urbanizationRate * rural) / eligible) : 0;
}

/** December: the year's leavers among every household at once (for tests; the year end runs {@link urbanizeRange} by blocks). */
export function urbanize(w: World): void {
  if (departures.length < w.nIndustries) departures = new Float64Array(w.nIndustries);
  departures.fill(0);
  urbanizeRange(w, 0, w.nHouseholds, departures);
  for (let k = 0; k < w.nIndustries; k++) w.industries.members[k] -= departures[k];
}

// Members leaving each industry, for urbanize (no allocation per step).
let departures = new Float64Array(0);

/**
 * The year's leavers among households first … end − 1. A leaver releases its village's industry place
 * here and counts in departures[k] for its industry k, which the caller takes off the industry's
 * members: a block (year-end.ts) changes only its own villages, and the counts are whole numbers.
 */
export function urbanizeRange(w: World, first: number, end: number, departures: Float64Array): void {
  const hh = w.hh;
  const q = w.leaveProbability * (w.p.urbanizationRate / w.initialUrbanizationRate || 0);
  const key = w.streams.urbanization.key;
  // Read here, not in the rare branch below: a read V8 has never seen run has no type feedback, and
  // the optimized year-end pass was thrown away when the first member left.
  const { village } = hh;
  const { members, industryType } = w.villages;
  for (let h = first; h < end; h++) {
    if (!mayLeave(w, h) || uniformAt(key, h, w.step, DRAW.urbanization.leave) >= q) continue;
    hh.gone[h] = 1;
    if (hh.industryMember[h] !== 0) {
      const v = village[h];
      members[v]--;
      departures[industryType[v]]++;
      hh.industryMember[h] = 0;
    }
    hh.jobs[h] = 0;
    hh.ecoPost[h] = 0;
    hh.onDibao[h] = 0;
  }
}
