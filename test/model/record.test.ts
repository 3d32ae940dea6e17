/**
 * Recording: a tiny world whose metrics are computed by hand — official and true incidence, exclusion
 * and inclusion errors, incomes, stocks, flows scaled by scaleUp, spending total, cost per exit — and the
 * yearly aggregation (stocks take December, flows sum their year's months).
 */
import { describe, expect, it } from 'vitest';
import { MetricTable } from '../../src/engine/results.js';
import { FLOW_METRICS, METRICS, STOCK_METRICS, type Metric } from '../../src/model/metrics.js';
import { recordStep } from '../../src/model/record.js';
import { aggregateYears } from '../../src/model/simulate.js';
import { Registry, Route, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld } from './fixtures.js';

const R = Registry;

function tinyWorld() {
  return buildWorld({
    scaleUp: 10,
    params: {},
    villages: [{
      cadres: [{ effort: 0.4, quality: 0.6 }, { effort: 0.6, quality: 0.8 }],
      stationed: [{ quality: 0.6, burnout: 0.1 }, { quality: 0.8, burnout: 0.3 }],
      households: [
        { size: 2, registry: R.Registered, income: 2000, motivation: 0.2, waiting: 1 }, // poor, registered, waiting for help
        { size: 3, registry: R.Registered, income: 3500, motivation: 0.5 }, // registered but not poor (inclusion error)
        { size: 4, registry: R.None, income: 2500, incomeSmoothed: 3000, motivation: 0.6 }, // poor, not registered (exclusion error)
        { size: 1, registry: R.Exited, income: 5000, motivation: 0.25, onDibao: 1 },
        { size: 5, registry: R.None, income: 9000, motivation: 0.9, industryMember: 1, relocated: 1, returned: 1 },
      ],
    }],
  });
}

describe('recordStep', () => {
  it('December (and the initial state) judges poverty on last year\'s income; scales persons and yuan by scaleUp', () => {
    const w = tinyWorld();
    const t = new MetricTable<Metric>(METRICS, 2);
    expect(w.month).toBe(12);
    w.flows.exits[Route.Industry] = 4;
    w.flows.exits[Route.Other] = 2;
    w.flows.returns = 1;
    w.flows.falseExits = 2;
    w.flows.falseExitsCaught = 3;
    w.flows.newRegistrations = 5;
    w.flows.relocations = 5;
    w.flows.spending[Spend.industry] = 1000;
    w.flows.spending[Spend.cadres] = 500;
    recordStep(w, t);
    const v = (m: Metric) => t.value(0, m);
    // 15 persons; line 2,736.
    expect(v('population')).toBe(150);
    expect(v('poverty_line')).toBe(2736);
    expect(v('official_poor')).toBe(50);
    expect(v('official_incidence')).toBeCloseTo(5 / 15, 12);
    expect(v('true_poor')).toBe(60);
    expect(v('true_incidence')).toBeCloseTo(6 / 15, 12);
    expect(v('exclusion_error')).toBeCloseTo(4 / 6, 12);
    expect(v('inclusion_error')).toBeCloseTo(3 / 5, 12);
    expect(v('mean_income')).toBeCloseTo((2 * 2000 + 3 * 3500 + 4 * 2500 + 5000 + 5 * 9000) / 15, 6);
    expect(v('mean_income_poor')).toBeCloseTo((2 * 2000 + 4 * 2500) / 6, 6);
    expect(v('industry_participants')).toBe(50);
    expect(v('relocated')).toBe(50);
    expect(v('dibao_recipients')).toBe(10);
    expect(v('ever_exited')).toBe(60); // the exited household and the returned one
    expect(v('mean_motivation')).toBeCloseTo((2 * 0.2 + 3 * 0.5 + 4 * 0.6 + 0.25 + 5 * 0.9) / 15, 6);
    expect(v('waiting_share')).toBeCloseTo(2 / 5, 12); // the waiting household's 2 of 5 registered persons
    expect(v('cadre_effort')).toBeCloseTo(0.5, 6);
    expect(v('cadre_quality')).toBeCloseTo(0.7, 6);
    expect(v('cadre_burnout')).toBeCloseTo(0.2, 6);
    expect(v('industry_competitiveness')).toBeCloseTo(0.3, 6);
    expect(v('industry_value_chain')).toBeCloseTo(0.15, 6);
    // Flows, scaled.
    expect(v('exits_industry')).toBe(40);
    expect(v('exits_other')).toBe(20);
    expect(v('exits_total')).toBe(60);
    expect(v('returns')).toBe(10);
    expect(v('false_exits')).toBe(20);
    expect(v('false_exits_caught')).toBe(30);
    expect(v('new_registrations')).toBe(50);
    expect(v('relocations')).toBe(50);
    expect(v('spending_industry')).toBe(10000);
    expect(v('spending_cadres')).toBe(5000);
    expect(v('spending_total')).toBe(15000);
    expect(v('cost_per_exit')).toBe(250); // 15,000 yuan / 60 persons
    // Flows reset after recording.
    expect(w.flows.exits.every((x) => x === 0)).toBe(true);
    expect(w.flows.spending.every((x) => x === 0)).toBe(true);
    expect(w.flows.returns + w.flows.falseExits + w.flows.falseExitsCaught + w.flows.newRegistrations + w.flows.relocations).toBe(0);
  });

  it('other months judge poverty on the twelve-month income estimate; no exits gives NaN cost per exit', () => {
    const w = tinyWorld();
    advanceTo(w, 1); // January 2014: line 2,800
    const t = new MetricTable<Metric>(METRICS, 2);
    recordStep(w, t);
    // Household 2's smoothed income is 3,000: above the line. Only household 0 is poor.
    expect(t.value(1, 'true_incidence')).toBeCloseTo(2 / 15, 12);
    expect(t.value(1, 'exclusion_error')).toBe(0);
    expect(t.value(1, 'inclusion_error')).toBeCloseTo(3 / 5, 12);
    expect(t.value(1, 'poverty_line')).toBe(2800);
    expect(t.value(1, 'exits_total')).toBe(0);
    expect(Number.isNaN(t.value(1, 'cost_per_exit'))).toBe(true);
  });

  it('errors are 0, not NaN, when nobody is poor or registered', () => {
    const w = buildWorld({ villages: [{ households: [{ income: 10000 }] }] });
    const t = new MetricTable<Metric>(METRICS, 1);
    recordStep(w, t);
    expect(t.value(0, 'exclusion_error')).toBe(0);
    expect(t.value(0, 'inclusion_error')).toBe(0);
    expect(t.value(0, 'mean_income_poor')).toBe(0);
  });
});

describe('aggregateYears', () => {
  it('stocks take December\'s value, flows sum the year\'s twelve months, 2013 flows are 0, cost per exit is recomputed', () => {
    const years = 3;
    const monthly = new MetricTable<Metric>(METRICS, years * 12 + 1);
    const flows = new Set<string>(FLOW_METRICS);
    for (let r = 0; r < monthly.rows; r++) {
      METRICS.forEach((m, c) => monthly.set(r, c, flows.has(m) ? r + c / 100 : 1000 * r + c));
    }
    const yearly = aggregateYears(monthly, years);
    for (let y = 0; y < years; y++) {
      METRICS.forEach((m, c) => {
        if (m === 'cost_per_exit') return;
        if (flows.has(m)) {
          let s = 0;
          for (let t = 12 * y - 11; t <= 12 * y; t++) if (t >= 1) s += t + c / 100;
          expect(yearly.get(y, c), `${m} ${y}`).toBeCloseTo(y === 0 ? 0 : s, 9);
        } else {
          expect(yearly.get(y, c), `${m} ${y}`).toBe(1000 * 12 * y + c);
        }
      });
      const cpe = yearly.value(y, 'cost_per_exit');
      if (y === 0) expect(Number.isNaN(cpe)).toBe(true);
      else expect(cpe).toBeCloseTo(yearly.value(y, 'spending_total') / yearly.value(y, 'exits_total'), 12);
    }
    expect(STOCK_METRICS.length + FLOW_METRICS.length + 1).toBe(METRICS.length);
  });
});
