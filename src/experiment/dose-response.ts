/**
 * Dose–response of a suggestion: its effect and extra cost over a grid of doses across its plausible
 * range. A suggestion is a package of parameter changes; at dose t (0..1) every value it changes
 * moves the share t of the way from the baseline's value to the end of that parameter's plausible
 * range in the direction the suggestion moves it (t = 0 is the baseline; t = 1 every lever at the
 * plausible end). Timing (from when, ramps) stays the suggestion's own.
 */
import { paramSpec, type ParamKey, type Params } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import type { ScenarioTables } from './compare.js';
import { costOf, effectsOf } from './compare.js';
import type { Effect } from './paired.js';
import { resolveParams, type ScenarioSpec } from './run-scenario.js';

/** The doses of a grid of `n` points: 1/n, 2/n, …, 1. */
export function doseGrid(n: number): number[] {
  if (!(Number.isInteger(n) && n >= 2 && n <= 20)) throw new RangeError(`doseGrid: need 2 to 20 doses, got ${n}`);
  return Array.from({ length: n }, (_, i) => (i + 1) / n);
}

function doseValue(key: ParamKey, base: number, target: number, t: number): number {
  const spec = paramSpec(key);
  if (!spec || target === base) return target;
  const end = target > base ? Math.max(spec.high, target) : Math.min(spec.low, target);
  const v = base + t * (end - base);
  return spec.integer ? Math.round(v) : v;
}

/** The value a scenario sets a key to, over the baseline's (for the dose's end direction). */
export function doseScenario(baseline: ScenarioSpec, s: ScenarioSpec, t: number): ScenarioSpec {
  if (!(t >= 0 && t <= 1)) throw new RangeError(`doseScenario: the dose must be in [0, 1], got ${t}`);
  const base: Params = resolveParams(baseline.values);
  const values: Partial<Params> = { ...s.values };
  for (const [k, v] of Object.entries(s.values) as [ParamKey, number][]) {
    if (baseline.values[k] !== v) values[k] = doseValue(k, base[k], v, t);
  }
  const baseSchedule = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  const schedule: ScheduleChange[] = s.schedule.map((c) => (baseSchedule.has(JSON.stringify(c)) ? c : { ...c, value: doseValue(c.key, base[c.key], c.value, t) }));
  return { ...s, name: `${s.name} @ dose ${t.toFixed(2)}`, values, schedule };
}

/** One point of a dose–response curve. */
export interface DosePoint {
  scenario: string;
  dose: number;
  /** What the dose sets, in words: `subsidyLevel=51860; relocationCredit=…`. */
  setting: string;
  /** Extra yuan per year from the first year that differs (mean of paired differences). */
  extraYuanPerYear: number;
  extraSpending: Effect;
  /** Paired effects at the report years, by outcome id then year. */
  effects: { outcome: string; year: number; effect: Effect }[];
}

/** The keys and values a dose sets, for the CSV. */
export function doseSetting(baseline: ScenarioSpec, dosed: ScenarioSpec): string {
  const base = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  const parts = [
    ...Object.entries(dosed.values).filter(([k, v]) => baseline.values[k as ParamKey] !== v).map(([k, v]) => `${k}=${Number(v.toPrecision(6))}`),
    ...dosed.schedule.filter((c) => !base.has(JSON.stringify(c))).map((c) => `${c.key}=${Number(c.value.toPrecision(6))}`),
  ];
  return [...new Set(parts)].join('; ');
}

/** A dose point from the runs of the dosed scenario and of the baseline. */
export function dosePoint(name: string, dose: number, setting: string, s: ScenarioTables, b: ScenarioTables, years: readonly number[]): DosePoint {
  const c = costOf(s, b, b.years[b.years.length - 1]);
  return {
    scenario: name, dose, setting, extraYuanPerYear: c.extraSpendingPerYear, extraSpending: c.extraSpending,
    effects: effectsOf(s, b, years).map((e) => ({ outcome: e.outcome, year: e.year, effect: e.effect })),
  };
}
