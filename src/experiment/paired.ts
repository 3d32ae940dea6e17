/**
 * Paired and unpaired effect estimates with 95% confidence intervals (Student t, exact quantile).
 */
import tQuantileExact from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';

/**
 * Quantile of Student's t distribution: the x with P(T ≤ x) = p for `df` degrees of freedom
 * (exact, from @stdlib; df may be fractional, as Welch's is).
 * @throws RangeError when p is outside (0, 1) or df is not positive
 * @example tQuantile(0.975, 4) // 2.7764451051977987
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be inside (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: df must be positive, got ${df}`);
  return tQuantileExact(p, df);
}

/** The 97.5% quantile of Student's t (half-width factor of a two-sided 95% interval). */
export function tQuantile975(df: number): number {
  return tQuantile(0.975, df);
}

/** A mean effect with its standard error and 95% confidence interval. */
export interface Effect {
  mean: number;
  se: number;
  ciLo: number;
  ciHi: number;
  n: number;
  /** Standard deviation of the per-replicate differences (paired) or pooled (unpaired). */
  sd: number;
}

/**
 * Paired effect: mean of (treated − control) per replicate; 95% CI = mean ± t(0.975, n−1) · sd/√n.
 * @throws RangeError when the samples differ in length or have fewer than 2 values
 * @example pairedEffect([3, 5, 4], [1, 2, 2]).mean // 7/3
 */
export function pairedEffect(treated: readonly number[], control: readonly number[]): Effect {
  if (treated.length !== control.length || treated.length < 2) {
    throw new RangeError(`pairedEffect: need two equal-length samples of at least 2, got ${treated.length} and ${control.length}`);
  }
  return effectOfDifferences(treated.map((t, i) => t - control[i]));
}

/**
 * Effect from per-replicate differences (mean, standard error, 95% CI by Student t).
 * @throws RangeError with fewer than 2 differences
 */
export function effectOfDifferences(d: readonly number[]): Effect {
  const n = d.length;
  if (n < 2) throw new RangeError(`effectOfDifferences: need at least 2 differences, got ${n}`);
  const m = mean(d as number[]);
  const sd = sampleStandardDeviation(d as number[]);
  const se = sd / Math.sqrt(n);
  const t = tQuantile975(n - 1);
  return { mean: m, se, ciLo: m - t * se, ciHi: m + t * se, n, sd };
}

/**
 * Unpaired effect (independent seeds): difference of means with Welch's standard error and
 * Welch–Satterthwaite degrees of freedom.
 */
export function unpairedEffect(treated: readonly number[], control: readonly number[]): Effect {
  const n1 = treated.length;
  const n2 = control.length;
  if (n1 < 2 || n2 < 2) throw new RangeError(`unpairedEffect: need at least 2 values per sample, got ${n1} and ${n2}`);
  const v1 = sampleVariance(treated as number[]);
  const v2 = sampleVariance(control as number[]);
  const se = Math.sqrt(v1 / n1 + v2 / n2);
  const den = (v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1);
  const df = den > 0 ? (v1 / n1 + v2 / n2) ** 2 / den : n1 + n2 - 2;
  const m = mean(treated as number[]) - mean(control as number[]);
  const t = tQuantile975(df);
  return { mean: m, se, ciLo: m - t * se, ciHi: m + t * se, n: Math.min(n1, n2), sd: Math.sqrt(v1 + v2) };
}

/**
 * Replicates needed for a 95% CI half-width of `halfWidth` given a per-replicate difference sd
 * (the smallest n ≥ 2 with t(0.975, n−1) · sd/√n ≤ halfWidth).
 */
export function replicatesForHalfWidth(sd: number, halfWidth: number): number {
  if (!(halfWidth > 0)) throw new RangeError(`replicatesForHalfWidth: halfWidth must be positive, got ${halfWidth}`);
  if (sd === 0) return 2;
  let n = Math.max(2, Math.ceil((1.959963984540054 * sd / halfWidth) ** 2));
  while (tQuantile975(n - 1) * sd / Math.sqrt(n) > halfWidth) n++;
  return n;
}
