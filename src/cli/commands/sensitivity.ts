/**
 * `povsim sensitivity <sweep dir>`: Sobol S1/ST (sobol designs) or Morris μ*, σ (morris designs) of
 * one output of a finished sweep → a table on the terminal, indices.csv, report.html and SVG charts.
 */
import { join } from 'node:path';
import { readSweepDir } from '../../node/sweep-read.js';
import { analyseSweep } from '../../experiment/sweep/sensitivity.js';
import { sensitivityTable, tableText } from '../../experiment/sweep/sensitivity-report.js';
import { writeSensitivityFolder } from '../../node/sensitivity-files.js';
import type { CliIO } from '../io.js';
import { flagError } from '../handle-command.js';
import { povsimVersion } from '../provenance.js';

export interface SensitivityArgs {
  dir: string;
  metric?: string;
  year?: number;
  bootstrap: number;
  confidence: number;
  seed: number;
  out?: string;
  force: boolean;
  top: number;
  json: boolean;
  quiet: boolean;
}

const flag = (key: string, message: string, hint?: string) => flagError(key, { message, hint });

/** Runs `povsim sensitivity`; returns the exit code. */
export async function sensitivityCommand(args: SensitivityArgs, io: CliIO): Promise<number> {
  if (!Number.isInteger(args.bootstrap) || args.bootstrap < 0 || args.bootstrap > 100_000) throw flag('--bootstrap', `must be a whole number from 0 to 100000, got ${args.bootstrap}`, 'e.g. --bootstrap 1000 (the default), or 0 for no intervals');
  if (!(args.confidence > 0 && args.confidence < 1)) throw flag('--confidence', `must lie strictly between 0 and 1, got ${args.confidence}`, 'e.g. 0.95');
  if (!Number.isInteger(args.top) || args.top < 1) throw flag('--top', `must be a whole number of at least 1, got ${args.top}`, 'e.g. --top 20 (the default); indices.csv holds every row');
  const sweep = readSweepDir(args.dir);
  const metric = args.metric ?? sweep.plan.outputs.metrics[0];
  const year = args.year ?? sweep.plan.outputs.years[sweep.plan.outputs.years.length - 1];
  const res = analyseSweep(sweep, { metric, year, bootstrap: args.bootstrap, confidence: args.confidence, seed: args.seed });
  const out = args.out ?? join(args.dir, 'sensitivity', `${metric}-${year}`);
  const written = await writeSensitivityFolder(out, res, sweep, { povsim: povsimVersion(), sweep: args.dir, metric, year, confidence: args.confidence, seed: args.seed }, args.force);
  if (args.json) io.out(JSON.stringify({ out, ...res }));
  else if (!args.quiet) {
    const what = res.method === 'morris' ? `Morris screening (${res.r} trajectories)` : `Sobol indices (${res.n} base samples)`;
    io.out(`${what} of ${metric} in ${year}, ${sweep.points} points × ${sweep.plan.replicates} replicate(s), ${res.bootstrap} bootstrap resamples:`);
    io.out(tableText(sensitivityTable(res, args.top)));
    if (res.rows.length > args.top) io.out(`(${res.rows.length - args.top} more in indices.csv)`);
    io.out(`wrote ${out}/ (indices.csv, report.html, ${written.filter((f) => f.endsWith('.svg')).join(', ')})`);
  }
  return 0;
}
