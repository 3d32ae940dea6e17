/**
 * Equal budgets read from the dose–response curves: each suggestion's effect at the same extra yuan
 * per year, by linear interpolation between measured doses (and the origin: no dose, no cost, no
 * effect). A suggestion whose curve never reaches the budget is reported as saturated at the most it
 * could spend, never as "equal budget"; one that costs nothing extra cannot be placed on the budget axis.
 */
import { outcome } from './compare-values.js';
import type { DosePoint } from './dose-response.js';

/** Where a suggestion stands at one budget. */
export type BudgetStatus = 'equal budget' | 'saturated' | 'costs nothing extra';

/** One suggestion at one budget level on one outcome. */
export interface BudgetReading {
  scenario: string;
  budgetYuanPerYear: number;
  status: BudgetStatus;
  /** Extra yuan per year actually spent at this reading (the budget, or less when saturated). */
  spentYuanPerYear: number;
  /** Dose at the reading (interpolated). */
  dose: number;
  outcome: string;
  year: number;
  /** Effect and its 95% bounds, interpolated linearly between the two neighbouring doses. */
  effect: number;
  ciLo: number;
  ciHi: number;
}

/**
 * Reads every suggestion's curve at each budget.
 * @param points dose points of any number of suggestions (each sorted by dose here)
 * @param budgets extra yuan per year, each > 0
 * @throws RangeError on a budget that is not a positive number
 */
export function readAtBudgets(points: readonly DosePoint[], budgets: readonly number[], outcomeId: string, year: number): BudgetReading[] {
  for (const b of budgets) if (!(b > 0 && Number.isFinite(b))) throw new RangeError(`readAtBudgets: a budget must be a positive number of yuan per year, got ${b}`);
  outcome(outcomeId); // throws on an unknown outcome
  const out: BudgetReading[] = [];
  for (const scenario of [...new Set(points.map((p) => p.scenario))]) {
    const curve = points.filter((p) => p.scenario === scenario).sort((a, b) => a.dose - b.dose).map((p) => {
      const e = p.effects.find((x) => x.outcome === outcomeId && x.year === year);
      return e ? { dose: p.dose, cost: p.extraYuanPerYear, mean: e.effect.mean, lo: e.effect.ciLo, hi: e.effect.ciHi } : null;
    });
    if (curve.some((c) => c === null) || curve.length === 0) continue;
    const pts = [{ dose: 0, cost: 0, mean: 0, lo: 0, hi: 0 }, ...(curve as NonNullable<(typeof curve)[number]>[])];
    const maxAt = pts.reduce((m, p, i) => (p.cost > pts[m].cost ? i : m), 0);
    for (const budget of budgets) {
      const base = { scenario, budgetYuanPerYear: budget, outcome: outcomeId, year };
      if (pts[maxAt].cost <= 0) {
        const p = pts[pts.length - 1];
        out.push({ ...base, status: 'costs nothing extra', spentYuanPerYear: p.cost, dose: p.dose, effect: p.mean, ciLo: p.lo, ciHi: p.hi });
        continue;
      }
      if (pts[maxAt].cost < budget) {
        const p = pts[maxAt];
        out.push({ ...base, status: 'saturated', spentYuanPerYear: p.cost, dose: p.dose, effect: p.mean, ciLo: p.lo, ciHi: p.hi });
        continue;
      }
      // First segment whose cost crosses the budget, walking up the doses.
      let k = 1;
      while (k <= maxAt && pts[k].cost < budget) k++;
      const a = pts[k - 1];
      const b = pts[k];
      const w = b.cost === a.cost ? 1 : (budget - a.cost) / (b.cost - a.cost);
      const lerp = (x: number, y: number): number => x + w * (y - x);
      out.push({ ...base, status: 'equal budget', spentYuanPerYear: budget, dose: lerp(a.dose, b.dose), effect: lerp(a.mean, b.mean), ciLo: lerp(a.lo, b.lo), ciHi: lerp(a.hi, b.hi) });
    }
  }
  return out;
}

/**
 * The suggestion that does best at each budget among those that can spend it (status `equal
 * budget`), or null at a budget none reaches.
 */
export function bestAtBudgets(readings: readonly BudgetReading[]): { budgetYuanPerYear: number; best: string | null; effect: number | null }[] {
  const budgets = [...new Set(readings.map((r) => r.budgetYuanPerYear))].sort((a, b) => a - b);
  return budgets.map((budget) => {
    const reached = readings.filter((r) => r.budgetYuanPerYear === budget && r.status === 'equal budget');
    if (reached.length === 0) return { budgetYuanPerYear: budget, best: null, effect: null };
    const sign = outcome(reached[0].outcome).better === 'lower' ? 1 : -1;
    const best = reached.reduce((m, r) => (sign * r.effect < sign * m.effect ? r : m));
    return { budgetYuanPerYear: budget, best: best.scenario, effect: best.effect };
  });
}
