/**
 * The second layer of uncertainty: the model's stated assumptions (source `assume` in the parameter
 * table) drawn over their plausible ranges, so that "how sure are we" covers more than Monte-Carlo
 * noise. Every scenario of a comparison is run under the same draws with the same seeds (common
 * random numbers inside each draw), so a draw changes the world, not the luck.
 *
 *   1. ranges   the `assume` parameters that no compared scenario changes (a scenario's own choices
 *               are its policy, not an assumption), each over [low, high]
 *   2. design   a Latin hypercube of n draws (seeded; integer parameters rounded)
 *   3. effects  per draw: the paired mean effect of each scenario on each outcome at each report year
 *   4. summary  per scenario, outcome and year: median and 90% interval across draws, and the
 *               distribution of the rank of each single alternative (rank 1 = best)
 */
import { mean, quantile } from 'simple-statistics';
import { sequentialRng } from '../engine/random.js';
import { PARAMETERS, type ParamKey, type Params } from '../model/parameters.js';
import { OUTCOMES, outcome, outcomeValues } from './compare-values.js';
import type { ScenarioTables } from './compare.js';
import { latinHypercube } from './designs/latinHypercube.js';
import type { ScenarioSpec } from './run-scenario.js';

/** One assumption drawn over its plausible range. */
export interface AssumptionRange { key: ParamKey; low: number; high: number; integer: boolean }

/** Keys a scenario sets itself, in its values or its schedule, differently from the baseline. */
function keysChangedBy(baseline: ScenarioSpec, s: ScenarioSpec): string[] {
  const changed = Object.entries(s.values).filter(([k, v]) => baseline.values[k as ParamKey] !== v).map(([k]) => k);
  const base = new Set(baseline.schedule.map((c) => JSON.stringify(c)));
  return [...changed, ...s.schedule.filter((c) => !base.has(JSON.stringify(c))).map((c) => c.key)];
}

/**
 * The assumptions to draw: every `assume` parameter of the table that is not a lever, has a
 * plausible range wider than a point, and is not changed by any compared scenario.
 */
export function assumptionRanges(baseline: ScenarioSpec, scenarios: readonly ScenarioSpec[]): AssumptionRange[] {
  const policy = new Set(scenarios.flatMap((s) => keysChangedBy(baseline, s)));
  return PARAMETERS.filter((p) => p.source === 'assume' && p.group !== 'lever' && p.high > p.low && !policy.has(p.key))
    .map((p) => ({ key: p.key as ParamKey, low: p.low, high: p.high, integer: p.integer === true }));
}

/**
 * `n` draws of the assumptions, a Latin hypercube over their ranges from a seeded generator.
 * @throws RangeError when n < 2 or there is nothing to draw
 * @example assumptionDraws([{ key: 'noLaborShare', low: 0.06, high: 0.2, integer: false }], 4, 1) // 4 values, one per quarter of the range
 */
export function assumptionDraws(ranges: readonly AssumptionRange[], n: number, seed: number): Partial<Params>[] {
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`assumptionDraws: need at least 2 draws, got ${n}`);
  if (ranges.length === 0) throw new RangeError('assumptionDraws: no assumption to draw');
  const rows = latinHypercube(n, ranges.length, sequentialRng(`assumption-draws:${seed}`));
  return rows.map((u) => {
    const d: Partial<Params> = {};
    ranges.forEach((r, k) => {
      const v = r.low + u[k] * (r.high - r.low);
      d[r.key] = r.integer ? Math.round(v) : v;
    });
    return d;
  });
}

/** A scenario under one draw: the drawn assumptions replace the table's and the baseline's values. */
export function specUnderDraw(s: ScenarioSpec, draw: Partial<Params>, replicates: number): ScenarioSpec {
  return { ...s, values: { ...s.values, ...draw }, replicates };
}

/** Runs of one draw: the baseline and every scenario (same seeds). */
export interface DrawRuns { draw: Partial<Params>; baseline: ScenarioTables; scenarios: ScenarioTables[] }

/** One scenario's paired mean effect on one outcome at one year in one draw. */
export interface DrawEffect { draw: number; scenario: string; outcome: string; year: number; effect: number; replicates: number }

/** Paired mean effects of every scenario in every draw, on every available outcome at the years. */
export function drawEffects(draws: readonly DrawRuns[], years: readonly number[]): DrawEffect[] {
  const out: DrawEffect[] = [];
  draws.forEach((d, i) => {
    for (const s of d.scenarios) {
      for (const o of OUTCOMES) {
        for (const year of years) {
          const a = outcomeValues(s, o, year);
          const b = outcomeValues(d.baseline, o, year);
          if (!a || !b) continue;
          out.push({ draw: i, scenario: s.spec.name, outcome: o.id, year, effect: mean(a.values.map((v, r) => v - b.values[r])), replicates: a.values.length });
        }
      }
    }
  });
  return out;
}

/** Median and 90% interval across draws of one scenario's effect. */
export interface DrawSummary { scenario: string; outcome: string; year: number; median: number; lo: number; hi: number; draws: number }

/** Median and 5–95% across draws, per scenario, outcome and year. */
export function summarizeDraws(effects: readonly DrawEffect[]): DrawSummary[] {
  const groups = new Map<string, DrawEffect[]>();
  for (const e of effects) {
    const k = JSON.stringify([e.scenario, e.outcome, e.year]);
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.values()].map((g) => {
    const xs = g.map((e) => e.effect);
    return { scenario: g[0].scenario, outcome: g[0].outcome, year: g[0].year, median: quantile(xs, 0.5), lo: quantile(xs, 0.05), hi: quantile(xs, 0.95), draws: xs.length };
  });
}

/** Probability (share of draws) that a scenario takes a rank on an outcome at a year. */
export interface RankProbability { scenario: string; outcome: string; year: number; rank: number; probability: number }

/**
 * The rank distribution of the `contenders` (rank 1 = best effect by the outcome's direction; ties
 * share the better rank), per outcome and year, as shares of the draws. Every (scenario, rank) pair
 * is listed, zeros included, so each scenario's probabilities sum to 1.
 */
export function rankProbabilities(effects: readonly DrawEffect[], contenders: readonly string[]): RankProbability[] {
  const out: RankProbability[] = [];
  const keys = [...new Set(effects.map((e) => JSON.stringify([e.outcome, e.year])))];
  for (const k of keys) {
    const [o, year] = JSON.parse(k) as [string, number];
    const sign = outcome(o).better === 'lower' ? 1 : -1;
    const rows = effects.filter((e) => e.outcome === o && e.year === year && contenders.includes(e.scenario));
    const draws = [...new Set(rows.map((e) => e.draw))];
    const counts = new Map(contenders.map((c) => [c, new Array<number>(contenders.length).fill(0)]));
    let complete = 0;
    for (const d of draws) {
      const inDraw = rows.filter((e) => e.draw === d);
      if (inDraw.length !== contenders.length) continue;
      complete++;
      for (const e of inDraw) {
        const better = inDraw.filter((x) => sign * x.effect < sign * e.effect).length;
        counts.get(e.scenario)![better]++;
      }
    }
    if (complete === 0) continue;
    for (const c of contenders) counts.get(c)!.forEach((n, r) => out.push({ scenario: c, outcome: o, year, rank: r + 1, probability: n / complete }));
  }
  return out;
}
