/**
 * Turns a comparison into tidy CSV files and into the report layer's input. Pure: no files are
 * written here; every CSV goes through the one RFC 4180 writer (report/csv.ts).
 *
 * Units: every CSV column says its unit in its name or in a `unit` column; fractions stay fractions
 * (0..1) in the CSV files (percentage points are only a display unit, in the terminal and the page).
 */
import { toCsv, sig, whole, type CsvCell } from '../report/csv.js';
import type { ReportInput } from '../report/types.js';
import { paramSpec, type ParamKey } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { firstReplicates, replicatesPhrase, type ComparisonAnalysis, type ComparisonRuns, type EffectSummary, type ScenarioTables } from './compare.js';
import type { Metric } from '../model/metrics.js';
import { formatValue } from './run-outputs.js';
import type { DrawSummary } from './assumption-draws.js';
import { OUTCOMES, bandRows, hasMetric, outcome } from './compare-values.js';

/** Metrics drawn over time in the report, when the run has them. */
export const BAND_METRICS: readonly string[] = ['official_incidence', 'true_incidence', 'vulnerable_share', 'poverty_gap', 'returns', 'waiting_share', 'mean_motivation', 'cadre_burnout', 'burnout_support_loss'];

/** What a scenario changes relative to the baseline: its value overrides and schedule, described. */
export function scenarioAssumptions(
  s: ScenarioTables,
  baseline: ScenarioTables,
): { scenario: string; key: string; value: string; unit: string; source: string }[] {
  const rows: { scenario: string; key: string; value: string; unit: string; source: string }[] = [];
  const baseValues = baseline.spec.values;
  for (const [key, v] of Object.entries(s.spec.values)) {
    if (baseValues[key as ParamKey] === v) continue;
    const spec = paramSpec(key);
    rows.push({ scenario: s.spec.name, key, value: `${v} (from the first month, December 2013)`, unit: spec?.unit ?? '', source: spec ? `${spec.source} (default ${spec.default})` : '' });
  }
  const base = new Set(baseline.spec.schedule.map((c) => JSON.stringify(c)));
  for (const c of s.spec.schedule) {
    if (base.has(JSON.stringify(c))) continue;
    const spec = paramSpec(c.key);
    rows.push({ scenario: s.spec.name, key: c.key, value: describeChange(c), unit: spec?.unit ?? '', source: spec ? `${spec.source} (default ${spec.default})` : '' });
  }
  return rows;
}

/** A schedule change in words: `0.8 from 2018-01`, `ramp to 1, 2018-01 to 2019-12`. */
export function describeChange(c: ScheduleChange): string {
  const m = (d: { year: number; month: number }): string => `${d.year}-${String(d.month).padStart(2, '0')}`;
  return c.kind === 'step' ? `${c.value} from ${m(c.at)}` : `ramp to ${c.value}, ${m(c.from)} to ${m(c.to)}`;
}

/** An outcome value for the CSV files: whole persons, fractions to 8 significant digits. */
function value(outcomeId: string, x: number): number | null {
  return outcome(outcomeId).kind === 'persons' ? whole(x) : sig(x, 8);
}

/**
 * effects.csv: one row per (kind, scenario, outcome, year), values in the outcome's `unit`.
 *   effect        scenario − baseline, paired per replicate; 95% CI (Student t)
 *   synergy       (combination − baseline) − Σ (part − baseline), paired; 95% CI
 *   across-draws  the paired effect's median over the assumption draws; 5% and 95% of the draws
 * `interval` and `covers` say what each interval is and which uncertainty it covers.
 */
export function effectsCsv(a: ComparisonAnalysis, draws: readonly DrawSummary[] = []): string {
  const columns = ['kind', 'scenario', 'outcome', 'year', 'through_year', 'unit', 'baseline_mean', 'scenario_mean', 'estimate', 'se', 'interval_lo', 'interval_hi', 'interval', 'n', 'covers'];
  const mc = 'Monte Carlo noise only (assumptions fixed at their table values); common random numbers';
  const row = (kind: string, e: EffectSummary): CsvCell[] => [
    kind, e.scenario, e.outcome, e.year, e.throughYear, outcome(e.outcome).unit,
    kind === 'effect' ? value(e.outcome, e.baselineMean) : null, kind === 'effect' ? value(e.outcome, e.scenarioMean) : null,
    value(e.outcome, e.effect.mean), sig(e.effect.se, 8), value(e.outcome, e.effect.ciLo), value(e.outcome, e.effect.ciHi), '95% CI', e.effect.n, mc,
  ];
  const drawRow = (d: DrawSummary): CsvCell[] => [
    'across-draws', d.scenario, d.outcome, d.year, null, outcome(d.outcome).unit, null, null,
    value(d.outcome, d.median), null, value(d.outcome, d.lo), value(d.outcome, d.hi), '90% of draws (5%-95%)', d.draws,
    'stated assumptions drawn over their plausible ranges (Latin hypercube); common random numbers inside each draw',
  ];
  return toCsv(columns, [...a.effects.map((e) => row('effect', e)), ...a.synergy.map((e) => row('synergy', e)), ...draws.map(drawRow)]);
}

/**
 * costs.csv: per scenario, extra spending against the baseline summed over every year in which it
 * differs (from `first_year_differing`), per year, by category, and the cost per durable exit with
 * its delta-method 95% interval.
 */
export function costsCsv(a: ComparisonAnalysis): string {
  const categories = [...new Set(a.costs.flatMap((c) => c.byCategory.map((x) => x.category)))];
  const columns = [
    'scenario', 'first_year_differing', 'last_year', 'extra_spending_yuan', 'extra_spending_yuan_ci95_lo', 'extra_spending_yuan_ci95_hi',
    'extra_spending_yuan_per_year', ...categories.map((c) => `extra_spending_${c}_yuan`),
    'extra_durable_exits_persons', 'extra_durable_exits_ci95_lo', 'extra_durable_exits_ci95_hi', 'durable_exits_through_year',
    'yuan_per_durable_exit', 'yuan_per_durable_exit_ci95_lo', 'yuan_per_durable_exit_ci95_hi', 'note',
  ];
  const rows = a.costs.map((c): CsvCell[] => [
    c.scenario, c.firstYear, c.lastYear, whole(c.extraSpending.mean), whole(c.extraSpending.ciLo), whole(c.extraSpending.ciHi),
    whole(c.extraSpendingPerYear), ...categories.map((k) => whole(c.byCategory.find((x) => x.category === k)?.yuan)),
    whole(c.extraDurableExits?.mean), whole(c.extraDurableExits?.ciLo), whole(c.extraDurableExits?.ciHi), c.durableThroughYear,
    whole(c.costPerDurableExit?.ratio), whole(c.costPerDurableExit?.ciLo), whole(c.costPerDurableExit?.ciHi),
    c.extraDurableExits === null ? 'durable_exits is not in this run\'s yearly.csv' : (c.costPerDurableExit?.note ?? ''),
  ]);
  return toCsv(columns, rows);
}

/** variance.csv: the standard error of each effect with common random numbers and with independent seeds. */
export function varianceCsv(a: ComparisonAnalysis): string {
  const columns = ['scenario', 'outcome', 'year', 'unit', 'se_common_random_numbers', 'se_independent_seeds', 'ratio', 'half_width', 'replicates_for_half_width_common', 'replicates_for_half_width_independent'];
  return toCsv(columns, a.variance.map((v) => {
    const o = outcome(v.outcome);
    return [v.scenario, v.outcome, v.year, o.unit, sig(v.seCommon), sig(v.seIndependent), sig(v.ratio), o.kind === 'fraction' ? 0.001 : 1000, v.replicatesCommon, v.replicatesIndependent];
  }));
}

/** yearly.csv of a comparison: scenario, replicate, seed, year, then every metric the runs have. */
export function comparisonYearlyCsv(runs: ComparisonRuns): string {
  const all = [runs.baseline, ...runs.scenarios];
  const metrics = all[0].tables[0].metrics;
  const rows: CsvCell[][] = [];
  for (const s of all) {
    s.tables.forEach((t, r) => {
      s.years.forEach((year, i) => rows.push([s.spec.name, r, s.seeds[r], year, ...metrics.map((_, c) => formatValue(metrics[c] as Metric, t.get(i, c)))]));
    });
  }
  return toCsv(['scenario', 'replicate', 'seed', 'year', ...metrics], rows);
}

/** The report layer's input of a comparison page (the summary and detail tables come from compare-summary.ts). */
export function comparisonReportInput(
  runs: ComparisonRuns,
  a: ComparisonAnalysis,
  page: Pick<ReportInput, 'title' | 'generatedBy' | 'summaryTable' | 'summaryText' | 'tables' | 'notes' | 'sections' | 'links'>,
): ReportInput {
  const all = [runs.baseline, ...runs.scenarios];
  const end = a.years[a.years.length - 1];
  const headline = OUTCOMES.filter((o) => a.effects.some((e) => e.outcome === o.id)).map((o) => o.id);
  return {
    ...page,
    subtitle: `Jiangxi rural population, ${a.years[0]}–${end}; the suggestions act from ${a.policyYear}; ${replicatesPhrase(all.map((x) => x.tables.length))}${a.sharedReplicates < runs.baseline.tables.length ? ` (levels over the ${a.sharedReplicates} every scenario has)` : ''}, common random numbers`,
    baselineScenario: runs.baseline.spec.name,
    effectYear: a.reportYears[a.reportYears.length - 1],
    effectMetrics: headline,
    // Cumulative outcomes are sums since 2014, not the yearly metric they read: they bring their own label.
    outcomes: Object.fromEntries(OUTCOMES.filter((o) => o.read === 'cumulative').map((o) => [o.id, { label: o.label, unit: o.unit, kind: o.kind }])),
    policyYear: a.policyYear,
    // Levels over the replicates every scenario has, so two curves differ by the policy, not by which replicates they average.
    bands: all.map((s) => firstReplicates(s, a.sharedReplicates)).flatMap((s) => BAND_METRICS.filter((m) => hasMetric(s, m)).flatMap((m) => bandRows(s, s.spec.name, m))),
    effects: a.effects.map((e) => ({ scenario: e.scenario, year: e.year, metric: e.outcome, mean: e.effect.mean, ciLo: e.effect.ciLo, ciHi: e.effect.ciHi, se: e.effect.se })),
    costs: a.costs.map((c) => ({
      scenario: c.scenario,
      extraDurableExits: c.extraDurableExits?.mean ?? null,
      extraSpendingYuan: c.extraSpending.mean,
      costPerDurableExitYuan: c.costPerDurableExit?.ratio ?? null,
      ciLo: c.costPerDurableExit?.ciLo ?? null,
      ciHi: c.costPerDurableExit?.ciHi ?? null,
    })),
    routes: a.routes.filter((r) => r.persons > 0),
    routeYears: [a.policyYear, end],
    assumptions: runs.scenarios.flatMap((s) => scenarioAssumptions(s, runs.baseline)),
  };
}
