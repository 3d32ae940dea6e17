/**
 * What `povsim optimize` writes and prints, from its result: CSV files, the optimum as a scenario
 * file (`povsim run` reproduces its runs exactly), the report page, the terminal summary and the
 * manifest. Pure text; no timings, so a rerun with the same seed gives byte-identical files.
 */
import type { TopLevelSpec } from 'vega-lite';
import { LEVER_KEYS, type ParamKey } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import { outcome } from './compare-values.js';
import type { ReportInput, SummaryTable } from '../report/types.js';
import { capacityOf, monotoneCurve } from './optimize-dose.js';
import { BUDGET_TOLERANCE, type BudgetResult, type Interval, type OptimizeResult } from './optimize.js';

const num = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(8))) : '');
const csv = (header: string[], rows: (string | number)[][]): string =>
  [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? num(c) : /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
const million = (y: number): string => `${(y / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })} M`;

/** An effect in the outcome's display unit (persons, or percentage points for fractions). */
function shown(id: string, v: number): string {
  const o = outcome(id);
  return o.kind === 'fraction' ? `${(100 * v).toFixed(2)} pp` : `${Math.round(v).toLocaleString('en-US')}`;
}
const intervalText = (id: string, e: Interval): string => `${shown(id, e.mean)} (95% ${shown(id, e.ciLo)} to ${shown(id, e.ciHi)}; across draws ${shown(id, e.drawLo)} to ${shown(id, e.drawHi)})`;

/** `; its yuan mapped at 1,640 M so that it keeps to the budget` when the split was scaled down. */
function fitNote(b: BudgetResult): string {
  if (!b.keptToBudget) return `; it could not be kept to the budget: mapped at ${million(b.nominalBudget)} it still spends ${million(b.spend.mean)}`;
  return b.nominalBudget < b.budget ? `; its yuan are mapped at ${million(b.nominalBudget)} so that its measured spending keeps to the budget` : '';
}

/** The split in words: `industry 33%, culture 17%, …`. */
export function splitText(r: OptimizeResult, shares: readonly number[]): string {
  return shares.map((s, i) => `${r.parts[i]} ${(100 * s).toFixed(1)}%`).join(', ');
}

/** split.csv: the best split at every budget, one row per part. */
export function splitCsv(r: OptimizeResult): string {
  const rows = [r.main, ...r.frontier].sort((a, b) => a.budget - b.budget).flatMap((b) =>
    r.parts.map((p, i) => {
      const rd = b.best.readings[i];
      return [b.budget, b.nominalBudget, p, b.best.shares[i], b.best.yuan[i], rd ? rd.dose : '', rd ? rd.spent : '', rd ? (rd.saturated ? 'saturated' : 'no') : '', b.budget === r.plan.budget ? 'main' : 'frontier'];
    }));
  return csv(['budget_yuan_per_year', 'nominal_budget_yuan_per_year', 'part', 'share', 'yuan_per_year', 'dose', 'expected_spending_yuan_per_year', 'saturated', 'search'], rows);
}

const intervalCols = (e: Interval): number[] => [e.mean, e.ciLo, e.ciHi, e.replicateHalfWidth, e.drawLo, e.drawHi, e.draws, e.replicates];
const INTERVAL_HEADER = ['effect_mean', 'effect_ci95_lo', 'effect_ci95_hi', 'replicate_noise_half_width', 'draw_lo', 'draw_hi', 'draws', 'replicates'];

/** frontier.csv: the best split and each suggestion alone at every budget. */
export function frontierCsv(r: OptimizeResult): string {
  const o = r.plan.objective;
  const rows = [r.main, ...r.frontier].sort((a, b) => a.budget - b.budget).flatMap((b) => [
    [b.budget, 'best split', splitText(r, b.best.shares), o.outcome, o.year, ...intervalCols(b.effect), b.score, b.spend.mean, b.nominalBudget, b.keptToBudget ? 'yes' : 'no'],
    ...b.singles.map((s) => [b.budget, 'suggestion alone', s.suggestion, o.outcome, o.year, ...intervalCols(s.effect), s.score, s.spend.mean, s.nominalBudget, s.keptToBudget ? 'yes' : 'no']),
  ]);
  return csv(['budget_yuan_per_year', 'kind', 'split', 'outcome', 'year', ...INTERVAL_HEADER, 'robust_score', 'measured_spending_yuan_per_year', 'nominal_budget_yuan_per_year', 'kept_to_budget'], rows);
}

/** versus-single.csv: the best split minus each suggestion alone at the same budget (paired). */
export function versusCsv(r: OptimizeResult): string {
  const rows = [r.main, ...r.frontier].sort((a, b) => a.budget - b.budget).flatMap((b) => b.singles.map((s) => [
    b.budget, s.suggestion, ...(s.versusBest ? intervalCols(s.versusBest) : ['', '', '', '', '', '', '', '']), s.versusBest === null ? 'is the best split' : s.bestBeatsIt ? 'yes' : 'not shown',
  ]));
  return csv(['budget_yuan_per_year', 'suggestion_alone', ...INTERVAL_HEADER.map((h) => h.replace('effect', 'difference')), 'best_split_beats_it'], rows);
}

/** evaluations.csv: every split the search scored. */
export function evaluationsCsv(r: OptimizeResult): string {
  const units = r.main.search.units;
  const rows = [r.main, ...r.frontier].sort((a, b) => a.budget - b.budget).flatMap((b) => b.evaluations.map((e) => [b.budget, ...e.point.map((u) => u / units), e.replicates, e.score, e.effect, e.spend]));
  return csv(['budget_yuan_per_year', ...r.parts.map((p) => `share_${p}`), 'replicates', 'robust_score', 'effect_mean', 'measured_spending_yuan_per_year'], rows);
}

/** cost-curves.csv: each suggestion's measured extra yuan per year at each dose, and the monotone curve used. */
export function costCurvesCsv(r: OptimizeResult): string {
  const rows = r.costCurves.flatMap((c) => monotoneCurve(c).slice(1).map((p, k) => [c.suggestion, p.dose, c.yuan[k], p.yuan]));
  return csv(['suggestion', 'dose', 'measured_yuan_per_year', 'used_yuan_per_year'], rows);
}

/** best-across-draws.csv: the finalists and the share of draws in which each is best. */
export function acrossDrawsCsv(r: OptimizeResult): string {
  return csv([...r.parts.map((p) => `share_${p}`), 'best_in_share_of_draws'], r.bestAcrossDraws.map((b) => [...b.shares, b.share]));
}

/** draws.csv: the assumption draws (empty but for the header with the central assumptions only). */
export function drawsCsv(r: OptimizeResult): string {
  const keys = r.ranges.map((x) => x.key);
  return csv(['draw', ...keys], r.drawValues.map((d, i) => [i, ...keys.map((k) => d[k] ?? NaN)]));
}

function scheduleYaml(c: ScheduleChange): string {
  const v = JSON.stringify(c.value);
  if (c.kind === 'step') return `    - { year: ${c.at.year}, month: ${c.at.month}, value: ${v} }`;
  return `    - { from: ${c.from.year}, fromMonth: ${c.from.month}, to: ${c.to.year}, toMonth: ${c.to.month}, value: ${v} }`;
}

/**
 * The optimum as a self-contained scenario: every value and schedule entry of the mixed scenario at
 * full precision (JSON numbers round-trip exactly through YAML), and the run settings, so that
 * `povsim run optimum.yaml` runs exactly what the search ran at the central assumptions.
 */
export function optimumYaml(r: OptimizeResult): string {
  const b = r.main;
  const spec = b.best.spec;
  const keys = Object.keys(spec.values) as ParamKey[];
  const levers = keys.filter((k) => (LEVER_KEYS as readonly string[]).includes(k));
  const params = keys.filter((k) => !levers.includes(k));
  const section = (title: string, ks: ParamKey[]): string[] => (ks.length ? [`${title}:`, ...ks.map((k) => `  ${k}: ${JSON.stringify(spec.values[k])}`)] : []);
  const byKey = new Map<string, ScheduleChange[]>();
  for (const c of spec.schedule) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const nominal = b.nominalBudget < r.plan.budget ? ` (its yuan mapped at ${million(b.nominalBudget)}, where its measured spending keeps to the budget)` : '';
  const description = `The best split of ${million(r.plan.budget)} yuan a year from ${r.plan.startYear} found by povsim optimize (plan ${r.plan.name}): ${splitText(r, b.best.shares)}${nominal}; ` +
    `${r.plan.objective.outcome} by ${r.plan.objective.year} ${intervalText(r.plan.objective.outcome, b.effect)} against the baseline "${r.plan.baseline.name}".`;
  return [
    '# Written by `povsim optimize`; re-run it to search again (do not edit by hand).',
    '# Self-contained: `povsim run` on this file runs the optimum at the central assumptions with the search\'s seeds.',
    `name: ${JSON.stringify(`${r.plan.name}-optimum`)}`,
    `description: ${JSON.stringify(description)}`,
    ...section('levers', levers),
    ...section('parameters', params),
    ...(byKey.size ? ['schedule:', ...[...byKey].flatMap(([k, cs]) => [`  ${k}:`, ...cs.map(scheduleYaml)])] : []),
    'run:',
    `  endYear: ${spec.endYear}`,
    `  scale: ${JSON.stringify(spec.scale)}`,
    `  replicates: ${r.plan.confirmReplicates}`,
    `  seed: ${spec.seed}`,
    '',
  ].join('\n');
}

/** The sentence on whether the best split beats every suggestion alone at the same budget. */
export function verdict(r: OptimizeResult, b: BudgetResult): string {
  const id = r.plan.objective.outcome;
  if (!b.keptToBudget) return `At ${million(b.budget)} yuan a year no finalist could be kept to the budget: the best measured spends ${million(b.spend.mean)}, so it is not compared with the suggestions alone as at the same budget.`;
  const alone = b.singles.find((s) => s.versusBest === null);
  if (alone) return `At ${million(b.budget)} yuan a year the best split is ${alone.suggestion} alone.`;
  if (b.beatsEverySingle) return `At ${million(b.budget)} yuan a year the best split beats every suggestion alone at the same measured spending (paired 95% intervals above 0): ${b.singles.map((s) => `+${shown(id, s.versusBest!.mean)} over ${s.suggestion}`).join(', ')}.`;
  const not = b.singles.filter((s) => !s.bestBeatsIt);
  return `At ${million(b.budget)} yuan a year the best split does not clearly beat every suggestion alone: against ${not.map((s) => `${s.suggestion} (${shown(id, s.versusBest!.mean)}, 95% ${shown(id, s.versusBest!.ciLo)} to ${shown(id, s.versusBest!.ciHi)})`).join(', ')} the paired interval includes 0.`;
}

/** The terminal summary. */
export function optimizeSummaryLines(r: OptimizeResult, dir: string): string[] {
  const p = r.plan;
  const id = p.objective.outcome;
  const robust = p.objective.robust.kind === 'mean' ? 'mean over the draws' : `${Math.round(100 * p.objective.robust.q)}th percentile over the draws`;
  const lines = [
    `optimize ${p.name}: ${million(p.budget)} yuan a year from ${p.startYear} across ${r.parts.join(', ')}; objective ${id} by ${p.objective.year} (${robust}, ${Math.max(1, p.draws)} draw(s)); ${r.runs} runs asked`,
    `best split: ${splitText(r, r.main.best.shares)}`,
    `  doses: ${p.suggestions.map((s, i) => `${s.name} ${r.main.best.readings[i].dose.toFixed(3)}${r.main.best.readings[i].saturated ? ' (saturated)' : ''}`).join(', ')}`,
    `  effect on ${id}: ${intervalText(id, r.main.effect)}; replicate noise alone ±${shown(id, r.main.effect.replicateHalfWidth)}`,
    `  measured extra spending ${million(r.main.spend.mean)} yuan a year (budget ${million(p.budget)})${fitNote(r.main)}`,
    verdict(r, r.main),
    `frontier: ${[r.main, ...r.frontier].sort((a, b) => a.budget - b.budget).map((b) => `${million(b.budget)} → ${shown(id, b.effect.mean)} (${splitText(r, b.best.shares)})`).join('; ')}`,
  ];
  const top = r.bestAcrossDraws[0];
  if (top && p.draws > 0) lines.push(`across the ${p.draws} draws the most frequent best split is ${splitText(r, top.shares)} (best in ${Math.round(100 * top.share)}% of draws)`);
  lines.push(`wrote ${dir}/ (report.html, split.csv, frontier.csv, versus-single.csv, best-across-draws.csv, evaluations.csv, cost-curves.csv, draws.csv, optimum.yaml, manifest.json)`);
  return lines;
}

const table = (columns: string[], rows: (string | number)[][]): SummaryTable => ({ columns, rows });

function frontierChart(r: OptimizeResult): TopLevelSpec {
  const o = outcome(r.plan.objective.outcome);
  const scale = o.kind === 'fraction' ? 100 : 1;
  const values = [r.main, ...r.frontier].flatMap((b) => [
    { budget: b.budget / 1e9, series: 'best split', effect: b.effect.mean * scale, lo: b.effect.ciLo * scale, hi: b.effect.ciHi * scale },
    ...b.singles.map((s) => ({ budget: b.budget / 1e9, series: `${s.suggestion} alone`, effect: s.effect.mean * scale, lo: s.effect.ciLo * scale, hi: s.effect.ciHi * scale })),
  ]);
  const y = { field: 'effect', type: 'quantitative', title: `${o.label} vs baseline (${o.kind === 'fraction' ? 'pp' : o.unit})` } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 520, height: 300, data: { values },
    encoding: { x: { field: 'budget', type: 'quantitative', title: 'budget (billion yuan a year)' }, color: { field: 'series', type: 'nominal', title: null } },
    layer: [
      { mark: { type: 'errorbar' }, encoding: { y: { field: 'lo', type: 'quantitative', title: y.title }, y2: { field: 'hi' } } },
      { mark: { type: 'line', point: true }, encoding: { y } },
    ],
  } as TopLevelSpec;
}

function costChart(r: OptimizeResult): TopLevelSpec {
  const values = r.costCurves.flatMap((c) => monotoneCurve(c).map((p) => ({ suggestion: c.suggestion, dose: p.dose, yuan: p.yuan / 1e9 })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 520, height: 260, data: { values },
    mark: { type: 'line', point: true },
    encoding: { x: { field: 'dose', type: 'quantitative', title: 'dose (0 = baseline, 1 = plausible end of every lever)' }, y: { field: 'yuan', type: 'quantitative', title: 'extra spending (billion yuan a year)' }, color: { field: 'suggestion', type: 'nominal', title: null } },
  } as TopLevelSpec;
}

function drawsChart(r: OptimizeResult): TopLevelSpec {
  const values = r.bestAcrossDraws.map((b) => ({ split: splitText(r, b.shares), share: b.share }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 420, data: { values },
    mark: 'bar', encoding: { y: { field: 'split', type: 'nominal', sort: '-x', title: null }, x: { field: 'share', type: 'quantitative', title: 'share of draws in which the split is best', scale: { domain: [0, 1] } } },
  } as TopLevelSpec;
}

/** The report page. */
export function optimizeReport(r: OptimizeResult, generatedBy: string): ReportInput {
  const p = r.plan;
  const id = p.objective.outcome;
  const o = outcome(id);
  const units = r.main.search.units;
  const budgets = [r.main, ...r.frontier].sort((a, b) => a.budget - b.budget);
  return {
    title: `povsim optimize: ${p.name}`,
    subtitle: `The best split of ${million(p.budget)} yuan a year from ${p.startYear}; ${o.label.toLowerCase()} by ${p.objective.year}`,
    generatedBy, bands: [], effects: [], costs: [], routes: [], assumptions: [],
    summaryText: [
      `Best split: ${splitText(r, r.main.best.shares)}.`,
      `Its effect on ${o.label.toLowerCase()}: ${intervalText(id, r.main.effect)}. The 95% interval covers both layers (replicate noise and the ${Math.max(1, p.draws)} assumption draw(s)); replicate noise alone is ±${shown(id, r.main.effect.replicateHalfWidth)}.`,
      verdict(r, r.main),
      `Measured extra spending: ${million(r.main.spend.mean)} yuan a year (across draws ${million(r.main.spend.drawLo)} to ${million(r.main.spend.drawHi)}), against a budget of ${million(p.budget)}${fitNote(r.main)}. Yuan are turned into doses by each suggestion's cost curve at the central assumptions; a split (or a suggestion alone) that measured more than ${Math.round(100 * BUDGET_TOLERANCE)}% over the budget is scaled down until it keeps to it, so the comparison is at the same measured spending.`,
    ],
    summaryTable: table(['part', 'share', 'yuan a year', 'dose', 'saturated'], r.parts.map((part, i) => {
      const rd = r.main.best.readings[i];
      return [part, `${(100 * r.main.best.shares[i]).toFixed(1)}%`, million(r.main.best.yuan[i]), rd ? rd.dose.toFixed(3) : '—', rd ? (rd.saturated ? 'yes' : 'no') : '—'];
    })),
    tables: [
      { id: 'versus-single', title: 'Best split minus each suggestion alone (paired, same budget)', table: table(['budget', 'suggestion alone', 'difference', '95% interval', 'beats it'], budgets.flatMap((b) => b.singles.map((s) => [million(b.budget), s.suggestion, s.versusBest ? shown(id, s.versusBest.mean) : '—', s.versusBest ? `${shown(id, s.versusBest.ciLo)} to ${shown(id, s.versusBest.ciHi)}` : '—', s.versusBest === null ? 'is the best split' : s.bestBeatsIt ? 'yes' : 'not shown']))) },
      { id: 'frontier', title: 'Frontier: the best split at each budget', table: table(['budget', 'best split', 'effect', '95% interval', 'across draws', 'measured spending'], budgets.map((b) => [million(b.budget), splitText(r, b.best.shares), shown(id, b.effect.mean), `${shown(id, b.effect.ciLo)} to ${shown(id, b.effect.ciHi)}`, `${shown(id, b.effect.drawLo)} to ${shown(id, b.effect.drawHi)}`, million(b.spend.mean)])) },
      { id: 'across-draws', title: 'How often each finalist split is best across the draws', table: table(['split', 'best in share of draws'], r.bestAcrossDraws.map((b) => [splitText(r, b.shares), `${Math.round(100 * b.share)}%`])) },
      { id: 'cost-curves', title: 'Cost curves (extra yuan a year by dose, central assumptions)', table: table(['suggestion', 'capacity (most it can absorb)', ...r.costCurves[0].doses.map((d) => `dose ${d.toFixed(2)}`)], r.costCurves.map((c) => [c.suggestion, million(capacityOf(c)), ...c.yuan.map(million)])) },
    ],
    sections: [{
      id: 'method', title: 'Method',
      paragraphs: [
        `Decision: yuan a year for each suggestion from ${p.startYear}, ${p.total === 'fixed' ? 'summing to the budget' : 'summing to at most the budget (an "unspent" part)'}; yuan become a dose through each suggestion's measured cost curve (linear between doses, saturated beyond its top), and the doses apply together over the baseline.`,
        `Objective: the paired difference from the baseline (same seeds: common random numbers) of ${id} in ${p.objective.year}, ${p.objective.robust.kind === 'mean' ? 'averaged over' : `its ${Math.round(100 * p.objective.robust.q)}th percentile across`} the assumption draws.`,
        `Search: every split on a lattice of steps of 1/${p.search.grid} at ${p.search.screenReplicates} replicate(s), the best ${p.search.raceSize} raced at ${p.search.raceReplicates}, then a pattern search moving ${(100 / p.search.grid / 2).toFixed(1)}% and less between parts (${p.search.refinements} halvings, at most ${p.search.maxPolls} new splits); lattice unit 1/${units}. Frontier budgets: ${p.frontier.refine ? 'the same search' : 'screen and race only'}. The best split and each suggestion alone get ${p.confirmReplicates} replicates per draw for the intervals.`,
        'Limits: few replicates and draws by default (a plan file raises them); the cost curve is measured at the central assumptions, so under a draw the same yuan can buy a dose that costs more or less (the measured spending is reported); the search can stop at a local optimum of a noisy objective.',
      ],
    }],
    extraCharts: [
      { id: 'frontier', title: `Frontier: ${o.label.toLowerCase()} by budget, best split and each suggestion alone`, spec: frontierChart(r) },
      { id: 'cost-curves', title: 'Cost curves: extra yuan a year by dose', spec: costChart(r) },
      ...(r.bestAcrossDraws.length ? [{ id: 'best-across-draws', title: 'How often each finalist is best across the draws', spec: drawsChart(r) }] : []),
    ],
  };
}

/** manifest.json (without `completed`, which the writer adds first). No timings: reruns are byte-identical. */
export function optimizeManifest(r: OptimizeResult, facts: { povsim: string; gitCommit: string | null; planFile: string; modelCode: string; files: readonly string[] }): Record<string, unknown> {
  const p = r.plan;
  return {
    povsim: facts.povsim, gitCommit: facts.gitCommit, modelCode: facts.modelCode, plan: p.name, planFile: facts.planFile,
    baseline: p.files.baseline, suggestions: p.files.suggestions, budget: p.budget, startYear: p.startYear, total: p.total,
    objective: p.objective, draws: p.draws, costCurve: p.costCurve, search: p.search, confirmReplicates: p.confirmReplicates, frontier: p.frontier,
    run: { seed: p.baseline.seed, scale: p.baseline.scale, endYear: p.baseline.endYear },
    best: {
      split: Object.fromEntries(r.parts.map((part, i) => [part, r.main.best.shares[i]])), effect: r.main.effect, beatsEverySingle: r.main.beatsEverySingle,
      nominalBudget: r.main.nominalBudget, keptToBudget: r.main.keptToBudget, measuredSpending: r.main.spend.mean,
    },
    runs: r.runs, files: facts.files,
  };
}
