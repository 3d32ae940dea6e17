/**
 * The pages of a comparison study as report inputs: the comparison (report.html), the dose–response
 * page and the equal-budget page, linked to each other. Every number shown comes from the CSV files
 * written next to them (effects, costs, ranks, draws, dose-response, equal-budget, variance).
 */
import { chartContext } from '../report/charts.js';
import { doseResponseSpec, rankDistributionSpec } from '../report/study-charts.js';
import type { ReportInput, ReportSection, SummaryTable } from '../report/types.js';
import { paramSpec } from '../model/parameters.js';
import { outcome } from './compare-values.js';
import { comparisonReportInput } from './compare-report.js';
import type { StudyResult } from './compare-study.js';
import {
  COVERS, equalBudgetTable, outcomeTable, planSentences, rankTable, rankedSummaryTable, shown, shownUnit,
} from './compare-summary.js';
import { resolveParams } from './run-scenario.js';
import { precisionSentence } from './adaptive-replicates.js';

/** File names of the pages. */
export const PAGES = { comparison: 'report.html', doses: 'dose-response.html', budgets: 'equal-budget.html' } as const;

function links(r: StudyResult, self: string): { href: string; label: string }[] {
  const all = [
    { href: PAGES.comparison, label: 'the comparison' },
    ...(r.doses.length ? [{ href: PAGES.doses, label: 'dose–response' }] : []),
    ...(r.budgets.length ? [{ href: PAGES.budgets, label: 'equal budgets' }] : []),
  ];
  return all.filter((l) => l.href !== self);
}

/** The note on the 2020 standard, with this run's value. */
export function standard2020Note(r: StudyResult): string {
  const spec = paramSpec('exitStandard2020');
  const v = spec ? (resolveParams(r.plan.baseline.values) as unknown as Record<string, number>).exitStandard2020 : undefined;
  const value = v !== undefined ? `${v.toLocaleString('en-US')} yuan per person per year in this run (plausible ${spec!.low.toLocaleString('en-US')}–${spec!.high.toLocaleString('en-US')})` : 'about 4,000 yuan per person per year';
  return `The 2020 standard: in 2020 the exit standard is ${value}; NBS published no 2020 poverty line. Incidence from 2020 on is measured against it (held constant in real terms after 2020), so the step in 2020 in the charts is the standard, not a policy. A household that exited earlier counts as returned only if it falls below the standard it exited under, indexed for prices.`;
}

function detailTables(r: StudyResult): { id: string; title: string; table: SummaryTable }[] {
  const a = r.analysis;
  const end = a.years[a.years.length - 1];
  const categories = [...new Set(a.costs.flatMap((c) => c.byCategory.map((x) => x.category)))];
  const m = (x: number): number => Math.round(x / 1e6);
  const tables: { id: string; title: string; table: SummaryTable }[] = [
    {
      id: 'costs',
      title: 'Extra spending against the baseline, by measure (million yuan, every year in which it differs, mean of paired differences)',
      table: {
        columns: ['scenario', 'from year', 'to year', ...categories.map((c) => c.replace('_', ' ')), 'total', 'per year'],
        rows: a.costs.map((c) => [c.scenario, c.firstYear === null ? 'never differs' : String(c.firstYear), String(c.lastYear),
          ...categories.map((k) => m(c.byCategory.find((x) => x.category === k)?.yuan ?? 0)), m(c.extraSpending.mean), m(c.extraSpendingPerYear)]),
      },
    },
  ];
  const routes = [...new Set(a.routes.map((x) => x.route))];
  if (routes.length) {
    const scenarios = [...new Set(a.routes.map((x) => x.scenario))];
    tables.push({
      id: 'routes',
      title: `Exits by route, summed over ${a.policyYear}–${end} (persons, mean of ${a.sharedReplicates < r.runs.baseline.tables.length ? `the ${a.sharedReplicates} replicates every scenario has` : 'replicates'})`,
      table: {
        columns: ['scenario', ...routes.map((x) => x.replace('_', ' ')), 'total'],
        rows: scenarios.map((s) => {
          const v = routes.map((x) => a.routes.find((y) => y.scenario === s && y.route === x)?.persons ?? 0);
          return [s, ...v.map(Math.round), Math.round(v.reduce((p, q) => p + q, 0))];
        }),
      },
    });
  }
  if (a.synergy.length) {
    tables.push({
      id: 'synergy',
      title: 'Synergy of each declared combination: its effect minus the sum of its parts\' effects (95% CI, Monte Carlo noise only), over the replicates the combination and every part have',
      table: {
        columns: ['combination', 'outcome', 'year', 'synergy [95% CI]', 'unit', 'replicates'],
        rows: a.synergy.map((s) => [s.scenario, outcome(s.outcome).label, String(s.year), `${shown(s.outcome, s.effect.mean)} [${shown(s.outcome, s.effect.ciLo)}, ${shown(s.outcome, s.effect.ciHi)}]`, shownUnit(s.outcome), s.effect.n]),
      },
    });
  }
  if (a.variance.length) {
    tables.push({
      id: 'methods',
      title: 'Methods: standard error of each effect with common random numbers and with independent seeds (variance.csv)',
      table: {
        columns: ['scenario', 'outcome', 'year', 'SE, common random numbers', 'SE, independent seeds', 'ratio (per replicate)', 'replicates for the half-width (common)', 'replicates (independent)'],
        rows: a.variance.filter((v) => v.outcome === r.headline.outcome || v.outcome === 'true_incidence').map((v) => {
          const f = (x: number): string => (outcome(v.outcome).kind === 'fraction' ? `${(100 * x).toFixed(4)} pp` : `${Math.round(x).toLocaleString('en-US')} persons`);
          return [v.scenario, outcome(v.outcome).label, String(v.year), f(v.seCommon), f(v.seIndependent), v.ratio.toFixed(1), v.replicatesCommon, v.replicatesIndependent];
        }),
      },
    });
  }
  return tables;
}

function howSure(r: StudyResult): ReportSection {
  const o = outcome(r.headline.outcome);
  const paragraphs = [
    `Two layers of uncertainty. Intervals in brackets (95%) cover ${COVERS.monteCarlo}. ${precisionSentence(r.precision)}`,
    r.draws
      ? `The second layer draws the ${r.draws.ranges.length} stated assumptions ("assume" in the parameter table, those no suggestion sets itself) over their plausible ranges: ${r.draws.values.length} Latin-hypercube draws, ${r.plan.draws.replicates} replicate(s) each, the baseline and every suggestion under the same draw and seeds${r.plan.draws.replicates < 3 ? ' (with so few replicates per draw, some Monte Carlo noise is part of this spread)' : ''}. The table gives how often each suggestion takes each rank on ${o.label.toLowerCase()} in ${r.headline.year} (ranks.csv; per-draw effects in draws.csv).`
      : 'The assumptions were not drawn in this comparison (draws: 0 in the comparison file), so the rank of each suggestion under other plausible assumptions is unknown.',
    'Not covered by either layer: the model\'s structure, the calibrated parameters\' fit uncertainty (docs/calibration.md), and the data behind the "paper" and "stat" values.',
  ];
  return { id: 'how-sure', title: 'How sure are we', paragraphs, table: rankTable(r) ?? undefined, chartIds: r.draws ? ['rank-distribution'] : [] };
}

/** The comparison page (report.html). */
export function comparisonPage(r: StudyResult, generatedBy: string): ReportInput {
  const a = r.analysis;
  const ctx = { order: [r.runs.baseline.spec.name, ...r.runs.scenarios.map((s) => s.spec.name)] };
  const sections: ReportSection[] = [howSure(r), { id: 'outcomes', title: `Every outcome, ${a.reportYears.join(' and ')}`, paragraphs: ['Effects are scenario minus baseline, paired per replicate (common random numbers). Fractions are shown in percentage points (pp); effects.csv keeps them as fractions.'], table: outcomeTable(r) }];
  if (a.unavailable.length) sections.push({ id: 'not-available', title: 'Not available from this model version', paragraphs: a.unavailable.map((u) => u.note) });
  const input = comparisonReportInput(r.runs, a, {
    title: 'povsim: which suggestion lifts the most people out of poverty, for good, at what cost?',
    generatedBy,
    summaryTable: rankedSummaryTable(r),
    summaryText: planSentences(r),
    sections,
    tables: detailTables(r),
    links: links(r, PAGES.comparison),
    notes: [
      standard2020Note(r),
      'Durable exits: persons who exited the register and had not returned 24 months later, counted in the exit year; the last two simulated years cannot be known yet and are left out (the columns say through which year).',
      'Extra spending: scenario minus baseline over every year in which they differ, so a change under `levers:` (which acts from December 2013) is counted from the first simulated month (spending of 2014 on), a schedule from its first month. Cost per durable exit: extra yuan ÷ extra durable exits, paired per replicate, 95% interval by the delta method (none when the gain is not clearly above zero).',
      'The register (official incidence) is shown as reported; a suggestion that registers more of the truly poor can raise it while lowering true poverty, so it is not used for "persons lifted out".',
    ],
  });
  const ranks = r.draws?.ranks.filter((x) => x.outcome === r.headline.outcome && x.year === r.headline.year) ?? [];
  const rankChart = rankDistributionSpec(ranks, chartContext({ ...input, ...ctx }), `${o(r)} in ${r.headline.year}; ${r.draws?.values.length ?? 0} assumption draws`);
  return { ...input, extraCharts: rankChart ? [{ id: 'rank-distribution', title: 'Rank across assumption draws', spec: rankChart }] : [] };
}

const o = (r: StudyResult): string => outcome(r.headline.outcome).label;

function effectTitle(r: StudyResult): string {
  const x = outcome(r.headline.outcome);
  return x.kind === 'fraction' ? `Effect on ${x.label.toLowerCase()} ${r.headline.year} (percentage points)` : `Extra ${x.label.toLowerCase().replace(/ since 2014.*$/, '')} by ${r.headline.year} (persons)`;
}

function doseRows(r: StudyResult) {
  const scale = outcome(r.headline.outcome).kind === 'fraction' ? 100 : 1;
  return r.doses.flatMap((p) => p.effects.filter((e) => e.outcome === r.headline.outcome && e.year === r.headline.year)
    .map((e) => ({ scenario: p.scenario, dose: p.dose, extraYuanPerYear: p.extraYuanPerYear, mean: scale * e.effect.mean, lo: scale * e.effect.ciLo, hi: scale * e.effect.ciHi })));
}

function baseInput(r: StudyResult, generatedBy: string, title: string, self: string): ReportInput {
  return {
    title, generatedBy, bands: [], effects: [], costs: [], routes: [], assumptions: [],
    baselineScenario: r.runs.baseline.spec.name, summaryTable: { columns: ['-'], rows: [] }, links: links(r, self),
  };
}

/** The dose–response page, or null without doses. */
export function dosePage(r: StudyResult, generatedBy: string): ReportInput | null {
  if (!r.doses.length) return null;
  const input = baseInput(r, generatedBy, 'povsim: dose–response of each suggestion', PAGES.doses);
  const order = { ...input, effects: r.doses.map((p) => ({ scenario: p.scenario, year: 0, metric: '', mean: 0, ciLo: 0, ciHi: 0, se: 0 })) };
  const spec = doseResponseSpec(doseRows(r), chartContext(order), effectTitle(r), r.plan.budgets);
  const table: SummaryTable = {
    columns: ['scenario', 'dose', 'setting', 'extra spending (million yuan per year)', `${effectTitle(r).replace(/ \((persons|percentage points)\)$/, '')} [95% CI]`],
    rows: r.doses.map((p) => {
      const e = p.effects.find((x) => x.outcome === r.headline.outcome && x.year === r.headline.year);
      return [p.scenario, p.dose.toFixed(2), p.setting, Math.round(p.extraYuanPerYear / 1e6), e ? `${shown(r.headline.outcome, e.effect.mean)} [${shown(r.headline.outcome, e.effect.ciLo)}, ${shown(r.headline.outcome, e.effect.ciHi)}] ${shownUnit(r.headline.outcome)}` : 'n/a'];
    }),
  };
  return {
    ...input,
    subtitle: `${r.plan.doses.count} doses per suggestion, ${r.plan.doses.replicates} replicates each, common random numbers`,
    summaryText: [
      'A dose moves every lever a suggestion changes the given share of the way from the baseline value to the end of its plausible range (dose 1: every lever at the plausible end), keeping the suggestion\'s timing. Each point is measured, not extrapolated; dose-response.csv has every outcome.',
      'Intervals: 95%, Monte Carlo noise only. Flattening curves show diminishing returns; a curve that stops short on the spending axis cannot spend more.',
    ],
    summaryTable: table,
    extraCharts: spec ? [{ id: 'dose-response', title: 'Dose–response', spec }] : [],
  };
}

/** The equal-budget page, or null without budgets. */
export function budgetPage(r: StudyResult, generatedBy: string): ReportInput | null {
  if (!r.budgets.length) return null;
  const input = baseInput(r, generatedBy, 'povsim: the suggestions at equal budgets', PAGES.budgets);
  const best = r.best.map((b) => (b.best === null
    ? `At ${Math.round(b.budgetYuanPerYear / 1e6).toLocaleString('en-US')} million yuan a year no suggestion can spend the budget.`
    : `At ${Math.round(b.budgetYuanPerYear / 1e6).toLocaleString('en-US')} million yuan a year, ${b.best} does best: ${shown(r.headline.outcome, b.effect!)} ${shownUnit(r.headline.outcome)}.`));
  return {
    ...input,
    subtitle: `Each suggestion read from its dose–response curve at the same extra yuan per year; ${o(r).toLowerCase()} in ${r.headline.year}`,
    summaryText: [
      ...best,
      'Readings interpolate linearly between measured doses (equal-budget.csv). A suggestion whose curve never reaches a budget is shown "saturated" at the most it could spend: it is never labelled equal budget.',
    ],
    summaryTable: equalBudgetTable(r),
  };
}
