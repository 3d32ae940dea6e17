/**
 * Turns a comparison into the report layer's input (bands, effects, costs, routes, assumptions, summary
 * table) and into tidy CSV. Pure: no files are written here.
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { BandRow, ReportInput } from '../report/types.js';
import type { Metric } from '../model/metrics.js';
import { paramSpec, type ParamKey } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import type { ComparisonAnalysis, ComparisonRuns, ScenarioTables } from './compare.js';
import { formatValue } from './run-outputs.js';

/** Metrics drawn over time in the report. */
export const BAND_METRICS: readonly Metric[] = ['official_incidence', 'true_incidence', 'returns', 'mean_motivation', 'cadre_burnout'];

/** Mean and 5–95% band of a metric per year for one scenario. */
export function bandRows(s: ScenarioTables, metric: Metric): BandRow[] {
  const years = s.tables[0].years;
  return years.map((year, i) => {
    const xs = s.tables.map((t) => t.yearly.value(i, metric)).sort((a, b) => a - b);
    return { scenario: s.spec.name, year, metric, mean: mean(xs), lo: quantileSorted(xs, 0.05), hi: quantileSorted(xs, 0.95) };
  });
}

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
    rows.push({ scenario: s.spec.name, key, value: String(v), unit: spec?.unit ?? '', source: spec ? `${spec.source} (default ${spec.default})` : '' });
  }
  const baseSchedule = JSON.stringify(baseline.spec.schedule);
  if (JSON.stringify(s.spec.schedule) !== baseSchedule) {
    for (const c of s.spec.schedule) {
      const spec = paramSpec(c.key);
      rows.push({ scenario: s.spec.name, key: c.key, value: describeChange(c), unit: spec?.unit ?? '', source: spec ? `${spec.source} (default ${spec.default})` : '' });
    }
  }
  return rows;
}

function describeChange(c: ScheduleChange): string {
  if (c.kind === 'step') return `${c.value} from ${c.at.year}-${String(c.at.month).padStart(2, '0')}`;
  return `ramp to ${c.value}, ${c.from.year}-${String(c.from.month).padStart(2, '0')} to ${c.to.year}-${String(c.to.month).padStart(2, '0')}`;
}

const pp = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;

/** The summary table (terminal, summary.csv, summary.md): one row per scenario. */
export function summaryTable(a: ComparisonAnalysis): { columns: string[]; rows: (string | number)[][] } {
  const end = a.years[a.years.length - 1];
  const columns = [
    'scenario',
    `effect on official incidence ${end} (pp) [95% CI]`,
    `effect on true incidence ${end} (pp) [95% CI]`,
    `persons lifted out by ${end} (official)`,
    `extra spending ${a.policyYear}-${end} (million yuan)`,
    'cost per person lifted out (yuan)',
    'SE with CRN (pp)',
    'SE independent seeds (pp)',
  ];
  const rows = a.costs.map((c) => {
    const off = a.effects.find((e) => e.scenario === c.scenario && e.metric === 'official_incidence' && e.year === end)!;
    const tru = a.effects.find((e) => e.scenario === c.scenario && e.metric === 'true_incidence' && e.year === end)!;
    const v = a.variance.find((x) => x.scenario === c.scenario && x.metric === 'official_incidence' && x.year === end);
    return [
      c.scenario,
      `${pp(off.effect.mean)} [${pp(off.effect.ciLo)}, ${pp(off.effect.ciHi)}]`,
      `${pp(tru.effect.mean)} [${pp(tru.effect.ciLo)}, ${pp(tru.effect.ciHi)}]`,
      Math.round(c.extraLifted.mean),
      (c.extraSpending.mean / 1e6).toFixed(0),
      c.costPerPerson === null ? 'n/a (none lifted)' : Math.round(c.costPerPerson),
      v ? (100 * v.seCommon).toFixed(3) : '',
      v ? (100 * v.seIndependent).toFixed(3) : '',
    ];
  });
  return { columns, rows };
}

/** Tidy effects.csv: scenario, metric, year, mean, se, ci_lo, ci_hi, n (plus synergy rows). */
export function effectsCsv(a: ComparisonAnalysis): string {
  const lines = ['kind,scenario,metric,year,mean,se,ci_lo,ci_hi,n'];
  const fmt = (x: number): string => formatValue('official_incidence', x);
  for (const [kind, list] of [['effect', a.effects], ['synergy', a.synergy]] as const) {
    for (const e of list) lines.push([kind, e.scenario, e.metric, e.year, fmt(e.effect.mean), fmt(e.effect.se), fmt(e.effect.ciLo), fmt(e.effect.ciHi), e.effect.n].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Tidy costs.csv, variance.csv. */
export function costsCsv(a: ComparisonAnalysis): string {
  const lines = ['scenario,extra_lifted_official,extra_lifted_official_ci_lo,extra_lifted_official_ci_hi,extra_lifted_true,extra_spending_yuan,extra_spending_yuan_per_year,cost_per_person_official,cost_per_person_true'];
  const r = (x: number | null): string => (x === null || !Number.isFinite(x) ? '' : String(Math.round(x)));
  for (const c of a.costs) {
    lines.push([c.scenario, r(c.extraLifted.mean), r(c.extraLifted.ciLo), r(c.extraLifted.ciHi), r(c.extraLiftedTrue.mean), r(c.extraSpending.mean), r(c.extraSpendingPerYear), r(c.costPerPerson), r(c.costPerPersonTrue)].join(','));
  }
  return lines.join('\n') + '\n';
}

export function varianceCsv(a: ComparisonAnalysis): string {
  const lines = ['scenario,metric,year,se_common_random_numbers,se_independent_seeds,ratio,replicates_for_0.1pp_common,replicates_for_0.1pp_independent'];
  const f = (x: number): string => String(Number(x.toPrecision(6)));
  for (const v of a.variance) lines.push([v.scenario, v.metric, v.year, f(v.seCommon), f(v.seIndependent), f(v.ratio), v.replicatesCommon, v.replicatesIndependent].join(','));
  return lines.join('\n') + '\n';
}

/** Tables behind the summary: spending by measure, exits by route, synergy, variance. */
export function detailTables(a: ComparisonAnalysis): { id: string; title: string; table: { columns: string[]; rows: (string | number)[][] } }[] {
  const end = a.years[a.years.length - 1];
  const span = `${a.policyYear}–${end}`;
  const scenarios = [...new Set(a.spending.map((s) => s.scenario))];
  const categories = [...new Set(a.spending.map((s) => s.category))];
  const routes = [...new Set(a.routes.map((r) => r.route))];
  const tables = [
    {
      id: 'spending',
      title: `Spending by measure, ${span} (million yuan, mean of replicates)`,
      table: {
        columns: ['scenario', ...categories, 'total'],
        rows: scenarios.map((s) => {
          const v = categories.map((c) => a.spending.find((x) => x.scenario === s && x.category === c)!.yuan);
          return [s, ...v.map((y) => Math.round(y / 1e6)), Math.round(v.reduce((p, q) => p + q, 0) / 1e6)];
        }),
      },
    },
    {
      id: 'routes',
      title: `Exits by route, ${span} (persons, mean of replicates)`,
      table: {
        columns: ['scenario', ...routes, 'total'],
        rows: scenarios.map((s) => {
          const v = routes.map((r) => a.routes.find((x) => x.scenario === s && x.route === r)!.persons);
          return [s, ...v.map(Math.round), Math.round(v.reduce((p, q) => p + q, 0))];
        }),
      },
    },
  ];
  if (a.synergy.length) {
    tables.push({
      id: 'synergy',
      title: 'Synergy: effect of all four minus the sum of the four single effects (pp, 95% CI)',
      table: {
        columns: ['metric', 'year', 'synergy (pp)', '95% CI'],
        rows: a.synergy.map((s) => [s.metric, s.year, pp(s.effect.mean), `[${pp(s.effect.ciLo)}, ${pp(s.effect.ciHi)}]`]),
      },
    });
  }
  if (a.variance.length) {
    tables.push({
      id: 'variance',
      title: 'Common random numbers: standard error of each effect, measured both ways',
      table: {
        columns: ['scenario', 'metric', 'year', 'SE with CRN (pp)', 'SE independent seeds (pp)', 'ratio', 'replicates for ±0.1 pp (CRN)', 'replicates for ±0.1 pp (independent)'],
        rows: a.variance.map((v) => [v.scenario, v.metric, v.year, (100 * v.seCommon).toFixed(4), (100 * v.seIndependent).toFixed(4), v.ratio.toFixed(1), v.replicatesCommon, v.replicatesIndependent]),
      },
    });
  }
  return tables;
}

/** The report layer's input. */
export function comparisonReportInput(runs: ComparisonRuns, a: ComparisonAnalysis, generatedBy: string, notes: string[]): ReportInput {
  const all = [runs.baseline, ...runs.scenarios];
  const end = a.years[a.years.length - 1];
  return {
    title: 'povsim: the four suggestions compared',
    subtitle: `Jiangxi rural population, ${a.years[0]}–${end}; policies from ${a.policyYear}; ${runs.baseline.tables.length} replicates per scenario, common random numbers`,
    generatedBy,
    baselineScenario: runs.baseline.spec.name,
    effectYear: end,
    bands: all.flatMap((s) => BAND_METRICS.flatMap((m) => bandRows(s, m))),
    effects: a.effects.map((e) => ({ scenario: e.scenario, year: e.year, metric: e.metric, mean: e.effect.mean, ciLo: e.effect.ciLo, ciHi: e.effect.ciHi, se: e.effect.se })),
    costs: a.costs.map((c) => ({ scenario: c.scenario, extraLifted: c.extraLifted.mean, extraSpendingYuan: c.extraSpending.mean, costPerPersonYuan: c.costPerPerson })),
    routes: a.routes.filter((r) => r.persons > 0),
    assumptions: runs.scenarios.flatMap((s) => scenarioAssumptions(s, runs.baseline)),
    summaryTable: summaryTable(a),
    tables: detailTables(a),
    notes,
  };
}
