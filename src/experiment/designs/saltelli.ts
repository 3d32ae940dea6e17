import { assertIntegerInRange, assertRng } from './guards.js';
import { randomDesign } from './random.js';
import { sobolSequence } from './sobol.js';
import { SOBOL_MAX_DIM } from './sobolDirections.js';
import type { DesignRows, Rng } from './types.js';

/** Base points from a 2d-dimensional Sobol sequence: A = its first d coordinates, B = the last d. */
export interface SaltelliSobolSource {
  readonly kind: 'sobol';
  /** Leading Sobol points to drop (see `sobolSequence`), integer ≥ 0, default 1 (the origin). */
  readonly skip?: number;
}

/** Base points from independent uniform draws: all of A is drawn first (row by row), then B. */
export interface SaltelliRandomSource {
  readonly kind: 'random';
  readonly rng: Rng;
}

/** Where the base points of a Saltelli design come from. */
export type SaltelliSource = SaltelliSobolSource | SaltelliRandomSource;

/**
 * Where each matrix of a Saltelli design sits in its rows (and so in the output vector y).
 *
 * Block layout, each block n rows long, in this order:
 *   rows [0, n)                 matrix A
 *   rows [n, 2n)                matrix B
 *   rows [(2+i)n, (3+i)n)       matrix AB_i = A with column i taken from B, for i = 0..d−1
 * Row j of every block comes from the same base sample j.
 */
export interface SaltelliLayout {
  /** Number of base samples N (rows per block). */
  readonly n: number;
  /** Number of inputs d. */
  readonly d: number;
  /** First row of A (always 0). */
  readonly aOffset: number;
  /** First row of B (always n). */
  readonly bOffset: number;
  /** abOffsets[i] is the first row of AB_i ((2+i)·n). */
  readonly abOffsets: readonly number[];
  /** Total rows N·(d+2), the number of model evaluations. */
  readonly rows: number;
}

/** A Saltelli design: the unit rows to evaluate and the layout that finds A, B and AB_i among them. */
export interface SaltelliDesign {
  readonly rows: DesignRows;
  readonly layout: SaltelliLayout;
}

/**
 * Block layout of a Saltelli design with n base samples and d inputs (see {@link SaltelliLayout}).
 * @throws RangeError unless n and d are integers ≥ 1
 */
export function saltelliLayout(n: number, d: number): SaltelliLayout {
  assertIntegerInRange('saltelliLayout', 'n', n, 1);
  assertIntegerInRange('saltelliLayout', 'd', d, 1);
  return {
    n,
    d,
    aOffset: 0,
    bOffset: n,
    abOffsets: Array.from({ length: d }, (_, i) => (2 + i) * n),
    rows: n * (d + 2),
  };
}

/**
 * Saltelli's sampling scheme for first- and total-order Sobol indices (Saltelli 2002; Saltelli et al.
 * 2010): two independent base matrices A and B (n × d) and, for each input i, the matrix AB_i equal to
 * A except for column i, which is taken from B. Evaluating the model on all N·(d+2) rows is what
 * `sobolIndices` needs.
 *
 * @param n number of base samples N, integer ≥ 1 (a power of two suits the Sobol source best)
 * @param d number of inputs, integer ≥ 1; at most ⌊SOBOL_MAX_DIM / 2⌋ = 50 for the Sobol source
 * @param source base points: `{kind: 'sobol', skip?}` (default, quasi-random) or `{kind: 'random', rng}`
 * @returns rows (unit values) in the block order of {@link SaltelliLayout}, and that layout
 * @throws RangeError on a bad n or d, or when 2d exceeds the Sobol dimensions available
 */
export function saltelliDesign(n: number, d: number, source: SaltelliSource = { kind: 'sobol' }): SaltelliDesign {
  assertIntegerInRange('saltelliDesign', 'n', n, 1);
  assertIntegerInRange('saltelliDesign', 'd', d, 1);
  const layout = saltelliLayout(n, d);
  // 1. Base points: 2d coordinates per sample, A = first d, B = last d.
  const base = saltelliBasePoints(n, d, source);
  // 2. Blocks A, B, then AB_0 … AB_{d−1}.
  const rows: DesignRows = new Array(layout.rows);
  for (let j = 0; j < n; j++) {
    const a = base[j].subarray(0, d);
    const b = base[j].subarray(d, 2 * d);
    rows[layout.aOffset + j] = Float64Array.from(a);
    rows[layout.bOffset + j] = Float64Array.from(b);
    for (let i = 0; i < d; i++) {
      const ab = Float64Array.from(a);
      ab[i] = b[i];
      rows[layout.abOffsets[i] + j] = ab;
    }
  }
  return { rows, layout };
}

/** n base points of dimension 2d from the chosen source (Sobol sequence, or random A then random B). */
function saltelliBasePoints(n: number, d: number, source: SaltelliSource): DesignRows {
  if (source.kind === 'sobol') {
    const maxD = Math.floor(SOBOL_MAX_DIM / 2);
    if (d > maxD) {
      throw new RangeError(`saltelliDesign: the Sobol source supports at most ${maxD} inputs, got d = ${d}; use {kind: 'random', rng}`);
    }
    return sobolSequence(n, 2 * d, source.skip ?? 1);
  }
  if (source.kind === 'random') {
    assertRng('saltelliDesign', source.rng);
    const a = randomDesign(n, d, source.rng);
    const b = randomDesign(n, d, source.rng);
    return a.map((row, j) => {
      const both = new Float64Array(2 * d);
      both.set(row, 0);
      both.set(b[j], d);
      return both;
    });
  }
  throw new TypeError(`saltelliDesign: source.kind must be 'sobol' or 'random', got ${String((source as { kind: unknown }).kind)}`);
}
