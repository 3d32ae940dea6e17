import type { DesignRows } from './types.js';

/** Range of one parameter: unit value 0 maps to `min`, 1 to `max`. */
export interface ParameterRange {
  /** Lower bound, in the parameter's own units. */
  readonly min: number;
  /** Upper bound, ≥ min, in the parameter's own units. */
  readonly max: number;
  /** Scale logarithmically (uniform in log space); requires 0 < min. Default false (linear). */
  readonly log?: boolean;
}

/**
 * Maps one unit value u ∈ [0, 1] to a parameter range:
 *   linear: min + u·(max − min);
 *   log:    exp(ln min + u·(ln max − ln min)) = min·(max/min)^u.
 * The ends are returned exactly (u = 0 → min, u = 1 → max), and rounding never leaves [min, max].
 */
export function scaleUnitValue(u: number, range: ParameterRange): number {
  const { min, max } = range;
  if (u === 0) return min;
  if (u === 1) return max;
  let x: number;
  if (range.log) {
    const lo = Math.log(min);
    x = Math.exp(lo + u * (Math.log(max) - lo));
  } else {
    x = min + u * (max - min);
  }
  return Math.min(Math.max(x, min), max);
}

/** Throws a RangeError naming `scaleToRanges` unless the range is finite, ordered and (for log) positive. */
function assertRange(range: ParameterRange, k: number): void {
  const { min, max } = range;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new RangeError(`scaleToRanges: ranges[${k}] must have finite min ≤ max, got min = ${min}, max = ${max}`);
  }
  if (range.log && !(min > 0)) {
    throw new RangeError(`scaleToRanges: ranges[${k}] is logarithmic, so min must be > 0, got ${min}`);
  }
}

/**
 * Maps a row of unit values to parameter values, input by input (see {@link scaleUnitValue}).
 *
 * @param unitRow unit values in [0, 1], one per input
 * @param ranges one range per input, same length as unitRow
 * @returns a new array of parameter values in the ranges' units
 * @throws RangeError on a length mismatch, a unit value outside [0, 1] (or NaN), or a bad range
 * @example scaleToRanges([0.5, 0.5], [{min: 0, max: 10}, {min: 1, max: 100, log: true}]) // [5, 10]
 */
export function scaleToRanges(unitRow: ArrayLike<number>, ranges: readonly ParameterRange[]): Float64Array {
  if (unitRow.length !== ranges.length) {
    throw new RangeError(`scaleToRanges: the row has ${unitRow.length} values but ${ranges.length} ranges were given`);
  }
  const out = new Float64Array(ranges.length);
  for (let k = 0; k < ranges.length; k++) {
    assertRange(ranges[k], k);
    const u = unitRow[k];
    if (!(u >= 0 && u <= 1)) throw new RangeError(`scaleToRanges: unit value ${k} must lie in [0, 1], got ${u}`);
    out[k] = scaleUnitValue(u, ranges[k]);
  }
  return out;
}

/** Applies {@link scaleToRanges} to every row of a design; throws as it does. */
export function scaleDesign(rows: DesignRows, ranges: readonly ParameterRange[]): DesignRows {
  return rows.map((row) => scaleToRanges(row, ranges));
}
