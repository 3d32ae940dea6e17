/**
 * Estimators of Sobol variance shares from Saltelli-design outputs.
 *
 * Each takes `rows`, the base-sample indices to use (0..n−1 for the point estimate, a bootstrap
 * resample otherwise), so that the same code gives the estimate and its bootstrap replicates.
 */

/**
 * Output variance V[Y] estimated from f(A) and f(B) together: the population variance (divisor 2m) of
 * the 2m values f(A)_j, f(B)_j for j in `rows` (m = rows.length), in output units squared.
 * Two-pass on values shifted by the first f(A) value, so a constant output gives exactly 0.
 */
export function outputVariance(yA: Float64Array, yB: Float64Array, rows: ArrayLike<number>): number {
  const m = rows.length;
  const shift = yA[rows[0]];
  let sum = 0;
  for (let k = 0; k < m; k++) sum += yA[rows[k]] - shift + (yB[rows[k]] - shift);
  const mean = sum / (2 * m);
  let ss = 0;
  for (let k = 0; k < m; k++) {
    const a = yA[rows[k]] - shift - mean;
    const b = yB[rows[k]] - shift - mean;
    ss += a * a + b * b;
  }
  return ss / (2 * m);
}

/**
 * First-order index of input i by Saltelli et al. (2010, Table 2 (b)):
 *   S_i = (1/m) Σ_j f(B)_j · (f(AB_i)_j − f(A)_j) / V[Y],
 * where AB_i is A with column i taken from B. Dimensionless; unbiased numerator, small-sample values can
 * fall slightly outside [0, 1].
 * @param variance V[Y] (> 0), e.g. from {@link outputVariance} on the same rows
 */
export function firstOrderSaltelli2010(yA: Float64Array, yB: Float64Array, yABi: Float64Array, variance: number, rows: ArrayLike<number>): number {
  const m = rows.length;
  let s = 0;
  for (let k = 0; k < m; k++) {
    const j = rows[k];
    s += yB[j] * (yABi[j] - yA[j]);
  }
  return s / m / variance;
}

/**
 * Total-order index of input i by Jansen (1999) (Saltelli et al. 2010, Table 2 (f)):
 *   S_Ti = (1/(2m)) Σ_j (f(A)_j − f(AB_i)_j)² / V[Y].
 * Dimensionless and ≥ 0.
 * @param variance V[Y] (> 0), e.g. from {@link outputVariance} on the same rows
 */
export function totalOrderJansen1999(yA: Float64Array, yABi: Float64Array, variance: number, rows: ArrayLike<number>): number {
  const m = rows.length;
  let s = 0;
  for (let k = 0; k < m; k++) {
    const j = rows[k];
    const diff = yA[j] - yABi[j];
    s += diff * diff;
  }
  return s / (2 * m) / variance;
}
