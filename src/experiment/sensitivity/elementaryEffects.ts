import type { MorrisDesign } from '../designs/morris.js';

/**
 * Elementary effects of a Morris design (Morris 1991):
 *   EE_i = (f(x_to) − f(x_from)) / (sign · Δ),
 * for the step of each trajectory that moves input i, in unit-space slope (output units per unit of
 * the input's normalized range).
 *
 * @param design the design returned by `morrisDesign`
 * @param y model outputs, one per design row in row order, all finite
 * @param fn name of the public function, used as the message prefix
 * @returns effects[i][t] = elementary effect of input i on trajectory t (d arrays of length r)
 * @throws RangeError if y's length is not the number of design rows, or if an output used is not finite
 */
export function elementaryEffects(design: MorrisDesign, y: Float64Array, fn = 'elementaryEffects'): Float64Array[] {
  if (y.length !== design.rows.length) {
    throw new RangeError(`${fn}: y must hold one output per design row (${design.rows.length}), got ${y.length}`);
  }
  const r = design.trajectories.length;
  const effects = Array.from({ length: design.d }, () => new Float64Array(r));
  design.trajectories.forEach((trajectory, t) => {
    for (const step of trajectory.steps) {
      const before = y[step.from];
      const after = y[step.to];
      if (!Number.isFinite(before) || !Number.isFinite(after)) {
        throw new RangeError(`${fn}: outputs y[${step.from}] = ${before} and y[${step.to}] = ${after} must be finite`);
      }
      effects[step.input][t] = (after - before) / (step.sign * step.delta);
    }
  });
  return effects;
}
