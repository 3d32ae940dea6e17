/**
 * The output folder of `povsim compare`: the report pages (HTML, Markdown, CSV summary, charts as
 * SVG and PNG), the CSV files of compare-output.ts, and manifest.json last.
 */
import { budgetPage, comparisonPage, dosePage, PAGES } from '../experiment/compare-pages.js';
import { comparisonCsvFiles } from '../experiment/compare-output.js';
import type { StudyResult } from '../experiment/compare-study.js';
import { precisionSentence } from '../experiment/adaptive-replicates.js';
import { summaryToMarkdown } from '../report/tables.js';
import { writeOutput, writeOutputFolder } from './output-files.js';
import { writeReport } from './report-files.js';

/**
 * Writes the pages and the CSV files into `dir` (already claimed), then `manifest(files)`.
 * @returns the CSV file names written (the manifest's `files`)
 */
export function writeComparisonFolder(dir: string, study: StudyResult, generatedBy: string, manifest: (files: readonly string[]) => Record<string, unknown>): Promise<string[]> {
  return writeOutputFolder(
    dir,
    async (put) => {
      const page = comparisonPage(study, generatedBy);
      await writeReport(page, dir);
      // summary.md says how many replicates the table rests on and whether the target was reached
      writeOutput(dir, 'summary.md', `${summaryToMarkdown(page.summaryTable)}\n${precisionSentence(study.precision)}\n`);
      const doses = dosePage(study, generatedBy);
      if (doses) await writeReport(doses, dir, { page: PAGES.doses, summary: 'dose-response-table' });
      const budgets = budgetPage(study, generatedBy);
      if (budgets) await writeReport(budgets, dir, { page: PAGES.budgets, summary: 'equal-budget-table' });
      for (const [name, text] of comparisonCsvFiles(study)) put(name, text);
    },
    manifest,
  );
}
