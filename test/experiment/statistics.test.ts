/** Student t quantiles, paired and unpaired effects, and the ratio interval against known values. */
import { describe, expect, it } from 'vitest';
import { effectOfDifferences, pairedEffect, replicatesForHalfWidth, tQuantile, tQuantile975, unpairedEffect } from '../../src/experiment/paired.js';
import { ratioInterval } from '../../src/experiment/ratio-interval.js';

describe('tQuantile', () => {
  it('matches published t tables (R qt) to 1e-9', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706204736174707, 9);
    expect(tQuantile975(2)).toBeCloseTo(4.302652729749464, 9);
    expect(tQuantile975(3)).toBeCloseTo(3.182446305284263, 9);
    expect(tQuantile975(4)).toBeCloseTo(2.7764451051977987, 9);
    expect(tQuantile975(9)).toBeCloseTo(2.2621571628540993, 9);
    expect(tQuantile975(49)).toBeCloseTo(2.0095752371, 9);
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.8124611228107335, 9);
  });

  it('tends to the normal quantile 1.959964 (not 1.9572) for large df', () => {
    expect(tQuantile975(1e9)).toBeCloseTo(1.959963984540054, 6);
  });

  it('rejects p outside (0, 1) and df ≤ 0', () => {
    expect(() => tQuantile(1, 3)).toThrow(/tQuantile: p must be inside \(0, 1\), got 1/);
    expect(() => tQuantile975(0)).toThrow(/tQuantile: df must be positive, got 0/);
  });
});

describe('paired effects', () => {
  it('gives mean, standard error and the t interval of the differences', () => {
    // differences 2, 4, 2, 3: mean 2.75, sd 0.9574271, se 0.4787136, t(0.975, 3) = 3.1824463
    const e = pairedEffect([5, 8, 4, 6], [3, 4, 2, 3]);
    expect(e.mean).toBe(2.75);
    expect(e.sd).toBeCloseTo(0.9574271077563381, 12);
    expect(e.se).toBeCloseTo(0.47871355387816905, 12);
    expect(e.ciLo).toBeCloseTo(2.75 - 3.182446305284263 * 0.47871355387816905, 9);
    expect(e.ciHi).toBeCloseTo(4.2734801808, 9);
    expect(e.n).toBe(4);
  });

  it('has a zero-width interval when every replicate differs by the same amount', () => {
    const e = effectOfDifferences([0.5, 0.5, 0.5]);
    expect([e.mean, e.se, e.ciLo, e.ciHi]).toEqual([0.5, 0, 0.5, 0.5]);
  });

  it('rejects unequal or too short samples', () => {
    expect(() => pairedEffect([1, 2], [1])).toThrow(/pairedEffect: need two equal-length samples of at least 2, got 2 and 1/);
    expect(() => effectOfDifferences([1])).toThrow(/at least 2/);
  });

  it('gives the Welch interval for independent samples', () => {
    // means 2.5 and 5; variances 5/3 and 20/3; se √(5/12 + 20/12); Welch df 4.4118
    const e = unpairedEffect([1, 2, 3, 4], [2, 4, 6, 8]);
    expect(e.mean).toBe(-2.5);
    expect(e.se).toBeCloseTo(Math.sqrt(25 / 12), 12);
    const df = (25 / 12) ** 2 / ((5 / 12) ** 2 / 3 + (20 / 12) ** 2 / 3);
    expect(df).toBeCloseTo(4.4118, 4);
    expect(e.ciHi - e.mean).toBeCloseTo(tQuantile975(df) * Math.sqrt(25 / 12), 12);
  });

  it('finds the replicates for a half-width with the t quantile', () => {
    // sd 1, half-width 0.5: n = 18 (t(0.975, 17) / √18 = 0.4973), 17 is not enough (0.5142)
    expect(replicatesForHalfWidth(1, 0.5)).toBe(18);
    expect(replicatesForHalfWidth(0, 0.1)).toBe(2);
  });
});

describe('ratioInterval (delta method)', () => {
  it('matches the hand-computed delta-method interval', () => {
    // x̄ = 12, ȳ = 1.1, R = 10.909091; s_x² = 2.5, s_y² = 0.025, s_xy = 0.2; Var(R) = (2.5 − 2R·0.2 + R²·0.025)/(5·1.21)
    const r = ratioInterval([10, 12, 14, 11, 13], [1.0, 1.2, 1.3, 0.9, 1.1]);
    expect(r.ratio).toBeCloseTo(10.909090909090908, 12);
    expect(r.se).toBeCloseTo(0.42863809850875817, 12);
    expect(r.ciLo).toBeCloseTo(10.909090909090908 - 2.7764451051977987 * 0.42863809850875817, 9);
    expect(r.ciHi).toBeCloseTo(12.099181, 6);
  });

  it('gives no ratio when nothing is gained and no bounds when the gain may be zero', () => {
    expect(ratioInterval([1, 2, 3], [0, -1, 1])).toMatchObject({ ratio: null, ciLo: null, note: 'no extra gain on average: the ratio is not defined' });
    const loose = ratioInterval([10, 10, 10], [2, -1, 0.5]);
    expect(loose.ratio).toBeCloseTo(20, 12);
    expect(loose.ciLo).toBeNull();
    expect(loose.note).toMatch(/unbounded/);
  });
});
