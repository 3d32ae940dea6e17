/**
 * Writes a whole report folder: one SVG and one PNG per chart, `report.html`, `summary.md` and
 * `summary.csv`. Every file goes through a temporary name and a rename.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportCharts } from './charts.js';
import { buildHtmlReport } from './html.js';
import { writeChartFiles, writeFileAtomic, type PngOptions, type SvgOptions } from './render.js';
import { summaryToCsv, summaryToMarkdown } from './tables.js';
import type { ReportInput } from './types.js';

/** Paths of the files {@link writeReport} wrote. */
export interface WrittenReport { html: string; markdown: string; csv: string; charts: { id: string; svg: string; png: string }[] }

/**
 * Builds the charts of `input` and writes the report into `dir` (created if missing).
 * @example await writeReport(input, 'out/report') // out/report/report.html, summary.md, summary.csv, <id>.svg/.png
 */
export async function writeReport(input: ReportInput, dir: string, options: PngOptions & SvgOptions = {}): Promise<WrittenReport> {
  const charts = buildReportCharts(input);
  mkdirSync(dir, { recursive: true });
  const written = await writeChartFiles(charts, dir, options);
  const html = join(dir, 'report.html');
  const markdown = join(dir, 'summary.md');
  const csv = join(dir, 'summary.csv');
  writeFileAtomic(html, buildHtmlReport(input, charts));
  writeFileAtomic(markdown, summaryToMarkdown(input.summaryTable));
  writeFileAtomic(csv, summaryToCsv(input.summaryTable));
  return { html, markdown, csv, charts: written };
}
