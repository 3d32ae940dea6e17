/**
 * The outputs of a run: one row per month and one per year. Persons and yuan are scaled to the
 * province; incidences and shares are fractions 0..1.
 *
 * {@link METRIC_INFO} is the one declaration of every metric: its order is the column order of the
 * monthly and yearly tables and CSV files, and each entry gives the metric's kind (how a year is
 * made of its months), unit, measure (how reports format it) and short label. Nothing else in
 * povsim may work out a unit or kind from a metric's name (test/architecture/metric-info.test.ts).
 */
import { ROUTE_NAMES, SPENDING } from './world.js';

/**
 * How a year's value is made of its months: `stock` takes December's value, `flow` sums the twelve
 * months, `derived` is computed from other yearly values (see `aggregateYears` in simulate.ts).
 */
export type MetricKind = 'stock' | 'flow' | 'derived';

/**
 * What the values count, for formatting: `fraction` 0..1 (shown as percent, differences in
 * percentage points), `persons` and `yuan` (whole numbers), `index` 0..1 (dimensionless), `ratio`
 * (any other quotient, e.g. households per cadre or yuan per person).
 */
export type MetricMeasure = 'fraction' | 'persons' | 'yuan' | 'index' | 'ratio';

/** The declaration of one metric. */
export interface MetricInfo {
  kind: MetricKind;
  /** Unit of the monthly and yearly values (a flow's yearly value is the year's sum, in the same unit). */
  unit: string;
  measure: MetricMeasure;
  /** Short human label, sentence case, without unit. */
  label: string;
  /** For fractions: what the fraction is of (the unit is `fraction of <of> (0..1)`). */
  of?: string;
}

const INDEX = 'index 0..1';
const YUAN_PER_PERSON_YEAR = 'yuan/person/year';

const stock = (unit: string, measure: MetricMeasure, label: string): MetricInfo => ({ kind: 'stock', unit, measure, label });
const flow = (unit: string, measure: MetricMeasure, label: string): MetricInfo => ({ kind: 'flow', unit, measure, label });
/** A stock that is a fraction of `of`, unit `fraction of <of> (0..1)`. */
const fraction = (of: string, label: string): MetricInfo => ({ kind: 'stock', unit: `fraction of ${of} (0..1)`, measure: 'fraction', label, of });
const words = (name: string): string => name.replace(/_/g, ' ');

/** One flow per name, `${prefix}${name}`, in the names' order. */
function flowsOf<P extends string, N extends string>(prefix: P, names: readonly N[], info: (name: N) => MetricInfo): Record<`${P}${N}`, MetricInfo> {
  return Object.fromEntries(names.map((n) => [`${prefix}${n}`, info(n)])) as Record<`${P}${N}`, MetricInfo>;
}

/** Every metric, in table column order: stocks, then flows, then derived metrics. */
export const METRIC_INFO = {
  population: stock('persons', 'persons', 'Population'),
  poverty_line: stock(YUAN_PER_PERSON_YEAR, 'ratio', 'Poverty line'),
  official_poor: stock('persons', 'persons', 'Official poor (on the register)'),
  official_incidence: fraction('persons', 'Official poverty incidence'),
  true_poor: stock('persons', 'persons', 'True poor (income below the line)'),
  true_incidence: fraction('persons', 'True poverty incidence'),
  exclusion_error: fraction('persons', 'Exclusion error'),
  inclusion_error: fraction('persons', 'Inclusion error'),
  mean_income: stock(YUAN_PER_PERSON_YEAR, 'ratio', 'Mean income'),
  mean_income_poor: stock(YUAN_PER_PERSON_YEAR, 'ratio', 'Mean income of the truly poor'),
  industry_participants: stock('persons', 'persons', 'Industry participants'),
  industry_competitiveness: stock(INDEX, 'index', 'Industry competitiveness'),
  industry_value_chain: stock(INDEX, 'index', 'Industry value chain'),
  relocated: stock('persons', 'persons', 'Relocated'),
  mean_motivation: stock(INDEX, 'index', 'Mean household motivation'),
  waiting_share: fraction('registered persons', 'Waiting for help'),
  cadre_effort: stock(INDEX, 'index', 'Cadre effort'),
  cadre_quality: stock(INDEX, 'index', 'Cadre quality'),
  cadre_burnout: stock(INDEX, 'index', 'Cadre burnout'),
  cadre_caseload: stock('registered households per active helper', 'ratio', 'Cadre caseload'),
  stationed_caseload: stock('registered-household equivalents per stationed cadre', 'ratio', 'Stationed cadre caseload'),
  burnout_support_loss: fraction('planned support', 'Support lost to burnout'),
  dibao_recipients: stock('persons', 'persons', 'Dibao recipients'),
  ever_exited: stock('persons', 'persons', 'Ever exited'),
  relocation_debt: stock('yuan', 'yuan', 'Relocation debt'),
  relocation_blocked_finance: stock('persons', 'persons', 'Relocation candidates the programme could not finance'),
  relocation_unaffordable: stock('persons', 'persons', 'Relocation candidates who cannot pay their share'),
  industry_income_per_member: stock('yuan/working member household of average skill/year', 'ratio', 'Industry income per member'),
  registered_income_mean: stock(YUAN_PER_PERSON_YEAR, 'ratio', 'Mean income on the register'),
  registered_chronic_share: fraction('registered households', 'Chronic illness share on the register'),
  vulnerable_share: fraction('persons', 'Vulnerable share'),
  poverty_gap: fraction('the line', 'Poverty gap'),
  ...flowsOf('exits_', ROUTE_NAMES, (r) => flow('persons', 'persons', `Exits by ${words(r)}`)),
  exits_total: flow('persons', 'persons', 'Exits'),
  returns: flow('persons', 'persons', 'Returns to poverty'),
  return_fallbacks: flow('persons', 'persons', 'Return fallbacks'),
  false_exits: flow('persons', 'persons', 'False exits'),
  false_exits_caught: flow('persons', 'persons', 'False exits caught'),
  new_registrations: flow('persons', 'persons', 'New registrations'),
  relocations: flow('persons', 'persons', 'Relocations'),
  ...flowsOf('spending_', SPENDING, (s) => flow('yuan', 'yuan', `Spending on ${words(s)}`)),
  spending_total: flow('yuan', 'yuan', 'Spending'),
  budget_available: flow('yuan', 'yuan', 'Budget available'),
  budget_spent: flow('yuan', 'yuan', 'Budget spent'),
  durable_exits: flow('persons', 'persons', 'Durable exits (still out 24 months later)'),
  /** spending_total / exits_total of the year (NaN when no exits). */
  cost_per_exit: { kind: 'derived', unit: 'yuan/person', measure: 'ratio', label: 'Cost per exit' },
} as const satisfies Record<string, MetricInfo>;

export type Metric = keyof typeof METRIC_INFO;

/** Every metric, in table column order. */
export const METRICS: readonly Metric[] = Object.keys(METRIC_INFO) as Metric[];

const ofKind = (kind: MetricKind): readonly Metric[] => METRICS.filter((m) => METRIC_INFO[m].kind === kind);
/** Metrics whose year is December's value. */
export const STOCK_METRICS = ofKind('stock');
/** Metrics whose year is the sum of its months. */
export const FLOW_METRICS = ofKind('flow');
/** Yearly metrics computed from other yearly values. */
export const DERIVED_METRICS = ofKind('derived');

/** Whether a name is a metric of the model. */
export function isMetric(name: string): name is Metric {
  return Object.hasOwn(METRIC_INFO, name);
}

/** The unit of a metric, e.g. `metricUnit('true_incidence')` is `'fraction of persons (0..1)'`. */
export function metricUnit(m: Metric): string {
  return METRIC_INFO[m].unit;
}
