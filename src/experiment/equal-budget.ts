/**
 * Equal-budget comparison: each suggestion is scaled to cost the same extra yuan per year.
 *
 * A suggestion is a package of parameter changes. At intensity α every changed value moves α of the
 * way from the baseline value to the suggestion's value (α = 1 is the shipped file; α may exceed 1
 * up to the parameter's valid range). The extra yuan a package costs is measured, not assumed: the
 * model books every measure at its unit cost from the parameter table (industryCoverageCost,
 * cultureProgramCost, cadreCostPerEffort, trainingDayCost, subsidyLevel per relocation, ...), and a
 * package's cost includes what it changes downstream (more relocations, fewer dibao payments). So α is
 * found from the measured cost at α = 1, α = budget / cost(1), then corrected once by the secant rule.
 */
import { paramSpec, type Params, type ParamKey } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { resolveParams, type ScenarioSpec } from './run-scenario.js';

function scaleValue(key: ParamKey, base: number, target: number, alpha: number): number {
  const spec = paramSpec(key);
  let v = base + alpha * (target - base);
  if (spec) {
    v = Math.min(spec.max, Math.max(spec.min, v));
    if (spec.integer) v = Math.round(v);
  }
  return v;
}

/** The scenario at intensity α relative to the baseline (values and schedule scaled). */
export function scaleScenario(baseline: ScenarioSpec, s: ScenarioSpec, alpha: number): ScenarioSpec {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`scaleScenario: intensity must be a finite number ≥ 0, got ${alpha}`);
  const base: Params = resolveParams(baseline.values);
  const values: Partial<Params> = {};
  for (const [k, v] of Object.entries(s.values) as [ParamKey, number][]) values[k] = scaleValue(k, base[k], v, alpha);
  const baseSchedule = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  const schedule: ScheduleChange[] = s.schedule.map((c) =>
    baseSchedule.has(JSON.stringify(c)) ? c : { ...c, value: scaleValue(c.key, base[c.key], c.value, alpha) },
  );
  return { ...s, name: `${s.name} (equal budget)`, values, schedule };
}

/** α that costs `budget` given the measured cost at α = 1 (linear guess); null when the package costs nothing. */
export function firstIntensity(budgetPerYear: number, costAtOne: number): number | null {
  if (!(costAtOne > 0)) return null;
  return budgetPerYear / costAtOne;
}

/** Secant correction: α' = α × budget / cost(α), when the measured cost missed by more than `tolerance`. */
export function correctIntensity(alpha: number, budgetPerYear: number, cost: number, tolerance = 0.15): number {
  if (!(cost > 0)) return alpha;
  return Math.abs(cost - budgetPerYear) / budgetPerYear > tolerance ? (alpha * budgetPerYear) / cost : alpha;
}
