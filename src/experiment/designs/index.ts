/**
 * Sampling designs on the unit hypercube. Every design returns unit rows (`DesignRows`); map them to
 * parameter units with `scaleToRanges`. Designs that need randomness take an `rng` argument.
 */
export type { DesignRows, Rng } from './types.js';
export { gridDesign, gridLevelValue, GRID_MAX_ROWS } from './grid.js';
export { randomDesign } from './random.js';
export { latinHypercube, randomPermutation } from './latinHypercube.js';
export { sobolSequence, grayCode, lowestZeroBit } from './sobol.js';
export { sobolDirectionNumbers, SOBOL_MAX_DIM, SOBOL_BITS } from './sobolDirections.js';
export { saltelliDesign, saltelliLayout } from './saltelli.js';
export type { SaltelliDesign, SaltelliLayout, SaltelliSource, SaltelliSobolSource, SaltelliRandomSource } from './saltelli.js';
export { morrisDesign, morrisDelta } from './morris.js';
export type { MorrisDesign, MorrisDesignOptions, MorrisStep, MorrisTrajectory } from './morris.js';
export { selectSpreadTrajectories, trajectoryDistance, trajectorySpread } from './morrisSpread.js';
export { scaleToRanges, scaleUnitValue, scaleDesign } from './scale.js';
export type { ParameterRange } from './scale.js';
export { l2StarDiscrepancy } from './discrepancy.js';
