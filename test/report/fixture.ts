/** A small hand-made report input: three scenarios, years 2013–2020, every metric the report draws. */
import type { BandRow, EffectRow, ReportInput } from '../../src/report/types.js';

export const SCENARIOS = ['baseline', 'industry_push', 'cadre_rotation'] as const;
export const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];

/** Deterministic band rows: a decaying incidence, rising motivation, a burnout hump. */
function bands(): BandRow[] {
  const rows: BandRow[] = [];
  SCENARIOS.forEach((scenario, s) => {
    for (const year of YEARS) {
      const t = year - 2013;
      const speed = 0.22 + 0.06 * s;
      const official = 0.12 * Math.exp(-speed * t);
      const truth = official * (1.15 + 0.05 * s) + 0.004;
      const push = (metric: string, mean: number, spread: number): void => {
        rows.push({ scenario, year, metric, mean, lo: Math.max(0, mean - spread), hi: mean + spread });
      };
      push('official_incidence', official, 0.006 + 0.001 * t);
      push('true_incidence', truth, 0.008 + 0.001 * t);
      push('returns', 800 + 400 * t - 30 * t * t - 120 * s, 90 + 10 * t);
      push('mean_motivation', 0.42 + 0.03 * t + 0.02 * s, 0.04);
      push('cadre_burnout', 0.2 + 0.05 * t - 0.004 * t * t - 0.03 * s, 0.05);
    }
  });
  return rows;
}

function effects(): EffectRow[] {
  const rows: EffectRow[] = [];
  SCENARIOS.slice(1).forEach((scenario, i) => {
    for (const year of [2016, 2020]) {
      const mean = -0.012 * (i + 1) * (year === 2020 ? 0.6 : 1);
      rows.push({ scenario, year, metric: 'official_incidence', mean, ciLo: mean - 0.004, ciHi: mean + 0.004, se: 0.002 });
      const tm = mean * 0.8;
      rows.push({ scenario, year, metric: 'true_incidence', mean: tm, ciLo: tm - 0.006, ciHi: tm + 0.006, se: 0.003 });
    }
  });
  return rows;
}

/** The fixture: a second call returns an equal, independent object. */
export function makeReportInput(): ReportInput {
  const routes = ['industry', 'employment', 'relocation', 'transfers', 'education'];
  return {
    title: 'povsim test report: Jiangxi 2013–2020',
    subtitle: 'Three hand-made scenarios for the report tests',
    generatedBy: 'test/report/fixture.ts',
    bands: bands(),
    effects: effects(),
    costs: [
      { scenario: 'industry_push', extraDurableExits: 5200, extraSpendingYuan: 182_000_000, costPerDurableExitYuan: 35_000, ciLo: 30_000, ciHi: 40_000 },
      { scenario: 'cadre_rotation', extraDurableExits: 0, extraSpendingYuan: 12_000_000, costPerDurableExitYuan: null, ciLo: null, ciHi: null },
    ],
    routes: SCENARIOS.flatMap((scenario, s) =>
      routes.map((route, r) => ({ scenario, route, persons: 4000 + 1500 * r + 900 * s * (r % 2) }))),
    assumptions: [
      { scenario: 'baseline', key: 'poverty_line', value: '2300', unit: 'yuan/year (2010 prices)', source: 'State Council, 2011' },
      { scenario: 'industry_push', key: 'industry_subsidy', value: '3000', unit: 'yuan/household', source: 'Assumed, "illustrative" <test>' },
      { scenario: 'cadre_rotation', key: 'rotation_period', value: '2', unit: 'years', source: 'Assumed' },
    ],
    summaryTable: {
      columns: ['Scenario', 'Official incidence 2020 (%)', 'Exits (persons)', 'Note'],
      rows: [
        ['baseline', 2.1, 22_000, 'reference'],
        ['industry_push', 1.2, 27_200, 'subsidy, "industry" first'],
        ['cadre_rotation', 1.6, 24_100, 'line1\nline2 | pipe'],
      ],
    },
    notes: ['Numbers are made up for testing.', 'Bands are 5–95% of runs; CIs are 95%.'],
    policyYear: 2018,
    routeYears: [2018, 2020],
  };
}
