import { assertIntegerInRange } from './guards.js';
import { SOBOL_BITS, SOBOL_MAX_DIM, sobolDirectionNumbers } from './sobolDirections.js';
import type { DesignRows } from './types.js';

const TWO_POW_32 = 2 ** SOBOL_BITS;

/** Index (0-based) of the lowest zero bit of a non-negative integer i < 2^32: 0 for even i, 1 for i = 1, … */
export function lowestZeroBit(i: number): number {
  let c = 0;
  while (Math.floor(i / 2 ** c) % 2 === 1) c++;
  return c;
}

/**
 * Sobol low-discrepancy sequence (Sobol 1967) with Joe–Kuo direction numbers (new-joe-kuo-6.21201),
 * unscrambled, 32-bit, generated with the Gray-code construction of Antonov & Saleev (1979):
 *   X_0 = 0,  X_{i+1} = X_i ⊕ V_{c(i)},  where c(i) is the index of the lowest zero bit of i,
 * and point i is X_i / 2^32. Point i is therefore the Sobol point of Gray code i ⊕ (i >> 1).
 *
 * The sequence index starts at 0, whose point is the origin. `skip` drops the first `skip` points; the
 * default 1 drops only the origin (a corner that e.g. maps to log(min) exactly), so that with the
 * default the first coordinates are 0.5, 0.75, 0.25, 0.375, … in dimension 1 and 0.5, 0.25, 0.75, … in
 * dimension 2. Balance properties are best when n is a power of two (and skip is 0 or a multiple of n).
 *
 * @param n number of points, integer ≥ 1
 * @param d dimension, integer in [1, SOBOL_MAX_DIM] (101)
 * @param skip number of leading points to drop, integer ≥ 0, default 1
 * @returns n rows of length d, each coordinate a multiple of 2^−32 in [0, 1)
 * @throws RangeError on a bad n, d or skip, or if skip + n exceeds 2^32
 */
export function sobolSequence(n: number, d: number, skip = 1): DesignRows {
  assertIntegerInRange('sobolSequence', 'n', n, 1);
  assertIntegerInRange('sobolSequence', 'd', d, 1, SOBOL_MAX_DIM);
  assertIntegerInRange('sobolSequence', 'skip', skip, 0);
  if (skip + n > TWO_POW_32) {
    throw new RangeError(`sobolSequence: skip + n must be at most 2^32, got ${skip + n}`);
  }
  const v = Array.from({ length: d }, (_, k) => sobolDirectionNumbers(k));
  // 1. Jump to index `skip`: X_skip is the XOR of V_b over the set bits b of its Gray code.
  const x = new Uint32Array(d);
  const gray = grayCode(skip);
  for (let b = 0; b < SOBOL_BITS; b++) {
    if (Math.floor(gray / 2 ** b) % 2 === 1) {
      for (let k = 0; k < d; k++) x[k] ^= v[k][b];
    }
  }
  // 2. Emit points, stepping with one XOR per coordinate.
  const rows: DesignRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(d);
    for (let k = 0; k < d; k++) row[k] = x[k] / TWO_POW_32;
    rows[i] = row;
    if (i + 1 < n) {
      const c = lowestZeroBit(skip + i);
      for (let k = 0; k < d; k++) x[k] ^= v[k][c];
    }
  }
  return rows;
}

/** Binary-reflected Gray code of a non-negative integer i < 2^32: i ⊕ ⌊i / 2⌋ (as an unsigned number). */
export function grayCode(i: number): number {
  return (i ^ Math.floor(i / 2)) >>> 0;
}
