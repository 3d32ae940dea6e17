/**
 * Names, labels and display units of the metrics the report draws, read from the model's one metric
 * declaration (`METRIC_INFO` in src/model/metrics.ts; nothing here works a unit out of a name). A
 * metric's measure decides how its axis is formatted: fractions (0..1) are shown as percent and
 * their differences as percentage points.
 */
import { isMetric, METRIC_INFO, type MetricInfo } from '../model/metrics.js';
import type { MetricDisplay } from './types.js';

export type { MetricDisplay } from './types.js';

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

/**
 * The unit shown in axis titles: fractions as `% of X` (they are drawn as percent), indices as
 * `index`, a flow's yearly value `per year`, others as declared.
 */
function shownUnit(m: MetricInfo): string {
  if (m.measure === 'fraction') return m.of === undefined ? '%' : `% of ${m.of}`;
  if (m.measure === 'index') return 'index';
  return m.kind === 'flow' ? `${m.unit} per year` : m.unit;
}

/**
 * Display information of a yearly metric of the model, or of a name in `extra` (outcomes that are
 * not model metrics, such as a cumulative sum; see {@link ReportInput.outcomes}), which wins.
 * @throws RangeError naming the metric when it is neither
 * @example metricInfo('true_incidence').unit // '% of persons'
 */
export function metricInfo(metric: string, extra?: Readonly<Record<string, MetricDisplay>>): MetricDisplay {
  const given = extra && Object.hasOwn(extra, metric) ? extra[metric] : undefined;
  if (given) return given;
  if (!isMetric(metric)) throw new RangeError(`metricInfo: "${metric}" is not a metric of the model (src/model/metrics.ts) and the report input declares no outcome of that name`);
  const m: MetricInfo = METRIC_INFO[metric];
  return { label: m.label, unit: shownUnit(m), kind: m.measure };
}

/** Turns a metric (or any name) into a file-name-safe chart id part: lower case, `[a-z0-9_-]` only. */
export function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'metric' : s;
}
