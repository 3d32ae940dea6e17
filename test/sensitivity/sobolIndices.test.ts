import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { saltelliDesign, scaleToRanges, type DesignRows } from '../../src/experiment/designs/index.js';
import { sobolIndices } from '../../src/experiment/sensitivity/index.js';

const A = 7;
const B = 0.1;
const PI_RANGE = { min: -Math.PI, max: Math.PI };

/** Ishigami function f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³. */
function ishigami(x: Float64Array): number {
  return Math.sin(x[0]) + A * Math.sin(x[1]) ** 2 + B * x[2] ** 4 * Math.sin(x[0]);
}

/** Analytic Sobol indices of the Ishigami function (Sobol' & Levitan 1999). */
function ishigamiAnalytic() {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = (B ** 2 * Math.PI ** 8 * 8) / 225;
  const v = v1 + v2 + v13;
  return { variance: v, S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

function evaluate(rows: DesignRows): Float64Array {
  return Float64Array.from(rows, (u) => ishigami(scaleToRanges(u, [PI_RANGE, PI_RANGE, PI_RANGE])));
}

describe('sobolIndices on the Ishigami function (a = 7, b = 0.1)', () => {
  const exact = ishigamiAnalytic();

  it('has the textbook analytic values', () => {
    expect(exact.S1[0]).toBeCloseTo(0.3139, 4);
    expect(exact.S1[1]).toBeCloseTo(0.4424, 4);
    expect(exact.ST[0]).toBeCloseTo(0.5576, 4);
    expect(exact.ST[2]).toBeCloseTo(0.2437, 4);
    expect(exact.variance).toBeCloseTo(13.8446, 3);
  });

  it('recovers S1 and ST within ±0.02 from a Sobol-based Saltelli design with N = 8192', () => {
    const { rows, layout } = saltelliDesign(8192, 3);
    expect(rows).toHaveLength(8192 * 5);
    const result = sobolIndices(layout, evaluate(rows), { bootstrap: 200, rng: seedrandom.xor4096('ishigami') });
    expect(result.variance).toBeCloseTo(exact.variance, 0);
    result.inputs.forEach((r, i) => {
      expect(Math.abs(r.S1 - exact.S1[i])).toBeLessThan(0.02);
      expect(Math.abs(r.ST - exact.ST[i])).toBeLessThan(0.02);
      // Percentile bootstrap intervals (95 %) cover the analytic values and are ordered.
      expect(r.S1Interval!.low).toBeLessThanOrEqual(exact.S1[i]);
      expect(r.S1Interval!.high).toBeGreaterThanOrEqual(exact.S1[i]);
      expect(r.STInterval!.low).toBeLessThanOrEqual(exact.ST[i]);
      expect(r.STInterval!.high).toBeGreaterThanOrEqual(exact.ST[i]);
      expect(r.S1Interval!.high - r.S1Interval!.low).toBeLessThan(0.1);
    });
  });

  it('also converges with a random (Monte Carlo) Saltelli design', () => {
    const { rows, layout } = saltelliDesign(8192, 3, { kind: 'random', rng: seedrandom.xor4096('ishigami-mc') });
    const result = sobolIndices(layout, evaluate(rows), { bootstrap: 0, rng: seedrandom.xor4096('unused') });
    result.inputs.forEach((r, i) => {
      expect(Math.abs(r.S1 - exact.S1[i])).toBeLessThan(0.05);
      expect(Math.abs(r.ST - exact.ST[i])).toBeLessThan(0.05);
      expect(r.S1Interval).toBeNull();
    });
  });

  it('gives the same intervals for the same bootstrap seed', () => {
    const { rows, layout } = saltelliDesign(256, 3);
    const y = evaluate(rows);
    const one = sobolIndices(layout, y, { bootstrap: 20, rng: seedrandom.xor4096('same') });
    const two = sobolIndices(layout, y, { bootstrap: 20, rng: seedrandom.xor4096('same') });
    expect(two).toEqual(one);
  });
});

describe('sobolIndices on simple models', () => {
  it('attributes an additive linear model by squared coefficients: S1 = ST = c_i² / Σ c²', () => {
    const c = [1, 2, 0];
    const { rows, layout } = saltelliDesign(4096, 3);
    const y = Float64Array.from(rows, (u) => c[0] * u[0] + c[1] * u[1] + c[2] * u[2]);
    const result = sobolIndices(layout, y, { bootstrap: 50, rng: seedrandom.xor4096('linear') });
    const total = c.reduce((s, ci) => s + ci * ci, 0);
    result.inputs.forEach((r, i) => {
      expect(r.S1).toBeCloseTo((c[i] * c[i]) / total, 2);
      expect(r.ST).toBeCloseTo((c[i] * c[i]) / total, 2);
    });
    // An input that does not enter the model has AB_i = A outputs exactly, so ST is exactly 0.
    expect(result.inputs[2].ST).toBe(0);
    expect(result.inputs[2].S1).toBe(0);
    expect(result.variance).toBeCloseTo(total / 12, 3);
  });

  it('throws a clear Error when the output variance is zero', () => {
    const { rows, layout } = saltelliDesign(64, 2);
    const y = new Float64Array(rows.length).fill(0.3);
    expect(() => sobolIndices(layout, y, { bootstrap: 10, rng: seedrandom.xor4096('zero') })).toThrow(
      /sobolIndices: the output variance is zero/,
    );
  });

  it('rejects outputs of the wrong length, non-finite outputs and bad options', () => {
    const { rows, layout } = saltelliDesign(16, 2);
    const rng = seedrandom.xor4096('bad');
    expect(() => sobolIndices(layout, new Float64Array(rows.length - 1), { bootstrap: 0, rng })).toThrow(/sobolIndices: y must hold one output per design row \(64\)/);
    const y = Float64Array.from(rows, (u) => u[0]);
    y[5] = NaN;
    expect(() => sobolIndices(layout, y, { bootstrap: 0, rng })).toThrow(/sobolIndices: output y\[5\] is not finite/);
    y[5] = 0;
    expect(() => sobolIndices(layout, y, { bootstrap: 1.5, rng })).toThrow(/sobolIndices: opts.bootstrap/);
    expect(() => sobolIndices(layout, y, { bootstrap: 1, rng, confidence: 1 })).toThrow(/sobolIndices: confidence/);
  });
});

describe('sobolIndices on the Sobol G-function', () => {
  it('matches the analytic S1 and ST for a = (0, 1, 4.5, 9)', () => {
    const a = [0, 1, 4.5, 9];
    const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
    const { rows, layout } = saltelliDesign(8192, a.length);
    const y = Float64Array.from(rows, (x) => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i] - 2) + ai)) / (1 + ai), 1));
    const result = sobolIndices(layout, y, { bootstrap: 100, rng: seedrandom.xor4096('g') });
    expect(result.variance).toBeCloseTo(v, 2);
    result.inputs.forEach((r, i) => {
      const st = (vi[i] * vi.reduce((p, x, j) => (j === i ? p : p * (1 + x)), 1)) / v;
      expect(Math.abs(r.S1 - vi[i] / v)).toBeLessThan(0.02);
      expect(Math.abs(r.ST - st)).toBeLessThan(0.02);
    });
  });
});
