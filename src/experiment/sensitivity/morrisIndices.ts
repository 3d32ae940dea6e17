import { assertIntegerInRange, assertRng } from '../designs/guards.js';
import type { MorrisDesign } from '../designs/morris.js';
import type { Rng } from '../designs/types.js';
import { assertConfidence, bootstrapIndices, identityIndices, percentileInterval, type Interval } from './bootstrap.js';
import { elementaryEffects } from './elementaryEffects.js';

/** Options of {@link morrisIndices}; omit them (or set bootstrap 0) for no interval. */
export interface MorrisIndicesOptions {
  /** Number of bootstrap resamples of the trajectories, integer ≥ 0; default 0. */
  readonly bootstrap?: number;
  /** Uniform source in [0, 1), required when bootstrap > 0. */
  readonly rng?: Rng;
  /** Coverage of the percentile interval on μ*, in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** Morris screening measures of one input, in output units per unit of normalized input range. */
export interface MorrisInputIndices {
  /** Input index (0-based). */
  readonly input: number;
  /** μ: mean of the elementary effects (signed; effects of opposite sign can cancel). */
  readonly mu: number;
  /** μ*: mean of the absolute elementary effects (Campolongo et al. 2007); ranks overall influence. */
  readonly muStar: number;
  /** σ: sample standard deviation (divisor r − 1) of the effects; NaN when r = 1. Large σ means nonlinearity or interactions. */
  readonly sigma: number;
  /** Percentile bootstrap interval of μ*, or null without bootstrap. */
  readonly muStarInterval: Interval | null;
}

/** Result of {@link morrisIndices}. */
export interface MorrisIndicesResult {
  /** Number of trajectories r (effects per input). */
  readonly r: number;
  /** Bootstrap resamples used (0 for none). */
  readonly bootstrap: number;
  /** Coverage of the intervals. */
  readonly confidence: number;
  /** One entry per input, in input order. */
  readonly inputs: readonly MorrisInputIndices[];
}

/** Mean of effects[rows[k]] (signed, or absolute values when `absolute`). */
export function meanEffect(effects: Float64Array, rows: ArrayLike<number>, absolute: boolean): number {
  let s = 0;
  for (let k = 0; k < rows.length; k++) s += absolute ? Math.abs(effects[rows[k]]) : effects[rows[k]];
  return s / rows.length;
}

/** Sample standard deviation (divisor m − 1) of m values; NaN when m < 2. */
export function sampleStandardDeviation(values: Float64Array): number {
  const m = values.length;
  if (m < 2) return NaN;
  let mean = 0;
  for (let k = 0; k < m; k++) mean += values[k];
  mean /= m;
  let ss = 0;
  for (let k = 0; k < m; k++) ss += (values[k] - mean) ** 2;
  return Math.sqrt(ss / (m - 1));
}

/**
 * Morris screening measures μ, μ* and σ per input from the outputs of a Morris design.
 *
 * The optional bootstrap resamples whole trajectories with replacement (r draws per resample) and
 * gives a percentile interval on μ* for each input.
 *
 * @param design the design returned by `morrisDesign`
 * @param y model outputs, one per design row in row order, all finite
 * @param opts optional bootstrap count, random source and interval coverage
 * @throws RangeError on a bad y, bootstrap count or confidence; TypeError if bootstrap > 0 without rng
 */
export function morrisIndices(design: MorrisDesign, y: Float64Array, opts: MorrisIndicesOptions = {}): MorrisIndicesResult {
  const fn = 'morrisIndices';
  const bootstrap = opts.bootstrap ?? 0;
  const confidence = opts.confidence ?? 0.95;
  assertIntegerInRange(fn, 'opts.bootstrap', bootstrap, 0);
  assertConfidence(fn, confidence);
  if (bootstrap > 0) assertRng(fn, opts.rng);
  const effects = elementaryEffects(design, y, fn);
  const r = design.trajectories.length;
  const all = identityIndices(r);
  const replicates = effects.map(() => new Float64Array(bootstrap));
  for (let b = 0; b < bootstrap; b++) {
    const rows = bootstrapIndices(r, opts.rng as Rng);
    effects.forEach((e, i) => (replicates[i][b] = meanEffect(e, rows, true)));
  }
  const inputs = effects.map((e, i) => ({
    input: i,
    mu: meanEffect(e, all, false),
    muStar: meanEffect(e, all, true),
    sigma: sampleStandardDeviation(e),
    muStarInterval: bootstrap > 0 ? percentileInterval(replicates[i], confidence) : null,
  }));
  return { r, bootstrap, confidence, inputs };
}
