/**
 * What `povsim calibrate` reports: the fit per target, the fitted values with a profile-based
 * uncertainty, and the fitted parameter file (a valid scenario that other scenarios `extends`).
 *
 * Uncertainty: the objective is Σ (error / tolerance)², a χ² if each tolerance is read as the
 * standard error of its target. Around the fitted value v of each parameter (others fixed), the
 * objective is evaluated at v − h and v + h (h = profileStep × the bounds' width; common random
 * numbers, as in the fit); its curvature f'' gives the half-width where the objective rises by 1:
 * se = sqrt(2 / f''). A flat or concave profile (f'' ≤ 0) gives no se: the targets do not pin the
 * parameter down at this step.
 */
import { LEVER_KEYS, paramSpec } from '../../model/parameters.js';
import { csvField } from '../../report/tables.js';
import type { SummaryTable } from '../../report/types.js';
import { evaluateFit, type CalibrationResult, type FittedParameter } from '../calibrate.js';
import type { ScenarioSpec } from '../run-scenario.js';
import { objective, type TargetFit } from '../targets.js';
import type { TaskRunner } from '../task.js';

/** The profile of one fitted parameter. */
export interface ProfileRow {
  key: string;
  value: number;
  lower: number;
  upper: number;
  objectiveLower: number;
  objectiveAtFit: number;
  objectiveUpper: number;
  /** Second derivative of the objective at the fit (per unit² of the parameter). */
  curvature: number;
  /** sqrt(2 / curvature), or NaN when the profile is flat or concave. */
  se: number;
  /** The fitted value lies within 1% of the bounds' width from a bound. */
  atBound: boolean;
}

/**
 * Profiles each fitted parameter at ± step × (max − min) around its fitted value, the others fixed.
 * @param objectiveAtFit the objective at the fitted values (already computed by the fit)
 * @param onEvaluation called after each of the 2 × parameters evaluations
 */
export async function profileFit(
  base: ScenarioSpec,
  parameters: readonly FittedParameter[],
  values: Record<string, number>,
  objectiveAtFit: number,
  step: number,
  run: TaskRunner,
  onEvaluation?: (done: number, total: number) => void,
): Promise<ProfileRow[]> {
  const rows: ProfileRow[] = [];
  let done = 0;
  for (const p of parameters) {
    const v = values[p.key];
    const h = step * (p.max - p.min);
    const lower = Math.max(p.min, v - h);
    const upper = Math.min(p.max, v + h);
    const at = async (x: number): Promise<number> => {
      const o = objective(await evaluateFit(base, { ...values, [p.key]: x }, run));
      onEvaluation?.(++done, 2 * parameters.length);
      return o;
    };
    const objectiveLower = lower < v ? await at(lower) : objectiveAtFit;
    const objectiveUpper = upper > v ? await at(upper) : objectiveAtFit;
    // Second difference on possibly uneven spacing (a bound may cut one side short).
    const curvature = lower < v && upper > v
      ? (2 * ((objectiveUpper - objectiveAtFit) / (upper - v) - (objectiveAtFit - objectiveLower) / (v - lower))) / (upper - lower)
      : NaN;
    const se = curvature > 0 ? Math.sqrt(2 / curvature) : NaN;
    const atBound = Math.min(v - p.min, p.max - v) <= 0.01 * (p.max - p.min);
    rows.push({ key: p.key, value: v, lower, upper, objectiveLower, objectiveAtFit, objectiveUpper, curvature, se, atBound });
  }
  return rows;
}

/** A fitted value rounded for the parameter file: whole numbers for integer parameters, else 4 significant digits. */
export function roundFitted(key: string, v: number): number {
  const spec = paramSpec(key);
  const x = spec?.integer ? Math.round(v) : Number(v.toPrecision(4));
  return spec ? Math.min(spec.max, Math.max(spec.min, x)) : x;
}

const sig = (v: number, digits = 4): string => (Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : '–');

/** The fit per target: observed, simulated (mean over replicates), error, tolerance, within. */
export function fitTable(fits: readonly TargetFit[]): SummaryTable {
  return {
    columns: ['target', 'observed', 'simulated', 'error', 'tolerance', 'fits'],
    rows: fits.map((f) => [f.name, sig(f.observed), sig(f.simulated), sig(f.error, 3), sig(f.tolerance, 3), f.withinTolerance ? 'yes' : 'no']),
  };
}

/** The fitted values with start, bounds and the profile's ± se. */
export function valuesTable(parameters: readonly FittedParameter[], values: Record<string, number>, profile: readonly ProfileRow[]): SummaryTable {
  return {
    columns: ['parameter', 'start', 'fitted', '± se (profile)', 'bounds', 'note'],
    rows: parameters.map((p) => {
      const prof = profile.find((r) => r.key === p.key);
      const note = prof?.atBound ? 'at a bound' : prof && !Number.isFinite(prof.se) ? 'flat profile' : '';
      return [p.key, sig(p.start), sig(values[p.key]), prof ? sig(prof.se, 2) : '–', `[${p.min}, ${p.max}]`, note];
    }),
  };
}

function csv(columns: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  return [columns, ...rows].map((r) => r.map((c) => csvField(typeof c === 'boolean' ? String(c) : c)).join(',')).join('\n') + '\n';
}

const full = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(10))) : '');

/** fit.csv: one row per target. */
export function fitCsv(fits: readonly TargetFit[]): string {
  return csv(['target', 'observed', 'simulated', 'error', 'tolerance', 'within_tolerance'],
    fits.map((f) => [f.name, full(f.observed), full(f.simulated), full(f.error), full(f.tolerance), f.withinTolerance]));
}

/** profile.csv: one row per fitted parameter. */
export function profileCsv(profile: readonly ProfileRow[]): string {
  return csv(['parameter', 'fitted', 'lower', 'objective_lower', 'objective_at_fit', 'upper', 'objective_upper', 'curvature', 'se', 'at_bound'],
    profile.map((r) => [r.key, full(r.value), full(r.lower), full(r.objectiveLower), full(r.objectiveAtFit), full(r.upper), full(r.objectiveUpper), full(r.curvature), full(r.se), r.atBound]));
}

/** history.csv: every evaluation of the search, in order. */
export function historyCsv(parameters: readonly FittedParameter[], history: CalibrationResult['history']): string {
  return csv(['evaluation', 'objective', ...parameters.map((p) => p.key)],
    history.map((h, i) => [i + 1, full(h.objective), ...parameters.map((p) => full(h.values[p.key]))]));
}

/** Facts written in the fitted file's comment. */
export interface FittedFileFacts {
  plan: string;
  planName: string;
  objective: number;
  evaluations: number;
  converged: boolean;
  base: ScenarioSpec;
}

/**
 * The fitted parameter file: a scenario with only `name`, `description`, `levers` and `parameters`
 * (no `extends`, no `run`), so any scenario can extend it.
 */
export function fittedScenarioYaml(values: Record<string, number>, facts: FittedFileFacts): string {
  const levers = Object.keys(values).filter((k) => (LEVER_KEYS as readonly string[]).includes(k));
  const params = Object.keys(values).filter((k) => !levers.includes(k));
  const section = (title: string, keys: string[]): string[] => (keys.length === 0 ? [] : [`${title}:`, ...keys.map((k) => `  ${k}: ${roundFitted(k, values[k])}`)]);
  const description =
    `Values fitted to the calibration targets (src/experiment/targets.ts) by povsim calibrate ${facts.plan}: ` +
    `objective ${facts.objective.toFixed(3)} (sum of squared errors in tolerance units) after ${facts.evaluations} evaluations` +
    `${facts.converged ? '' : ' (the search stopped at its evaluation limit)'}, ${facts.base.replicates} replicate(s) at scale ${facts.base.scale}, ` +
    `seed ${facts.base.seed}, around the scenario "${facts.base.name}".`;
  return [
    `# Written by \`povsim calibrate ${facts.plan}\`; re-run it to refit (do not edit by hand).`,
    '# Use it from a scenario with `extends:` (a path relative to that scenario), e.g. `extends: calibration/fitted.yaml`.',
    `name: ${JSON.stringify(`${facts.planName}-fitted`)}`,
    `description: ${JSON.stringify(description)}`,
    ...section('levers', levers),
    ...section('parameters', params),
    '',
  ].join('\n');
}

/**
 * The calibrated-values module (src/model/calibrated.ts): the one store of the defaults of the
 * parameter table's rows tagged `calibrated`, which parameters.ts reads. Values rounded as in the
 * fitted file; keys in the order given.
 * @example calibratedModule({ incomeLogSd: 0.48823 }, facts) // "… export const CALIBRATED = {\n  incomeLogSd: 0.4882,\n} as const;\n"
 */
export function calibratedModule(values: Record<string, number>, facts: FittedFileFacts): string {
  const fit =
    `objective ${facts.objective.toFixed(3)} (sum of squared errors in tolerance units) after ${facts.evaluations} evaluations` +
    `${facts.converged ? '' : ' (evaluation limit reached)'}, ${facts.base.replicates} replicate(s) at scale ${facts.base.scale}, ` +
    `seed ${facts.base.seed}, around the scenario "${facts.base.name}".`;
  return [
    `// Written by \`povsim calibrate ${facts.plan}\` (plan ${JSON.stringify(facts.planName)}, writeTable); re-run it to refit, do not edit by hand.`,
    `// Fit: ${fit}`,
    '',
    '/**',
    ' * The calibrated values: the defaults of the parameter table\'s rows tagged `calibrated`',
    ' * (src/model/parameters.ts), fitted to the calibration targets (src/experiment/targets.ts).',
    ' */',
    'export const CALIBRATED = {',
    ...Object.keys(values).map((k) => `  ${k}: ${roundFitted(k, values[k])},`),
    '} as const;',
    '',
  ].join('\n');
}
