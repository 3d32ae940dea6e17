/**
 * Input data of the report layer. The report layer is pure: it turns these rows into vega-lite
 * specs, SVG/PNG files, Markdown/CSV tables and one self-contained HTML page. It imports nothing
 * from the rest of povsim but the metric declaration (src/model/metrics.ts, for labels and units);
 * producers (the experiment layer) build a {@link ReportInput}.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricMeasure } from '../model/metrics.js';

/** How a metric or outcome is labelled and formatted in charts. */
export interface MetricDisplay {
  /** Human label, sentence case, without unit. */
  label: string;
  /** Unit shown in axis titles (for fractions, the unit of the displayed percent). */
  unit: string;
  kind: MetricMeasure;
}

/** Mean and 5–95% band of one metric, one scenario, one year. Fractions for incidences (0..1), persons, yuan. */
export interface BandRow { scenario: string; year: number; metric: string; mean: number; lo: number; hi: number }

/** Paired effect of a scenario against the baseline on a metric at a year, with a 95% CI. */
export interface EffectRow { scenario: string; year: number; metric: string; mean: number; ciLo: number; ciHi: number; se: number }

/**
 * Cost-effectiveness against the baseline: extra durable exits (persons), extra yuan spent over every
 * year in which spending differs, and yuan per extra durable exit with its 95% interval (null: not
 * defined or unbounded).
 */
export interface CostRow {
  scenario: string;
  extraDurableExits: number | null;
  extraSpendingYuan: number;
  costPerDurableExitYuan: number | null;
  ciLo: number | null;
  ciHi: number | null;
}

/** Exits by route summed over the years {@link ReportInput.routeYears} for a scenario (persons). */
export interface RouteRow { scenario: string; route: string; persons: number }

/** One assumption behind a scenario, shown in the assumptions table of the HTML report. */
export interface AssumptionRow { scenario: string; key: string; value: string; unit: string; source: string }

/** A small table of headline numbers; every row has one cell per column. */
export interface SummaryTable { columns: string[]; rows: (string | number)[][] }

/** Everything one report shows. */
export interface ReportInput {
  /** Page and document title. */
  title: string;
  /** One line under the title, e.g. the province and the period. */
  subtitle?: string;
  /** Who or what produced the numbers, e.g. `povsim 0.1.0, 200 runs, seed 42`. */
  generatedBy: string;
  bands: BandRow[];
  effects: EffectRow[];
  costs: CostRow[];
  routes: RouteRow[];
  assumptions: AssumptionRow[];
  summaryTable: SummaryTable;
  /** Further tables shown after the summary, each with an id (`[a-z0-9-]`) and a title. */
  tables?: { id: string; title: string; table: SummaryTable }[];
  notes?: string[];
  /** Scenario drawn as the reference (grey) in every chart; default `baseline` when present. */
  baselineScenario?: string;
  /** Year of the effect bars; default the latest year in `effects`. */
  effectYear?: number;
  /**
   * Labels and units of effect-row names that are outcomes rather than yearly metrics (a cumulative
   * sum since 2014, say); other names are looked up in the model's metric declaration.
   */
  outcomes?: Record<string, MetricDisplay>;
  /** Metrics that get an effect chart, in order; default official and true incidence. */
  effectMetrics?: string[];
  /** Year the policies start: a marker on every chart over time. */
  policyYear?: number;
  /** First and last year summed in `routes` (for true chart labels). */
  routeYears?: [number, number];
  /** Text sections after the summary (id `[a-z0-9-]`, title, paragraphs, optional table). */
  sections?: ReportSection[];
  /** Plain sentences shown above the summary table. */
  summaryText?: string[];
  /** Charts built by the producer, drawn after the standard ones (ids must not repeat). */
  extraCharts?: ReportChart[];
  /** Links to related pages (relative file names), shown under the title. */
  links?: { href: string; label: string }[];
}

/** A section of plain paragraphs and an optional table. */
export interface ReportSection {
  id: string;
  title: string;
  paragraphs: string[];
  table?: SummaryTable;
  /** Charts (by id) drawn in this section instead of under Charts. */
  chartIds?: string[];
}

/** One chart of the report: a file-name-safe id (`[a-z0-9_-]`), a title and its vega-lite spec. */
export interface ReportChart { id: string; title: string; spec: TopLevelSpec }

/** Source text of the three vega browser bundles, in load order, inlined by the HTML page. */
export interface VegaBundles { vega: string; vegaLite: string; vegaEmbed: string }
