/**
 * The report layer: pure functions from {@link ReportInput} to vega-lite specs, SVG, Markdown, CSV
 * and a self-contained HTML page (strings). Browser-safe: imports no Node built-in; PNG files and
 * writing live in src/node/report-files.ts. Imports nothing from the rest of povsim.
 */
export type { AssumptionRow, BandRow, CostRow, EffectRow, ReportChart, ReportInput, ReportSection, RouteRow, SummaryTable, VegaBundles } from './types.js';
export { REPORT_METRICS, metricInfo, type MetricDisplay } from './metrics.js';
export { BASELINE_COLOR, SCENARIO_COLORS, scenarioColorScale, scenarioOrder, type ScenarioColorScale } from './palette.js';
export {
  CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, bandTrajectorySpec, buildReportCharts, chartContext, costPerDurableExitSpec,
  effectBarsSpec, exitsByRouteSpec, latestEffectYear, type ChartContext,
} from './charts.js';
export { DEBIAN_FONT_PACKAGE, PNG_SANS_SERIF_FAMILY, loadChartLibraries, specToSvg, useDejaVuTextMetrics, type SvgOptions } from './render.js';
export { REPORT_CSP, assumptionsTableHtml, buildHtmlReport, jsonForScript, summaryTableHtml } from './html.js';
export { csvField, escapeHtml, summaryToCsv, summaryToMarkdown } from './tables.js';
export { csvLine, parseCsv, toCsv, type CsvCell } from './csv.js';
export { doseResponseSpec, rankDistributionSpec, type DoseChartRow, type RankChartRow } from './study-charts.js';
