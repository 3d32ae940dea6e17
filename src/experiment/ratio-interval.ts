/**
 * Interval of a ratio of paired mean effects, such as the cost per durable exit: extra yuan per
 * replicate (x) over extra durable exits per replicate (y), R = mean(x) / mean(y).
 *
 * Delta method (first-order Taylor expansion of x̄/ȳ):
 *   Var(R) ≈ (s_x² − 2 R s_xy + R² s_y²) / (n ȳ²),   95% CI = R ± t(0.975, n−1) · √Var(R).
 * The expansion only holds when ȳ is clearly away from zero: when the 95% interval of ȳ contains
 * zero (or ȳ ≤ 0: no extra exits) the ratio is unbounded and no interval is given.
 */
import { mean, sampleCovariance, sampleVariance } from 'simple-statistics';
import { effectOfDifferences, tQuantile975 } from './paired.js';

export interface RatioInterval {
  /** mean(x) / mean(y), or null when mean(y) ≤ 0 (nothing gained: the ratio means nothing). */
  ratio: number | null;
  se: number | null;
  /** 95% bounds, or null when the denominator is not clearly positive. */
  ciLo: number | null;
  ciHi: number | null;
  n: number;
  /** Why bounds are missing, when they are. */
  note?: string;
}

/**
 * Ratio of the mean of `x` to the mean of `y` (paired: x[r] and y[r] come from replicate r) with a
 * delta-method 95% interval.
 * @throws RangeError when the samples differ in length or have fewer than 2 values
 * @example ratioInterval([10, 12, 14], [1, 1.2, 1.3]).ratio // 36 / 3.5
 */
export function ratioInterval(x: readonly number[], y: readonly number[]): RatioInterval {
  const n = x.length;
  if (y.length !== n || n < 2) throw new RangeError(`ratioInterval: need two equal-length samples of at least 2, got ${x.length} and ${y.length}`);
  const mx = mean(x as number[]);
  const my = mean(y as number[]);
  if (!(my > 0)) return { ratio: null, se: null, ciLo: null, ciHi: null, n, note: 'no extra gain on average: the ratio is not defined' };
  const r = mx / my;
  const den = effectOfDifferences(y);
  if (den.ciLo <= 0) {
    return { ratio: r, se: null, ciLo: null, ciHi: null, n, note: 'the gain is not distinguishable from zero (its 95% interval contains 0): the ratio is unbounded' };
  }
  const v = (sampleVariance(x as number[]) - 2 * r * sampleCovariance(x as number[], y as number[]) + r * r * sampleVariance(y as number[])) / (n * my * my);
  const se = Math.sqrt(Math.max(0, v));
  const t = tQuantile975(n - 1);
  return { ratio: r, se, ciLo: r - t * se, ciHi: r + t * se, n };
}
