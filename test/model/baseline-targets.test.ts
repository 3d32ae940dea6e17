/**
 * End-to-end check of the calibrated baseline against the calibration targets (MODEL.md section 8):
 * 20 replicates at scale 0.01 (1:100), default parameters, 2013–2020, seeds replicateSeeds(1, 20), run on
 * two worker threads (the workers load dist/, which the vitest global setup builds).
 *
 * Targets (mean over replicates): official incidence 2013 = 0.0921 ± 0.001 [paper]; official incidence
 * 2017 = 0.0237 ± 0.003 [paper]; exit-route shares 2014–2017 (planRouteShares) within ± 0.10 of the 2016
 * plan: industry 0.47, employment 0.27, social security 0.175, relocation 0.085 [stat].
 */
import { mean } from 'simple-statistics';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTasks } from '../../src/experiment/pool.js';
import { replicateSeeds } from '../../src/experiment/seeds.js';
import { planRouteShares } from '../../src/experiment/targets.js';
import { resultTables, type RunTask } from '../../src/experiment/task.js';
import type { MetricTable } from '../../src/engine/results.js';
import type { Metric } from '../../src/model/metrics.js';
import { defaultParams } from '../../src/model/parameters.js';

const REPLICATES = 20;
const SCALE = 0.01;
const END_YEAR = 2020;

let tables: { yearly: MetricTable<Metric>; years: number[] }[] = [];

beforeAll(async () => {
  const params = defaultParams();
  const tasks: RunTask[] = replicateSeeds(1, REPLICATES).map((seed, id) => ({
    id,
    params,
    schedule: [],
    seed,
    scale: SCALE,
    endYear: END_YEAR,
    monthly: false,
  }));
  const results = await runTasks(tasks, { workers: 2 });
  tables = results.map((r) => resultTables(r));
  // The measured values, for the calibration log.
  const inc = (y: number) => mean(tables.map((t) => t.yearly.value(t.years.indexOf(y), 'official_incidence')));
  const shares = routeShares();
  console.log(
    `baseline (${REPLICATES} × scale ${SCALE}): official incidence 2013 ${inc(2013).toFixed(5)}, 2017 ${inc(2017).toFixed(5)}; ` +
      `route shares 2014–17 industry ${shares.industry.toFixed(3)}, employment ${shares.employment.toFixed(3)}, ` +
      `social security ${shares.social_security.toFixed(3)}, relocation ${shares.relocation.toFixed(3)}`,
  );
}, 120_000);

function incidence(year: number): number {
  return mean(tables.map((t) => t.yearly.value(t.years.indexOf(year), 'official_incidence')));
}

/** Mean over replicates of each replicate's route shares (as scoreTargets averages them). */
function routeShares(): Record<'industry' | 'employment' | 'social_security' | 'relocation', number> {
  const per = tables.map((t) => planRouteShares(t.yearly, t.years));
  return {
    industry: mean(per.map((s) => s.industry)),
    employment: mean(per.map((s) => s.employment)),
    social_security: mean(per.map((s) => s.social_security)),
    relocation: mean(per.map((s) => s.relocation)),
  };
}

describe('baseline calibration targets (20 replicates, 1:100)', () => {
  it('ran every replicate over 2013–2020', () => {
    expect(tables.length).toBe(REPLICATES);
    for (const t of tables) expect(t.years).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
  });

  it('official incidence 2013 is 0.0921 ± 0.001', () => {
    expect(Math.abs(incidence(2013) - 0.0921)).toBeLessThanOrEqual(0.001);
  });

  it('official incidence 2017 is 0.0237 ± 0.003', () => {
    expect(Math.abs(incidence(2017) - 0.0237)).toBeLessThanOrEqual(0.003);
  });

  it('exit-route shares 2014–2017 are within ±0.10 of the 2016 plan', () => {
    const s = routeShares();
    expect(Math.abs(s.industry - 0.47), `industry ${s.industry}`).toBeLessThanOrEqual(0.1);
    expect(Math.abs(s.employment - 0.27), `employment ${s.employment}`).toBeLessThanOrEqual(0.1);
    expect(Math.abs(s.social_security - 0.175), `social security ${s.social_security}`).toBeLessThanOrEqual(0.1);
    expect(Math.abs(s.relocation - 0.085), `relocation ${s.relocation}`).toBeLessThanOrEqual(0.1);
  });
});
