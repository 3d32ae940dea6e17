/**
 * Time-varying parameter values. A scenario's `schedule` says, per key, that a value takes effect from a
 * month (a step) or is reached by a linear ramp over a span of months. The model reads a per-month series.
 */
import type { ParamKey, Params } from './parameters.js';

/** A calendar month: year and month 1..12. */
export interface YearMonth {
  year: number;
  month: number;
}

/** One change of a parameter over time. */
export type ScheduleChange =
  /** From `at` on, the value is `value`. */
  | { kind: 'step'; key: ParamKey; at: YearMonth; value: number }
  /** From `from` to `to` (inclusive) the value moves linearly from the value in force before `from` to `value`, and stays there. */
  | { kind: 'ramp'; key: ParamKey; from: YearMonth; to: YearMonth; value: number };

/** Month index of a calendar month relative to the model's step 0 (December of `startYear`). */
export function stepOf(ym: YearMonth, startYear: number): number {
  return (ym.year - startYear - 1) * 12 + ym.month;
}

/**
 * Expands base values and a schedule into one series per scheduled key, `steps + 1` values long
 * (index 0 is the initial state at December of startYear). Changes apply in the order given.
 */
export function expandSchedule(
  base: Params,
  changes: readonly ScheduleChange[],
  startYear: number,
  steps: number,
): Map<ParamKey, Float64Array> {
  const out = new Map<ParamKey, Float64Array>();
  for (const c of changes) {
    let s = out.get(c.key);
    if (!s) {
      s = new Float64Array(steps + 1).fill(base[c.key]);
      out.set(c.key, s);
    }
    if (c.kind === 'step') {
      const t0 = Math.max(0, stepOf(c.at, startYear));
      for (let t = t0; t <= steps; t++) s[t] = c.value;
    } else {
      const a = stepOf(c.from, startYear);
      const b = stepOf(c.to, startYear);
      const start = s[Math.max(0, Math.min(steps, a - 1))];
      for (let t = Math.max(0, a); t <= steps; t++) {
        const f = b <= a ? 1 : Math.min(1, (t - a + 1) / (b - a + 1));
        s[t] = start + (c.value - start) * f;
      }
    }
  }
  return out;
}

/** A change's first month, as a number that orders months. */
function startMonth(c: ScheduleChange): number {
  const ym = c.kind === 'step' ? c.at : c.from;
  return ym.year * 12 + ym.month;
}

/**
 * The changes without those a later change of the same key replaces whole (it starts in the same
 * month or earlier, so it overwrites every month the earlier one set, and a ramp's starting value
 * comes from before its start). The series are the same (test/model/schedule.test.ts), and each
 * key's changes are then in time order, as a scenario file must list them: generated files (the
 * optimum, the playground's export) are written this way.
 */
export function withoutReplaced(changes: readonly ScheduleChange[]): ScheduleChange[] {
  return changes.filter((c, i) => !changes.some((d, j) => j > i && d.key === c.key && startMonth(d) <= startMonth(c)));
}
