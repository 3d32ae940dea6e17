/**
 * Calibration targets (MODEL.md section 8) and how a set of runs is scored against them.
 * Route shares are over 2014–2017 exits attributed to a batch; the ecological batch counts with
 * employment (ecological posts are public-welfare jobs, which the 2016 plan counted as employment).
 */
import { mean } from 'simple-statistics';
import type { MetricTable } from '../engine/results.js';
import type { Metric } from '../model/metrics.js';

export interface Target {
  name: string;
  /** Observed value. */
  value: number;
  /** Tolerance that counts as a fit (absolute). */
  tolerance: number;
  source: string;
  /** The simulated value from one replicate's yearly table (years from 2013). */
  simulate(yearly: MetricTable<Metric>, years: number[]): number;
}

function at(yearly: MetricTable<Metric>, years: number[], year: number, m: Metric): number {
  const i = years.indexOf(year);
  if (i < 0) throw new RangeError(`target needs year ${year}, the run covers ${years[0]}–${years[years.length - 1]}`);
  return yearly.value(i, m);
}

function sumYears(yearly: MetricTable<Metric>, years: number[], from: number, to: number, m: Metric): number {
  let s = 0;
  for (let y = from; y <= to; y++) s += at(yearly, years, y, m);
  return s;
}

/** Exits 2014–2017 by plan route, as shares of exits attributed to a batch. */
export function planRouteShares(yearly: MetricTable<Metric>, years: number[]): Record<'industry' | 'employment' | 'social_security' | 'relocation', number> {
  const ind = sumYears(yearly, years, 2014, 2017, 'exits_industry');
  const emp = sumYears(yearly, years, 2014, 2017, 'exits_employment') + sumYears(yearly, years, 2014, 2017, 'exits_ecological');
  const ss = sumYears(yearly, years, 2014, 2017, 'exits_social_security');
  const rel = sumYears(yearly, years, 2014, 2017, 'exits_relocation');
  const total = ind + emp + ss + rel;
  if (total === 0) return { industry: 0, employment: 0, social_security: 0, relocation: 0 };
  return { industry: ind / total, employment: emp / total, social_security: ss / total, relocation: rel / total };
}

export const TARGETS: readonly Target[] = [
  { name: 'official incidence 2013', value: 0.0921, tolerance: 0.001, source: 'paper', simulate: (t, y) => at(t, y, 2013, 'official_incidence') },
  { name: 'true incidence 2013', value: 0.0921, tolerance: 0.003, source: 'assume: the quota was set from the income-based estimate', simulate: (t, y) => at(t, y, 2013, 'true_incidence') },
  { name: 'official incidence 2017', value: 0.0237, tolerance: 0.003, source: 'paper', simulate: (t, y) => at(t, y, 2017, 'official_incidence') },
  { name: 'exit share industry 2014–17', value: 0.47, tolerance: 0.1, source: 'stat (2016 plan)', simulate: (t, y) => planRouteShares(t, y).industry },
  { name: 'exit share employment 2014–17', value: 0.27, tolerance: 0.1, source: 'stat (2016 plan)', simulate: (t, y) => planRouteShares(t, y).employment },
  { name: 'exit share social security 2014–17', value: 0.175, tolerance: 0.1, source: 'stat (2016 plan)', simulate: (t, y) => planRouteShares(t, y).social_security },
  { name: 'exit share relocation 2014–17', value: 0.085, tolerance: 0.1, source: 'stat (2016 plan)', simulate: (t, y) => planRouteShares(t, y).relocation },
];

export interface TargetFit {
  name: string;
  observed: number;
  simulated: number;
  error: number;
  tolerance: number;
  withinTolerance: boolean;
}

/** Mean simulated value of each target over replicates, and its error. */
export function scoreTargets(tables: { yearly: MetricTable<Metric>; years: number[] }[], targets: readonly Target[] = TARGETS): TargetFit[] {
  return targets.map((t) => {
    const sim = mean(tables.map((r) => t.simulate(r.yearly, r.years)));
    return { name: t.name, observed: t.value, simulated: sim, error: sim - t.value, tolerance: t.tolerance, withinTolerance: Math.abs(sim - t.value) <= t.tolerance };
  });
}

/** The calibration objective: sum of squared errors in units of each target's tolerance. */
export function objective(fits: readonly TargetFit[]): number {
  let s = 0;
  for (const f of fits) s += (f.error / f.tolerance) ** 2;
  return s;
}
