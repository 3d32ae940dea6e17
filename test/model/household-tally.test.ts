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

describe('household tally', () => {
  it('filled in the income loop equals a fresh count of every household, every ordinary month 2014–2019', () => {
    const w = initWorld({ params: defaultParams(), schedule: [], seed: 5, scale: 0.001, endYear: 2019 });
    const table = new MetricTable(METRICS, 6 * 12 + 1);
    recordStep(w, table);
    let compared = 0;
    for (let t = 1; t <= 6 * 12; t++) {
      const yearEnds = t % 12 === 0;
      runStep(PHASES, w, yearEnds);
      if (!yearEnds) {
        expect(w.tally.step).toBe(w.step);
        const fresh = countHouseholds(w, new HouseholdTally());
        expect(Array.from(w.tally.sums), `month ${t}`).toEqual(Array.from(fresh.sums));
        compared++;
      }
      recordStep(w, table);
    }
    expect(compared).toBe(66);
    // The sums are real: persons, the registered and the poor are all counted.
    expect(w.tally.persons).toBeGreaterThan(30_000);
    expect(w.tally.official).toBeGreaterThan(0);
  });
});
