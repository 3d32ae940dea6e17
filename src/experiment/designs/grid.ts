import { assertIntegerInRange } from './guards.js';
import type { DesignRows } from './types.js';

/** Largest number of rows `gridDesign` will build (a guard against an accidental combinatorial blow-up). */
export const GRID_MAX_ROWS = 10_000_000;

/**
 * Unit value of level `j` out of `levels` equally spaced levels: j / (levels − 1), or 0.5 for one level.
 * @example gridLevelValue(1, 3) // 0.5
 */
export function gridLevelValue(j: number, levels: number): number {
  return levels === 1 ? 0.5 : j / (levels - 1);
}

/**
 * Full-factorial design on the unit hypercube.
 *
 * Dimension k takes `levelsPerDim[k]` equally spaced values {0, 1/(L−1), …, 1} (a single level is the
 * centre 0.5). Rows enumerate every combination in row-major order: the last dimension varies fastest.
 *
 * @param levelsPerDim number of levels per input, each an integer ≥ 1; one entry per input
 * @returns ∏ levelsPerDim rows of length levelsPerDim.length
 * @throws Error if `levelsPerDim` is empty; RangeError if a level count is not a positive integer or
 *   the grid would exceed {@link GRID_MAX_ROWS} rows
 * @example gridDesign([2, 3]) // [0,0] [0,0.5] [0,1] [1,0] [1,0.5] [1,1]
 */
export function gridDesign(levelsPerDim: readonly number[]): DesignRows {
  if (!Array.isArray(levelsPerDim) || levelsPerDim.length === 0) {
    throw new Error('gridDesign: levelsPerDim must list the number of levels of at least one input, got an empty list');
  }
  let total = 1;
  levelsPerDim.forEach((levels, k) => {
    assertIntegerInRange('gridDesign', `levelsPerDim[${k}]`, levels, 1);
    total *= levels;
  });
  if (total > GRID_MAX_ROWS) {
    throw new RangeError(`gridDesign: the grid would have ${total} rows, more than the limit of ${GRID_MAX_ROWS}`);
  }
  const d = levelsPerDim.length;
  const rows: DesignRows = new Array(total);
  const counter = new Array<number>(d).fill(0);
  for (let i = 0; i < total; i++) {
    const row = new Float64Array(d);
    for (let k = 0; k < d; k++) row[k] = gridLevelValue(counter[k], levelsPerDim[k]);
    rows[i] = row;
    // Odometer increment: last dimension fastest.
    for (let k = d - 1; k >= 0; k--) {
      counter[k]++;
      if (counter[k] < levelsPerDim[k]) break;
      counter[k] = 0;
    }
  }
  return rows;
}
