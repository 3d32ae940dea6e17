import type { SaltelliLayout } from '../designs/saltelli.js';

/** Model outputs of a Saltelli design split by matrix; each array is a view into the original y. */
export interface SaltelliOutputs {
  /** f(A), length n. */
  readonly yA: Float64Array;
  /** f(B), length n. */
  readonly yB: Float64Array;
  /** yAB[i] = f(AB_i), length n each, for i = 0..d−1. */
  readonly yAB: readonly Float64Array[];
}

/**
 * Splits the outputs of a Saltelli design (one value per design row, in row order) into f(A), f(B)
 * and f(AB_i), without copying.
 *
 * @param fn name of the public function, used as the message prefix
 * @throws RangeError if y's length is not layout.rows, or if some output is not finite
 */
export function splitSaltelliOutputs(layout: SaltelliLayout, y: Float64Array, fn = 'splitSaltelliOutputs'): SaltelliOutputs {
  if (y.length !== layout.rows) {
    throw new RangeError(`${fn}: y must hold one output per design row (${layout.rows}), got ${y.length}`);
  }
  for (let j = 0; j < y.length; j++) {
    if (!Number.isFinite(y[j])) throw new RangeError(`${fn}: output y[${j}] is not finite (${y[j]})`);
  }
  const block = (offset: number) => y.subarray(offset, offset + layout.n);
  return {
    yA: block(layout.aOffset),
    yB: block(layout.bOffset),
    yAB: layout.abOffsets.map(block),
  };
}
