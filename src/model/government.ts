/**
 * Government data that is not a tunable parameter: the national rural poverty line by year
 * (current yuan per person per year) and the supervision pressure path.
 */

/** Poverty line by year [stat]; 2017–2018 interpolated [assume]; after 2020 it rises 2.5%/year [assume]. */
export const POVERTY_LINE: Readonly<Record<number, number>> = {
  2013: 2736,
  2014: 2800,
  2015: 2855,
  2016: 2952,
  2017: 3040,
  2018: 3128,
  2019: 3218,
  2020: 4000,
};

/** Poverty line for a year (clamped to the table's first year; extrapolated after 2020). */
export function povertyLine(year: number): number {
  if (year <= 2013) return POVERTY_LINE[2013];
  if (year <= 2020) return POVERTY_LINE[year];
  return POVERTY_LINE[2020] * Math.pow(1.025, year - 2020);
}

/** Supervision pressure in a year: the 2014 level rising by `growth` per year, capped at 1. */
export function supervisionPressure(base: number, growth: number, year: number): number {
  return Math.min(1, base + growth * Math.max(0, year - 2014));
}
