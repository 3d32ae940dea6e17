/**
 * Calibration plans (`povsim calibrate <plan.yaml>`): which parameters to fit to the targets
 * (targets.ts), within which bounds and from which start, around which base scenario:
 *
 *   name: baseline-fit
 *   base: ../baseline.yaml                 # relative to this plan
 *   fit:
 *     incomeLogSd: { min: 0.3, max: 1.0 }  # start: the base scenario's value (else the table default)
 *     assistanceRate: { min: 0.04, max: 0.3, start: 0.12 }
 *     industryCoverage: {}                 # bounds: the plausible range, widened to hold the start
 *   replicates: 4                          # replicates, seed, scale, endYear default to the base's run
 *   seed: 1
 *   scale: 0.005
 *   endYear: 2017                          # the targets need 2013–2017
 *   maxEvaluations: 80
 *   profileStep: 0.05                      # profile at ± this share of each parameter's bounds
 *   output: fitted.yaml                    # the fitted parameter file, relative to this plan
 *   writeTable: ../../src/model/calibrated.ts  # also rewrite the table's calibrated values (then
 *                                          # no fitted file unless `output:` is given)
 *
 * Validated like sweep plans and scenarios: every problem with file:line:column, key and a hint.
 */
import type { Diagnostic } from '../../engine/diagnostics.js';
import { defaultParams, PARAM_KEYS, PARAMETERS, paramSpec, type ParamKey } from '../../model/parameters.js';
import { extensionOf, type ScenarioFiles } from '../../scenario/files.js';
import type { PathSegment } from '../../scenario/source.js';
import type { FittedParameter } from '../calibrate.js';
import type { ScenarioSpec } from '../run-scenario.js';
import * as msg from './plan-messages.js';
import { checkOverrides, readBase, readPlanHeader, type PlanOverrides } from './plan.js';
import { closest, openPlan, type PlanReader } from './plan-reader.js';

/** Last year the calibration targets read (official incidence 2017; route shares 2014–2017). */
export const TARGETS_LAST_YEAR = 2017;

const TOP_KEYS = ['$schema', 'name', 'description', 'base', 'fit', 'replicates', 'seed', 'scale', 'endYear', 'maxEvaluations', 'profileStep', 'output', 'writeTable'] as const;
const FIT_KEYS = ['min', 'max', 'start'] as const;

/** Where a path was named, for diagnostics: a plan key (`output`, `writeTable`) or a flag (`--fitted`, `--table`). */
export type NamedAt = Pick<Diagnostic, 'file' | 'line' | 'column' | 'key'>;

/** A file `povsim calibrate` writes outside its output folder: absolute path, the path as shown, where it was named. */
export interface CalibrationTarget {
  abs: string;
  display: string;
  from: NamedAt;
}

/** A file the plan reads (the plan itself, its base scenario, the scenarios the base extends): none may be overwritten. */
export interface CalibrationInput {
  abs: string;
  display: string;
  role: 'the plan' | 'the base scenario' | 'a scenario the base extends';
}

/** Why `path` cannot name the fitted parameter file (a scenario: .yaml or .yml), or undefined when it can. */
export function fittedPathReason(path: string): string | undefined {
  return ['.yaml', '.yml'].includes(extensionOf(path).toLowerCase()) ? undefined : 'it must end in .yaml or .yml';
}

/** Why `path` cannot name the calibrated-values module (a TypeScript module: .ts), or undefined when it can. */
export function tablePathReason(path: string): string | undefined {
  return extensionOf(path).toLowerCase() === '.ts' ? undefined : 'it must end in .ts';
}

/**
 * Whether a plan fitting `fitted` may rewrite the calibrated-values module: it must fit exactly the
 * table's rows tagged `calibrated` (the module is their one store; a row left out would lose its value).
 */
export function fitsCalibratedRows(fitted: readonly string[]): boolean {
  const table = calibratedKeys();
  return fitted.length === table.length && table.every((k) => fitted.includes(k));
}

/** A validated calibration plan with its base scenario resolved. */
export interface LoadedCalibrationPlan {
  name: string;
  description: string;
  /** The base scenario as a run spec, with the plan's run settings. */
  base: ScenarioSpec;
  parameters: FittedParameter[];
  maxEvaluations: number;
  /** Profile half-width, as a share of each parameter's bounds. */
  profileStep: number;
  /** The fitted parameter file: absolute path and the path as shown; null when the plan writes only the table. */
  output: CalibrationTarget | null;
  /**
   * The calibrated-values module to rewrite (`writeTable:`, src/model/calibrated.ts for the shipped
   * plan), or null. When set, the plan fits exactly the table's rows tagged `calibrated`.
   */
  table: CalibrationTarget | null;
  /** The files the plan reads: the plan, its base scenario and the base's `extends` chain (leaf first). */
  inputs: CalibrationInput[];
}

/** Keys of the parameter table's rows tagged `calibrated`, in table order. */
export function calibratedKeys(): ParamKey[] {
  return PARAMETERS.filter((s) => s.source === 'calibrated').map((s) => s.key);
}

/** Reads one `fit:` entry: bounds default to the plausible range widened to hold the start. */
function readFitted(r: PlanReader, key: string, value: unknown, baseValue: number): FittedParameter | undefined {
  const path: PathSegment[] = ['fit', key];
  const spec = paramSpec(key);
  if (!spec) return r.problem(path, msg.unknownParameter(key, closest(key, PARAM_KEYS)), 'key');
  const entry = value === null ? {} : r.mapping(value, path);
  if (!entry) return undefined;
  r.unknownKeys(entry, path, FIT_KEYS);
  const rule = { min: spec.min, max: spec.max };
  const start = entry.start === undefined ? baseValue : r.number(entry, 'start', path, rule);
  const min = entry.min === undefined ? Math.min(spec.low, start ?? spec.low) : r.number(entry, 'min', path, rule);
  const max = entry.max === undefined ? Math.max(spec.high, start ?? spec.high) : r.number(entry, 'max', path, rule);
  if (start === undefined || min === undefined || max === undefined) return undefined;
  if (!(min < max)) return r.problem([...path, entry.max !== undefined ? 'max' : 'min'], msg.boundsBackwards(min, max));
  if (start < min || start > max) return r.problem(entry.start !== undefined ? [...path, 'start'] : path, msg.startOutsideBounds(start, min, max));
  return { key: key as ParamKey, min, max, start };
}

/**
 * Loads and validates a calibration plan and its base scenario through a reader (in Node:
 * `loadCalibrationPlan` of src/node/sweep-plans.ts).
 * @throws InputError with every problem found
 */
export function loadCalibrationPlanWith(files: ScenarioFiles, file: string, overrides: PlanOverrides = {}): LoadedCalibrationPlan {
  checkOverrides(overrides);
  const r = openPlan(files, file);
  const top = r.mapping(r.data, []);
  if (!top) return r.throwIfProblems() as never;
  const { name, description, planRun } = readPlanHeader(r, top, TOP_KEYS);
  const maxEvaluations = r.number(top, 'maxEvaluations', [], { min: 1, max: 100_000, integer: true }) ?? 100;
  const profileStep = r.number(top, 'profileStep', [], { min: 0.001, max: 0.5 }) ?? 0.05;
  const tableText = r.text(top, 'writeTable', [], 1000);
  const tableReason = typeof top.writeTable === 'string' ? tablePathReason(top.writeTable) : undefined;
  if (tableReason !== undefined) r.problem(['writeTable'], msg.tablePathInvalid(tableReason));
  // With writeTable the module is the store; a fitted file is written only when asked for.
  const outputText = r.text(top, 'output', [], 1000) ?? (tableText === undefined ? 'fitted.yaml' : undefined);
  const outputReason = typeof top.output === 'string' ? fittedPathReason(top.output) : undefined;
  if (outputReason !== undefined) r.problem(['output'], msg.outputPathInvalid(outputReason));
  const endYear = overrides.endYear ?? planRun.endYear;
  if (endYear !== undefined && endYear < TARGETS_LAST_YEAR) {
    r.problem(overrides.endYear !== undefined ? [] : ['endYear'], msg.endYearTooEarly(endYear, TARGETS_LAST_YEAR, 'the calibration targets'));
  }
  if (top.fit === undefined) r.problem([], msg.nothingToFit());
  const fitMap = top.fit === undefined ? undefined : r.mapping(top.fit, ['fit']);
  const base = readBase(r, top, endYear);
  r.throwIfProblems();
  if (!base || name === undefined) throw new Error('loadCalibrationPlanWith: internal error: no problem recorded for a missing field');
  const values = { ...defaultParams(), ...base.values };
  const parameters: FittedParameter[] = [];
  const scheduled = new Set(base.schedule.map((c) => c.key));
  for (const [key, value] of Object.entries(fitMap ?? {})) {
    const p = readFitted(r, key, value, values[key as ParamKey] ?? NaN);
    if (!p) continue;
    if (scheduled.has(p.key)) r.problem(['fit', key], msg.variedAndScheduled(key, base.name), 'key');
    parameters.push(p);
  }
  if (fitMap && Object.keys(fitMap).length === 0) r.problem(['fit'], msg.nothingToFit());
  if (tableText !== undefined) {
    const fitted = parameters.map((p) => p.key);
    if (!fitsCalibratedRows(fitted)) r.problem(['writeTable'], msg.tableKeysDiffer(fitted, calibratedKeys()));
  }
  const effectiveEnd = endYear ?? base.run.endYear;
  if (effectiveEnd < TARGETS_LAST_YEAR && endYear === undefined) r.problem(['base'], msg.endYearTooEarly(effectiveEnd, TARGETS_LAST_YEAR, 'the calibration targets'));
  r.throwIfProblems();
  const at = (text: string | undefined, key: 'output' | 'writeTable'): CalibrationTarget | null => {
    if (text === undefined) return null;
    // A default (`fitted.yaml` when there is no output:) is named by the plan as a whole.
    const pos = top[key] === undefined ? { line: 0, column: 0 } : r.source.locate([key], 'value');
    return { abs: files.absolute(files.relativeTo(r.abs, text)), display: files.relativeTo(r.display, text), from: { file: r.display, line: pos.line, column: pos.column, key } };
  };
  const baseDisplay = files.relativeTo(r.display, top.base as string);
  const inputs: CalibrationInput[] = [
    { abs: r.abs, display: r.display, role: 'the plan' },
    { abs: base.file, display: baseDisplay, role: 'the base scenario' },
    ...base.chain.filter((f) => f !== base.file).reverse().map((f): CalibrationInput => ({ abs: f, display: f, role: 'a scenario the base extends' })),
  ];
  return {
    name,
    description,
    base: {
      name: base.name,
      values: base.values,
      schedule: base.schedule,
      replicates: overrides.replicates ?? planRun.replicates ?? base.run.replicates,
      seed: overrides.seed ?? planRun.seed ?? base.run.seed,
      scale: overrides.scale ?? planRun.scale ?? base.run.scale,
      endYear: effectiveEnd,
    },
    parameters,
    maxEvaluations,
    profileStep,
    output: at(outputText, 'output'),
    table: at(tableText, 'writeTable'),
    inputs,
  };
}

