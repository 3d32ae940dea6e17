import { assertIntegerInRange, assertRng } from '../designs/guards.js';
import type { SaltelliLayout } from '../designs/saltelli.js';
import type { Rng } from '../designs/types.js';
import { assertConfidence, bootstrapIndices, identityIndices, percentileInterval, type Interval } from './bootstrap.js';
import { firstOrderSaltelli2010, outputVariance, totalOrderJansen1999 } from './estimators.js';
import { splitSaltelliOutputs } from './saltelliOutputs.js';

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Number of bootstrap resamples, integer ≥ 0; 0 skips the intervals (they are then null). */
  readonly bootstrap: number;
  /** Uniform source in [0, 1) for the resampling (required even when bootstrap is 0, for one signature). */
  readonly rng: Rng;
  /** Coverage of the percentile intervals, in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** Sobol indices of one input. All indices are dimensionless shares of V[Y]. */
export interface SobolInputIndices {
  /** Input index (0-based), the column of the design. */
  readonly input: number;
  /** First-order index S1 (Saltelli 2010 estimator). */
  readonly S1: number;
  /** Total-order index ST (Jansen 1999 estimator). */
  readonly ST: number;
  /** Percentile bootstrap interval of S1, or null when bootstrap = 0. */
  readonly S1Interval: Interval | null;
  /** Percentile bootstrap interval of ST, or null when bootstrap = 0. */
  readonly STInterval: Interval | null;
}

/** Result of {@link sobolIndices}. */
export interface SobolIndicesResult {
  /** V[Y] from f(A) and f(B), in output units squared. */
  readonly variance: number;
  /** Base samples N used. */
  readonly n: number;
  /** Bootstrap resamples used. */
  readonly bootstrap: number;
  /** Coverage of the intervals. */
  readonly confidence: number;
  /** One entry per input, in input order. */
  readonly inputs: readonly SobolInputIndices[];
}

/**
 * First- and total-order Sobol indices from the outputs of a Saltelli design.
 *
 * Pipeline: 1. split y into f(A), f(B), f(AB_i) with the layout; 2. V[Y] from f(A) ∪ f(B);
 * 3. S1_i (Saltelli 2010) and ST_i (Jansen 1999) for each input; 4. bootstrap: resample the N base
 * samples with replacement (jointly across A, B and every AB_i, recomputing V[Y] each time) and take
 * percentile intervals. Draws: bootstrap × N from rng.
 *
 * @param layout the layout returned with the design by `saltelliDesign`
 * @param y model outputs, one per design row in row order (length N·(d+2)), all finite
 * @param opts bootstrap count, random source and interval coverage (default 0.95)
 * @returns V[Y] and, per input, S1, ST and their intervals
 * @throws Error if the output variance is zero (the indices are undefined); RangeError on a bad y
 *   length, a non-finite output, a bad bootstrap count or confidence; TypeError if rng is missing
 */
export function sobolIndices(layout: SaltelliLayout, y: Float64Array, opts: SobolIndicesOptions): SobolIndicesResult {
  const fn = 'sobolIndices';
  const confidence = opts.confidence ?? 0.95;
  assertIntegerInRange(fn, 'opts.bootstrap', opts.bootstrap, 0);
  assertConfidence(fn, confidence);
  assertRng(fn, opts.rng);
  // 1. Split outputs.
  const { yA, yB, yAB } = splitSaltelliOutputs(layout, y, fn);
  const { n, d } = layout;
  // 2. Variance.
  const all = identityIndices(n);
  const variance = outputVariance(yA, yB, all);
  if (variance === 0) {
    throw new Error(`${fn}: the output variance is zero (f(A) and f(B) are constant), so Sobol indices are undefined`);
  }
  // 3. Point estimates.
  const S1 = yAB.map((yABi) => firstOrderSaltelli2010(yA, yB, yABi, variance, all));
  const ST = yAB.map((yABi) => totalOrderJansen1999(yA, yABi, variance, all));
  // 4. Bootstrap replicates: S1Reps[i][b] is replicate b of S1 for input i (same for ST).
  const S1Reps = Array.from({ length: d }, () => new Float64Array(opts.bootstrap));
  const STReps = Array.from({ length: d }, () => new Float64Array(opts.bootstrap));
  for (let b = 0; b < opts.bootstrap; b++) {
    const rows = bootstrapIndices(n, opts.rng);
    const v = outputVariance(yA, yB, rows);
    for (let i = 0; i < d; i++) {
      S1Reps[i][b] = firstOrderSaltelli2010(yA, yB, yAB[i], v, rows);
      STReps[i][b] = totalOrderJansen1999(yA, yAB[i], v, rows);
    }
  }
  const interval = (reps: Float64Array) => (opts.bootstrap > 0 ? percentileInterval(reps, confidence) : null);
  const inputs = S1.map((s1, i) => ({
    input: i,
    S1: s1,
    ST: ST[i],
    S1Interval: interval(S1Reps[i]),
    STInterval: interval(STReps[i]),
  }));
  return { variance, n, bootstrap: opts.bootstrap, confidence, inputs };
}
