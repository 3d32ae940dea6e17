/**
 * Calibration: fits chosen parameters to the targets by Nelder–Mead on the objective of targets.ts,
 * averaged over common-random-number replicates (the same seeds at every evaluation, so the objective
 * is a smooth-ish deterministic function of the parameters). Bounds are kept by optimizing in logit
 * space: value = min + (max − min) · sigmoid(x).
 */
import type { ParamKey } from '../model/parameters.js';
import { nelderMead } from './nelder-mead.js';
import { scenarioTasks, type ScenarioSpec } from './run-scenario.js';
import { objective, scoreTargets, TARGETS, type Target, type TargetFit } from './targets.js';
import { resultTables, type TaskRunner } from './task.js';

export interface FittedParameter {
  key: ParamKey;
  min: number;
  max: number;
  start: number;
}

export interface CalibrationPlan {
  base: ScenarioSpec;
  parameters: FittedParameter[];
  targets?: readonly Target[];
  maxEvaluations: number;
}

export interface CalibrationResult {
  values: Record<string, number>;
  fits: TargetFit[];
  objective: number;
  evaluations: number;
  converged: boolean;
  history: { values: Record<string, number>; objective: number }[];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (u: number): number => Math.log(u / (1 - u));

function toValues(plan: CalibrationPlan, x: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  plan.parameters.forEach((p, i) => {
    out[p.key] = p.min + (p.max - p.min) * sigmoid(x[i]);
  });
  return out;
}

/** Scores one parameter set: runs the base scenario's replicates with the values and compares to targets. */
export async function evaluateFit(base: ScenarioSpec, values: Record<string, number>, run: TaskRunner, targets: readonly Target[] = TARGETS): Promise<TargetFit[]> {
  const tasks = scenarioTasks({ ...base, values: { ...base.values, ...values } }, false);
  const results = await run(tasks);
  return scoreTargets(results.map((r) => resultTables(r)), targets);
}

/** Runs the fit; every evaluation's replicates go through `run` (in Node: the worker pool's `poolRunner`). */
export async function calibrate(plan: CalibrationPlan, run: TaskRunner, log?: (line: string) => void): Promise<CalibrationResult> {
  const targets = plan.targets ?? TARGETS;
  const history: CalibrationResult['history'] = [];
  const x0 = plan.parameters.map((p) => logit(Math.min(0.99, Math.max(0.01, (p.start - p.min) / (p.max - p.min)))));
  const res = await nelderMead(
    async (x) => {
      const values = toValues(plan, x);
      const obj = objective(await evaluateFit(plan.base, values, run, targets));
      history.push({ values, objective: obj });
      log?.(`${history.length}\t${obj.toFixed(4)}\t${Object.entries(values).map(([k, v]) => `${k}=${v.toPrecision(4)}`).join(' ')}`);
      return obj;
    },
    x0,
    { maxEvaluations: plan.maxEvaluations, step: plan.parameters.map(() => 0.4), tolerance: 1e-3 },
  );
  const values = toValues(plan, res.x);
  const fits = await evaluateFit(plan.base, values, run, targets);
  return { values, fits, objective: objective(fits), evaluations: res.evaluations, converged: res.converged, history };
}
