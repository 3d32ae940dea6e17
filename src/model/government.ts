/**
 * Government data that is policy input, not behaviour: the national rural poverty line by year, the
 * price index used to keep an exit standard constant in real terms, the poverty-alleviation funds by
 * year and the supervision-pressure path. None of it is an observed outcome of the model: the funds are
 * what was allocated, the line is what households were judged against.
 */
import type { Params } from './parameters.js';

/** Poverty line by year, current yuan per person per year [stat, NBS]; 2020 is `exitStandard2020`. */
export const POVERTY_LINE: Readonly<Record<number, number>> = {
  2013: 2736,
  2014: 2800,
  2015: 2855,
  2016: 2952,
  2017: 2952,
  2018: 2995,
  2019: 3218,
};

/** Last year of the "poverty alleviation battle": every registered household is to have exited [paper]. */
export const DEADLINE_YEAR = 2020;

/**
 * Poverty line (exit and registration standard) for a year. Until 2019 the NBS line; 2020 the exit
 * standard `exitStandard2020` (NBS published no line); after 2020 that standard held constant in real
 * terms (indexed by `priceInflation`), as the consolidation period kept the 2020 standard [assume].
 */
export function povertyLine(year: number, p: Pick<Params, 'exitStandard2020' | 'priceInflation'>): number {
  if (year <= 2013) return POVERTY_LINE[2013];
  if (year < DEADLINE_YEAR) return POVERTY_LINE[year];
  return p.exitStandard2020 * Math.pow(1 + p.priceInflation, year - DEADLINE_YEAR);
}

/** Price index of `year` relative to `base` year (rural CPI at `priceInflation` a year). */
export function priceIndex(year: number, base: number, inflation: number): number {
  return Math.pow(1 + inflation, year - base);
}

/** The funding assumptions of the parameter table that fundsOfYear reads. */
export type FundParams = Pick<Params, 'provincialFundsEarly' | 'provincialFundsLate' | 'integratedFunds2016' | 'integratedFunds2017'>;

/**
 * The central special fund for poverty alleviation allocated to the provinces (中央财政补助地方专项扶贫资金),
 * 2014–2020, yuan [stat, Ministry of Finance, as reported]: 42.655 bn in 2014 (budget of September 2014,
 * gov.cn 2014-09-11); 86.095 bn in 2017, 20 bn and 30.3% more than 2016 (People's Daily, 2017-05-29); 106.095
 * bn in 2018 (Ministry of Finance, 2018-05-04); 126.1 bn in 2019 (Ministry of Finance, 2019-11-18); 146.1 bn in
 * 2020, after "20 bn more each year 2016–2020" (State Council press conference, 2020-12-02), which also gives
 * 2015 (46.095 bn) and 2016 (66.095 bn). Only its path matters: Jiangxi's share of it is held at 2017's
 * (fundsBySource) [assume].
 */
const NATIONAL_CENTRAL_FUND: Readonly<Record<number, number>> = {
  2014: 42.655e9, 2015: 46.095e9, 2016: 66.095e9, 2017: 86.095e9, 2018: 106.095e9, 2019: 126.1e9, 2020: 146.1e9,
};

/** Provincial special funds in 2017, yuan [stat]: 107.6% of the central allocation, 63.2% more than in 2016. */
const PROVINCIAL_2017 = 2.845e9;
const PROVINCIAL_TO_CENTRAL_2017 = 1.076;
const PROVINCIAL_GROWTH_2017 = 1.632;
/** Integrated agriculture-related funds pooled by the 24 national poverty counties in 2018, yuan [stat]. */
const INTEGRATED_2018 = 9.577e9;

/**
 * Poverty-alleviation funds available to the province in a year (2014–2020), yuan at 1:1, by source:
 * - central special fund allocated to Jiangxi: 2.644 bn in 2017 [stat: the provincial 2.845 bn was
 *   107.6% of it]; other years along the national fund's path [stat] with Jiangxi's 2017 share held [assume];
 * - provincial special funds: 2.845 bn in 2017, 63.2% more than in 2016 [stat]; 2014–2015 at
 *   `provincialFundsEarly` times the central allocation, 2018–2020 at `provincialFundsLate` [assume];
 * - integrated agriculture-related funds: 9.577 bn in 2018 [stat] and after; `integratedFunds2016` and
 *   `integratedFunds2017` of that in the two years integration started [assume]; none before.
 */
export function fundsBySource(year: number, p: FundParams): { central: number; provincial: number; integrated: number } {
  const y = year;
  const central2017 = PROVINCIAL_2017 / PROVINCIAL_TO_CENTRAL_2017;
  const central = NATIONAL_CENTRAL_FUND[y] * (central2017 / NATIONAL_CENTRAL_FUND[2017]);
  const provincial =
    y === 2017 ? PROVINCIAL_2017 : y === 2016 ? PROVINCIAL_2017 / PROVINCIAL_GROWTH_2017 : y < 2016 ? p.provincialFundsEarly * central : p.provincialFundsLate * central;
  const integrated = y < 2016 ? 0 : y === 2016 ? p.integratedFunds2016 * INTEGRATED_2018 : y === 2017 ? p.integratedFunds2017 * INTEGRATED_2018 : INTEGRATED_2018;
  return { central, provincial, integrated };
}

/**
 * Total poverty-alleviation funds of a year at 1:1, yuan (2013: none; after 2020, the consolidation
 * period, the 2020 total [assume: "policies kept stable"]).
 */
export function fundsOfYear(year: number, p: FundParams): number {
  if (year <= 2013) return 0;
  const f = fundsBySource(Math.min(year, DEADLINE_YEAR), p);
  return f.central + f.provincial + f.integrated;
}

/**
 * Supervision and inspection pressure in a year (0..1): the 2014 level rising by `growth` a year toward
 * the 2020 deadline, then `consolidationPressure` in the consolidation period.
 */
export function supervisionPressure(p: Pick<Params, 'supervisionPressure' | 'deadlinePressureGrowth' | 'consolidationPressure'>, year: number): number {
  if (year > DEADLINE_YEAR) return p.consolidationPressure;
  return Math.min(1, p.supervisionPressure + p.deadlinePressureGrowth * Math.max(0, year - 2014));
}
