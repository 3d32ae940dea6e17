import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { gridLevelValue, l2StarDiscrepancy, saltelliLayout } from '../../src/experiment/designs/index.js';
import {
  bootstrapIndices,
  firstOrderSaltelli2010,
  identityIndices,
  outputVariance,
  percentileInterval,
  quantileSortedType7,
  sampleStandardDeviation,
  splitSaltelliOutputs,
  totalOrderJansen1999,
} from '../../src/experiment/sensitivity/index.js';

describe('bootstrap helpers', () => {
  it('quantileSortedType7 interpolates like NumPy/R type 7', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSortedType7(x, 0)).toBe(1);
    expect(quantileSortedType7(x, 1)).toBe(10);
    expect(quantileSortedType7(x, 0.5)).toBe(5.5);
    expect(quantileSortedType7(x, 0.025)).toBeCloseTo(1.225, 12); // numpy.percentile(1..10, 2.5)
  });

  it('percentileInterval takes the central quantiles of unsorted replicates, ignoring non-finite ones', () => {
    const reps = [10, 3, NaN, 7, 1, 9, 2, Infinity, 8, 4, 6, 5];
    const ci = percentileInterval(reps, 0.95);
    expect(ci.low).toBeCloseTo(1.225, 12);
    expect(ci.high).toBeCloseTo(9.775, 12);
    expect(percentileInterval([NaN], 0.9)).toEqual({ low: NaN, high: NaN });
    expect(() => percentileInterval([1, 2], 0)).toThrow(/percentileInterval: confidence/);
  });

  it('bootstrapIndices draws n indices in range, reproducibly', () => {
    const a = bootstrapIndices(1000, seedrandom.xor4096('b'));
    expect(a).toEqual(bootstrapIndices(1000, seedrandom.xor4096('b')));
    expect(Math.max(...a)).toBeLessThan(1000);
    expect(new Set(a).size).toBeLessThan(1000); // with replacement: about 63 % distinct
    expect(Array.from(identityIndices(4))).toEqual([0, 1, 2, 3]);
  });

  it('sampleStandardDeviation uses the r − 1 divisor', () => {
    expect(sampleStandardDeviation(Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]))).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStandardDeviation(Float64Array.from([3]))).toBeNaN();
  });
});

describe('Sobol estimators', () => {
  it('follow their formulas on a hand-made example', () => {
    const yA = Float64Array.from([1, 2, 3]);
    const yB = Float64Array.from([2, 0, 4]);
    const yAB = Float64Array.from([2, 1, 3]);
    const rows = identityIndices(3);
    // Population variance of {1, 2, 3, 2, 0, 4}: mean 2, squares 1+0+1+0+4+4 = 10 → 10/6.
    expect(outputVariance(yA, yB, rows)).toBeCloseTo(10 / 6, 14);
    // Saltelli 2010: (1/3)[2·(2−1) + 0·(1−2) + 4·(3−3)] / V = (2/3) / V.
    expect(firstOrderSaltelli2010(yA, yB, yAB, 10 / 6, rows)).toBeCloseTo(2 / 3 / (10 / 6), 14);
    // Jansen 1999: (1/6)[(1−2)² + (2−1)² + 0] / V = (1/3) / V.
    expect(totalOrderJansen1999(yA, yAB, 10 / 6, rows)).toBeCloseTo(1 / 3 / (10 / 6), 14);
    // A resample that repeats row 0 three times.
    expect(outputVariance(yA, yB, [0, 0, 0])).toBeCloseTo(0.25, 14);
  });

  it('splitSaltelliOutputs returns views of the A, B and AB_i blocks', () => {
    const layout = saltelliLayout(2, 2);
    const y = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const { yA, yB, yAB } = splitSaltelliOutputs(layout, y);
    expect(Array.from(yA)).toEqual([0, 1]);
    expect(Array.from(yB)).toEqual([2, 3]);
    expect(yAB.map((v) => Array.from(v))).toEqual([[4, 5], [6, 7]]);
    expect(yA.buffer).toBe(y.buffer);
  });
});

describe('design helpers', () => {
  it('gridLevelValue spaces levels evenly, with one level at the centre', () => {
    expect([0, 1, 2, 3, 4].map((j) => gridLevelValue(j, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(gridLevelValue(0, 1)).toBe(0.5);
  });

  it('l2StarDiscrepancy matches the closed form for one point and falls for a finer grid', () => {
    // One point at 0.5 in 1-D: D² = 1/3 − (1 − 0.25) + (1 − 0.5) = 1/12.
    expect(l2StarDiscrepancy([Float64Array.of(0.5)])).toBeCloseTo(Math.sqrt(1 / 12), 14);
    // Centred 1-D grid of n points: D² = 1/(12 n²).
    const n = 10;
    const grid = Array.from({ length: n }, (_, i) => Float64Array.of((i + 0.5) / n));
    expect(l2StarDiscrepancy(grid)).toBeCloseTo(Math.sqrt(1 / (12 * n * n)), 12);
    expect(() => l2StarDiscrepancy([])).toThrow(/l2StarDiscrepancy: the design has no rows/);
  });
});
