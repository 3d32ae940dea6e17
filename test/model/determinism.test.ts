/**
 * Determinism and common random numbers (MODEL.md section 6).
 *
 * (a) Same scenario and seed → identical tables, and byte-identical yearly.csv through the CLI's formatter,
 *     whatever the number of worker threads.
 * (b) A household's exogenous draws (illness, disasters, prices, income shocks) depend only on
 *     (seed, stream, agent, month): two scenarios with very different levers see the same shocks.
 * (c) A lever whose effect is local changes only what it touches. Covering one more village with an
 *     industry leaves every household of every village outside its industry's market on exactly the same
 *     trajectory through 2020, because the only channels through which one village affects another are:
 *       - the province-wide budget for one-off measures (budget.ts) and the relocation programme's
 *         construction finance (relocation.ts): once one is spent, no new measure (or house) starts
 *         anywhere. This couples all villages, so the test sets both so high they cannot bind — and a
 *         second test shows the coupling when the budget does bind;
 *       - the industry's provincial market (industries.ts): the new village's members share it with the
 *         members of the same industry in the other covered villages, whose income per member falls; from
 *         their incomes it spreads to their whole villages (success feedback, village norms, exits);
 *       - nothing else: cadres serve only their own village (caseloads, burnout, effort, precision,
 *         assessment quality are per village); village norms and culture programmes are per village;
 *         industry competitiveness, value chain and price are per industry type and do not depend on which
 *         or how many villages are covered; capacity is per village; the yearly leave chance
 *         (urbanization) is fixed from the initial population, so a registration anywhere does not change
 *         who leaves elsewhere; income shocks, illness, disasters, rotation and leaving are exogenous
 *         draws; the deadline pressure and the poverty line are the same in both runs, and the
 *         assessment's feedback on inspection pressure is per village; spending totals are recorded
 *         but feed back only through the budget.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../../src/engine/plan.js';
import { uniformAt } from '../../src/engine/random.js';
import { yearlyCsv } from '../../src/experiment/run-outputs.js';
import type { ScenarioSpec } from '../../src/experiment/run-scenario.js';
import { runScenario } from '../../src/node/run-scenario.js';
import { defaultParams, type Params } from '../../src/model/parameters.js';
import { fundsOfYear } from '../../src/model/government.js';
import { PHASES } from '../../src/model/plan.js';
import { createStreams, initWorld, runSimulation } from '../../src/model/simulate.js';
import { Measure, type World } from '../../src/model/world.js';

const SCALE = 0.0005;

function bytes(a: Float64Array | Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function world(levers: Partial<Params>, seed = 42, scale = SCALE, endYear = 2016): World {
  return initWorld({ params: { ...defaultParams(), ...levers }, schedule: [], seed, scale, endYear });
}

const LOW: Partial<Params> = { cadreEffort: 0.1, subsidyLevel: 0, culturalMotivation: 0, industryCoverage: 0.05 };
const HIGH: Partial<Params> = { cadreEffort: 0.95, subsidyLevel: 150000, culturalMotivation: 1, industryCoverage: 0.95 };

describe('(a) determinism', () => {
  it('same params and seed give identical monthly and yearly tables; another seed does not', () => {
    const spec = { params: { ...defaultParams(), ...HIGH }, schedule: [], seed: 9, scale: SCALE, endYear: 2016 };
    const a = runSimulation(spec);
    const b = runSimulation(spec);
    expect(bytes(a.yearly.data).equals(bytes(b.yearly.data))).toBe(true);
    expect(bytes(a.monthly.data).equals(bytes(b.monthly.data))).toBe(true);
    const c = runSimulation({ ...spec, seed: 10 });
    expect(bytes(a.yearly.data).equals(bytes(c.yearly.data))).toBe(false);
  });

  it('yearly.csv is byte-identical across two runs and across worker counts', async () => {
    const spec: ScenarioSpec = { name: 'det', values: { cadreEffort: 0.7 }, schedule: [], scale: SCALE, endYear: 2015, replicates: 3, seed: 5 };
    const one = yearlyCsv(await runScenario(spec, false, { workers: 1 }));
    const again = yearlyCsv(await runScenario(spec, false, { workers: 1 }));
    const threads = yearlyCsv(await runScenario(spec, false, { workers: 2 }));
    expect(again).toBe(one);
    expect(threads).toBe(one);
    expect(one.split('\n').length).toBe(1 + 3 * 3 + 1); // header, 3 replicates × 2013–2015, final newline
  });
});

describe('(b) common random numbers', () => {
  it('stream keys depend only on (seed, name): equal for equal seeds, distinct across names and seeds', () => {
    const a = createStreams(1234);
    const b = createStreams(1234);
    const c = createStreams(1235);
    const names = Object.keys(a) as (keyof typeof a)[];
    for (const n of names) {
      expect(b[n].key).toBe(a[n].key);
      expect(c[n].key).not.toBe(a[n].key);
    }
    expect(new Set(names.map((n) => a[n].key)).size).toBe(names.length);
    // A draw is a pure function of (key, agent, step, slot): it does not depend on draws made before it.
    const u = a.illness.uniform(17, 5, 0);
    for (let i = 0; i < 100; i++) a.illness.uniform(i, 5, 0);
    expect(a.illness.uniform(17, 5, 0)).toBe(u);
    expect(uniformAt(a.illness.key, 17, 5, 0)).toBe(u);
  });

  it('two scenarios with very different levers see the same income shocks, illness, disasters and prices', () => {
    const A = world(LOW);
    const B = world(HIGH);
    expect(bytes(A.hh.deviation).equals(bytes(B.hh.deviation))).toBe(true); // the initial draw
    let differ = false;
    for (let t = 1; t <= 13; t++) {
      runStep(PHASES, A, t % 12 === 0);
      runStep(PHASES, B, t % 12 === 0);
      // Income shocks (drawn each January): identical every month.
      expect(bytes(A.hh.deviation).equals(bytes(B.hh.deviation)), `deviation, month ${t}`).toBe(true);
      expect(bytes(A.hh.deviationFactor).equals(bytes(B.hh.deviationFactor))).toBe(true);
      // Disasters and prices.
      expect(Array.from(A.villages.disaster)).toEqual(Array.from(B.villages.disaster));
      expect(bytes(A.industries.logPrice).equals(bytes(B.industries.logPrice))).toBe(true);
      // Illness: before the first December the registry, hence health aid, is the same in both scenarios, and
      // outside the flood season shock losses are illness alone — so they must be identical.
      if (t <= 11 && (t < 5 || t > 8)) {
        expect(bytes(A.hh.shockLoss).equals(bytes(B.hh.shockLoss)), `illness, month ${t}`).toBe(true);
      }
      // The levers did change the world (the comparison is not vacuous).
      if (!bytes(A.hh.motivation).equals(bytes(B.hh.motivation))) differ = true;
    }
    expect(differ).toBe(true);
    expect(A.villages.covered.reduce((s, x) => s + x, 0)).toBeLessThan(B.villages.covered.reduce((s, x) => s + x, 0));
  });

  it('illness episodes are the same households in both scenarios even after policies diverge; only the out-of-pocket share differs', () => {
    const A = world(LOW);
    const B = world(HIGH);
    const key = A.streams.illness.key;
    expect(B.streams.illness.key).toBe(key);
    let compared = 0;
    const oopA = new Float64Array(A.nHouseholds);
    const oopB = new Float64Array(B.nHouseholds);
    for (let t = 1; t <= 36; t++) {
      // Health aid as it stands when this month's shocks happen (registrations come later, in December).
      for (let h = 0; h < A.nHouseholds; h++) {
        oopA[h] = A.hh.measures[h] & Measure.Health ? A.p.oopShareAssisted : A.p.oopShare;
        oopB[h] = B.hh.measures[h] & Measure.Health ? B.p.oopShareAssisted : B.p.oopShare;
      }
      runStep(PHASES, A, t % 12 === 0);
      runStep(PHASES, B, t % 12 === 0);
      const month = ((t - 1) % 12) + 1;
      if (month >= 5 && month <= 8) continue; // flood season: disasters add to losses
      for (let h = 0; h < A.nHouseholds; h++) {
        // A household that has settled in a town (urbanization) has no rural shocks.
        if (A.hh.gone[h] === 1 || B.hh.gone[h] === 1) continue;
        const rate = (A.hh.chronic[h] === 1 ? A.p.chronicIllnessFactor : 1) * A.p.illnessMonthlyRate;
        const ill = uniformAt(key, h, t, 0) < rate;
        const cost = -A.p.illnessCost * Math.log(1 - uniformAt(key, h, t, 1));
        for (const [w, oop] of [[A, oopA], [B, oopB]] as const) {
          const expected = ill ? cost * oop[h] : 0;
          if (Math.abs(w.hh.shockLoss[h] - expected) > 1e-3 * Math.max(1, expected)) {
            throw new Error(`month ${t} household ${h}: loss ${w.hh.shockLoss[h]}, expected ${expected}`);
          }
        }
        if (ill) compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // Health aid did diverge between the scenarios (identification depends on cadre effort).
    let diverged = 0;
    for (let h = 0; h < A.nHouseholds; h++) if ((A.hh.measures[h] & Measure.Health) !== (B.hh.measures[h] & Measure.Health)) diverged++;
    expect(diverged).toBeGreaterThan(0);
  });
});

describe('(c) a local lever has local effects', () => {
  /** The coverage that adds exactly one village to `base`: halfway between the two smallest keys above it. */
  function oneMoreVillage(w: World, base: number): { coverage: number; village: number } {
    const keys = Array.from(w.villages.industryKey).map((k, v) => ({ k, v })).filter((x) => x.k >= base).sort((a, b) => a.k - b.k);
    const next = keys[1] ? keys[1].k : 1;
    return { coverage: (keys[0].k + next) / 2, village: keys[0].v };
  }

  /**
   * Runs two worlds month by month (sized to 2020); returns, per month, the households whose income,
   * registry, motivation or leaving differs outside `village` and outside the other covered villages of its
   * industry (`diffs`), the differing household-months inside `village` and inside those market villages,
   * and how many households lie outside both (the ones `diffs` watches).
   */
  function compare(params: Partial<Params>, months: number, onMonth?: (t: number, a: World, b: World) => void) {
    const scale = 0.001;
    const probe = world({ ...params }, 3, scale, 2020);
    const base = params.industryCoverage ?? defaultParams().industryCoverage;
    const { coverage, village } = oneMoreVillage(probe, base);
    const A = world(params, 3, scale, 2020);
    const B = world({ ...params, industryCoverage: coverage }, 3, scale, 2020);
    let covered = 0;
    for (let v = 0; v < A.nVillages; v++) if (A.villages.covered[v] !== B.villages.covered[v]) covered++;
    expect(covered).toBe(1);
    expect(B.villages.covered[village]).toBe(1);
    const diffs: number[] = [];
    let inVillage = 0;
    let market = 0;
    const a0 = A.villages.hhStart[village];
    const a1 = A.villages.hhEnd[village];
    const type = A.villages.industryType[village];
    // Villages sharing the industry's market: covered with the same industry (coverage is fixed here).
    const inMarket = (v: number) => v !== village && A.villages.industryType[v] === type && (A.villages.covered[v] | B.villages.covered[v]) !== 0;
    let watched = 0;
    for (let h = 0; h < A.nHouseholds; h++) if (A.hh.village[h] !== village && !inMarket(A.hh.village[h])) watched++;
    for (let t = 1; t <= months; t++) {
      onMonth?.(t, A, B);
      runStep(PHASES, A, t % 12 === 0);
      runStep(PHASES, B, t % 12 === 0);
      let d = 0;
      for (let h = 0; h < A.nHouseholds; h++) {
        const differs =
          A.hh.income[h] !== B.hh.income[h] || A.hh.registry[h] !== B.hh.registry[h] || A.hh.motivation[h] !== B.hh.motivation[h] || A.hh.gone[h] !== B.hh.gone[h];
        if (!differs) continue;
        if (h >= a0 && h < a1) inVillage++;
        // The same industry's other villages share its market (industries.ts): their members' income moves,
        // and with it their villages' norms and exits.
        else if (inMarket(A.hh.village[h])) market++;
        else d++;
      }
      diffs.push(d);
    }
    return { diffs, inVillage, market, watched, A, B, village };
  }

  it('covering one more village changes nothing outside it but its industry\'s market, when the budget cannot bind (2014–2020)', () => {
    // 84 months, through every December (urbanization, exits, identification, rotation) up to 2020.
    const { diffs, inVillage, market, watched, A, B, village } = compare({ extraBudget: 1e12, relocationFinance: 1e12, industryCoverage: 0.45 }, 84);
    expect(diffs).toEqual(new Array(84).fill(0));
    // Most of the province is watched (villages of other industries and uncovered ones), and households
    // did leave for towns (where watched, the same ones in both runs: diffs counts leaving too).
    expect(watched).toBeGreaterThan(A.nHouseholds / 2);
    let left = 0;
    for (let h = 0; h < A.nHouseholds; h++) left += A.hh.gone[h];
    expect(left).toBeGreaterThan(0);
    // Inside the newly covered village, things did change; so did incomes of members of the same industry elsewhere.
    expect(inVillage).toBeGreaterThan(0);
    expect(market).toBeGreaterThan(0);
    expect(B.villages.members[village]).toBeGreaterThan(0);
  });

  it('with a binding budget the villages are coupled, but only from the month the budget first binds', () => {
    // A small budget for one-off measures: the run with one more industry village spends its allotment faster.
    let firstBinding = Infinity;
    let largestMonth = 0;
    let spentBefore = 0;
    const { diffs } = compare({ householdMeasureShare: 0.03, industryCoverage: 0.45 }, 24, (t, A, B) => {
      // The allotment is checked household by household during assistance, so it can bind in the middle
      // of a month. "Could bind this month" is judged conservatively: what is left of the allotment plus
      // this month's release is under twice the largest month of one-off spending seen (flows are not
      // reset here: budgetSpent is cumulative).
      const spent = Math.max(A.flows.budgetSpent, B.flows.budgetSpent);
      largestMonth = Math.max(largestMonth, spent - spentBefore);
      spentBefore = spent;
      const month = ((t - 1) % 12) + 1;
      const left = month === 1 ? 0 : Math.min(A.budgetLeft, B.budgetLeft);
      const year = 2014 + Math.floor((t - 1) / 12);
      const release = (fundsOfYear(year, A.p) * A.p.householdMeasureShare + A.p.extraBudget) / A.scaleUp / 12;
      if (left + release < 2 * largestMonth + 1e-9 && firstBinding === Infinity) firstBinding = t;
    });
    expect(firstBinding).toBeLessThan(24);
    for (let t = 1; t < firstBinding; t++) expect(diffs[t - 1], `month ${t}`).toBe(0);
    // After it binds, households elsewhere are affected through the shared budget.
    expect(diffs.slice(firstBinding - 1).some((d) => d > 0)).toBe(true);
  });
});
