/**
 * Names, labels and units of the metrics the report draws. A metric's kind decides how its axis is
 * formatted: fractions (0..1) are shown as percent and their differences as percentage points.
 */

/** Metric names the report looks for in {@link BandRow.metric} and {@link EffectRow.metric}. */
export const REPORT_METRICS = {
  /** Share of the population registered as poor by the official identification (fraction 0..1). */
  officialIncidence: 'official_incidence',
  /** Share of the population whose income is below the poverty line (fraction 0..1). */
  trueIncidence: 'true_incidence',
  /** Persons who fall back below the line in a year after having exited (persons per year). */
  returnsToPoverty: 'returns',
  /** Mean motivation of poor households (index, dimensionless). */
  meanMotivation: 'mean_motivation',
  /** Mean burnout of village cadres (index, dimensionless). */
  cadreBurnout: 'cadre_burnout',
} as const;

/** How a metric's values are measured. */
export type MetricKind = 'fraction' | 'persons' | 'yuan' | 'index';

/** Display information of one metric. */
export interface MetricInfo {
  /** Human label, sentence case, without unit. */
  label: string;
  /** Unit shown in axis titles (for fractions, the unit of the displayed percent). */
  unit: string;
  kind: MetricKind;
}

const KNOWN: Record<string, MetricInfo> = {
  [REPORT_METRICS.officialIncidence]: { label: 'Official poverty incidence', unit: '% of population', kind: 'fraction' },
  [REPORT_METRICS.trueIncidence]: { label: 'True poverty incidence', unit: '% of population', kind: 'fraction' },
  [REPORT_METRICS.returnsToPoverty]: { label: 'Returns to poverty', unit: 'persons per year', kind: 'persons' },
  [REPORT_METRICS.meanMotivation]: { label: 'Mean household motivation', unit: 'index', kind: 'index' },
  [REPORT_METRICS.cadreBurnout]: { label: 'Cadre burnout', unit: 'index', kind: 'index' },
  durable_exits: { label: 'Durable exits (still out 24 months later)', unit: 'persons', kind: 'persons' },
  returns_since_2014: { label: 'Returns to poverty since 2014', unit: 'persons', kind: 'persons' },
  vulnerable_share: { label: 'Vulnerable share', unit: '% of population', kind: 'fraction' },
  poverty_gap: { label: 'Poverty gap', unit: '% of the line', kind: 'fraction' },
  waiting_share: { label: 'Waiting for help', unit: '% of registered persons', kind: 'fraction' },
  burnout_support_loss: { label: 'Support lost to burnout', unit: '% of planned support', kind: 'fraction' },
};

/**
 * Display information of a metric. Unknown metrics get their name (underscores as spaces) as label,
 * kind `fraction` when the name ends in `_incidence` or `_rate`, `yuan` when it mentions yuan or
 * spending, `persons` when it mentions persons, exits or lifted, and `index` otherwise.
 * @example metricInfo('true_incidence').unit // '% of population'
 */
export function metricInfo(metric: string): MetricInfo {
  const known = KNOWN[metric];
  if (known) return known;
  const words = metric.replace(/_/g, ' ');
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  if (/(_incidence|_rate|_share)$/.test(metric)) return { label, unit: '%', kind: 'fraction' };
  if (/yuan|spending|cost/.test(metric)) return { label, unit: 'yuan', kind: 'yuan' };
  if (/person|exit|lifted|return|count/.test(metric)) return { label, unit: 'persons', kind: 'persons' };
  return { label, unit: 'index', kind: 'index' };
}

/** Turns a metric (or any name) into a file-name-safe chart id part: lower case, `[a-z0-9_-]` only. */
export function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'metric' : s;
}
