import type { Rng } from '../designs/types.js';

/** A two-sided confidence interval, in the units of the statistic it bounds. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** The indices 0, 1, …, n − 1: the "resample" that reproduces the original sample. */
export function identityIndices(n: number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/**
 * One bootstrap resample: n indices drawn uniformly with replacement from 0..n−1 (n draws from rng).
 * @throws RangeError if rng returns a value outside [0, 1)
 */
export function bootstrapIndices(n: number, rng: Rng): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng();
    if (!(u >= 0 && u < 1)) throw new RangeError(`bootstrapIndices: rng must return numbers in [0, 1), got ${u}`);
    idx[i] = Math.floor(u * n);
  }
  return idx;
}

/**
 * Quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7,
 * the default of R and NumPy): position h = (m − 1)·p, value x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
 * @param sorted ascending values, at least one
 * @param p probability in [0, 1]
 */
export function quantileSortedType7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Throws a RangeError naming `fn` unless 0 < confidence < 1. */
export function assertConfidence(fn: string, confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
}

/**
 * Percentile bootstrap interval (Efron): the (1 − c)/2 and (1 + c)/2 quantiles (type 7) of the
 * bootstrap replicates. Non-finite replicates (from a degenerate resample) are left out; if none is
 * finite the interval is [NaN, NaN].
 * @param replicates bootstrap values of one statistic
 * @param confidence coverage c in (0, 1), e.g. 0.95
 */
export function percentileInterval(replicates: ArrayLike<number>, confidence: number): Interval {
  assertConfidence('percentileInterval', confidence);
  const kept: number[] = [];
  for (let k = 0; k < replicates.length; k++) if (Number.isFinite(replicates[k])) kept.push(replicates[k]);
  const finite = Float64Array.from(kept).sort(); // typed-array sort is numeric
  if (finite.length === 0) return { low: NaN, high: NaN };
  const tail = (1 - confidence) / 2;
  return { low: quantileSortedType7(finite, tail), high: quantileSortedType7(finite, 1 - tail) };
}
