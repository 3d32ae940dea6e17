import { assertIntegerInRange, assertRng, drawUnit } from './guards.js';
import type { DesignRows, Rng } from './types.js';

/**
 * Uniform random permutation of 0..n−1 (Fisher–Yates, drawing from the end of the array).
 * @throws RangeError if rng returns a value outside [0, 1)
 */
export function randomPermutation(n: number, rng: Rng): Uint32Array {
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(drawUnit('randomPermutation', rng) * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}

/**
 * Latin hypercube sample (McKay, Beckman & Conover 1979).
 *
 * Each axis is cut into n equal strata [s/n, (s+1)/n); every column has exactly one point in each
 * stratum. Column k uses its own random permutation of the strata, and each point is placed uniformly
 * within its stratum: x[i][k] = (perm_k[i] + u) / n.
 *
 * Draw order: for each column k, the n−1 permutation draws, then the n jitter draws.
 *
 * @param n number of rows (and strata per axis), integer ≥ 1
 * @param d number of inputs, integer ≥ 1
 * @param rng uniform source in [0, 1)
 * @throws RangeError on a bad n or d or rng value; TypeError if rng is missing
 */
export function latinHypercube(n: number, d: number, rng: Rng): DesignRows {
  assertIntegerInRange('latinHypercube', 'n', n, 1);
  assertIntegerInRange('latinHypercube', 'd', d, 1);
  assertRng('latinHypercube', rng);
  const rows: DesignRows = Array.from({ length: n }, () => new Float64Array(d));
  for (let k = 0; k < d; k++) {
    const perm = randomPermutation(n, rng);
    for (let i = 0; i < n; i++) {
      // Clamp guards the (s + u) / n rounding up to the next stratum when u is within 1 ulp of 1.
      const x = (perm[i] + drawUnit('latinHypercube', rng)) / n;
      rows[i][k] = Math.min(x, (perm[i] + 1) / n - Number.EPSILON * 0.5);
    }
  }
  return rows;
}
