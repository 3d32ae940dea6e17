/**
 * The output folder of `povsim sensitivity`: indices.csv, one SVG per chart, report.html (with the
 * Vega bundles inlined) and manifest.json last. A derived output: it is replaced whole on every run
 * (an earlier povsim output only).
 */
import type { SensitivityResult } from '../experiment/sweep/sensitivity.js';
import { sensitivityCharts, sensitivityCsv, sensitivityReportInput } from '../experiment/sweep/sensitivity-report.js';
import type { SweepDir } from '../experiment/sweep/sweep-dir.js';
import { buildHtmlReport } from '../report/html.js';
import { specToSvg } from '../report/render.js';
import { claimOutputFolder } from './output-folder.js';
import { writeOutputFolder } from './output-files.js';
import { loadVegaBundles } from './report-bundles.js';

/** What the manifest and the report's footer say about the analysis. */
export interface SensitivityRunFacts {
  povsim: string;
  /** The sweep folder as named on the command line. */
  sweep: string;
  metric: string;
  year: number;
  confidence: number;
  seed: number;
}

/**
 * Writes the folder `out` (claimed, replacing an earlier sensitivity output) and returns the names
 * of the files written before manifest.json (indices.csv, the SVGs, report.html).
 */
export async function writeSensitivityFolder(out: string, res: SensitivityResult, sweep: SweepDir, facts: SensitivityRunFacts): Promise<string[]> {
  claimOutputFolder(out, true, 'sensitivity');
  const charts = sensitivityCharts(res);
  const generatedBy = `povsim ${facts.povsim} sensitivity ${facts.sweep} (metric ${facts.metric}, year ${facts.year}, ${res.bootstrap} bootstrap resamples)`;
  return writeOutputFolder(
    out,
    async (put) => {
      put('indices.csv', sensitivityCsv(res));
      for (const c of charts) put(`${c.id}.svg`, await specToSvg(c.spec, { warn: () => undefined }));
      put('report.html', buildHtmlReport(sensitivityReportInput(res, sweep.plan, generatedBy), charts, loadVegaBundles()));
    },
    (files) => ({ povsim: facts.povsim, sweep: facts.sweep, metric: facts.metric, year: facts.year, bootstrap: res.bootstrap, confidence: facts.confidence, seed: facts.seed, files: ['indices.csv', 'report.html', ...files.filter((f) => f.endsWith('.svg'))] }),
  );
}
