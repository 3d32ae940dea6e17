/**
 * Calendar and scheduled values: advances the month, and in January sets the year's poverty line,
 * supervision pressure and budget year; each month releases the budget allotment. Scheduled
 * parameters take their value for the new step.
 */
import { openBudgetYear, releaseAllotment } from './budget.js';
import { povertyLine, supervisionPressure } from './government.js';
import type { World } from './world.js';

/** Moves the world to the next month and applies scheduled parameter values for it. */
export function advanceClock(w: World): void {
  w.step += 1;
  w.month = ((w.step - 1) % 12) + 1;
  w.year = w.startYear + 1 + Math.floor((w.step - 1) / 12);
  for (const [key, s] of w.series) w.p[key] = s[Math.min(w.step, s.length - 1)];
  // Accumulated month by month, so a scheduled change of the growth rate applies from then on only.
  w.wageIndex *= Math.pow(1 + w.p.ruralIncomeGrowth, 1 / 12);
  if (w.month === 1) {
    w.line = povertyLine(w.year, w.p);
    openBudgetYear(w);
  }
  releaseAllotment(w);
  // Assessment results feed back: a year whose check found many false exits brings closer inspection.
  w.targetPressure = supervisionPressure(w.p, w.year);
  w.pressure = w.targetPressure;
}

/** True when the current step is the last month of a year (yearly events run). */
export function closesYear(w: World): boolean {
  return w.month === 12;
}
