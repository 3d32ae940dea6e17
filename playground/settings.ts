/**
 * The playground's settings: which controls exist, what a student has set, and the two run
 * specifications (baseline and current) the settings stand for. Pure and browser-safe; the page,
 * the URL codec, the scenario export and the tests all build on these functions.
 *
 * The controls are the four levers and every parameter of the table tagged `assume`, grouped by the
 * table's group. A slider spans the table's plausible range [low, high].
 */
import { LEVER_KEYS, PARAMETERS, defaultParams, type LeverKey, type ParamGroup, type ParamKey, type ParamSpec, type Params } from '../src/model/parameters.js';
import type { ScheduleChange } from '../src/model/schedule.js';

/** Last simulated year: every view of the page reads 2020. */
export const END_YEAR = 2020;
/** The year the paper's suggestions start: the comparison's own constant (the CLI's `compare` counts extra spending from it). */
export { POLICY_YEAR } from '../src/experiment/compare-plan.js';
/** Years from which the levers may act: the whole run, or like the paper's suggestions. */
export const LEVERS_FROM = [2014, 2018] as const;
export type LeversFrom = (typeof LEVERS_FROM)[number];
/** What the current settings are compared with. */
export const BASELINES = ['defaults', 'assumptions'] as const;
export type BaselineKind = (typeof BASELINES)[number];

/** Run sizes offered in the page. At the default (0.001, 6 replicates) an update runs 6 simulations of 10,000 households: about a second on 2 cores. */
export const SCALES = [0.0005, 0.001, 0.002, 0.005, 0.01] as const;
export const REPLICATES = [2, 3, 4, 6, 8, 10, 12, 16, 20] as const;
export { SEED_MAX } from '../src/engine/random.js';

/** Everything a student can set. Values equal to a table default are never stored. */
export interface Settings {
  /** Experiment name, written as the scenario's `name`. */
  name: string;
  /** Levers and parameters that differ from the table default. Levers act from `leversFrom`. */
  values: Partial<Params>;
  /** Time-varying changes of a loaded scenario that no slider represents, in file order. */
  schedule: ScheduleChange[];
  leversFrom: LeversFrom;
  baseline: BaselineKind;
  seed: number;
  scale: number;
  replicates: number;
}

/** The page's defaults. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  name: 'playground',
  values: {},
  schedule: [],
  leversFrom: 2018,
  baseline: 'defaults',
  seed: 1,
  scale: 0.001,
  replicates: 6,
});

/** A fresh copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, values: {}, schedule: [] };
}

const LEVER_SET: ReadonlySet<string> = new Set(LEVER_KEYS);

/** True when `key` is one of the four levers. */
export function isLever(key: string): key is LeverKey {
  return LEVER_SET.has(key);
}

/** One group of sliders. */
export interface ControlGroup {
  group: ParamGroup;
  title: string;
  specs: ParamSpec[];
}

const GROUP_TITLES: Record<ParamGroup, string> = {
  lever: 'The four levers (the paper\'s suggestions)',
  population: 'Population',
  income: 'Income',
  shocks: 'Shocks',
  motivation: 'Motivation',
  cadres: 'Cadres',
  industry: 'Industry',
  assistance: 'Assistance',
  relocation: 'Relocation',
  registry: 'Registry: identification and exit',
  costs: 'Unit costs',
};

/** The paper's suggestion behind each lever. */
export const LEVER_SUGGESTION: Record<LeverKey, string> = {
  industryCoverage: 'Suggestion 1, "prosperous industry"',
  subsidyLevel: 'Suggestion 2, "ecological livability"',
  culturalMotivation: 'Suggestion 3, "village civilization"',
  cadreEffort: 'Suggestion 4, "effective governance"',
};

/** The slider groups in table order: the levers first, then the `assume` parameters by group. */
export function controlGroups(): ControlGroup[] {
  const groups: ControlGroup[] = [];
  for (const s of PARAMETERS) {
    if (!isLever(s.key) && s.source !== 'assume') continue;
    const group = isLever(s.key) ? 'lever' : s.group;
    let g = groups.find((x) => x.group === group);
    if (!g) {
      g = { group, title: GROUP_TITLES[group], specs: [] };
      groups.push(g);
    }
    g.specs.push(s);
  }
  return groups; // the table lists the levers first
}

/** Keys that have a slider. */
export function sliderKeys(): ParamKey[] {
  return controlGroups().flatMap((g) => g.specs.map((s) => s.key as ParamKey));
}

/** "cadreEffort" → "Cadre effort". */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isMultiple(x: number, step: number): boolean {
  const q = x / step;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

/** Decimal places of a step (0.025 → 3). */
export function stepDecimals(step: number): number {
  if (Number.isInteger(step)) return 0;
  const s = step.toPrecision(12).replace(/0+$/, '');
  return Math.max(0, s.length - s.indexOf('.') - 1);
}

/**
 * Slider geometry of a parameter: range [low, high] widened to hold `extra` values (e.g. a value from
 * a shared link), and the largest round step (1, 2, 2.5 or 5 × 10^k; whole for integer parameters) that
 * gives at least 50 positions and puts the range ends, the default and every extra value on the grid.
 */
export function sliderGeometry(s: ParamSpec, extra: readonly number[] = []): { min: number; max: number; step: number; decimals: number } {
  const min = Math.min(s.low, ...extra);
  const max = Math.max(s.high, ...extra);
  const span = max - min;
  const points = [s.default, max, ...extra].map((v) => v - min);
  let chosen = 0;
  for (let k = Math.floor(Math.log10(span)); k >= -9 && chosen === 0; k--) {
    for (const m of [5, 2.5, 2, 1]) {
      const c = Number((m * 10 ** k).toPrecision(6));
      if (s.integer && !Number.isInteger(c)) continue;
      if (span / c < 50 && !(s.integer && c === 1)) continue;
      if (points.every((v) => isMultiple(v, c))) {
        chosen = c;
        break;
      }
    }
    if (s.integer && k < 0) break;
  }
  const step = chosen || (s.integer ? 1 : span / 1000);
  return { min, max, step, decimals: stepDecimals(step) };
}

/** A value rounded to a step's decimals (removes float noise such as 0.30000000000000004). */
export function roundToStep(v: number, step: number): number {
  return Number(v.toFixed(stepDecimals(step)));
}

/** The value a control shows: the set value or the default. */
export function valueOf(settings: Settings, key: ParamKey): number {
  return settings.values[key] ?? defaultParams()[key];
}

/** Settings with one value changed; a value equal to the default is removed. Sliders replace loaded schedules of their key. */
export function withValue(settings: Settings, key: ParamKey, value: number): Settings {
  const values = { ...settings.values };
  if (value === defaultParams()[key]) delete values[key];
  else values[key] = value;
  return { ...settings, values, schedule: settings.schedule.filter((c) => c.key !== key) };
}

/** A run of the model as the page and the CLI describe it. */
export interface RunSetup {
  params: Params;
  schedule: ScheduleChange[];
  seed: number;
  scale: number;
  endYear: number;
  replicates: number;
}

/** Lever values that differ from the defaults, as schedule steps from `leversFrom` (2018), or none (2014). */
function leverSteps(settings: Settings): ScheduleChange[] {
  if (settings.leversFrom === 2014) return [];
  return LEVER_KEYS.filter((k) => settings.values[k] !== undefined).map((key) => ({
    kind: 'step' as const,
    key,
    at: { year: settings.leversFrom, month: 1 },
    value: settings.values[key]!,
  }));
}

/**
 * The current settings as a run: table defaults overridden by the assumption values (from the start)
 * and by the levers (from the start, or as steps from 2018), then the loaded schedule.
 */
export function currentSetup(settings: Settings): RunSetup {
  const params = defaultParams();
  for (const [k, v] of Object.entries(settings.values) as [ParamKey, number][]) {
    if (isLever(k) && settings.leversFrom !== 2014) continue;
    params[k] = v;
  }
  return { params, schedule: [...leverSteps(settings), ...settings.schedule], ...runSize(settings) };
}

/**
 * The baseline the current settings are compared with: the table defaults, or the defaults with the
 * student's assumption values (parameters that are not levers) and no scheduled change.
 */
export function baselineSetup(settings: Settings): RunSetup {
  const params = defaultParams();
  if (settings.baseline === 'assumptions') {
    for (const [k, v] of Object.entries(settings.values) as [ParamKey, number][]) if (!isLever(k)) params[k] = v;
  }
  return { params, schedule: [], ...runSize(settings) };
}

function runSize(settings: Settings): Pick<RunSetup, 'seed' | 'scale' | 'endYear' | 'replicates'> {
  return { seed: settings.seed, scale: settings.scale, endYear: END_YEAR, replicates: settings.replicates };
}

/** Just the assumption values (non-lever parameters) of the settings. */
export function assumptionValues(settings: Settings): Partial<Params> {
  const out: Partial<Params> = {};
  for (const [k, v] of Object.entries(settings.values) as [ParamKey, number][]) if (!isLever(k)) out[k] = v;
  return out;
}
