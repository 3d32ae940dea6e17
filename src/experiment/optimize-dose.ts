/**
 * From yuan to lever settings, for `povsim optimize`. The decision is yuan per year per suggestion;
 * the model is driven by lever settings. The dose rule of the comparison (dose-response.ts: at dose
 * t every value a suggestion changes moves the share t of the way from the baseline to the end of
 * its plausible range) turns a dose into settings, and a measured cost curve turns yuan into a dose:
 *
 *   1. cost curve  each suggestion alone at doses k/K (k = 1..K), its extra spending per year from
 *                  the start year measured against the baseline (paired, mean over replicates)
 *   2. monotone    the curve from (0, 0) made non-decreasing (running maximum), so that noise never
 *                  makes more yuan buy a smaller dose
 *   3. invert      yuan → dose by linear interpolation on the first segment that reaches the yuan;
 *                  beyond the curve's top the suggestion is saturated: it takes the dose at its
 *                  top and cannot absorb the rest (those yuan are reported as not spent)
 *
 * A mix applies every suggestion's dosed changes together over the baseline (as all-four.yaml
 * does); the suggestions change disjoint keys, which {@link mixScenario} checks.
 */
import { PARAM_KEYS, type ParamKey } from '../model/parameters.js';
import { withoutReplaced, type ScheduleChange } from '../model/schedule.js';
import { doseScenario } from './dose-response.js';
import type { ScenarioSpec } from './run-scenario.js';

/** One suggestion's measured cost curve: extra yuan per year at each dose (dose 0 costs 0). */
export interface CostCurve {
  suggestion: string;
  /** Doses measured, increasing, the last is 1. */
  doses: number[];
  /** Mean extra yuan per year at each dose, as measured. */
  yuan: number[];
}

/** Where a yuan amount lands on a cost curve. */
export interface DoseReading {
  dose: number;
  /** Yuan per year the dose is expected to cost (the amount, or less when saturated). */
  spent: number;
  saturated: boolean;
}

/** The curve's points from (0, 0), made non-decreasing in yuan (running maximum). */
export function monotoneCurve(c: CostCurve): { dose: number; yuan: number }[] {
  const pts = [{ dose: 0, yuan: 0 }];
  c.doses.forEach((d, i) => pts.push({ dose: d, yuan: Math.max(pts[pts.length - 1].yuan, c.yuan[i]) }));
  return pts;
}

/** The most a suggestion can absorb (yuan per year): the top of its monotone curve. */
export function capacityOf(c: CostCurve): number {
  const pts = monotoneCurve(c);
  return pts[pts.length - 1].yuan;
}

/**
 * The dose that `yuan` per year buys on a cost curve (see the file comment).
 * @throws RangeError on a negative or non-finite amount, or a curve that costs nothing extra at any dose
 * @example doseForYuan({ suggestion: 's', doses: [0.5, 1], yuan: [1e8, 3e8] }, 2e8) // { dose: 0.75, spent: 2e8, saturated: false }
 */
export function doseForYuan(c: CostCurve, yuan: number): DoseReading {
  if (!(yuan >= 0 && Number.isFinite(yuan))) throw new RangeError(`doseForYuan: yuan must be a finite amount ≥ 0, got ${yuan}`);
  const pts = monotoneCurve(c);
  const top = pts[pts.length - 1];
  if (!(top.yuan > 0)) throw new RangeError(`doseForYuan: ${c.suggestion} costs nothing extra at any dose, so yuan cannot buy it`);
  if (yuan === 0) return { dose: 0, spent: 0, saturated: false };
  if (yuan >= top.yuan) {
    // the first dose that reaches the top (a flat tail buys nothing more)
    const first = pts.find((p) => p.yuan >= top.yuan)!;
    return { dose: first.dose, spent: top.yuan, saturated: yuan > top.yuan };
  }
  let k = 1;
  while (pts[k].yuan < yuan) k++;
  const a = pts[k - 1];
  const b = pts[k];
  const w = b.yuan === a.yuan ? 1 : (yuan - a.yuan) / (b.yuan - a.yuan);
  return { dose: a.dose + w * (b.dose - a.dose), spent: yuan, saturated: false };
}

/** A suggestion's schedule moved by `years` (its own timing kept, only later or earlier). */
export function shiftSuggestion(baseline: ScenarioSpec, s: ScenarioSpec, years: number): ScenarioSpec {
  if (years === 0) return s;
  const base = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  const schedule = s.schedule.map((c): ScheduleChange => {
    if (base.has(JSON.stringify(c))) return c;
    return c.kind === 'step'
      ? { ...c, at: { ...c.at, year: c.at.year + years } }
      : { ...c, from: { ...c.from, year: c.from.year + years }, to: { ...c.to, year: c.to.year + years } };
  });
  return { ...s, schedule };
}

/** The keys a scenario changes over the baseline (values or schedule entries the baseline lacks). */
export function changedKeys(baseline: ScenarioSpec, s: ScenarioSpec): ParamKey[] {
  const base = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  const keys = [
    ...(Object.keys(s.values) as ParamKey[]).filter((k) => s.values[k] !== baseline.values[k]),
    ...s.schedule.filter((c) => !base.has(JSON.stringify(c))).map((c) => c.key),
  ];
  return [...new Set(keys)];
}

/**
 * The mixed scenario: the baseline with each suggestion's changes at its dose (dose 0 leaves the
 * suggestion out). Values and schedule entries are the baseline's, then each suggestion's own; the
 * schedule is sorted by the parameter table's key order (within a key, in that order), without the
 * entries a later one replaces whole (withoutReplaced).
 * @throws RangeError when two suggestions change the same key, or a dose is outside [0, 1]
 */
export function mixScenario(baseline: ScenarioSpec, suggestions: readonly ScenarioSpec[], doses: readonly number[], name: string): ScenarioSpec {
  if (doses.length !== suggestions.length) throw new RangeError(`mixScenario: ${doses.length} doses for ${suggestions.length} suggestions`);
  const owner = new Map<string, string>();
  for (const s of suggestions) {
    for (const k of changedKeys(baseline, s)) {
      const other = owner.get(k);
      if (other !== undefined && other !== s.name) throw new RangeError(`mixScenario: ${other} and ${s.name} both change ${k}; a mix needs suggestions that change different keys`);
      owner.set(k, s.name);
    }
  }
  const base = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  const values = { ...baseline.values };
  const schedule = [...baseline.schedule];
  suggestions.forEach((s, i) => {
    if (doses[i] === 0) return;
    const d = doseScenario(baseline, s, doses[i]);
    for (const k of Object.keys(d.values) as ParamKey[]) if (d.values[k] !== baseline.values[k]) values[k] = d.values[k];
    schedule.push(...d.schedule.filter((c) => !base.has(JSON.stringify(c))));
  });
  // In parameter-table order (stable: a key's own changes keep their order), as the scenario loader
  // orders a file's schedule, so optimum.yaml loads back to exactly these tasks.
  const order = (k: ParamKey): number => PARAM_KEYS.indexOf(k);
  const sorted = schedule.map((c, i) => ({ c, i })).sort((a, b) => order(a.c.key) - order(b.c.key) || a.i - b.i).map((x) => x.c);
  // An entry a later one replaces whole goes (the same series), so the optimum's file lists each key in time order.
  return { ...baseline, name, values, schedule: withoutReplaced(sorted) };
}
