/**
 * The report layer: pure functions from {@link ReportInput} to vega-lite specs, SVG/PNG, Markdown,
 * CSV and a self-contained HTML page. Imports nothing from the rest of povsim.
 */
export type { AssumptionRow, BandRow, CostRow, EffectRow, ReportChart, ReportInput, RouteRow, SummaryTable } from './types.js';
export { REPORT_METRICS, metricInfo, type MetricInfo, type MetricKind } from './metrics.js';
export { BASELINE_COLOR, SCENARIO_COLORS, scenarioColorScale, scenarioOrder, type ScenarioColorScale } from './palette.js';
export {
  CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, bandTrajectorySpec, buildReportCharts, chartContext, costPerPersonSpec,
  effectBarsSpec, exitsByRouteSpec, latestEffectYear, type ChartContext,
} from './charts.js';
export {
  DEBIAN_FONT_PACKAGE, resvgOptions, specToSvg, svgToPng, systemFontsAvailable, useDejaVuTextMetrics, writeChartFiles, writeFileAtomic,
  type PngOptions, type SvgOptions, type WrittenChart,
} from './render.js';
export { loadVegaBundles, type VegaBundles } from './bundles.js';
export { REPORT_CSP, assumptionsTableHtml, buildHtmlReport, jsonForScript, summaryTableHtml } from './html.js';
export { csvField, escapeHtml, summaryToCsv, summaryToMarkdown } from './tables.js';
export { writeReport, type WrittenReport } from './write.js';
