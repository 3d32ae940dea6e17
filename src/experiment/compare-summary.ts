/**
 * What a planner reads: the ranked table (terminal, at most 100 columns), three to five plain
 * sentences, the "how sure are we" tables, and the CSV files of the study's second layer (draws,
 * ranks, dose–response, equal budgets). Pure: strings and tables only.
 */
import { outcome } from './compare-values.js';
import type { CostSummary, EffectSummary } from './compare.js';
import type { StudyResult } from './compare-study.js';
import { sig, toCsv, whole, type CsvCell } from '../report/csv.js';
import type { SummaryTable } from '../report/types.js';

/** Widest line the terminal summary prints. */
export const TERMINAL_WIDTH = 100;

/** What every interval covers, said the same way everywhere. */
export const COVERS = {
  monteCarlo: 'Monte Carlo noise only: assumptions fixed at their table values; 95% interval, common random numbers',
  draws: 'the stated assumptions ("assume" in the parameter table) drawn over their plausible ranges; 90% of draws',
} as const;

/** A signed number with a unicode minus: 1234 → "+1,234". */
function signed(x: number, digits: number): string {
  const s = Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${x < 0 ? '−' : x > 0 ? '+' : ''}${s}`;
}

/** An effect in display units: pp for fractions, thousands of persons for persons. */
export function shown(outcomeId: string, x: number): string {
  return outcome(outcomeId).kind === 'fraction' ? signed(100 * x, 2) : signed(x / 1000, 1);
}

/** Display unit of an outcome's effect. */
export function shownUnit(outcomeId: string): string {
  return outcome(outcomeId).kind === 'fraction' ? 'pp' : 'thousand persons';
}

function withInterval(outcomeId: string, mean: number, lo: number, hi: number): string {
  return `${shown(outcomeId, mean)} [${shown(outcomeId, lo)}, ${shown(outcomeId, hi)}]`;
}

/** Alternatives in ranked order: best effect on the headline outcome first. */
export function rankedAlternatives(r: StudyResult): { name: string; effect: EffectSummary | undefined; cost: CostSummary }[] {
  const { outcome: o, year } = r.headline;
  const sign = outcome(o).better === 'lower' ? 1 : -1;
  return r.plan.alternatives
    .map((a) => ({ name: a.name, effect: r.analysis.effects.find((e) => e.scenario === a.name && e.outcome === o && e.year === year), cost: r.analysis.costs.find((c) => c.scenario === a.name)! }))
    .sort((x, y) => sign * ((x.effect?.effect.mean ?? 0) - (y.effect?.effect.mean ?? 0)));
}

/** Probability that a scenario ranks first on the headline outcome across the assumption draws, or null without draws. */
export function firstProbability(r: StudyResult, name: string): number | null {
  const p = r.draws?.ranks.find((x) => x.scenario === name && x.outcome === r.headline.outcome && x.year === r.headline.year && x.rank === 1);
  return p ? p.probability : null;
}

const fit = (s: string, w: number): string => (s.length <= w ? s : `${s.slice(0, w - 1)}…`);

/**
 * The ranked table for the terminal, every line at most {@link TERMINAL_WIDTH} columns: rank,
 * scenario, durable exits and true incidence at the last report year with 95% intervals, extra
 * yuan per year, yuan per durable exit, and the chance of ranking first across assumption draws.
 */
export function terminalTable(r: StudyResult): string[] {
  const y = r.headline.year;
  const durable = r.analysis.effects.some((e) => e.outcome === 'durable_exits');
  const through = r.analysis.effects.find((e) => e.outcome === 'durable_exits' && e.year === y)?.throughYear;
  const head = ['#', 'scenario', 'durable exits, k', `true inc. ${y}, pp`, 'bn/yr', 'k yuan/exit', 'first'];
  const k = (x: number): string => signed(Math.round(x / 1000), 0);
  const rows = rankedAlternatives(r).map((a, i) => {
    const d = r.analysis.effects.find((e) => e.scenario === a.name && e.outcome === 'durable_exits' && e.year === y);
    const t = r.analysis.effects.find((e) => e.scenario === a.name && e.outcome === 'true_incidence' && e.year === y);
    const c = a.cost.costPerDurableExit;
    const kk = (x: number): string => Math.round(x / 1000).toLocaleString('en-US');
    const cost = !c || c.ratio === null ? 'n/a' : c.ciLo === null ? `${kk(c.ratio)} [no bound]` : `${kk(c.ratio)} [${kk(c.ciLo)}, ${kk(c.ciHi!)}]`;
    const p = firstProbability(r, a.name);
    return [
      String(i + 1), fit(a.name, 24),
      d ? `${k(d.effect.mean)} [${k(d.effect.ciLo)}, ${k(d.effect.ciHi)}]` : 'n/a',
      t ? withInterval('true_incidence', t.effect.mean, t.effect.ciLo, t.effect.ciHi) : 'n/a',
      (a.cost.extraSpendingPerYear / 1e9).toFixed(2), cost, p === null ? '–' : `${Math.round(100 * p)}%`,
    ];
  });
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => (j <= 1 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  const legend = [
    durable
      ? `durable exits: thousand persons who exited by ${through ?? y} and were still out 24 months later`
      : 'durable exits: not available (the model does not write durable_exits)',
    `true inc.: true poverty incidence, percentage points; both vs ${r.analysis.baselineName}`,
    'bn/yr: extra bn yuan a year from the first month spending differs; k yuan/exit: per durable exit',
    r.draws
      ? `[ ]: 95% intervals, Monte Carlo noise only; first: share of ${r.draws.values.length} assumption draws ranked first`
      : '[ ]: 95% intervals, Monte Carlo noise only; first: needs assumption draws (draws: in a comparison file)',
  ];
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ...legend].map((l) => fit(l, TERMINAL_WIDTH));
}

/** Yuan in words: 2e9 → "2 bn yuan", 5e8 → "500 million yuan". */
export function yuanWords(x: number): string {
  return Math.abs(x) >= 1e9 ? `${Number((x / 1e9).toPrecision(3))} bn yuan` : `${Number((x / 1e6).toPrecision(3))} million yuan`;
}

/** Three to five plain sentences answering the planner's question. */
export function planSentences(r: StudyResult): string[] {
  const ranked = rankedAlternatives(r);
  const top = ranked[0];
  const { outcome: o, year } = r.headline;
  const out: string[] = [];
  if (!top?.effect) return ['No alternative has an effect on the headline outcome in the report years.'];
  const e = top.effect.effect;
  if (o === 'durable_exits') {
    const n = (x: number): string => `${x < 0 ? '−' : ''}${Math.abs(Math.round(x)).toLocaleString('en-US')}`;
    const sure = e.ciLo > 0 ? '' : '; its 95% interval includes zero, so this lead is not established';
    out.push(`By ${year}, ${top.name} lifts the most people durably out of poverty: ${n(e.mean)} more durable exits than the baseline [${n(e.ciLo)} to ${n(e.ciHi)}] (exits to ${top.effect.throughYear}, still out 24 months later)${sure}.`);
  } else {
    out.push(`By ${year}, ${top.name} lowers true poverty incidence the most: ${shown(o, e.mean)} pp [${shown(o, e.ciLo)}, ${shown(o, e.ciHi)}] against the baseline (durable exits are not available from this model version).`);
  }
  const p = firstProbability(r, top.name);
  const d = r.draws?.summary.find((x) => x.scenario === top.name && x.outcome === o && x.year === year);
  if (p !== null && d) {
    // Say so when the assumption layer crowns another suggestion more often than the Monte Carlo leader.
    const rival = ranked.slice(1).map((x) => ({ name: x.name, p: firstProbability(r, x.name) ?? 0 })).sort((x, y) => y.p - x.p)[0];
    const but = rival && rival.p > p ? `, but ${rival.name} ranks first more often (${Math.round(100 * rival.p)}%)` : '';
    out.push(`It ranks first in ${Math.round(100 * p)}% of ${r.draws!.values.length} assumption draws${but}; across the draws its effect is ${shown(o, d.median)} ${shownUnit(o)} (90% of draws: ${shown(o, d.lo)} to ${shown(o, d.hi)}).`);
  }
  const c = top.cost;
  if (c.firstYear !== null) {
    const per = c.costPerDurableExit;
    const perText = per && per.ratio !== null ? (per.ciLo !== null ? `, ${Math.round(per.ratio).toLocaleString('en-US')} yuan per extra durable exit [${Math.round(per.ciLo).toLocaleString('en-US')}–${Math.round(per.ciHi!).toLocaleString('en-US')}]` : ', and its cost per durable exit is unbounded (too few extra exits to tell)') : '';
    out.push(`It costs ${yuanWords(c.extraSpendingPerYear)} extra a year from ${c.firstYear}${perText}.`);
  } else {
    out.push('It spends no extra yuan against the baseline.');
  }
  const atTop = r.best.filter((b) => b.best !== null);
  if (atTop.length) {
    const b = atTop[atTop.length - 1];
    const sat = r.budgets.filter((x) => x.budgetYuanPerYear === b.budgetYuanPerYear && x.status === 'saturated').map((x) => `${x.scenario} (${yuanWords(x.spentYuanPerYear)})`);
    const at = r.budgets.filter((x) => x.budgetYuanPerYear === b.budgetYuanPerYear && x.status === 'equal budget');
    const lead = at.find((x) => x.scenario === b.best)!;
    const higher = outcome(lead.outcome).better === 'higher';
    const overlap = at.some((x) => x !== lead && (higher ? x.ciHi >= lead.ciLo : x.ciLo <= lead.ciHi));
    out.push(`At ${yuanWords(b.budgetYuanPerYear)} a year, ${b.best} does best${overlap ? ' (its interval overlaps another\'s, so this is not settled)' : ''}${sat.length ? `; ${sat.join(', ')} cannot spend that much and ${sat.length > 1 ? 'are' : 'is'} shown saturated` : ''}.`);
  }
  out.push(`Intervals in brackets cover Monte Carlo noise only (assumptions fixed); ${r.draws ? 'the draws cover the stated assumptions over their plausible ranges' : 'the assumptions were not drawn (draws: 0)'}.`);
  return out.slice(0, 5);
}

/** The ranked table for the report and summary.csv (full names, values in CSV-friendly form). */
export function rankedSummaryTable(r: StudyResult): SummaryTable {
  const y = r.headline.year;
  const columns = ['rank', 'scenario', `extra durable exits by ${y} (persons) [95% CI]`, `effect on true incidence ${y} (pp) [95% CI]`,
    'extra spending (million yuan per year)', 'from year', 'yuan per extra durable exit [95% CI]', 'ranks first in assumption draws'];
  const rows = rankedAlternatives(r).map((a, i) => {
    const d = r.analysis.effects.find((e) => e.scenario === a.name && e.outcome === 'durable_exits' && e.year === y);
    const t = r.analysis.effects.find((e) => e.scenario === a.name && e.outcome === 'true_incidence' && e.year === y);
    const c = a.cost.costPerDurableExit;
    const p = firstProbability(r, a.name);
    const int = (x: number): string => `${x < -0.5 ? '−' : ''}${Math.abs(Math.round(x)).toLocaleString('en-US')}`;
    return [
      i + 1, a.name,
      d ? `${int(d.effect.mean)} [${int(d.effect.ciLo)}, ${int(d.effect.ciHi)}]` : 'n/a',
      t ? withInterval('true_incidence', t.effect.mean, t.effect.ciLo, t.effect.ciHi) : 'n/a',
      Math.round(a.cost.extraSpendingPerYear / 1e6), a.cost.firstYear === null ? 'never differs' : String(a.cost.firstYear),
      !c || c.ratio === null ? 'n/a' : c.ciLo === null ? `${int(c.ratio)} [unbounded]` : `${int(c.ratio)} [${int(c.ciLo)}, ${int(c.ciHi!)}]`,
      p === null ? 'no draws' : `${Math.round(100 * p)}%`,
    ];
  });
  return { columns, rows };
}

/** The outcome table: every outcome of every compared scenario at every report year, with both layers. */
export function outcomeTable(r: StudyResult): SummaryTable {
  const columns = ['scenario', 'outcome', 'year', 'baseline', 'scenario value', 'effect [95% CI, Monte Carlo]', 'effect across draws [90% of draws]'];
  const rows = r.analysis.effects.map((e) => {
    const o = outcome(e.outcome);
    const d = r.draws?.summary.find((x) => x.scenario === e.scenario && x.outcome === e.outcome && x.year === e.year);
    const level = (x: number): string => (o.kind === 'fraction' ? `${(100 * x).toFixed(2)}%` : Math.round(x).toLocaleString('en-US'));
    const unit = shownUnit(e.outcome);
    return [
      e.scenario, `${o.label}${e.throughYear !== e.year ? ` (exits to ${e.throughYear})` : ''}`, String(e.year), level(e.baselineMean), level(e.scenarioMean),
      `${withInterval(e.outcome, e.effect.mean, e.effect.ciLo, e.effect.ciHi)} ${unit}`,
      d ? `${shown(e.outcome, d.median)} [${shown(e.outcome, d.lo)}, ${shown(e.outcome, d.hi)}] ${unit}` : '–',
    ];
  });
  return { columns, rows };
}

/** The rank distribution on the headline outcome (rows: scenario; columns: rank 1..n). */
export function rankTable(r: StudyResult): SummaryTable | null {
  if (!r.draws) return null;
  const n = r.plan.alternatives.length;
  const columns = ['scenario', ...Array.from({ length: n }, (_, k) => `rank ${k + 1}`)];
  const rows = rankedAlternatives(r).map((a) => [a.name, ...Array.from({ length: n }, (_, k) => {
    const p = r.draws!.ranks.find((x) => x.scenario === a.name && x.outcome === r.headline.outcome && x.year === r.headline.year && x.rank === k + 1);
    return p ? `${Math.round(100 * p.probability)}%` : '–';
  })]);
  return { columns, rows };
}

/** draws.csv: the per-draw paired mean effects, and the drawn value of every assumption. */
export function drawsCsv(r: StudyResult): string {
  if (!r.draws) return toCsv(['draw', 'scenario', 'outcome', 'year', 'unit', 'effect', 'replicates'], []);
  const keys = r.draws.ranges.map((x) => x.key);
  const rows = r.draws.effects.map((e): CsvCell[] => [
    e.draw, e.scenario, e.outcome, e.year, outcome(e.outcome).unit, outcome(e.outcome).kind === 'persons' ? whole(e.effect) : sig(e.effect, 8), e.replicates,
    ...keys.map((k) => sig(r.draws!.values[e.draw][k], 8)),
  ]);
  return toCsv(['draw', 'scenario', 'outcome', 'year', 'unit', 'effect', 'replicates', ...keys.map((k) => `assume_${k}`)], rows);
}

/** ranks.csv: scenario, outcome, year, rank, probability (share of draws). */
export function ranksCsv(r: StudyResult): string {
  return toCsv(['scenario', 'outcome', 'year', 'rank', 'probability'], (r.draws?.ranks ?? []).map((x) => [x.scenario, x.outcome, x.year, x.rank, sig(x.probability, 6)]));
}

/** dose-response.csv: per alternative and dose, what it sets, its extra cost and its effects. */
export function doseResponseCsv(r: StudyResult): string {
  const columns = ['scenario', 'dose', 'setting', 'extra_yuan_per_year', 'extra_spending_yuan', 'extra_spending_yuan_ci95_lo', 'extra_spending_yuan_ci95_hi', 'outcome', 'year', 'unit', 'effect_mean', 'effect_ci95_lo', 'effect_ci95_hi', 'replicates'];
  const rows = r.doses.flatMap((p) => p.effects.map((e): CsvCell[] => {
    const v = (x: number): number | null => (outcome(e.outcome).kind === 'persons' ? whole(x) : sig(x, 8));
    return [p.scenario, sig(p.dose, 6), p.setting, whole(p.extraYuanPerYear), whole(p.extraSpending.mean), whole(p.extraSpending.ciLo), whole(p.extraSpending.ciHi),
      e.outcome, e.year, outcome(e.outcome).unit, v(e.effect.mean), v(e.effect.ciLo), v(e.effect.ciHi), e.effect.n];
  }));
  return toCsv(columns, rows);
}

/** equal-budget.csv: each alternative read at each budget; `status` says whether it reached it. */
export function equalBudgetCsv(r: StudyResult): string {
  const columns = ['budget_yuan_per_year', 'scenario', 'status', 'spent_yuan_per_year', 'dose', 'outcome', 'year', 'unit', 'effect', 'effect_ci95_lo', 'effect_ci95_hi', 'best_at_this_budget'];
  const rows = r.budgets.map((b): CsvCell[] => {
    const v = (x: number): number | null => (outcome(b.outcome).kind === 'persons' ? whole(x) : sig(x, 8));
    const best = r.best.find((x) => x.budgetYuanPerYear === b.budgetYuanPerYear)?.best === b.scenario;
    return [b.budgetYuanPerYear, b.scenario, b.status, whole(b.spentYuanPerYear), sig(b.dose, 4), b.outcome, b.year, outcome(b.outcome).unit, v(b.effect), v(b.ciLo), v(b.ciHi), best ? 'yes' : 'no'];
  });
  return toCsv(columns, rows);
}

/** The equal-budget table of the report: one row per budget and alternative, never labelling an unreached budget. */
export function equalBudgetTable(r: StudyResult): SummaryTable {
  const o = r.headline.outcome;
  const columns = ['budget (million yuan per year)', 'scenario', 'status', 'spends (million yuan per year)', `effect on ${outcome(o).label.toLowerCase()} ${r.headline.year} (${shownUnit(o)}) [95% CI]`, 'best at this budget'];
  const rows = r.budgets.map((b) => [
    Math.round(b.budgetYuanPerYear / 1e6), b.scenario,
    b.status === 'saturated' ? `saturated: spends at most ${Math.round(b.spentYuanPerYear / 1e6)} million` : b.status,
    Math.round(b.spentYuanPerYear / 1e6), withInterval(o, b.effect, b.ciLo, b.ciHi),
    r.best.find((x) => x.budgetYuanPerYear === b.budgetYuanPerYear)?.best === b.scenario ? 'yes' : '',
  ]);
  return { columns, rows };
}
