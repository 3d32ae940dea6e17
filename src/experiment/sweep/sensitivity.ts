/**
 * Sensitivity indices of a finished sweep on one output (a metric in one year, averaged over each
 * point's replicates):
 *   - sobol design  → first-order S1 and total-order ST with percentile bootstrap intervals;
 *   - morris design → μ*, μ and σ of the elementary effects (and a bootstrap interval on μ*).
 * The estimators are ../sensitivity's; this file only connects them to a sweep directory.
 */
import { InputError } from '../../engine/diagnostics.js';
import { sequentialRng } from '../../engine/random.js';
import { paramSpec } from '../../model/parameters.js';
import type { MorrisDesign } from '../designs/index.js';
import { morrisIndices, sobolIndices, type Interval } from '../sensitivity/index.js';
import * as msg from './plan-messages.js';
import { pointMeans, type SweepDir } from './sweep-dir.js';

/** Options of {@link analyseSweep}. */
export interface SensitivityOptions {
  metric: string;
  year: number;
  /** Bootstrap resamples (0: no intervals). */
  bootstrap: number;
  /** Interval coverage in (0, 1). */
  confidence: number;
  /** Seed of the bootstrap's random source. */
  seed: number;
}

/** Indices of one varied parameter. Morris measures are in output units per full range of the input. */
export interface SensitivityRow {
  key: string;
  /** The parameter's source tag in the table (assume, calibrated, paper, ...). */
  source: string;
  low: number;
  high: number;
  unit: string;
  muStar?: number;
  mu?: number;
  sigma?: number;
  muStarInterval?: Interval | null;
  S1?: number;
  ST?: number;
  S1Interval?: Interval | null;
  STInterval?: Interval | null;
}

export interface SensitivityResult {
  method: 'morris' | 'sobol';
  metric: string;
  year: number;
  /** Points used (and, for Morris, trajectories r; for Sobol, base samples N). */
  points: number;
  r?: number;
  n?: number;
  /** Mean and variance of the output over the points. */
  outputMean: number;
  outputVariance: number;
  bootstrap: number;
  confidence: number;
  /** One row per varied parameter, most influential first (by μ* or ST). */
  rows: SensitivityRow[];
}

function meanAndVariance(y: Float64Array): [number, number] {
  let m = 0;
  for (const v of y) m += v;
  m /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - m) ** 2;
  return [m, y.length > 1 ? ss / (y.length - 1) : 0];
}

/**
 * Computes the sensitivity indices of a complete sweep.
 * @throws InputError when the design is neither sobol nor morris, the metric or year was not kept,
 *   the sweep is incomplete or an output is not a number; Error when Sobol's output variance is zero
 */
export function analyseSweep(sweep: SweepDir, opts: SensitivityOptions): SensitivityResult {
  const { design, plan } = sweep;
  if (design.kind !== 'sobol' && design.kind !== 'morris') {
    throw new InputError([{ ...msg.noSensitivityForDesign(design.kind), file: sweep.dir, line: 0, column: 0, key: 'design.kind' }]);
  }
  const y = pointMeans(sweep, opts.metric, opts.year);
  const [outputMean, outputVariance] = meanAndVariance(y);
  const rng = sequentialRng(`povsim-sensitivity:${opts.seed}`);
  const base = plan.vary.map((p) => {
    const spec = paramSpec(p.key);
    return { key: p.key, source: spec?.source ?? '', low: p.low, high: p.high, unit: spec?.unit ?? '' };
  });
  const common = { metric: opts.metric, year: opts.year, points: sweep.points, outputMean, outputVariance, bootstrap: opts.bootstrap, confidence: opts.confidence };
  if (design.kind === 'morris') {
    const rows = design.gridRows.map((g) => Float64Array.from(g, (l) => l / (design.levels - 1)));
    const morris: MorrisDesign = { rows, trajectories: design.trajectories, d: plan.vary.length, levels: design.levels, delta: design.delta };
    const res = morrisIndices(morris, y, { bootstrap: opts.bootstrap, rng, confidence: opts.confidence });
    const out = res.inputs.map((i) => ({ ...base[i.input], muStar: i.muStar, mu: i.mu, sigma: i.sigma, muStarInterval: i.muStarInterval }));
    out.sort((a, b) => b.muStar - a.muStar || a.key.localeCompare(b.key));
    return { method: 'morris', ...common, r: res.r, rows: out };
  }
  if (outputVariance === 0) throw new Error(`sobol indices: ${opts.metric} in ${opts.year} is the same at every point, so its variance has no shares to attribute`);
  const res = sobolIndices(design.layout, y, { bootstrap: opts.bootstrap, rng, confidence: opts.confidence });
  const out = res.inputs.map((i) => ({ ...base[i.input], S1: i.S1, ST: i.ST, S1Interval: i.S1Interval, STInterval: i.STInterval }));
  out.sort((a, b) => b.ST - a.ST || a.key.localeCompare(b.key));
  return { method: 'sobol', ...common, n: res.n, rows: out };
}
