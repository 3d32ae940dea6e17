/**
 * Global sensitivity analysis on the outputs of the designs in `../designs`:
 * Sobol indices (first and total order, with bootstrap intervals) from a Saltelli design, and Morris
 * screening measures (μ, μ*, σ) from a Morris design.
 */
export { sobolIndices } from './sobolIndices.js';
export type { SobolIndicesOptions, SobolIndicesResult, SobolInputIndices } from './sobolIndices.js';
export { morrisIndices, meanEffect, sampleStandardDeviation } from './morrisIndices.js';
export type { MorrisIndicesOptions, MorrisIndicesResult, MorrisInputIndices } from './morrisIndices.js';
export { elementaryEffects } from './elementaryEffects.js';
export { splitSaltelliOutputs } from './saltelliOutputs.js';
export type { SaltelliOutputs } from './saltelliOutputs.js';
export { firstOrderSaltelli2010, totalOrderJansen1999, outputVariance } from './estimators.js';
export { bootstrapIndices, identityIndices, percentileInterval, quantileSortedType7 } from './bootstrap.js';
export type { Interval } from './bootstrap.js';
