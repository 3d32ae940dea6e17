/**
 * `povsim optimize`: the best split of a yearly budget across the suggestions, robust to the
 * assumptions. Pure: every run goes through the injected {@link TaskRunner} (in Node a caching
 * runner over the worker pool journals each run, src/node/optimize-files.ts). Reading order:
 *
 *   1. draws      the assumption draws (assumption-draws.ts), or the central assumptions alone
 *   2. costs      each suggestion's cost curve at the central assumptions → yuan → dose (optimize-dose.ts)
 *   3. search     at the main budget: screen, race, refine (optimize-search.ts); every observation of a
 *                 split is, per draw, its paired difference from the baseline with the same seed
 *   4. confirm    the best split and each suggestion alone with the whole budget at more replicates:
 *                 the best split's interval (both layers) and its paired difference from each
 *   5. frontier   the search at the other budgets (screen and race unless refine), each suggestion
 *                 alone at every budget
 *   6. draws      how often each finalist split is best across the draws
 */
import { mean, quantile, sampleStandardDeviation } from 'simple-statistics';
import { assumptionDraws, assumptionRanges, specUnderDraw, type AssumptionRange } from './assumption-draws.js';
import { extraSpendingOf, scenarioTablesOf, type ScenarioTables } from './compare.js';
import { OUTCOMES, outcome, outcomeValues } from './compare-values.js';
import { doseSetting } from './dose-response.js';
import { capacityOf, doseForYuan, mixScenario, type CostCurve, type DoseReading } from './optimize-dose.js';
import type { OptimizePlan, Robust } from './optimize-plan.js';
import { pointKey, searchSplits, searchUnits, type SearchResult, type SearchSettings, type SplitPoint } from './optimize-search.js';
import { tQuantile975 } from './paired.js';
import { resolveParams, type ScenarioSpec } from './run-scenario.js';
import { replicateSeed } from './seeds.js';
import type { RunTask, TaskResult, TaskRunner } from './task.js';
import type { Params } from '../model/parameters.js';

/** The outcomes recorded for every observation (the objective's first). */
export const RECORDED_OUTCOMES = ['durable_exits', 'true_incidence', 'poverty_gap', 'vulnerable_share'] as const;

/** One observation: per draw, the paired differences from the baseline and the extra yuan per year. */
interface Observation {
  /** [draw] → outcome id → scenario − baseline. */
  effects: Record<string, number>[];
  /** [draw] → extra spending per year from the start year (yuan). */
  spend: number[];
}

/** A split at a budget: shares, yuan, doses and what the doses set. */
export interface SplitDetail {
  point: number[];
  /** Share of the budget per part (suggestions, then "unspent" when the total is free). */
  shares: number[];
  yuan: number[];
  readings: DoseReading[];
  setting: string;
  spec: ScenarioSpec;
}

/** A finalist at a budget: its point, the nominal budget its yuan are mapped at, whether that keeps to the budget, its robust score. */
export interface Candidate {
  point: number[];
  nominal: number;
  kept: boolean;
  score: number;
}

/** An interval over observations of a point (sign as measured, not normalised). */
export interface Interval {
  mean: number;
  /** 95% over every (draw, replicate) cell: both layers of uncertainty. */
  ciLo: number;
  ciHi: number;
  /** 95% half-width from replicate noise alone (pooled within draws); NaN with one replicate. */
  replicateHalfWidth: number;
  /** Lowest and highest per-draw mean (the assumption layer). */
  drawLo: number;
  drawHi: number;
  draws: number;
  replicates: number;
}

export interface BudgetResult {
  budget: number;
  /**
   * The budget the best split's yuan are mapped at: the budget, or less when the split measured at the
   * budget spent more than BUDGET_TOLERANCE above it (see fitToBudget in runOptimize).
   */
  nominalBudget: number;
  /** False when no nominal budget within the fits kept the best's measured spending to the budget. */
  keptToBudget: boolean;
  /** The finalists at this budget (the search's best, then each suggestion alone), each fitted to it. */
  candidates: Candidate[];
  search: SearchResult;
  best: SplitDetail;
  /** The best split's objective outcome and its extra spending per year. */
  effect: Interval;
  spend: Interval;
  /** Robust score (normalised: higher is better) at the replicates reported. */
  score: number;
  /** Each suggestion alone with the whole budget. */
  singles: { suggestion: string; point: number[]; nominalBudget: number; keptToBudget: boolean; effect: Interval; spend: Interval; score: number; versusBest: Interval | null; bestBeatsIt: boolean }[];
  /** Whether the intervals show the best split beats every suggestion alone. */
  beatsEverySingle: boolean;
  /** Every scored point: stage-agnostic, with replicates reached and score. */
  evaluations: { point: number[]; replicates: number; score: number; effect: number; spend: number }[];
}

export interface OptimizeResult {
  plan: OptimizePlan;
  parts: string[];
  ranges: AssumptionRange[];
  drawValues: Partial<Params>[];
  costCurves: CostCurve[];
  main: BudgetResult;
  frontier: BudgetResult[];
  /** Finalists at the main budget and the share of draws in which each is best. */
  bestAcrossDraws: { point: number[]; shares: number[]; share: number }[];
  runs: number;
}

const centralDraw: Partial<Params> = {};

/** How far above the budget a split's measured spending may be before it is scaled down. */
export const BUDGET_TOLERANCE = 0.05;
/** Most scalings of one split to fit the budget. */
const MAX_BUDGET_FITS = 5;

/** The robust aggregate of per-draw scores (already normalised: higher is better). */
export function robustScore(perDraw: readonly number[], robust: Robust): number {
  if (perDraw.length === 0) throw new RangeError('robustScore: no draws');
  return robust.kind === 'mean' ? mean(perDraw as number[]) : quantile(perDraw as number[], robust.q);
}

/** Interval of one quantity over cells [draw][replicate] (see {@link Interval}). */
export function intervalOf(cells: readonly (readonly number[])[]): Interval {
  const all = cells.flat();
  const n = all.length;
  const m = mean(all);
  const t = n >= 2 ? tQuantile975(n - 1) : NaN;
  const sd = n >= 2 ? sampleStandardDeviation(all) : NaN;
  const perDraw = cells.map((c) => mean(c as number[]));
  const reps = cells[0].length;
  let within = NaN;
  if (reps >= 2) {
    const ss = cells.reduce((acc, c) => acc + c.reduce((a, v) => a + (v - mean(c as number[])) ** 2, 0), 0);
    const df = cells.length * (reps - 1);
    within = tQuantile975(df) * Math.sqrt(ss / df / n);
  }
  return { mean: m, ciLo: m - t * sd / Math.sqrt(n), ciHi: m + t * sd / Math.sqrt(n), replicateHalfWidth: within, drawLo: Math.min(...perDraw), drawHi: Math.max(...perDraw), draws: cells.length, replicates: reps };
}

/** Runs the study of a plan (see the file comment). */
export async function runOptimize(plan: OptimizePlan, run: TaskRunner, log?: (line: string) => void): Promise<OptimizeResult> {
  const b = plan.baseline;
  const parts = [...plan.suggestions.map((s) => s.name), ...(plan.total === 'free' ? ['unspent'] : [])];
  const o = outcome(plan.objective.outcome);
  const sign = o.better === 'higher' ? 1 : -1;
  const years = b.endYear - plan.startYear + 1;
  let runs = 0;
  const runBatch = async (tasks: RunTask[]): Promise<TaskResult[]> => {
    if (tasks.length === 0) return [];
    runs += tasks.length;
    return run(tasks.map((t, i) => ({ ...t, id: i })));
  };
  const taskOf = (spec: ScenarioSpec, draw: Partial<Params>, r: number): RunTask => {
    const s = specUnderDraw(spec, draw, 1);
    return { id: 0, params: resolveParams(s.values), schedule: s.schedule, seed: replicateSeed(b.seed, r), scale: b.scale, endYear: b.endYear, monthly: false };
  };
  const tablesOf = (spec: ScenarioSpec, result: TaskResult): ScenarioTables => scenarioTablesOf({ ...spec, replicates: 1 }, [result]);

  // 1. draws
  const ranges = plan.draws > 0 ? assumptionRanges(b, plan.suggestions) : [];
  const drawValues = plan.draws > 0 ? assumptionDraws(ranges, plan.draws, b.seed) : [centralDraw];
  const D = drawValues.length;

  // baselines per (context, replicate); context -1 is the central assumptions
  const baseTables = new Map<string, ScenarioTables>();
  const ensureBaselines = async (contexts: readonly number[], n: number): Promise<void> => {
    const need: { key: string; task: RunTask }[] = [];
    for (const c of contexts) for (let r = 0; r < n; r++) {
      const key = `${c}:${r}`;
      if (!baseTables.has(key)) need.push({ key, task: taskOf(b, c < 0 ? centralDraw : drawValues[c], r) });
    }
    const res = await runBatch(need.map((x) => x.task));
    need.forEach((x, i) => baseTables.set(x.key, tablesOf(b, res[i])));
  };
  const extraPerYear = (s: ScenarioTables, base: ScenarioTables): number => extraSpendingOf(s, base).perReplicate[0] / years;

  // 2. cost curves
  const K = plan.costCurve.doses;
  const R = plan.costCurve.replicates;
  const doses = Array.from({ length: K }, (_, k) => (k + 1) / K);
  await ensureBaselines([-1], R);
  const curveSpecs = plan.suggestions.flatMap((s, i) => doses.map((t) => mixScenario(b, plan.suggestions, plan.suggestions.map((_, j) => (j === i ? t : 0)), `${s.name} @ ${t}`)));
  const curveTasks = curveSpecs.flatMap((s) => Array.from({ length: R }, (_, r) => taskOf(s, centralDraw, r)));
  const curveRes = await runBatch(curveTasks);
  const costCurves: CostCurve[] = plan.suggestions.map((s, i) => ({
    suggestion: s.name,
    doses,
    yuan: doses.map((_, k) => {
      const idx = (i * K + k) * R;
      return mean(Array.from({ length: R }, (_, r) => extraPerYear(tablesOf(curveSpecs[i * K + k], curveRes[idx + r]), baseTables.get(`-1:${r}`)!)));
    }),
  }));
  for (const c of costCurves) if (!(capacityOf(c) > 0)) throw new Error(`${c.suggestion} costs nothing extra at any dose (its cost curve is flat at 0), so a budget cannot buy it; leave it out of the plan's suggestions`);
  log?.(`cost curves: ${costCurves.map((c) => `${c.suggestion} up to ${(capacityOf(c) / 1e6).toFixed(0)} M yuan/yr`).join('; ')}`);

  // 3.–5. a noisy objective per budget; observations cached per (budget, point, replicate)
  const searchSettings: SearchSettings = { ...plan.search, parts: parts.length };
  const units = searchUnits(searchSettings);
  const details = new Map<string, SplitDetail>();
  const detail = (budget: number, p: SplitPoint): SplitDetail => {
    const key = `${budget}|${pointKey(p)}`;
    let d = details.get(key);
    if (!d) {
      const shares = p.map((u) => u / units);
      const yuan = shares.map((s) => s * budget);
      const readings = plan.suggestions.map((_, i) => doseForYuan(costCurves[i], yuan[i]));
      const spec = mixScenario(b, plan.suggestions, readings.map((x) => x.dose), `optimum-${pointKey(p)}`);
      d = { point: [...p], shares, yuan, readings, setting: doseSetting(b, spec), spec };
      details.set(key, d);
    }
    return d;
  };
  const observations = new Map<string, Observation>();
  const obsKey = (budget: number, p: SplitPoint, r: number): string => `${budget}|${pointKey(p)}|${r}`;
  const objectiveAt = (budget: number) => ({
    ensure: async (points: readonly SplitPoint[], n: number): Promise<void> => {
      await ensureBaselines(drawValues.map((_, d) => d), n);
      const need: { key: string; spec: ScenarioSpec; r: number }[] = [];
      for (const p of points) for (let r = 0; r < n; r++) {
        const key = obsKey(budget, p, r);
        if (!observations.has(key) && !need.some((x) => x.key === key)) need.push({ key, spec: detail(budget, p).spec, r });
      }
      const tasks = need.flatMap((x) => drawValues.map((dv) => taskOf(x.spec, dv, x.r)));
      const res = await runBatch(tasks);
      need.forEach((x, i) => {
        const ob: Observation = { effects: [], spend: [] };
        drawValues.forEach((_, d) => {
          const s = tablesOf(x.spec, res[i * D + d]);
          const base = baseTables.get(`${d}:${x.r}`)!;
          const e: Record<string, number> = {};
          for (const id of new Set([plan.objective.outcome, ...RECORDED_OUTCOMES])) {
            const oc = OUTCOMES.find((q) => q.id === id)!;
            const a = outcomeValues(s, oc, plan.objective.year);
            const c = outcomeValues(base, oc, plan.objective.year);
            e[id] = a && c ? a.values[0] - c.values[0] : NaN;
          }
          ob.effects.push(e);
          ob.spend.push(extraPerYear(s, base));
        });
        observations.set(x.key, ob);
      });
    },
    score: (p: SplitPoint, n: number): number => {
      const perDraw = drawValues.map((_, d) => sign * mean(Array.from({ length: n }, (_, r) => observations.get(obsKey(budget, p, r))!.effects[d][plan.objective.outcome])));
      if (perDraw.some((v) => !Number.isFinite(v))) throw new Error(`the model gives no value of ${plan.objective.outcome} in ${plan.objective.year}; choose another outcome or year`);
      return robustScore(perDraw, plan.objective.robust);
    },
  });
  const cells = (budget: number, p: SplitPoint, n: number, pick: (ob: Observation, d: number) => number): number[][] =>
    drawValues.map((_, d) => Array.from({ length: n }, (_, r) => pick(observations.get(obsKey(budget, p, r))!, d)));
  const effectCells = (budget: number, p: SplitPoint, n: number) => cells(budget, p, n, (ob, d) => ob.effects[d][plan.objective.outcome]);
  const spendCells = (budget: number, p: SplitPoint, n: number) => cells(budget, p, n, (ob, d) => ob.spend[d]);
  const corners = plan.suggestions.map((_, i) => parts.map((__, j) => (j === i ? units : 0)));

  /**
   * The nominal budget at which split p's measured spending (mean over draws and replicates) keeps to
   * `budget` (within BUDGET_TOLERANCE), and whether one was found. The cost curves are measured one
   * suggestion at a time, and together the suggestions can cost more (a household that stops waiting
   * for help takes up measures it refused), so a split that overspends is scaled down: secant steps on
   * the nominal budget inside a bracket (bisection when a step leaves it), at most MAX_BUDGET_FITS,
   * keeping the largest nominal budget whose spending is within the tolerance. When none is found by
   * then, bisection towards 0 (the baseline: no extra spending) goes on for MAX_BUDGET_FITS more steps.
   */
  const fitToBudget = async (budget: number, p: SplitPoint, n: number): Promise<{ nominal: number; kept: boolean }> => {
    const spendAt = async (nominal: number): Promise<number> => {
      await objectiveAt(nominal).ensure([p], n);
      return mean(spendCells(nominal, p, n).flat());
    };
    const ceiling = budget * (1 + BUDGET_TOLERANCE);
    const first = await spendAt(budget);
    if (first <= ceiling) return { nominal: budget, kept: true };
    let lo = { nominal: 0, spend: 0 }; // keeps to the budget (nominal 0 is the baseline, never measured)
    let hi = { nominal: budget, spend: first }; // over it
    let prev = hi;
    let nominal = budget * (budget / first);
    for (let k = 0; k < 2 * MAX_BUDGET_FITS; k++) {
      const spend = await spendAt(nominal);
      const point = { nominal, spend };
      if (spend <= ceiling) lo = point.nominal > lo.nominal ? point : lo;
      else hi = point.nominal < hi.nominal ? point : hi;
      const converged = Math.abs(spend - budget) <= BUDGET_TOLERANCE * budget;
      if (converged || (k + 1 >= MAX_BUDGET_FITS && lo.nominal > 0)) break;
      let next = k + 1 < MAX_BUDGET_FITS ? point.nominal + ((budget - point.spend) * (point.nominal - prev.nominal)) / (point.spend - prev.spend) : NaN;
      if (!(next > lo.nominal && next < hi.nominal)) next = (lo.nominal + hi.nominal) / 2;
      prev = point;
      nominal = next;
    }
    // Without a fit that keeps to the budget, the least overspending one measured, flagged.
    return lo.nominal > 0 ? { nominal: lo.nominal, kept: true } : { nominal: hi.nominal, kept: false };
  };

  const searchAt = async (budget: number, refine: boolean, n: number): Promise<BudgetResult> => {
    const f = objectiveAt(budget);
    const search = await searchSplits(refine ? searchSettings : { ...searchSettings, maxPolls: 0 }, f);
    await f.ensure([search.best, ...corners], n);
    // The search ranks splits at their nominal yuan; once each finalist keeps to the budget (fitToBudget),
    // a suggestion alone can do better than the split the search found: the best is the better of them.
    const candidates: Candidate[] = [];
    for (const point of [search.best, ...corners]) {
      const { nominal, kept } = await fitToBudget(budget, point, n);
      candidates.push({ point: [...point], nominal, kept, score: objectiveAt(nominal).score(point, n) });
    }
    // A candidate that keeps to the budget beats one that could not be made to.
    const chosen = candidates.reduce((a, c) => (c.kept > a.kept || (c.kept === a.kept && c.score > a.score) ? c : a), candidates[0]);
    const nominal = chosen.nominal;
    const best = detail(nominal, chosen.point);
    const bestCells = effectCells(nominal, chosen.point, n);
    const singles = plan.suggestions.map((s, i) => {
      const { point: c, nominal: cNominal, score, kept } = candidates[i + 1];
      const ec = effectCells(cNominal, c, n);
      const same = pointKey(c) === pointKey(chosen.point);
      const versus = same ? null : intervalOf(bestCells.map((row, d) => row.map((v, r) => v - ec[d][r])));
      const bestBeatsIt = versus !== null && (sign > 0 ? versus.ciLo > 0 : versus.ciHi < 0);
      return { suggestion: s.name, point: [...c], nominalBudget: cNominal, keptToBudget: kept, effect: intervalOf(ec), spend: intervalOf(spendCells(cNominal, c, n)), score, versusBest: versus, bestBeatsIt };
    });
    const evaluations = search.visited.map((v) => ({
      point: v.point, replicates: v.replicates, score: f.score(v.point, v.replicates),
      effect: mean(effectCells(budget, v.point, v.replicates).flat()), spend: mean(spendCells(budget, v.point, v.replicates).flat()),
    }));
    log?.(`budget ${(budget / 1e6).toFixed(0)} M yuan/yr: best split ${best.shares.map((s, i) => `${parts[i]} ${(100 * s).toFixed(1)}%`).join(', ')}`);
    return {
      budget, nominalBudget: nominal, keptToBudget: chosen.kept, candidates, search, best, effect: intervalOf(bestCells), spend: intervalOf(spendCells(nominal, chosen.point, n)),
      score: chosen.score, singles, beatsEverySingle: chosen.kept && singles.every((s) => s.bestBeatsIt), evaluations,
    };
  };

  const main = await searchAt(plan.budget, true, plan.confirmReplicates);
  const frontier: BudgetResult[] = [];
  for (const budget of plan.frontier.budgets) frontier.push(await searchAt(budget, plan.frontier.refine, plan.search.raceReplicates));

  // 6. how often each finalist is best across the draws: the fitted candidates of the main budget (each
  // at the nominal budget that keeps it to the budget, at the confirm replicates), as the best was chosen
  const n1 = plan.confirmReplicates;
  const finalists = main.candidates.filter((c) => c.kept || !main.candidates.some((x) => x.kept));
  const wins = new Map<string, number>();
  drawValues.forEach((_, d) => {
    let best: Candidate | null = null;
    let bv = -Infinity;
    for (const c of finalists) {
      const v = sign * mean(effectCells(c.nominal, c.point, n1)[d]);
      if (v > bv) {
        bv = v;
        best = c;
      }
    }
    if (best) wins.set(pointKey(best.point), (wins.get(pointKey(best.point)) ?? 0) + 1);
  });
  const bestAcrossDraws = [...new Map(finalists.map((c) => [pointKey(c.point), c])).values()]
    .map((c) => ({ point: c.point, shares: c.point.map((u) => u / units), share: (wins.get(pointKey(c.point)) ?? 0) / D }))
    .sort((x, y) => y.share - x.share || latticeOrder(x.point, y.point));
  return { plan, parts, ranges, drawValues: plan.draws > 0 ? drawValues : [], costCurves, main, frontier, bestAcrossDraws, runs };
}

/** Lexicographic order, larger first part first (the lattice's order). */
function latticeOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

