import { assertIntegerInRange, assertRng, drawUnit } from './guards.js';
import type { DesignRows, Rng } from './types.js';

/**
 * Simple random (Monte Carlo) design: n points drawn independently and uniformly in [0, 1)^d.
 * Draws are taken row by row (row 0 inputs 0..d−1, then row 1, …), so a seeded `rng` gives the same design.
 *
 * @param n number of rows, integer ≥ 1
 * @param d number of inputs, integer ≥ 1
 * @param rng uniform source in [0, 1)
 * @throws RangeError on a bad n or d, or if rng returns a value outside [0, 1); TypeError if rng is missing
 */
export function randomDesign(n: number, d: number, rng: Rng): DesignRows {
  assertIntegerInRange('randomDesign', 'n', n, 1);
  assertIntegerInRange('randomDesign', 'd', d, 1);
  assertRng('randomDesign', rng);
  const rows: DesignRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(d);
    for (let k = 0; k < d; k++) row[k] = drawUnit('randomDesign', rng);
    rows[i] = row;
  }
  return rows;
}
