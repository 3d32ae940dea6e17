import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { morrisDelta, morrisDesign, trajectoryDistance, trajectorySpread, type DesignRows } from '../../src/experiment/designs/index.js';
import { elementaryEffects, morrisIndices } from '../../src/experiment/sensitivity/index.js';

/** y = 10·x1 + 5·x2² + 0·x3 + 0·x4: x1 linear, x2 nonlinear, x3 and x4 inactive. */
const screeningModel = (x: Float64Array) => 10 * x[0] + 5 * x[1] * x[1] + 0 * x[2] + 0 * x[3];

/** Sobol' G-function Π (|4x_i − 2| + a_i) / (1 + a_i): smaller a_i means a more important input. */
const gFunction = (a: number[]) => (x: Float64Array) => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i] - 2) + ai)) / (1 + ai), 1);

const evaluate = (rows: DesignRows, f: (x: Float64Array) => number) => Float64Array.from(rows, f);

describe('morrisDesign', () => {
  const r = 12;
  const d = 5;
  const levels = 4;
  const design = morrisDesign(r, d, levels, seedrandom.xor4096('morris'));

  it('has r trajectories of d + 1 grid points, each step moving one input by ±Δ', () => {
    expect(design.delta).toBeCloseTo(2 / 3, 15);
    expect(morrisDelta(6)).toBeCloseTo(0.6, 15);
    expect(design.rows).toHaveLength(r * (d + 1));
    expect(design.trajectories).toHaveLength(r);
    const onGrid = (x: number) => Math.abs(x * (levels - 1) - Math.round(x * (levels - 1))) < 1e-12;
    design.trajectories.forEach((t, k) => {
      expect(t.start).toBe(k * (d + 1));
      expect(t.steps.map((s) => s.input).sort()).toEqual([0, 1, 2, 3, 4]);
      for (const step of t.steps) {
        expect(step.to).toBe(step.from + 1);
        const before = design.rows[step.from];
        const after = design.rows[step.to];
        for (let i = 0; i < d; i++) {
          if (i === step.input) expect(after[i] - before[i]).toBeCloseTo(step.sign * step.delta, 12);
          else expect(after[i]).toBe(before[i]);
        }
      }
    });
    for (const row of design.rows) for (const x of row) expect(x >= 0 && x <= 1 && onGrid(x)).toBe(true);
  });

  it('uses both directions and the whole grid', () => {
    const signs = new Set(design.trajectories.flatMap((t) => t.steps.map((s) => s.sign)));
    expect(signs).toEqual(new Set([1, -1]));
    const values = new Set(design.rows.flatMap((row) => Array.from(row, (x) => Math.round(x * 3))));
    expect(values).toEqual(new Set([0, 1, 2, 3]));
  });

  it('gives the same design for the same seed', () => {
    expect(morrisDesign(r, d, levels, seedrandom.xor4096('morris'))).toEqual(design);
    expect(morrisDesign(r, d, levels, seedrandom.xor4096('other'))).not.toEqual(design);
  });

  it('keeps r well-spread trajectories from a larger candidate pool (Campolongo selection)', () => {
    const trajectoriesOf = (dsg: typeof design) => dsg.trajectories.map((t) => dsg.rows.slice(t.start, t.start + d + 1));
    const plain = morrisDesign(r, d, levels, seedrandom.xor4096('pool'));
    const spread = morrisDesign(r, d, levels, seedrandom.xor4096('pool'), { candidates: 60 });
    expect(spread.rows).toHaveLength(r * (d + 1));
    spread.trajectories.forEach((t, k) => {
      expect(t.start).toBe(k * (d + 1));
      expect(t.steps.map((s) => s.from)).toEqual([0, 1, 2, 3, 4].map((i) => t.start + i));
    });
    // The plain design is the first r candidates of the same pool; selection can only widen the spread.
    expect(trajectorySpread(trajectoriesOf(spread))).toBeGreaterThan(trajectorySpread(trajectoriesOf(plain)));
    expect(morrisDesign(r, d, levels, seedrandom.xor4096('pool'), { candidates: 60 })).toEqual(spread);
    expect(() => morrisDesign(r, d, levels, seedrandom.xor4096('pool'), { candidates: r - 1 })).toThrow(/morrisDesign: opts.candidates/);
  });

  it('trajectoryDistance sums point-to-point Euclidean distances', () => {
    const t1 = [Float64Array.of(0, 0), Float64Array.of(1, 0)];
    const t2 = [Float64Array.of(0, 1)];
    expect(trajectoryDistance(t1, t2)).toBeCloseTo(1 + Math.SQRT2, 14);
    expect(trajectorySpread([t1, t2])).toBeCloseTo(1 + Math.SQRT2, 14);
  });

  it('rejects odd level counts and bad sizes', () => {
    expect(() => morrisDesign(4, 3, 5, seedrandom.xor4096('x'))).toThrow(/morrisDesign: levels must be even/);
    expect(() => morrisDesign(0, 3, 4, seedrandom.xor4096('x'))).toThrow(/morrisDesign: r/);
    expect(() => morrisDesign(4, 0, 4, seedrandom.xor4096('x'))).toThrow(/morrisDesign: d/);
  });
});

describe('morrisIndices', () => {
  it('screens y = 10·x1 + 5·x2² + 0·x3 + 0·x4: inactive inputs exactly 0, linear input has σ ≈ 0', () => {
    const design = morrisDesign(20, 4, 4, seedrandom.xor4096('screen'));
    const y = evaluate(design.rows, screeningModel);
    const { inputs, r } = morrisIndices(design, y);
    expect(r).toBe(20);
    const [x1, x2, x3, x4] = inputs;
    // Linear input: every elementary effect is the slope 10 (per unit range).
    expect(x1.mu).toBeCloseTo(10, 10);
    expect(x1.muStar).toBeCloseTo(10, 10);
    expect(x1.sigma).toBeLessThan(1e-10);
    // Quadratic input: effects 5(2·x* + Δ) ∈ {10/3, 20/3}, so 10/3 ≤ μ* ≤ 20/3 and σ > 0.
    expect(x2.muStar).toBeGreaterThanOrEqual(10 / 3 - 1e-12);
    expect(x2.muStar).toBeLessThanOrEqual(20 / 3 + 1e-12);
    expect(x2.mu).toBeCloseTo(x2.muStar, 12); // monotone on [0, 1]: all effects positive
    expect(x2.sigma).toBeGreaterThan(0.5);
    // Inactive inputs: exactly zero.
    for (const inactive of [x3, x4]) {
      expect(inactive.mu).toBe(0);
      expect(inactive.muStar).toBe(0);
      expect(inactive.sigma).toBe(0);
    }
    // Ranking by μ*.
    const ranking = [...inputs].sort((a, b) => b.muStar - a.muStar).map((e) => e.input);
    expect(ranking.slice(0, 2)).toEqual([0, 1]);
  });

  it('ranks the inputs of the G-function by importance (a = 0, 1, 4.5, 9, 99)', () => {
    const a = [0, 1, 4.5, 9, 99];
    const design = morrisDesign(30, a.length, 4, seedrandom.xor4096('g-function'));
    const { inputs } = morrisIndices(design, evaluate(design.rows, gFunction(a)));
    const muStar = inputs.map((e) => e.muStar);
    for (let i = 1; i < a.length; i++) expect(muStar[i]).toBeLessThan(muStar[i - 1]);
    expect(muStar[4]).toBeLessThan(0.05 * muStar[0]);
  });

  it('bootstraps a percentile interval on μ* that contains μ*', () => {
    const design = morrisDesign(40, 4, 4, seedrandom.xor4096('boot'));
    const y = evaluate(design.rows, screeningModel);
    const one = morrisIndices(design, y, { bootstrap: 300, rng: seedrandom.xor4096('ci'), confidence: 0.9 });
    const two = morrisIndices(design, y, { bootstrap: 300, rng: seedrandom.xor4096('ci'), confidence: 0.9 });
    expect(two).toEqual(one);
    expect(one.confidence).toBe(0.9);
    for (const e of one.inputs) {
      expect(e.muStarInterval!.low).toBeLessThanOrEqual(e.muStar + 1e-12);
      expect(e.muStarInterval!.high).toBeGreaterThanOrEqual(e.muStar - 1e-12);
    }
    expect(one.inputs[0].muStarInterval!.low).toBeCloseTo(10, 10);
    expect(one.inputs[0].muStarInterval!.high).toBeCloseTo(10, 10);
    expect(one.inputs[2].muStarInterval).toEqual({ low: 0, high: 0 });
    expect(one.inputs[1].muStarInterval!.high).toBeGreaterThan(one.inputs[1].muStarInterval!.low);
    expect(morrisIndices(design, y).inputs[0].muStarInterval).toBeNull();
  });

  it('computes elementary effects as signed slopes per trajectory', () => {
    const design = morrisDesign(3, 2, 4, seedrandom.xor4096('ee'));
    const effects = elementaryEffects(design, evaluate(design.rows, (x) => 3 * x[0] - 2 * x[1]));
    expect(effects).toHaveLength(2);
    for (const e of effects[0]) expect(e).toBeCloseTo(3, 12);
    for (const e of effects[1]) expect(e).toBeCloseTo(-2, 12);
  });

  it('rejects outputs of the wrong length or non-finite, and a bootstrap without rng', () => {
    const design = morrisDesign(3, 2, 4, seedrandom.xor4096('bad'));
    expect(() => morrisIndices(design, new Float64Array(5))).toThrow(/morrisIndices: y must hold one output per design row \(9\)/);
    const y = new Float64Array(9);
    y[4] = Infinity;
    expect(() => morrisIndices(design, y)).toThrow(/morrisIndices: outputs .* must be finite/);
    expect(() => morrisIndices(design, new Float64Array(9), { bootstrap: 10 })).toThrow(/morrisIndices: a random source/);
  });

  it('reports σ as NaN with a single trajectory', () => {
    const design = morrisDesign(1, 2, 4, seedrandom.xor4096('one'));
    const { inputs } = morrisIndices(design, evaluate(design.rows, (x) => x[0]));
    expect(inputs[0].muStar).toBeCloseTo(1, 12);
    expect(Number.isNaN(inputs[0].sigma)).toBe(true);
  });
});
