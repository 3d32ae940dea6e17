/**
 * Shared types of the sampling designs.
 *
 * A design is a list of points in the unit hypercube [0, 1]^d, one `Float64Array` of length d per row
 * (per model evaluation). Rows are independent arrays so that callers can hand one row to a model run
 * without copying; `scaleToRanges` maps a row to parameter units.
 */

/**
 * A source of uniform random numbers in [0, 1), e.g. `seedrandom.xor4096(seed)`.
 * Always passed in as an argument; the designs never fall back to `Math.random`.
 */
export type Rng = () => number;

/** Rows of a design: `rows[i][j]` is input j of evaluation i, a unit value in [0, 1]. */
export type DesignRows = Float64Array[];
