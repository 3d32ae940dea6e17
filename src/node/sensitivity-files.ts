/**
 * The output folder of `povsim sensitivity`: indices.csv, one SVG per chart, report.html (with the
 * Vega bundles inlined) and manifest.json last. A derived output: an earlier sensitivity output is
 * replaced whole on every run; any other povsim output only with --force, and never the sweep it reads.
 */
import type { SensitivityResult } from '../experiment/sweep/sensitivity.js';
import { sensitivityCharts, sensitivityCsv, sensitivityReportInput } from '../experiment/sweep/sensitivity-report.js';
import type { SweepDir } from '../experiment/sweep/sweep-dir.js';
import { buildHtmlReport } from '../report/html.js';
import { specToSvg } from '../report/render.js';
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { claimOutputFolder, outputMarkCommand } from './output-folder.js';
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

const COMMAND = 'sensitivity';

/** The path with symbolic links resolved, as far as it exists (a link must not hide the sweep). */
function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = dirname(resolve(p));
    return parent === resolve(p) ? resolve(p) : join(realPath(parent), basename(p));
  }
}

/**
 * Writes the folder `out` (claimed: an earlier sensitivity output is replaced, other povsim output
 * only with `force`) and returns the names of the files written before manifest.json (indices.csv,
 * the SVGs, report.html).
 * @throws InputError (exit 2) when `out` is the sweep's folder or holds it, or holds other files
 */
export async function writeSensitivityFolder(out: string, res: SensitivityResult, sweep: SweepDir, facts: SensitivityRunFacts, force = false): Promise<string[]> {
  const up = relative(realPath(out), realPath(facts.sweep));
  const outside = up === '..' || up.startsWith(`..${sep}`) || isAbsolute(up);
  if (!outside) {
    throw new InputError([{ code: 'output-exists', file: '(command line)', line: 0, column: 0, key: '--out', message: `--out ${out} would replace the sweep ${facts.sweep} that the analysis reads`, hint: `leave --out out (the default is ${facts.sweep}/sensitivity/<metric>-<year>/), or choose a folder outside the sweep` }]);
  }
  claimOutputFolder(out, force || outputMarkCommand(out) === COMMAND, COMMAND);
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
