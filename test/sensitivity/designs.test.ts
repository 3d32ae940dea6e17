import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import {
  gridDesign,
  latinHypercube,
  l2StarDiscrepancy,
  randomDesign,
  randomPermutation,
  saltelliDesign,
  scaleDesign,
  scaleToRanges,
} from '../../src/experiment/designs/index.js';

const rows2 = (rows: Float64Array[]) => rows.map((r) => Array.from(r));

describe('gridDesign', () => {
  it('enumerates the full factorial with the last dimension fastest', () => {
    expect(rows2(gridDesign([2, 3]))).toEqual([
      [0, 0], [0, 0.5], [0, 1],
      [1, 0], [1, 0.5], [1, 1],
    ]);
    expect(rows2(gridDesign([1, 2]))).toEqual([[0.5, 0], [0.5, 1]]);
    expect(gridDesign([3, 4, 5])).toHaveLength(60);
  });

  it('rejects empty input with an Error naming the function', () => {
    expect(() => gridDesign([])).toThrow(Error);
    expect(() => gridDesign([])).toThrow(/gridDesign: levelsPerDim .* empty/);
  });

  it('rejects level counts that are not positive integers, and oversized grids', () => {
    expect(() => gridDesign([2, 0])).toThrow(/gridDesign: levelsPerDim\[1\]/);
    expect(() => gridDesign([2.5])).toThrow(/gridDesign: levelsPerDim\[0\]/);
    expect(() => gridDesign([1000, 1000, 1000])).toThrow(/gridDesign: the grid would have 1000000000 rows/);
  });
});

describe('randomDesign', () => {
  it('gives the same design for the same seed and a different one for another seed', () => {
    const a = randomDesign(20, 3, seedrandom.xor4096('seed-1'));
    const b = randomDesign(20, 3, seedrandom.xor4096('seed-1'));
    const c = randomDesign(20, 3, seedrandom.xor4096('seed-2'));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('draws row by row from the source', () => {
    const rng = seedrandom.xor4096('order');
    const expected = [rng(), rng(), rng(), rng()];
    expect(rows2(randomDesign(2, 2, seedrandom.xor4096('order')))).toEqual([expected.slice(0, 2), expected.slice(2)]);
  });

  it('requires a random source and rejects values outside [0, 1)', () => {
    expect(() => randomDesign(2, 2, undefined as unknown as () => number)).toThrow(/randomDesign: a random source/);
    expect(() => randomDesign(2, 2, () => 1)).toThrow(/rng must return numbers in \[0, 1\)/);
  });
});

describe('latinHypercube', () => {
  it('puts exactly one point in every stratum of every column', () => {
    const n = 50;
    const rows = latinHypercube(n, 6, seedrandom.xor4096('lhs'));
    expect(rows).toHaveLength(n);
    for (let k = 0; k < 6; k++) {
      const strata = rows.map((r) => Math.floor(r[k] * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, s) => s));
    }
  });

  it('keeps the stratification for any n, d and seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 5 }), fc.string(), (n, d, seed) => {
        const rows = latinHypercube(n, d, seedrandom.xor4096(seed));
        for (let k = 0; k < d; k++) {
          const counts = new Array<number>(n).fill(0);
          for (const r of rows) {
            expect(r[k] >= 0 && r[k] < 1).toBe(true);
            counts[Math.floor(r[k] * n)]++;
          }
          expect(counts.every((c) => c === 1)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is more uniform than random points in 2-D (lower L2-star discrepancy on average)', () => {
    let lhs = 0;
    let random = 0;
    for (let s = 0; s < 10; s++) {
      lhs += l2StarDiscrepancy(latinHypercube(100, 2, seedrandom.xor4096(`lhs-${s}`)));
      random += l2StarDiscrepancy(randomDesign(100, 2, seedrandom.xor4096(`rnd-${s}`)));
    }
    expect(lhs).toBeLessThan(random);
  });

  it('gives the same design for the same seed', () => {
    expect(latinHypercube(30, 4, seedrandom.xor4096('x'))).toEqual(latinHypercube(30, 4, seedrandom.xor4096('x')));
  });

  it('randomPermutation returns each index exactly once', () => {
    const p = Array.from(randomPermutation(100, seedrandom.xor4096('perm')));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('saltelliDesign', () => {
  it('lays out A, B and AB_i blocks, with AB_i equal to A except column i from B', () => {
    const n = 16;
    const d = 4;
    const { rows, layout } = saltelliDesign(n, d);
    expect(layout).toEqual({ n, d, aOffset: 0, bOffset: n, abOffsets: [2 * n, 3 * n, 4 * n, 5 * n], rows: n * (d + 2) });
    expect(rows).toHaveLength(layout.rows);
    for (let j = 0; j < n; j++) {
      const a = rows[layout.aOffset + j];
      const b = rows[layout.bOffset + j];
      for (let i = 0; i < d; i++) {
        const ab = rows[layout.abOffsets[i] + j];
        for (let k = 0; k < d; k++) expect(ab[k]).toBe(k === i ? b[k] : a[k]);
      }
    }
  });

  it('takes A and B from the first and last d coordinates of a 2d-dimensional Sobol sequence', async () => {
    const { sobolSequence } = await import('../../src/experiment/designs/index.js');
    const base = sobolSequence(8, 6);
    const { rows } = saltelliDesign(8, 3);
    expect(Array.from(rows[0])).toEqual(Array.from(base[0].subarray(0, 3)));
    expect(Array.from(rows[8 + 7])).toEqual(Array.from(base[7].subarray(3, 6)));
    const skipped = saltelliDesign(8, 3, { kind: 'sobol', skip: 8 }).rows;
    expect(Array.from(skipped[0])).toEqual(Array.from(sobolSequence(1, 6, 8)[0].subarray(0, 3)));
  });

  it('is reproducible with a random source and rejects too many inputs for Sobol', () => {
    const one = saltelliDesign(10, 3, { kind: 'random', rng: seedrandom.xor4096('s') });
    const two = saltelliDesign(10, 3, { kind: 'random', rng: seedrandom.xor4096('s') });
    expect(two).toEqual(one);
    expect(() => saltelliDesign(8, 51)).toThrow(/saltelliDesign: the Sobol source supports at most 50 inputs/);
    expect(saltelliDesign(2, 51, { kind: 'random', rng: seedrandom.xor4096('big') }).rows).toHaveLength(2 * 53);
  });
});

describe('scaleToRanges', () => {
  it('maps linearly and logarithmically, hitting the ends exactly', () => {
    const ranges = [{ min: 0, max: 10 }, { min: 1, max: 100, log: true }, { min: -3, max: 0.7 }];
    const mid = scaleToRanges([0.5, 0.5, 0], ranges);
    expect([mid[0], mid[2]]).toEqual([5, -3]);
    expect(mid[1]).toBeCloseTo(10, 12); // geometric midpoint of [1, 100]
    expect(Array.from(scaleToRanges([1, 1, 1], ranges))).toEqual([10, 100, 0.7]);
    expect(scaleToRanges([0, 0.25, 0], ranges)[1]).toBeCloseTo(Math.sqrt(Math.sqrt(100)), 12);
  });

  it('stays inside the range for any unit value (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (u, min, width) => {
          const x = scaleToRanges([u], [{ min, max: min + width }])[0];
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(min + width);
        },
      ),
    );
  });

  it('rejects mismatched lengths, values outside [0, 1], bad ranges and non-positive log ranges', () => {
    expect(() => scaleToRanges([0.5], [])).toThrow(/scaleToRanges: the row has 1 values but 0 ranges/);
    expect(() => scaleToRanges([1.5], [{ min: 0, max: 1 }])).toThrow(/scaleToRanges: unit value 0 must lie in \[0, 1\]/);
    expect(() => scaleToRanges([NaN], [{ min: 0, max: 1 }])).toThrow(/scaleToRanges: unit value 0/);
    expect(() => scaleToRanges([0.5], [{ min: 2, max: 1 }])).toThrow(/scaleToRanges: ranges\[0\] must have finite min ≤ max/);
    expect(() => scaleToRanges([0.5], [{ min: 0, max: 1, log: true }])).toThrow(/scaleToRanges: ranges\[0\] is logarithmic/);
  });

  it('scaleDesign scales every row', () => {
    const scaled = scaleDesign(gridDesign([3]), [{ min: 10, max: 20 }]);
    expect(rows2(scaled)).toEqual([[10], [15], [20]]);
  });
});
