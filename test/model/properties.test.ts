/**
 * Invariants over random seeds and random lever values (fast-check), on small runs (scale 0.0005,
 * 2013–2015): persons are conserved (rural persons + persons gone to towns = initial persons; the rural
 * population only falls); shares and incidences lie in [0, 1]; registry counts are consistent; money is
 * accounted for (spending_total = Σ spending_*, each month; yearly flows = Σ months; one-off spending
 * never exceeds the allotments released so far in the year); exits_total = Σ routes; no NaN except
 * cost_per_exit; only households registered at some time wait for help; relocation debt is never negative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runStep } from '../../src/engine/plan.js';
import { FLOW_METRICS, METRICS, type Metric } from '../../src/model/metrics.js';
import { defaultParams, type Params } from '../../src/model/parameters.js';
import { PHASES } from '../../src/model/plan.js';
import { initWorld, runSimulation, type RunResult } from '../../src/model/simulate.js';
import { Registry, ROUTE_NAMES, SPENDING } from '../../src/model/world.js';

const SCALE = 0.0005;
const END = 2015;

const leverArb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  cadreEffort: fc.double({ min: 0, max: 1, noNaN: true }),
  subsidyLevel: fc.integer({ min: 0, max: 200000 }),
  culturalMotivation: fc.double({ min: 0, max: 1, noNaN: true }),
  industryCoverage: fc.double({ min: 0, max: 1, noNaN: true }),
  householdMeasureShare: fc.constantFrom(0, 0.05, 0.4, 1),
  extraBudget: fc.constantFrom(0, 1e9, 1e11),
});

type Levers = { seed: number } & Partial<Params>;

function run({ seed, ...levers }: Levers): RunResult {
  return runSimulation({ params: { ...defaultParams(), ...levers }, schedule: [], seed, scale: SCALE, endYear: END });
}

const SHARES: Metric[] = [
  'official_incidence', 'true_incidence', 'exclusion_error', 'inclusion_error', 'waiting_share', 'mean_motivation',
  'cadre_effort', 'cadre_quality', 'cadre_burnout', 'industry_competitiveness', 'industry_value_chain',
];
const COUNTS: Metric[] = ['official_poor', 'true_poor', 'industry_participants', 'relocated', 'dibao_recipients', 'ever_exited'];
const SPEND_METRICS = SPENDING.map((s) => `spending_${s}` as Metric);
const EXIT_METRICS = ROUTE_NAMES.map((r) => `exits_${r}` as Metric);

/** |a − b| within a relative tolerance (sums of floats in a different order). */
function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

function checkInvariants(r: RunResult): void {
  const { monthly, yearly } = r;
  const pop0 = monthly.value(0, 'population');
  expect(pop0).toBeCloseTo(defaultParams().ruralPopulation, 0);
  // The rural population only falls (urbanization), by at most a few percent a year.
  for (let t = 1; t < monthly.rows; t++) {
    expect(monthly.value(t, 'population')).toBeLessThanOrEqual(monthly.value(t - 1, 'population'));
  }
  expect(monthly.value(monthly.rows - 1, 'population')).toBeGreaterThan(0.9 * pop0);
  // One-off measures are paid from allotments released in the same year: cumulative spending within a
  // year never exceeds cumulative allotments (what a month leaves carries to the next, and lapses in January).
  for (let y = 0; y * 12 + 1 < monthly.rows; y++) {
    let available = 0;
    let spent = 0;
    for (let t = y * 12 + 1; t <= Math.min(monthly.rows - 1, y * 12 + 12); t++) {
      available += monthly.value(t, 'budget_available');
      spent += monthly.value(t, 'budget_spent');
      expect(spent, `budget month ${t}`).toBeLessThanOrEqual(available * (1 + 1e-9) + 1e-6);
    }
  }
  for (const table of [monthly, yearly]) {
    for (let t = 0; t < table.rows; t++) {
      const v = (m: Metric) => table.value(t, m);
      expect(v('population')).toBeLessThanOrEqual(pop0);
      // No NaN (or infinity) except cost per exit.
      for (const m of METRICS) if (m !== 'cost_per_exit' && m !== 'durable_exits') expect(Number.isFinite(v(m)), `${m} row ${t}`).toBe(true);
      // Durable exits are known 24 months after the exit: NaN (unknown) only where the run ends sooner.
      if (table === monthly && t + 24 <= monthly.rows - 1) expect(Number.isFinite(v('durable_exits')), `durable_exits row ${t}`).toBe(true);
      for (const m of SHARES) {
        expect(v(m), `${m} row ${t}`).toBeGreaterThanOrEqual(0);
        expect(v(m), `${m} row ${t}`).toBeLessThanOrEqual(1);
      }
      for (const m of COUNTS) {
        expect(v(m), `${m} row ${t}`).toBeGreaterThanOrEqual(0);
        expect(v(m), `${m} row ${t}`).toBeLessThanOrEqual(v('population') * (1 + 1e-12));
      }
      // Registry counts agree with incidences.
      expect(close(v('official_poor'), v('official_incidence') * v('population'))).toBe(true);
      expect(close(v('true_poor'), v('true_incidence') * v('population'))).toBe(true);
      // Money: the total is the sum of categories, none negative.
      let spend = 0;
      for (const m of SPEND_METRICS) {
        expect(v(m)).toBeGreaterThanOrEqual(0);
        spend += v(m);
      }
      expect(close(v('spending_total'), spend), `spending row ${t}`).toBe(true);
      // Exits: the total is the sum of routes.
      let exits = 0;
      for (const m of EXIT_METRICS) exits += v(m);
      expect(close(v('exits_total'), exits), `exits row ${t}`).toBe(true);
      const cpe = v('cost_per_exit');
      if (v('exits_total') > 0) expect(close(cpe, v('spending_total') / v('exits_total'))).toBe(true);
      else expect(Number.isNaN(cpe)).toBe(true);
    }
  }
  // Yearly flows are the sums of their months; stocks are December's values.
  for (let y = 1; y < r.years.length; y++) {
    for (const m of FLOW_METRICS) {
      let s = 0;
      for (let t = 12 * y - 11; t <= 12 * y; t++) s += monthly.value(t, m);
      if (Number.isNaN(s)) expect(yearly.value(y, m), `${m} ${r.years[y]}`).toBeNaN();
      else expect(close(yearly.value(y, m), s), `${m} ${r.years[y]}`).toBe(true);
    }
    expect(yearly.value(y, 'official_poor')).toBe(monthly.value(12 * y, 'official_poor'));
  }
}

describe('invariants of runSimulation over random seeds and levers', () => {
  it('hold for every run', () => {
    fc.assert(
      fc.property(leverArb, (levers) => {
        checkInvariants(run(levers));
      }),
      { numRuns: 12, seed: 20240601 },
    );
  });

  it('hold at the extremes of every lever', () => {
    const extremes: Levers[] = [
      { seed: 0, cadreEffort: 0, subsidyLevel: 0, culturalMotivation: 0, industryCoverage: 0, householdMeasureShare: 0, extraBudget: 0 },
      { seed: 0xffffffff, cadreEffort: 1, subsidyLevel: 200000, culturalMotivation: 1, industryCoverage: 1, householdMeasureShare: 1, extraBudget: 1e12 },
    ];
    for (const l of extremes) checkInvariants(run(l));
  });
});

describe('invariants of the world, step by step', () => {
  it('persons are conserved (rural + gone); registry states are valid; waiting only among the ever registered; debt ≥ 0; cadres serve their own village; member counts match households', () => {
    fc.assert(
      fc.property(leverArb, ({ seed, ...levers }) => {
        const w = initWorld({ params: { ...defaultParams(), ...levers }, schedule: [], seed, scale: SCALE, endYear: END });
        const persons = w.persons;
        // Violations are collected as text (an expect per household and month would dominate the run time).
        const bad: string[] = [];
        const everRegistered = new Uint8Array(w.nHouseholds);
        for (let h = 0; h < w.nHouseholds; h++) if (w.hh.registry[h] !== Registry.None) everRegistered[h] = 1;
        for (let t = 1; t <= 24; t++) {
          runStep(PHASES, w, t % 12 === 0);
          let total = 0;
          let gone = 0;
          let memberHouseholds = 0;
          const hh = w.hh;
          for (let h = 0; h < w.nHouseholds; h++) {
            if (hh.gone[h] === 1) gone += hh.size[h];
            else total += hh.size[h];
            const r = hh.registry[h];
            if (r !== Registry.None) everRegistered[h] = 1;
            if (hh.waiting[h] === 1 && everRegistered[h] === 0) bad.push(`t${t} h${h}: waiting but never registered`);
            if (!(hh.relocationDebt[h] >= 0) || !(hh.debtPayment[h] >= 0)) bad.push(`t${t} h${h}: debt ${hh.relocationDebt[h]} payment ${hh.debtPayment[h]}`);
            if (hh.gone[h] === 1 && r === Registry.Registered) bad.push(`t${t} h${h}: gone while registered`);
            if (r !== Registry.None && r !== Registry.Registered && r !== Registry.Exited) bad.push(`t${t} h${h}: registry ${r}`);
            if (r === Registry.Registered && hh.cadre[h] >= 0 && w.cadres.village[hh.cadre[h]] !== hh.village[h]) bad.push(`t${t} h${h}: cadre of another village`);
            if (!(hh.motivation[h] >= 0 && hh.motivation[h] <= 1)) bad.push(`t${t} h${h}: motivation ${hh.motivation[h]}`);
            if (hh.jobs[h] > hh.laborers[h]) bad.push(`t${t} h${h}: ${hh.jobs[h]} jobs for ${hh.laborers[h]} laborers`);
            if (!Number.isFinite(hh.income[h]) || !Number.isFinite(hh.savings[h])) bad.push(`t${t} h${h}: income ${hh.income[h]} savings ${hh.savings[h]}`);
            if (hh.industryMember[h] !== 0) memberHouseholds++;
          }
          if (total + gone !== persons) bad.push(`t${t}: ${total} rural + ${gone} gone persons, expected ${persons}`);
          let members = 0;
          for (let v = 0; v < w.nVillages; v++) {
            const n = w.villages.hhEnd[v] - w.villages.hhStart[v];
            if (w.villages.members[v] < 0 || w.villages.members[v] > n) bad.push(`t${t} v${v}: ${w.villages.members[v]} members of ${n}`);
            members += w.villages.members[v];
          }
          if (members !== memberHouseholds) bad.push(`t${t}: village members ${members} vs member households ${memberHouseholds}`);
          let typeMembers = 0;
          for (let k = 0; k < w.nIndustries; k++) typeMembers += w.industries.members[k];
          if (typeMembers !== memberHouseholds) bad.push(`t${t}: industry members ${typeMembers} vs member households ${memberHouseholds}`);
        }
        expect(bad.slice(0, 10)).toEqual([]);
      }),
      { numRuns: 6, seed: 7 },
    );
  });
});
