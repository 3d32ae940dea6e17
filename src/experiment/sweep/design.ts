/**
 * From a plan's design and varied parameters to the sweep's points: unit rows from ../designs, mapped
 * to each parameter's range (linear or log), whole-number parameters rounded, other values rounded
 * to 10 significant digits so the value printed in the CSV is exactly the value that was run.
 *
 * The descriptor is what sensitivity analysis needs later (written to design.json): the Saltelli
 * layout, or the Morris trajectories with the grid level of every point.
 */
import { sequentialRng } from '../../engine/random.js';
import { gridDesign, latinHypercube, morrisDesign, randomDesign, saltelliDesign, scaleUnitValue, SOBOL_MAX_DIM } from '../designs/index.js';
import type { DesignRows, MorrisTrajectory, SaltelliLayout } from '../designs/index.js';
import type { DesignSpec, VariedParameter } from './plan.js';

export const DESIGN_KINDS = ['grid', 'random', 'latin-hypercube', 'sobol', 'morris'] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** What design.json records about a design. */
export type DesignDescriptor =
  | { kind: 'grid'; levels: number[] }
  | { kind: 'random' | 'latin-hypercube'; seed: number }
  | { kind: 'sobol'; base: 'sobol' | 'random'; seed: number; layout: SaltelliLayout }
  | {
      kind: 'morris';
      seed: number;
      levels: number;
      delta: number;
      /** Grid level (0..levels−1) of every input at every point. */
      gridRows: number[][];
      trajectories: MorrisTrajectory[];
    };

/** A sweep's points: parameter values per point (one per varied parameter, in plan order). */
export interface SweepDesign {
  values: number[][];
  descriptor: DesignDescriptor;
}

/** Grid levels of each varied parameter. */
function gridLevels(spec: DesignSpec, vary: readonly VariedParameter[]): number[] {
  return vary.map((p) => p.levels ?? spec.levels ?? 3);
}

/**
 * Number of points of a design (before replicates), without building it. A grid's count may exceed
 * 2^53 (it is then approximate), which the plan's size limit rejects anyway.
 */
export function designPointCount(spec: DesignSpec, vary: readonly VariedParameter[]): number {
  const d = vary.length;
  switch (spec.kind) {
    case 'grid':
      return gridLevels(spec, vary).reduce((a, b) => a * b, 1);
    case 'random':
    case 'latin-hypercube':
      return spec.points ?? 0;
    case 'sobol':
      return (spec.samples ?? 0) * (d + 2);
    case 'morris':
      return (spec.trajectories ?? 0) * (d + 1);
  }
}

/**
 * The value of a varied parameter at unit value u: scaled to [low, high] (log when asked), then rounded
 * (whole numbers for integer parameters, else 10 significant digits), kept within [low, high].
 */
export function variedValue(u: number, p: VariedParameter): number {
  const x = scaleUnitValue(u, { min: p.low, max: p.high, log: p.log });
  const rounded = p.integer ? Math.round(x) : Number(x.toPrecision(10));
  return Math.min(p.high, Math.max(p.low, rounded));
}

/** The design's random source, derived from its seed alone. */
function designRng(seed: number): () => number {
  return sequentialRng(`povsim-sweep-design:${seed}`);
}

/** Unit rows and descriptor of a design. */
function unitDesign(spec: DesignSpec, vary: readonly VariedParameter[]): { rows: DesignRows; descriptor: DesignDescriptor } {
  const d = vary.length;
  switch (spec.kind) {
    case 'grid': {
      const levels = gridLevels(spec, vary);
      return { rows: gridDesign(levels), descriptor: { kind: 'grid', levels } };
    }
    case 'random':
      return { rows: randomDesign(spec.points!, d, designRng(spec.seed)), descriptor: { kind: 'random', seed: spec.seed } };
    case 'latin-hypercube':
      return { rows: latinHypercube(spec.points!, d, designRng(spec.seed)), descriptor: { kind: 'latin-hypercube', seed: spec.seed } };
    case 'sobol': {
      // The Sobol sequence offers 2d ≤ SOBOL_MAX_DIM dimensions; above that, random base matrices.
      const sobol = 2 * d <= SOBOL_MAX_DIM;
      const s = saltelliDesign(spec.samples!, d, sobol ? { kind: 'sobol' } : { kind: 'random', rng: designRng(spec.seed) });
      return { rows: s.rows, descriptor: { kind: 'sobol', base: sobol ? 'sobol' : 'random', seed: spec.seed, layout: s.layout } };
    }
    case 'morris': {
      const levels = spec.levels ?? 4;
      const m = morrisDesign(spec.trajectories!, d, levels, designRng(spec.seed), spec.candidates ? { candidates: spec.candidates } : {});
      const gridRows = m.rows.map((row) => Array.from(row, (u) => Math.round(u * (levels - 1))));
      return { rows: m.rows, descriptor: { kind: 'morris', seed: spec.seed, levels, delta: m.delta, gridRows, trajectories: [...m.trajectories] } };
    }
  }
}

/**
 * Builds a sweep's points from its design spec and varied parameters (deterministic: same inputs,
 * same points, on every machine).
 * @throws RangeError from the design functions on impossible sizes (the plan loader checks first)
 */
export function buildSweepDesign(spec: DesignSpec, vary: readonly VariedParameter[]): SweepDesign {
  const { rows, descriptor } = unitDesign(spec, vary);
  const values = rows.map((row) => vary.map((p, k) => variedValue(row[k], p)));
  return { values, descriptor };
}
