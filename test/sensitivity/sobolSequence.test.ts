import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import {
  grayCode,
  l2StarDiscrepancy,
  lowestZeroBit,
  randomDesign,
  sobolDirectionNumbers,
  sobolSequence,
  SOBOL_MAX_DIM,
} from '../../src/experiment/designs/index.js';

const column = (rows: Float64Array[], k: number) => rows.map((r) => r[k]);

describe('sobolSequence', () => {
  it('starts with the known points in dimensions 1 and 2 (origin skipped by default)', () => {
    const rows = sobolSequence(8, 2);
    expect(column(rows, 0)).toEqual([0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875]);
    expect(column(rows, 1)).toEqual([0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.3125]);
  });

  it('includes the origin with skip = 0, and skip continues the same sequence', () => {
    const full = sobolSequence(40, 5, 0);
    expect(Array.from(full[0])).toEqual([0, 0, 0, 0, 0]);
    expect(sobolSequence(39, 5)).toEqual(full.slice(1));
    expect(sobolSequence(7, 5, 33)).toEqual(full.slice(33));
  });

  // Reference values: SciPy 1.17 `qmc.Sobol(101, scramble=False, bits=32)`, which uses the same
  // new-joe-kuo-6.21201 direction numbers; they pin the embedded table up to its last dimension.
  it('matches the reference Joe–Kuo sequence in higher dimensions', () => {
    const rows = sobolSequence(1024, SOBOL_MAX_DIM, 0);
    expect(column(rows, 6).slice(1, 9)).toEqual([0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.4375]);
    expect(column(rows, 20).slice(1, 9)).toEqual([0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875, 0.1875]);
    expect([rows[1023][49], rows[1023][99], rows[1023][100]]).toEqual([0.8232421875, 0.5302734375, 0.2373046875]);
    const far = sobolSequence(1, SOBOL_MAX_DIM, 3_000_001)[0];
    expect([far[0], far[1], far[2], far[3], far[100]]).toEqual([
      0.5220468044281006, 0.6715843677520752, 0.8529112339019775, 0.4051234722137451, 0.5528509616851807,
    ]);
  });

  it('is balanced: each of the first 2^m points (with the origin) has one point per dyadic cell in 1-D', () => {
    const m = 6;
    const rows = sobolSequence(2 ** m, 10, 0);
    for (let k = 0; k < 10; k++) {
      const cells = new Set(column(rows, k).map((x) => Math.floor(x * 2 ** m)));
      expect(cells.size).toBe(2 ** m);
    }
  });

  it('has a lower 2-D L2-star discrepancy than random points', () => {
    const n = 256;
    const sobol = l2StarDiscrepancy(sobolSequence(n, 2));
    const random = l2StarDiscrepancy(randomDesign(n, 2, seedrandom.xor4096('discrepancy')));
    expect(sobol).toBeLessThan(random / 3);
    expect(sobol).toBeLessThan(0.01);
  });

  it('keeps every coordinate in [0, 1) on 32-bit dyadic rationals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: SOBOL_MAX_DIM }), fc.integer({ min: 0, max: 2 ** 31 }), (n, d, skip) => {
        const ok = sobolSequence(n, d, skip).every((row) => row.every((x) => x >= 0 && x < 1 && Number.isInteger(x * 2 ** 32)));
        expect(ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects bad arguments with messages that name the function', () => {
    expect(() => sobolSequence(0, 2)).toThrow(/sobolSequence: n/);
    expect(() => sobolSequence(4, SOBOL_MAX_DIM + 1)).toThrow(/sobolSequence: d must be an integer .* at most 101/);
    expect(() => sobolSequence(4, 2, -1)).toThrow(/sobolSequence: skip/);
    expect(() => sobolSequence(2, 1, 2 ** 32 - 1)).toThrow(/sobolSequence: skip \+ n/);
  });
});

describe('Sobol helpers', () => {
  it('grayCode and lowestZeroBit follow their definitions', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(grayCode)).toEqual([0, 1, 3, 2, 6, 7, 5, 4]);
    expect([0, 1, 2, 3, 7, 11].map(lowestZeroBit)).toEqual([0, 1, 0, 2, 3, 2]);
    expect(grayCode(2 ** 32 - 1)).toBe(2 ** 31);
  });

  it('direction numbers: dimension 1 is van der Corput, dimension 2 has v_k = v_{k−1} ⊕ v_{k−1}/2', () => {
    const v1 = sobolDirectionNumbers(0);
    const v2 = sobolDirectionNumbers(1);
    expect(v1[0]).toBe(2 ** 31);
    expect(v1[31]).toBe(1);
    expect(v2[0]).toBe(2 ** 31);
    expect(v2[1]).toBe(2 ** 31 + 2 ** 30);
    expect(() => sobolDirectionNumbers(SOBOL_MAX_DIM)).toThrow(/sobolDirectionNumbers: dim/);
  });
});
