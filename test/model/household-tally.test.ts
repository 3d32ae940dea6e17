/**
 * The household tally is filled inside the income loop (an optimization: no second pass over all
 * households each month). Pinned here against the plain version, a fresh count of every household
 * after the month's phases, in every ordinary month of a run: the sums must be equal to the bit.
 */
import { describe, expect, it } from 'vitest';
import { MetricTable } from '../../src/engine/results.js';
import { runStep } from '../../src/engine/plan.js';
import { countHouseholds, HouseholdTally } from '../../src/model/household-tally.js';
import { METRICS } from '../../src/model/metrics.js';
import { defaultParams } from '../../src/model/parameters.js';
import { PHASES } from '../../src/model/plan.js';
import { recordStep } from '../../src/model/record.js';
import { initWorld } from '../../src/model/simulate.js';
import { Registry, type World } from '../../src/model/world.js';

describe('household tally', () => {
  it('filled in the income loop equals a fresh count of every household, every ordinary month 2014–2019', () => {
    const w = initWorld({ params: defaultParams(), schedule: [], seed: 5, scale: 0.001, endYear: 2019 });
    const table = new MetricTable(METRICS, 6 * 12 + 1);
    recordStep(w, table);
    let compared = 0;
    let plainSums = registrySums(w);
    for (let t = 1; t <= 6 * 12; t++) {
      const yearEnds = t % 12 === 0;
      runStep(PHASES, w, yearEnds);
      if (!yearEnds) {
        expect(w.tally.step).toBe(w.step);
        const fresh = countHouseholds(w, new HouseholdTally());
        expect(Array.from(w.tally.sums), `month ${t}`).toEqual(Array.from(fresh.sums));
        // The registry sums as a plain loop over every household in id order takes them (the blocks
        // count persons apart, and the registered persons' income in id order): equal to the bit.
        plainSums = registrySums(w);
        const m = w.tally;
        const got = { official: m.official, registeredIncome: m.registeredIncomeSum, waiting: m.waiting, included: m.included, relocated: m.relocated, dibao: m.dibao, everExited: m.everExited, households: m.registeredHouseholds, chronic: m.registeredChronic, excluded: m.excluded };
        expect(got, `month ${t}`).toEqual({ ...plainSums, excluded: m.truePoor - plainSums.poorRegistered, poorRegistered: undefined });
        compared++;
      }
      recordStep(w, table);
    }
    expect(compared).toBe(66);
    expect(w.blocks.count).toBeGreaterThanOrEqual(2);
    expect(plainSums.official).toBeGreaterThan(0);
    expect(plainSums.everExited).toBeGreaterThan(0);
    // The sums are real: persons, the registered and the poor are all counted.
    expect(w.tally.persons).toBeGreaterThan(30_000);
    expect(w.tally.official).toBeGreaterThan(0);
  });
});

/** The registry sums of an ordinary month, over every household in id order, judged on the twelve-month estimate. */
function registrySums(w: World) {
  const hh = w.hh;
  const sums = { official: 0, registeredIncome: 0, waiting: 0, included: 0, relocated: 0, dibao: 0, everExited: 0, households: 0, chronic: 0, poorRegistered: 0 };
  for (let h = 0; h < w.nHouseholds; h++) {
    if (hh.gone[h] === 1) continue;
    const n = hh.size[h];
    const y = hh.incomeSmoothed[h];
    if (hh.registry[h] === Registry.Registered) {
      sums.official += n;
      sums.registeredIncome += y * n;
      if (hh.waiting[h] === 1) sums.waiting += n;
      sums.households++;
      sums.chronic += hh.chronic[h];
      if (y < w.line) sums.poorRegistered += n;
      else sums.included += n;
    }
    if (hh.relocated[h] === 1) sums.relocated += n;
    if (hh.onDibao[h] === 1) sums.dibao += n;
    if (hh.registry[h] === Registry.Exited || hh.returned[h] === 1) sums.everExited += n;
  }
  return sums;
}
