import type { DesignRows } from './types.js';

/**
 * L2-star discrepancy of a point set in [0, 1]^d (Warnock 1972's closed form):
 *   D*_2² = 3^−d − (2^{1−d}/n) Σ_i Π_k (1 − x_ik²) + (1/n²) Σ_i Σ_j Π_k (1 − max(x_ik, x_jk)).
 * It is the root-mean-square, over anchored boxes [0, t), of the gap between the fraction of points
 * in the box and its volume; lower means more uniform. O(n²·d) time.
 *
 * @param rows n ≥ 1 points of equal dimension d ≥ 1
 * @returns D*_2 (dimensionless, ≥ 0)
 * @throws RangeError on an empty design or rows of unequal length
 */
export function l2StarDiscrepancy(rows: DesignRows): number {
  const n = rows.length;
  if (n === 0) throw new RangeError('l2StarDiscrepancy: the design has no rows');
  const d = rows[0].length;
  if (d === 0 || rows.some((r) => r.length !== d)) {
    throw new RangeError('l2StarDiscrepancy: all rows must have the same dimension d ≥ 1');
  }
  let single = 0;
  for (const x of rows) {
    let p = 1;
    for (let k = 0; k < d; k++) p *= 1 - x[k] * x[k];
    single += p;
  }
  let pair = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let p = 1;
      for (let k = 0; k < d; k++) p *= 1 - Math.max(rows[i][k], rows[j][k]);
      pair += p;
    }
  }
  const sq = 3 ** -d - (2 ** (1 - d) / n) * single + pair / (n * n);
  return Math.sqrt(Math.max(sq, 0));
}
