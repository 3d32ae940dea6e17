/**
 * The outputs of a run (MODEL.md section 7): one row per month and one per year. Persons and yuan
 * are scaled to the province; incidences and shares are fractions 0..1.
 */
import { ROUTE_NAMES, SPENDING } from './world.js';

/** Metrics that are stocks (the year's value is December's) vs flows (the year's value is the sum of its months). */
export const STOCK_METRICS = [
  'population',
  'poverty_line',
  'official_poor',
  'official_incidence',
  'true_poor',
  'true_incidence',
  'exclusion_error',
  'inclusion_error',
  'mean_income',
  'mean_income_poor',
  'industry_participants',
  'industry_competitiveness',
  'industry_value_chain',
  'relocated',
  'mean_motivation',
  'waiting_share',
  'cadre_effort',
  'cadre_quality',
  'cadre_burnout',
  'dibao_recipients',
  'ever_exited',
] as const;

export const FLOW_METRICS = [
  ...ROUTE_NAMES.map((r) => `exits_${r}` as const),
  'exits_total',
  'returns',
  'false_exits',
  'false_exits_caught',
  'new_registrations',
  'relocations',
  ...SPENDING.map((s) => `spending_${s}` as const),
  'spending_total',
] as const;

/** Derived yearly metric: spending_total / exits_total of the year (NaN when no exits). */
export const DERIVED_METRICS = ['cost_per_exit'] as const;

export const METRICS = [...STOCK_METRICS, ...FLOW_METRICS, ...DERIVED_METRICS] as const;
export type Metric = (typeof METRICS)[number];

/** Units, for reports and docs. */
export function metricUnit(m: Metric): string {
  if (m.endsWith('_incidence') || m.endsWith('_error') || m === 'waiting_share') return 'fraction of persons (0..1)';
  if (m.startsWith('spending_') || m === 'cost_per_exit') return m === 'cost_per_exit' ? 'yuan/person' : 'yuan';
  if (m.startsWith('mean_income') || m === 'poverty_line') return 'yuan/person/year';
  if (m === 'mean_motivation' || m.startsWith('cadre_') || m.startsWith('industry_c') || m.startsWith('industry_v')) return 'index 0..1';
  return 'persons';
}
