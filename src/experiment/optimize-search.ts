/**
 * The search of `povsim optimize`: a lattice screen, a replicate race and a pattern search on the
 * simplex of budget shares, for a noisy, bounded, low-dimensional black box (the model). No npm
 * optimizer fits (fmin and optimization-js are unconstrained, serial and assume a noise-free
 * objective), so this is a small documented algorithm:
 *
 *   1. screen   every split of the budget on a coarse lattice (shares in steps of 1/grid, corners
 *               included: each suggestion alone), `screenReplicates` observations each
 *   2. race     the best `raceSize` of the screen get `raceReplicates` observations; the best of
 *               them is the incumbent
 *   3. refine   pattern search: move `step` of the budget from one part to another (every ordered
 *               pair), poll all such neighbours at `raceReplicates`; move to the best neighbour when
 *               it beats the incumbent, else halve the step; `refinements` halvings in all
 *
 * Points are integer vectors (units of 1/(grid · 2^refinements) of the budget), so every point
 * the search can visit has an exact key for the journal. The search draws no random numbers: for a
 * given objective it is deterministic; ties go to the earlier point in lattice order. Observations
 * of a point are nested (observation r is the same whenever it is asked for), so raising a point's
 * replicates reuses what it had: with common random numbers the comparisons stay paired.
 */

/** A split of the budget: integer units per part, summing to {@link SearchSettings} `units`. */
export type SplitPoint = readonly number[];

/** What the search asks of the objective. Higher scores are better. */
export interface NoisyObjective {
  /** Makes sure every point has at least `replicates` observations (the missing ones in one batch). */
  ensure(points: readonly SplitPoint[], replicates: number): Promise<void>;
  /** The score of a point from its first `replicates` observations (only after `ensure`). */
  score(point: SplitPoint, replicates: number): number;
}

export interface SearchSettings {
  /** Number of parts of the split (the suggestions, plus one for "unspent" when the total is free). */
  parts: number;
  /** Coarse lattice: shares in steps of 1/grid (2..12). */
  grid: number;
  /** Halvings of the step in the pattern search (0 = no refinement). */
  refinements: number;
  screenReplicates: number;
  raceReplicates: number;
  /** How many of the screen's best points race (at least 1). */
  raceSize: number;
  /** Most new points the pattern search observes (a cap on its cost; points seen before are free). */
  maxPolls: number;
}

/** Units of the whole budget for these settings. */
export function searchUnits(s: Pick<SearchSettings, 'grid' | 'refinements'>): number {
  return s.grid * 2 ** s.refinements;
}

/** A stable text key of a point (`3-0-1-0`). */
export function pointKey(p: SplitPoint): string {
  return p.join('-');
}

/**
 * Every split of `units` into `parts` whole parts whose units are multiples of `step`, in
 * lexicographic order of the parts, largest first (so the first point gives everything to part 0).
 * @throws RangeError when step does not divide units or parts < 1
 */
export function latticePoints(parts: number, units: number, step: number): number[][] {
  if (!(Number.isInteger(parts) && parts >= 1)) throw new RangeError(`latticePoints: parts must be a whole number ≥ 1, got ${parts}`);
  if (!(step > 0 && units % step === 0)) throw new RangeError(`latticePoints: step ${step} must divide ${units}`);
  const out: number[][] = [];
  const walk = (prefix: number[], left: number): void => {
    if (prefix.length === parts - 1) {
      out.push([...prefix, left]);
      return;
    }
    for (let v = left; v >= 0; v -= step) walk([...prefix, v], left - v);
  };
  walk([], units);
  return out;
}

/** Neighbours of a point: `step` units moved from part i to part j, for every ordered pair (i ≠ j) with enough in part i. */
export function neighbours(p: SplitPoint, step: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] < step) continue;
    for (let j = 0; j < p.length; j++) {
      if (j === i) continue;
      const q = [...p];
      q[i] -= step;
      q[j] += step;
      out.push(q);
    }
  }
  return out;
}

/** One step of the search, for the journal's reader and the report. */
export interface SearchStep {
  stage: 'screen' | 'race' | 'refine';
  /** Step of the pattern search in units (0 outside refine). */
  step: number;
  incumbent: number[];
  score: number;
}

export interface SearchResult {
  best: number[];
  bestScore: number;
  units: number;
  /** Every point the search scored, with the replicates it reached. */
  visited: { point: number[]; replicates: number }[];
  steps: SearchStep[];
  /** New points observed by the pattern search. */
  polls: number;
}

/** Checks settings; throws RangeError naming the setting. */
export function checkSearchSettings(s: SearchSettings): void {
  const whole = (v: number, min: number, max: number, name: string): void => {
    if (!(Number.isInteger(v) && v >= min && v <= max)) throw new RangeError(`search: ${name} must be a whole number from ${min} to ${max}, got ${v}`);
  };
  whole(s.parts, 2, 8, 'parts');
  whole(s.grid, 1, 12, 'grid');
  whole(s.refinements, 0, 6, 'refinements');
  whole(s.screenReplicates, 1, 1000, 'screenReplicates');
  whole(s.raceReplicates, s.screenReplicates, 1000, 'raceReplicates');
  whole(s.raceSize, 1, 10_000, 'raceSize');
  whole(s.maxPolls, 0, 100_000, 'maxPolls');
}

/** Runs the search (see the file comment). */
export async function searchSplits(s: SearchSettings, f: NoisyObjective): Promise<SearchResult> {
  checkSearchSettings(s);
  const units = searchUnits(s);
  const reached = new Map<string, { point: number[]; replicates: number }>();
  const ensure = async (points: readonly number[][], n: number): Promise<void> => {
    await f.ensure(points, n);
    for (const p of points) {
      const k = pointKey(p);
      const r = reached.get(k);
      if (!r) reached.set(k, { point: [...p], replicates: n });
      else r.replicates = Math.max(r.replicates, n);
    }
  };
  const steps: SearchStep[] = [];
  // 1. screen (order kept for ties: a stable sort by score)
  const lattice = latticePoints(s.parts, units, units / s.grid);
  await ensure(lattice, s.screenReplicates);
  const ranked = lattice.map((p, i) => ({ p, i, v: f.score(p, s.screenReplicates) })).sort((a, b) => b.v - a.v || a.i - b.i);
  steps.push({ stage: 'screen', step: 0, incumbent: ranked[0].p, score: ranked[0].v });
  // 2. race
  const racers = ranked.slice(0, s.raceSize).map((r) => r.p);
  const n = s.raceReplicates;
  await ensure(racers, n);
  let best = racers[0];
  let bestScore = f.score(best, n);
  for (const p of racers.slice(1)) {
    const v = f.score(p, n);
    if (v > bestScore) {
      best = p;
      bestScore = v;
    }
  }
  steps.push({ stage: 'race', step: 0, incumbent: best, score: bestScore });
  // 3. refine: poll, move or halve
  let polls = 0;
  let step = units / s.grid / 2;
  for (let level = 1; level <= s.refinements && polls < s.maxPolls; ) {
    // points already observed at n cost nothing; only new ones count against maxPolls
    let room = s.maxPolls - polls;
    const poll = neighbours(best, step).filter((p) => ((reached.get(pointKey(p))?.replicates ?? 0) >= n ? true : room-- > 0));
    polls = s.maxPolls - Math.max(0, room);
    await ensure(poll, n);
    let moved = false;
    for (const p of poll) {
      const v = f.score(p, n);
      if (v > bestScore) {
        best = p;
        bestScore = v;
        moved = true;
      }
    }
    steps.push({ stage: 'refine', step, incumbent: best, score: bestScore });
    if (!moved) {
      level++;
      step /= 2;
    }
  }
  return { best: [...best], bestScore, units, visited: [...reached.values()], steps, polls };
}
