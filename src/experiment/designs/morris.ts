import { assertIntegerInRange, assertRng, drawUnit } from './guards.js';
import { randomPermutation } from './latinHypercube.js';
import { selectSpreadTrajectories } from './morrisSpread.js';
import type { DesignRows, Rng } from './types.js';

/** One move of a Morris trajectory: input `input` goes from row `from` to row `to` by sign·delta. */
export interface MorrisStep {
  /** Index of the input that moved (0-based). */
  readonly input: number;
  /** Row (in `MorrisDesign.rows`) before the move. */
  readonly from: number;
  /** Row after the move (always from + 1). */
  readonly to: number;
  /** Size of the move in unit space, Δ > 0. */
  readonly delta: number;
  /** Direction of the move: x_to[input] = x_from[input] + sign·delta. */
  readonly sign: 1 | -1;
}

/** One trajectory: d + 1 consecutive rows starting at `start`, each step moving one input once. */
export interface MorrisTrajectory {
  /** First row of the trajectory (t·(d+1) for trajectory t). */
  readonly start: number;
  /** d steps in the order they are taken; every input appears exactly once. */
  readonly steps: readonly MorrisStep[];
}

/** A Morris elementary-effects design. */
export interface MorrisDesign {
  /** r·(d+1) unit rows, trajectory by trajectory. */
  readonly rows: DesignRows;
  readonly trajectories: readonly MorrisTrajectory[];
  /** Number of inputs. */
  readonly d: number;
  /** Number of grid levels p per input. */
  readonly levels: number;
  /** Step size Δ = p / (2(p − 1)) in unit space. */
  readonly delta: number;
}

/**
 * Morris step size for p grid levels: Δ = p / (2(p − 1)) (Morris 1991), e.g. 2/3 for p = 4.
 * With p even every grid value x ≤ 1 − Δ has a partner x + Δ on the grid, so each level is equally likely.
 */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/** Options of {@link morrisDesign}. */
export interface MorrisDesignOptions {
  /**
   * Size M ≥ r of a candidate pool from which r well-spread trajectories are kept (Campolongo et al.
   * 2007, greedy selection, see `selectSpreadTrajectories`). Default r: no selection.
   */
  readonly candidates?: number;
}

/**
 * Morris one-at-a-time design (Morris 1991; Campolongo, Cariboni & Saltelli 2007).
 *
 * Each trajectory is built as in Morris's B* = (J x* + Δ/2 [(2B − J) D* + J]) P*:
 *   1. a base value per input, x*_i uniform on {0, 1/(p−1), …, 1 − Δ};
 *   2. a direction per input, +1 or −1 with probability ½ (−1 starts the input at x*_i + Δ);
 *   3. a random order of the inputs;
 *   then, from the start point, each input in that order moves once by ±Δ, giving d + 1 rows.
 * Draw order per trajectory: d level draws, d direction draws, then the permutation's d − 1 draws.
 * With `opts.candidates` = M > r, M trajectories are drawn and the r with the largest spread are kept
 * (in the order they were drawn).
 *
 * @param r number of trajectories, integer ≥ 1 (elementary effects per input)
 * @param d number of inputs, integer ≥ 1
 * @param levels number of grid levels p, an even integer ≥ 2 (4 is customary)
 * @param rng uniform source in [0, 1)
 * @param opts optional candidate-pool size for spread-maximising selection
 * @returns r·(d+1) rows on the grid {0, 1/(p−1), …, 1}^d, with one descriptor per trajectory
 * @throws RangeError on a bad r, d, levels (odd levels would put points off the grid) or candidates;
 *   TypeError if rng is missing
 */
export function morrisDesign(r: number, d: number, levels: number, rng: Rng, opts: MorrisDesignOptions = {}): MorrisDesign {
  assertIntegerInRange('morrisDesign', 'r', r, 1);
  assertIntegerInRange('morrisDesign', 'd', d, 1);
  assertIntegerInRange('morrisDesign', 'levels', levels, 2);
  if (levels % 2 !== 0) throw new RangeError(`morrisDesign: levels must be even, got ${levels}`);
  const pool = opts.candidates ?? r;
  assertIntegerInRange('morrisDesign', 'opts.candidates', pool, r);
  assertRng('morrisDesign', rng);
  const delta = morrisDelta(levels);
  // 1. Draw the candidate trajectories (each as if it started at row 0).
  const candidates = Array.from({ length: pool }, () => morrisTrajectory(d, levels, delta, rng));
  // 2. Keep r of them (all when there is no larger pool).
  const kept = pool > r ? selectSpreadTrajectories(candidates.map((c) => c.points), r) : candidates.map((_, i) => i);
  // 3. Lay the kept trajectories out one after another, shifting their row numbers.
  const rows: DesignRows = [];
  const trajectories: MorrisTrajectory[] = kept.map((index) => {
    const start = rows.length;
    const { points, steps } = candidates[index];
    rows.push(...points);
    return { start, steps: steps.map((s) => ({ ...s, from: s.from + start, to: s.to + start })) };
  });
  return { rows, trajectories, d, levels, delta };
}

/** Builds one trajectory, numbering its rows from 0 (see `morrisDesign` for the construction). */
function morrisTrajectory(d: number, levels: number, delta: number, rng: Rng): { points: DesignRows; steps: MorrisStep[] } {
  const baseLevels = levels / 2; // x* ∈ {0, …, (p/2 − 1)/(p − 1)} keeps x* + Δ ≤ 1
  const low = new Float64Array(d);
  for (let i = 0; i < d; i++) low[i] = Math.floor(drawUnit('morrisDesign', rng) * baseLevels) / (levels - 1);
  const signs: Array<1 | -1> = [];
  for (let i = 0; i < d; i++) signs.push(drawUnit('morrisDesign', rng) < 0.5 ? 1 : -1);
  const order = randomPermutation(d, rng);

  const first = new Float64Array(d);
  for (let i = 0; i < d; i++) first[i] = signs[i] === 1 ? low[i] : low[i] + delta;
  const points: DesignRows = [first];
  const steps: MorrisStep[] = [];
  for (let k = 0; k < d; k++) {
    const input = order[k];
    const next = Float64Array.from(points[k]);
    // Set the moved input to its partner value exactly (low or low + Δ) rather than accumulating ±Δ.
    next[input] = signs[input] === 1 ? low[input] + delta : low[input];
    points.push(next);
    steps.push({ input, from: k, to: k + 1, delta, sign: signs[input] });
  }
  return { points, steps };
}
