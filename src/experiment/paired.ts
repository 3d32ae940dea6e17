/**
 * Paired and unpaired effect estimates with 95% confidence intervals (Student t).
 */
import { mean, probit, sampleStandardDeviation, sampleVariance } from 'simple-statistics';

/**
 * Two-sided 97.5% quantile of Student's t with `df` degrees of freedom, by the Cornish–Fisher
 * expansion around the normal quantile (error < 1e-3 for df ≥ 3; exact limit 1.95996 as df → ∞).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`tQuantile975: df must be at least 1, got ${df}`);
  if (df === 1) return 12.7062;
  if (df === 2) return 4.3027;
  const z = probit(0.975);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
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

/** Paired effect: mean of (treated − control) per replicate, CI from the differences' spread. */
export function pairedEffect(treated: readonly number[], control: readonly number[]): Effect {
  if (treated.length !== control.length || treated.length < 2) {
    throw new RangeError(`pairedEffect: need two equal-length samples of at least 2, got ${treated.length} and ${control.length}`);
  }
  const d = treated.map((t, i) => t - control[i]);
  return effectOfDifferences(d);
}

/** Effect from per-replicate differences. */
export function effectOfDifferences(d: readonly number[]): Effect {
  const n = d.length;
  const m = mean(d as number[]);
  const sd = sampleStandardDeviation(d as number[]);
  const se = sd / Math.sqrt(n);
  const t = tQuantile975(n - 1);
  return { mean: m, se, ciLo: m - t * se, ciHi: m + t * se, n, sd };
}

/** Unpaired effect (independent seeds): Welch standard error of the difference of means. */
export function unpairedEffect(treated: readonly number[], control: readonly number[]): Effect {
  const n1 = treated.length;
  const n2 = control.length;
  const v1 = sampleVariance(treated as number[]);
  const v2 = sampleVariance(control as number[]);
  const se = Math.sqrt(v1 / n1 + v2 / n2);
  const df = (v1 / n1 + v2 / n2) ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1) || 1);
  const m = mean(treated as number[]) - mean(control as number[]);
  const t = tQuantile975(Math.max(1, Math.floor(df)));
  return { mean: m, se, ciLo: m - t * se, ciHi: m + t * se, n: Math.min(n1, n2), sd: Math.sqrt(v1 + v2) };
}

/** Replicates needed for a 95% CI half-width of `halfWidth` given a per-replicate difference sd. */
export function replicatesForHalfWidth(sd: number, halfWidth: number): number {
  if (sd === 0) return 2;
  return Math.max(2, Math.ceil((1.96 * sd / halfWidth) ** 2));
}
