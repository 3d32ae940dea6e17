/**
 * End-to-end check of the shipped baseline (scenarios/baseline.yaml: the calibrated values of
 * calibration/fitted.yaml, 2013–2025) against the calibration targets and the plausibility checks of
 * src/experiment/targets.ts, driven from those tables, and the issue-9 checks that each predicament is
 * present and binding. 20 replicates at 1:100 on two worker threads, as `povsim run scenarios/baseline.yaml`
 * runs them.
 *
 * Targets the model is known not to meet are listed in KNOWN_MISFITS with the reason: they are asserted to
 * stay within a loose band, so a change that fixes (or worsens) them is noticed.
 */
import { mean } from 'simple-statistics';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/node/run-scenario.js';
import { PLAUSIBILITY, TARGETS } from '../../src/experiment/targets.js';
import { resultTables } from '../../src/experiment/task.js';
import type { MetricTable } from '../../src/engine/results.js';
import type { Metric } from '../../src/model/metrics.js';
import { loadScenario } from '../../src/node/scenario-files.js';

const REPLICATES = 20;

/** Targets and checks the model does not meet, with why (docs/calibration.md) and the band it must stay in. */
const KNOWN_MISFITS: Record<string, { why: string; low: number; high: number }> = {
  'exit share relocation 2014–17': {
    why: 'relocation starts with the 2016 programme, and most relocated households had an earlier batch (an exit counts by its first batch)',
    low: 0.002,
    high: 0.085,
  },
  'returns as a share of exits 2019': {
    why: 'returns fall (about 14,000 in 2016, 7,000 in 2019) but exits fall faster after 2017 as the registry stalls (out of sample, not tuned), so the share rises to about 3%, above the national 1%; it stays under the 5% of issue 9',
    low: 0.01,
    high: 0.05,
  },
};

let tables: { yearly: MetricTable<Metric>; years: number[] }[] = [];

beforeAll(async () => {
  const s = loadScenario('scenarios/baseline.yaml', { runOverrides: { replicates: REPLICATES } });
  const r = await runScenario({ name: s.name, values: s.values, schedule: s.schedule, ...s.run }, false, { workers: 2 });
  tables = r.results.map((x) => resultTables(x));
}, 600_000);

function meanOf(f: (t: MetricTable<Metric>, y: number[]) => number): number {
  return mean(tables.map((t) => f(t.yearly, t.years)));
}

function yearly(metric: Metric, year: number): number {
  return meanOf((t, y) => t.value(y.indexOf(year), metric));
}

describe('baseline: calibration targets (20 replicates, 1:100)', () => {
  it('ran every replicate over 2013–2025', () => {
    expect(tables.length).toBe(REPLICATES);
    for (const t of tables) expect(t.years).toEqual(Array.from({ length: 13 }, (_, i) => 2013 + i));
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))('%s', (name, t) => {
    const sim = meanOf(t.simulate);
    console.log(`target ${name}: observed ${t.value}, simulated ${sim.toPrecision(5)}, tolerance ${t.tolerance}`);
    const misfit = KNOWN_MISFITS[name];
    if (misfit) {
      expect(sim, misfit.why).toBeGreaterThanOrEqual(misfit.low);
      expect(sim, misfit.why).toBeLessThanOrEqual(misfit.high);
    } else expect(Math.abs(sim - t.value), `${name}: ${sim}`).toBeLessThanOrEqual(t.tolerance);
  });
});

describe('baseline: plausibility checks (never fitted)', () => {
  it.each(PLAUSIBILITY.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const sim = meanOf(c.simulate);
    console.log(`plausibility ${name}: simulated ${sim.toPrecision(4)}, plausible ${c.low.toPrecision(4)}–${c.high.toPrecision(4)}`);
    const misfit = KNOWN_MISFITS[name];
    const [low, high] = misfit ? [misfit.low, misfit.high] : [c.low, c.high];
    expect(sim, misfit?.why ?? name).toBeGreaterThanOrEqual(low);
    expect(sim, misfit?.why ?? name).toBeLessThanOrEqual(high);
  });
});

describe('baseline: every predicament is present and binding', () => {
  it('"waiting for help" stays material through 2017 (documented range 0.05–0.4 of registered persons)', () => {
    const w2017 = yearly('waiting_share', 2017);
    console.log(`waiting_share 2013–2017: ${[2013, 2014, 2015, 2016, 2017].map((y) => yearly('waiting_share', y).toFixed(3)).join(', ')}`);
    expect(w2017).toBeGreaterThan(0.05);
    expect(w2017).toBeLessThan(0.4);
  });

  it('cadre burnout costs a visible share of planned support in every year 2014–2017', () => {
    for (let y = 2014; y <= 2017; y++) expect(yearly('burnout_support_loss', y), `${y}`).toBeGreaterThan(0.05);
    expect(yearly('stationed_caseload', 2014)).toBeGreaterThan(20);
  });

  it('the budget for one-off measures binds (spent ≥ 0.9 × available) in at least one year 2014–2017', () => {
    const ratios = [2014, 2015, 2016, 2017].map((y) => yearly('budget_spent', y) / yearly('budget_available', y));
    console.log(`budget spent / available 2014–2017: ${ratios.map((r) => r.toFixed(3)).join(', ')}`);
    expect(Math.max(...ratios)).toBeGreaterThanOrEqual(0.9);
  });

  it('nobody poor can pay the gap before the 2016 programme; after it the construction finance binds', () => {
    expect(yearly('relocated', 2015)).toBe(0);
    // The finance (0.56 bn a year) pays for about 34,000 persons' houses a year at the 18,720-yuan subsidy.
    for (let y = 2017; y <= 2020; y++) expect(yearly('relocations', y), `${y}`).toBeGreaterThan(30_000);
    for (let y = 2017; y <= 2020; y++) expect(yearly('relocations', y), `${y}`).toBeLessThan(36_000);
    expect(yearly('relocations', 2021)).toBe(0); // the programme ended in 2020
    // Who waits, and on what (relocation.ts): before the programme, their own purse; in its first years, its money.
    expect(yearly('relocation_unaffordable', 2015)).toBeGreaterThan(0);
    for (const y of [2016, 2017]) expect(yearly('relocation_blocked_finance', y), `${y}`).toBeGreaterThan(2 * yearly('relocation_unaffordable', y));
  });

  it('returns in 2016 are under 5% of exits, as nationally, and fewer persons return in 2019 than in 2016', () => {
    const r = (y: number) => yearly('returns', y);
    console.log(`returns 2016–2020: ${[2016, 2017, 2018, 2019, 2020].map((y) => Math.round(r(y))).join(', ')}`);
    expect(r(2016) / yearly('exits_total', 2016)).toBeLessThan(0.05);
    expect(r(2019)).toBeLessThan(r(2016));
  });
});

describe('baseline: the fall in returns comes from the reach of monitoring', () => {
  // Monitoring unconstrained (reach 1): every stationed team far under its reference caseload and no
  // effort lost to burnout. Then nearly every fall is caught by a fallback and the few returns left rise
  // with the stock of exited households: the fall of the baseline needs the capacity limit.
  let unconstrained: { yearly: MetricTable<Metric>; years: number[] }[] = [];
  beforeAll(async () => {
    const s = loadScenario('scenarios/baseline.yaml', { runOverrides: { replicates: 10, endYear: 2020 } });
    const values = { ...s.values, stationedCaseloadReference: 500, burnoutEffortLoss: 0 };
    const r = await runScenario({ name: 'reach-1', values, schedule: s.schedule, ...s.run }, false, { workers: 2 });
    unconstrained = r.results.map((x) => resultTables(x));
  }, 600_000);

  it('with reach 1, returns are far fewer in 2016 and do not fall by 2019', () => {
    const r = (y: number) => mean(unconstrained.map((t) => t.yearly.value(t.years.indexOf(y), 'returns')));
    console.log(`returns 2016–2019 with reach 1: ${[2016, 2017, 2018, 2019].map((y) => Math.round(r(y))).join(', ')}`);
    expect(r(2016)).toBeLessThan(0.2 * yearly('returns', 2016));
    expect(r(2019)).toBeGreaterThanOrEqual(r(2016));
  });
});

