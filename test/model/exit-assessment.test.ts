/**
 * Exit assessment (December): a registered household exits when its assessed income is at least
 * line × (1 + exitMargin) and the guarantees hold (health aid if chronically ill, education aid if a
 * student, safe housing). Under pressure, one assessed within falseExitBand below that may be pushed
 * out with probability pressure × falseExitPropensity; an exit of a household truly still poor is a
 * false exit, caught (and reversed) with probability assessmentStrength. Exits count by batch.
 */
import { describe, expect, it } from 'vitest';
import { normalAt, uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { assessExits, EXIT_SLOTS } from '../../src/model/exit-assessment.js';
import { BLOCK_SLOTS } from '../../src/model/household-blocks.js';
import { assessIncome, assessorQuality, guaranteesMet, yearIncome } from '../../src/model/registry-assessment.js';
import { Measure, Registry, Route } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households, sum, type HouseholdSpec } from './fixtures.js';

const R = Registry.Registered;
/** A registered household whose mean income this year and last is y (so its stable income is y). */
const at = (y: number, extra: HouseholdSpec = {}): HouseholdSpec => ({ registry: R, incomeYearSum: 12 * y, incomeLastYear: y, ...extra });

const CASES: { name: string; spec: HouseholdSpec }[] = [
  { name: 'clears the bar, guarantees hold', spec: at(3000, { size: 4, batch: Route.Industry }) },
  { name: 'clears the bar, student without education aid', spec: at(3000, { size: 3, school: 1, batch: Route.Employment }) },
  { name: 'between the line and the bar', spec: at(2900, { size: 2, batch: Route.SocialSecurity }) },
  { name: 'poor, within the band', spec: at(2500, { size: 5 }) },
  { name: 'poor, below the band', spec: at(2000, { size: 1 }) },
  { name: 'clears the bar, chronically ill without health aid', spec: at(3000, { size: 2, chronic: 1 }) },
  { name: 'clears the bar, unsafe house', spec: at(3000, { size: 3, unsafeHousing: 1 }) },
  { name: 'clears the bar with health and education aid', spec: at(3100, { size: 6, chronic: 1, school: 1, measures: Measure.Health | Measure.Education, batch: Route.Relocation }) },
  { name: 'exited already', spec: at(1000, { size: 4, registry: Registry.Exited }) },
  { name: 'never registered', spec: at(5000, { size: 4, registry: Registry.None }) },
];

function exitWorld(params: Record<string, number>, pressure?: number) {
  const w = buildWorld({
    params: { assessmentNoise: 0, exitMargin: 0.05, falseExitBand: 0.2, ...params },
    villages: [{ cadres: 1, households: CASES.map((c) => c.spec) }],
  });
  advanceTo(w, 12); // December 2014: line 2,800, bar 2,940, push floor 2,240
  if (pressure !== undefined) w.pressure = w.targetPressure = pressure;
  assessExits(w);
  return w;
}

describe('registry assessment helpers', () => {
  it('yearIncome is the year\'s sum over months elapsed; guaranteesMet checks the three guarantees', () => {
    const w = exitWorld({});
    expect(w.line).toBe(2800);
    expect(yearIncome(w, 0)).toBe(3000);
    expect(CASES.map((_, h) => guaranteesMet(w, h, Measure.Health, Measure.Education))).toEqual([
      true, false, true, true, true, false, false, true, true, true,
    ]);
  });

  it('assessIncome multiplies by exp(assessmentNoise × (1 − 0.75 × quality) × normal(assessment, h, t, slot))', () => {
    const w = buildWorld({ params: { assessmentNoise: 0.4 }, villages: [{ cadres: [{ quality: 0.8 }], households: [{ registry: R }, {}] }] });
    advanceTo(w, 12);
    const z = normalAt(w.streams.assessment.key, 0, 12, DRAW.assessment.exitIncome);
    expectRel(assessIncome(w, 0, 3000, 0.8, DRAW.assessment.exitIncome), 3000 * Math.exp(0.4 * (1 - 0.6) * z), 1e-12);
    expect(assessIncome(w, 0, 3000, 1, DRAW.assessment.exitIncome)).toBeCloseTo(3000 * Math.exp(0.1 * z), 9);
    // The assessor: the household's cadre, or the village's first cadre if it has none.
    expect(assessorQuality(w, 0)).toBeCloseTo(0.8, 6);
    expect(assessorQuality(w, 1)).toBeCloseTo(0.8, 6);
    w.p.assessmentNoise = 0;
    expect(assessIncome(w, 0, 3000, 0.3, DRAW.assessment.exitIncome)).toBe(3000);
  });
});

describe('assessExits', () => {
  it('its sums (caught, false, exiting, then one per route) fit a block\'s row; the blocks against the plain pass: household-index.test.ts', () => {
    expect(EXIT_SLOTS).toBe(3 + 6);
    expect(EXIT_SLOTS).toBeLessThanOrEqual(BLOCK_SLOTS);
  });

  it('without pressure: exactly the households above line × (1 + exitMargin) with guarantees met exit, by their batch', () => {
    const w = exitWorld({ falseExitPropensity: 0 });
    const reg = Array.from(w.hh.registry);
    expect(reg).toEqual([2, 1, 1, 1, 1, 1, 1, 2, 2, 0]);
    expect(w.hh.exitRoute[0]).toBe(Route.Industry);
    expect(w.hh.exitRoute[7]).toBe(Route.Relocation);
    expect(w.flows.exits[Route.Industry]).toBe(4);
    expect(w.flows.exits[Route.Relocation]).toBe(6);
    expect(sum(w.flows.exits)).toBe(10);
    // Every exit counts as durable at its step until a return within 24 months takes it off.
    expect(w.durable[12]).toBe(10);
    expect(w.flows.falseExits + w.flows.falseExitsCaught).toBe(0);
    expect(Array.from(w.hh.falseExit)).toEqual(new Array(CASES.length).fill(0));
  });

  it('exitMargin sets the bar: at margin 0 the household between the line and the old bar exits too', () => {
    const w = exitWorld({ falseExitPropensity: 0, exitMargin: 0 });
    expect(w.hh.registry[2]).toBe(Registry.Exited);
    expect(w.flows.exits[Route.SocialSecurity]).toBe(2);
  });

  it('under full pressure every household within the band is pushed; with no assessment, the truly poor ones are false exits', () => {
    const w = exitWorld({ falseExitPropensity: 1, assessmentStrength: 0 }, 1);
    // Pushed: 1 (guarantee unmet), 2 (above the line: a fair exit), 3 (poor), 5 and 6 (guarantees unmet). Not 4 (below the band).
    expect(Array.from(w.hh.registry)).toEqual([2, 2, 2, 2, 1, 2, 2, 2, 2, 0]);
    expect(Array.from(w.hh.falseExit)).toEqual([0, 1, 0, 1, 0, 1, 1, 0, 0, 0]);
    expect(w.flows.falseExits).toBe(3 + 5 + 2 + 3);
    expect(w.flows.falseExitsCaught).toBe(0);
    expect(sum(w.flows.exits)).toBe(4 + 3 + 2 + 5 + 2 + 3 + 6);
    expect(w.durable[12]).toBe(4 + 3 + 2 + 5 + 2 + 3 + 6);
    expect(w.flows.exits[Route.Employment]).toBe(3);
    expect(w.flows.exits[Route.SocialSecurity]).toBe(2);
    expect(w.flows.exits[Route.Other]).toBe(5 + 2 + 3);
  });

  it('full-strength assessment catches every false exit and keeps those households registered', () => {
    const w = exitWorld({ falseExitPropensity: 1, assessmentStrength: 1 }, 1);
    expect(Array.from(w.hh.registry)).toEqual([2, 1, 2, 1, 1, 1, 1, 2, 2, 0]);
    expect(w.flows.falseExitsCaught).toBe(3 + 5 + 2 + 3);
    expect(w.flows.falseExits).toBe(0);
    expect(sum(w.flows.exits)).toBe(4 + 2 + 6);
  });

  it('push and catch follow the assessment draws: pushed iff u4 < pressure × propensity, caught iff u5 < assessmentStrength', () => {
    const n = 300;
    const w = buildWorld({
      params: { assessmentNoise: 0, falseExitPropensity: 0.4, assessmentStrength: 0.5, falseExitBand: 0.2 },
      villages: [{ cadres: 1, households: households(n, (i) => at(2300 + i, { size: 1 + (i % 5) })) }], // 2,300..2,599: poor, within the band
    });
    advanceTo(w, 24); // December 2015: line 2,855, pressure 0.56
    expect(w.line).toBe(2855);
    expectRel(w.pressure, 0.56, 1e-12);
    assessExits(w);
    const key = w.streams.assessment.key;
    let pushed = 0;
    let caught = 0;
    let falseExits = 0;
    for (let h = 0; h < n; h++) {
      const push = uniformAt(key, h, 24, DRAW.assessment.pushed) < 0.56 * 0.4;
      const catches = uniformAt(key, h, 24, DRAW.assessment.caught) < 0.5;
      pushed += push ? 1 : 0;
      if (push && catches) caught += w.hh.size[h];
      if (push && !catches) falseExits += w.hh.size[h];
      expect(w.hh.registry[h]).toBe(push && !catches ? Registry.Exited : Registry.Registered);
    }
    expect(w.flows.falseExitsCaught).toBe(caught);
    expect(w.flows.falseExits).toBe(falseExits);
    expect(pushed).toBeGreaterThan(40); // about 67
    expect(pushed).toBeLessThan(100);
  });

  it('higher pressure pushes out more; stronger assessment leaves fewer false exits uncaught', () => {
    const run = (pressure: number, strength: number) => {
      const w = buildWorld({
        params: { assessmentNoise: 0, falseExitPropensity: 0.5, assessmentStrength: strength },
        villages: [{ cadres: 1, households: households(400, (i) => at(2300 + i)) }],
      });
      advanceTo(w, 12);
      w.pressure = w.targetPressure = pressure;
      assessExits(w);
      return { pushed: w.flows.falseExits + w.flows.falseExitsCaught, uncaught: w.flows.falseExits };
    };
    expect(run(0.9, 0.5).pushed).toBeGreaterThan(run(0.3, 0.5).pushed);
    expect(run(0, 0.5).pushed).toBe(0);
    expect(run(0.9, 0.8).uncaught).toBeLessThan(run(0.9, 0.2).uncaught);
  });
});
