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
  'cadre_caseload',
  'stationed_caseload',
  'burnout_support_loss',
  'dibao_recipients',
  'ever_exited',
  'relocation_debt',
  'industry_income_per_member',
  'registered_income_mean',
  'registered_chronic_share',
  'vulnerable_share',
  'poverty_gap',
] as const;

export const FLOW_METRICS = [
  ...ROUTE_NAMES.map((r) => `exits_${r}` as const),
  'exits_total',
  'returns',
  'return_fallbacks',
  'false_exits',
  'false_exits_caught',
  'new_registrations',
  'relocations',
  ...SPENDING.map((s) => `spending_${s}` as const),
  'spending_total',
  'budget_available',
  'budget_spent',
  'durable_exits',
] as const;

/** Derived yearly metric: spending_total / exits_total of the year (NaN when no exits). */
export const DERIVED_METRICS = ['cost_per_exit'] as const;

export const METRICS = [...STOCK_METRICS, ...FLOW_METRICS, ...DERIVED_METRICS] as const;
export type Metric = (typeof METRICS)[number];

/** Units, for reports and docs. */
export function metricUnit(m: Metric): string {
  const declared = METRIC_UNITS[m as keyof typeof METRIC_UNITS];
  if (declared) return declared;
  if (m.endsWith('_incidence') || m.endsWith('_error')) return 'fraction of persons (0..1)';
  if (m.startsWith('spending_') || m.startsWith('budget_')) return 'yuan';
  if (m.startsWith('mean_income')) return 'yuan/person/year';
  return 'persons';
}

/** Units of the metrics whose unit the name patterns above do not give. */
const METRIC_UNITS = {
  poverty_line: 'yuan/person/year',
  cost_per_exit: 'yuan/person',
  waiting_share: 'fraction of registered persons (0..1)',
  mean_motivation: 'index 0..1',
  cadre_effort: 'index 0..1',
  cadre_quality: 'index 0..1',
  cadre_burnout: 'index 0..1',
  cadre_caseload: 'registered households per active helper',
  stationed_caseload: 'registered-household equivalents per stationed cadre',
  burnout_support_loss: 'fraction of planned support (0..1)',
  industry_competitiveness: 'index 0..1',
  industry_value_chain: 'index 0..1',
  relocation_debt: 'yuan',
  industry_income_per_member: 'yuan/working member household of average skill/year',
  registered_income_mean: 'yuan/person/year',
  registered_chronic_share: 'fraction of registered households (0..1)',
  vulnerable_share: 'fraction of persons (0..1)',
  poverty_gap: 'fraction of the line (0..1)',
  durable_exits: 'persons',
} as const;
