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

/**
 * Poverty-alleviation funds available to the province by year, yuan at 1:1, from their sources:
 * - central special fund allocated to Jiangxi: 2.644 bn in 2017 [stat: the provincial 2.845 bn was
 *   107.6% of it]; other years at the national central fund's path (43.3, 46.1, 67.0, 86.1, 106.1,
 *   126.1, 146.1 bn for 2014–2020: published national figures, written down from recall and not yet
 *   checked against a document in this repository, so treat them as approximate) with Jiangxi's 2017 share
 *   held [assume];
 * - provincial special funds: 2.845 bn in 2017, 63.2% more than in 2016 [stat]; 2014–2015 at 0.8 of the
 *   central allocation, 2018–2020 at the 2017 ratio 1.076 [assume];
 * - integrated agriculture-related funds: 9.577 bn pooled by the 24 national poverty counties in 2018
 *   [stat]; half that in 2016 and three quarters in 2017, when integration started [assume].
 * After 2020 (consolidation period) funds stay at the 2020 level [assume: "policies kept stable"].
 */
export const FUNDS_BY_YEAR: Readonly<Record<number, { central: number; provincial: number; integrated: number }>> = (() => {
  const national: Record<number, number> = { 2014: 43.3e9, 2015: 46.1e9, 2016: 67.0e9, 2017: 86.1e9, 2018: 106.1e9, 2019: 126.1e9, 2020: 146.1e9 };
  const central2017 = 2.845e9 / 1.076;
  const share = central2017 / national[2017];
  const out: Record<number, { central: number; provincial: number; integrated: number }> = {};
  for (let y = 2014; y <= 2020; y++) {
    const central = national[y] * share;
    const provincial = y === 2017 ? 2.845e9 : y === 2016 ? 2.845e9 / 1.632 : y < 2016 ? 0.8 * central : 1.076 * central;
    const integrated = y < 2016 ? 0 : y === 2016 ? 0.5 * 9.577e9 : y === 2017 ? 0.75 * 9.577e9 : 9.577e9;
    out[y] = { central, provincial, integrated };
  }
  return out;
})();

/** Total poverty-alleviation funds of a year at 1:1, yuan (2013: none; after 2020: the 2020 total). */
export function fundsOfYear(year: number): number {
  if (year <= 2013) return 0;
  const f = FUNDS_BY_YEAR[Math.min(year, DEADLINE_YEAR)];
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
