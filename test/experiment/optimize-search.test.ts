/**
 * The simplex search of `povsim optimize` on hand-built objectives with known optima: a smooth
 * concave one, one whose optimum is a corner, and a noisy one whose noise is partly common to all
 * points (as common random numbers make it) and partly independent.
 */
import { describe, expect, it } from 'vitest';
import { latticePoints, neighbours, pointKey, searchSplits, searchUnits, type NoisyObjective, type SearchSettings, type SplitPoint } from '../../src/experiment/optimize-search.js';

const SETTINGS: SearchSettings = { parts: 4, grid: 3, refinements: 3, screenReplicates: 1, raceReplicates: 3, raceSize: 4, maxPolls: 200 };

/** A deterministic objective from a score function of shares and replicate; counts observations. */
function objective(f: (shares: number[], r: number) => number, units: number): NoisyObjective & { observed: Set<string> } {
  const observed = new Set<string>();
  return {
    observed,
    async ensure(points: readonly SplitPoint[], n: number) {
      for (const p of points) for (let r = 0; r < n; r++) observed.add(`${pointKey(p)}|${r}`);
    },
    score(p: SplitPoint, n: number) {
      let s = 0;
      for (let r = 0; r < n; r++) {
        if (!observed.has(`${pointKey(p)}|${r}`)) throw new Error(`scored before observed: ${pointKey(p)} replicate ${r}`);
        s += f(p.map((u) => u / units), r);
      }
      return s / n;
    },
  };
}

/** Hash noise in [−0.5, 0.5) from integers. */
const hashNoise = (a: number, b: number): number => ((((a * 2654435761) ^ (b * 40503 + 12345)) >>> 0) % 10007) / 10007 - 0.5;

describe('lattice and neighbours', () => {
  it('lists every split of the units into parts, largest first part first', () => {
    const l = latticePoints(3, 4, 2);
    expect(l).toEqual([[4, 0, 0], [2, 2, 0], [2, 0, 2], [0, 4, 0], [0, 2, 2], [0, 0, 4]]);
    expect(latticePoints(4, 24, 8)).toHaveLength(20); // C(3 + 3, 3)
    for (const p of latticePoints(4, 24, 8)) expect(p.reduce((a, b) => a + b, 0)).toBe(24);
  });
  it('moves a step between every ordered pair of parts that can give it', () => {
    expect(neighbours([2, 0, 1], 1)).toEqual([[1, 1, 1], [1, 0, 2], [3, 0, 0], [2, 1, 0]]);
    expect(() => latticePoints(3, 5, 2)).toThrow(/must divide/);
  });
});

describe('searchSplits', () => {
  const units = searchUnits(SETTINGS);
  it('finds the optimum of a concave objective between lattice points', async () => {
    const target = [0.1, 0.45, 0.3, 0.15];
    const f = objective((x) => -x.reduce((a, v, i) => a + (v - target[i]) ** 2, 0), units);
    const res = await searchSplits(SETTINGS, f);
    const shares = res.best.map((u) => u / units);
    shares.forEach((s, i) => expect(Math.abs(s - target[i])).toBeLessThanOrEqual(1 / 24 + 1e-12));
    expect(res.steps[0].stage).toBe('screen');
    expect(res.steps.some((s) => s.stage === 'refine')).toBe(true);
  });

  it('finds a corner optimum (one suggestion alone)', async () => {
    const f = objective((x) => 3 * x[2] + x[0] - x[1], units);
    const res = await searchSplits(SETTINGS, f);
    expect(res.best).toEqual([0, 0, units, 0]);
  });

  it('finds the optimum of a noisy objective within tolerance, and is deterministic', async () => {
    const target = [0.5, 0.2, 0.05, 0.25];
    // common noise per replicate (the same for every point: common random numbers) plus small independent noise
    const noisy = (x: number[], r: number): number =>
      -x.reduce((a, v, i) => a + (v - target[i]) ** 2, 0) + 0.5 * hashNoise(r, 7) + 0.004 * hashNoise(r, Math.round(x[0] * 1000) * 31 + Math.round(x[1] * 1000) * 7 + Math.round(x[2] * 1000));
    const a = await searchSplits(SETTINGS, objective(noisy, units));
    const b = await searchSplits(SETTINGS, objective(noisy, units));
    expect(b).toEqual(a);
    a.best.forEach((u, i) => expect(Math.abs(u / units - target[i])).toBeLessThanOrEqual(0.1));
  });

  it('observes at most maxPolls new points while refining, and scores the race at its replicates', async () => {
    const f = objective((x) => -((x[0] - 0.33) ** 2) - (x[1] - 0.33) ** 2, units);
    const res = await searchSplits({ ...SETTINGS, maxPolls: 5 }, f);
    expect(res.polls).toBeLessThanOrEqual(5);
    const raced = res.visited.filter((v) => v.replicates >= 3);
    expect(raced.length).toBeGreaterThanOrEqual(4);
    expect(res.visited.length).toBeLessThanOrEqual(20 + 5);
  });

  it('rejects bad settings naming the setting', async () => {
    const f = objective(() => 0, units);
    await expect(searchSplits({ ...SETTINGS, raceReplicates: 0 }, f)).rejects.toThrow(/raceReplicates/);
    await expect(searchSplits({ ...SETTINGS, grid: 0 }, f)).rejects.toThrow(/grid/);
  });
});
