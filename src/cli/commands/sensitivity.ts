/**
 * `povsim sensitivity <sweep dir>`: Sobol S1/ST (sobol designs) or Morris μ*, σ (morris designs) of
 * one output of a finished sweep → a table on the terminal, indices.csv, report.html and SVG charts.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { readSweepDir } from '../../node/sweep-read.js';
import { analyseSweep } from '../../experiment/sweep/sensitivity.js';
import { sensitivityTable, tableText } from '../../experiment/sweep/sensitivity-report.js';
import { writeSensitivityFolder } from '../../node/sensitivity-files.js';
import type { CliIO } from '../io.js';
import { flagError, handleCommand } from '../handle-command.js';
import { povsimVersion } from '../provenance.js';

export interface SensitivityArgs {
  dir: string;
  metric?: string;
  year?: number;
  bootstrap: number;
  confidence: number;
  seed: number;
  out?: string;
  top: number;
  json: boolean;
  quiet: boolean;
}

const flag = (key: string, message: string, hint?: string) => flagError(key, { message, hint });

/** Runs `povsim sensitivity`; returns the exit code. */
export async function sensitivityCommand(args: SensitivityArgs, io: CliIO): Promise<number> {
  if (!Number.isInteger(args.bootstrap) || args.bootstrap < 0 || args.bootstrap > 100_000) throw flag('--bootstrap', `must be a whole number from 0 to 100000, got ${args.bootstrap}`);
  if (!(args.confidence > 0 && args.confidence < 1)) throw flag('--confidence', `must lie strictly between 0 and 1, got ${args.confidence}`, 'e.g. 0.95');
  if (!Number.isInteger(args.top) || args.top < 1) throw flag('--top', `must be a whole number of at least 1, got ${args.top}`);
  const sweep = readSweepDir(args.dir);
  const metric = args.metric ?? sweep.plan.outputs.metrics[0];
  const year = args.year ?? sweep.plan.outputs.years[sweep.plan.outputs.years.length - 1];
  const res = analyseSweep(sweep, { metric, year, bootstrap: args.bootstrap, confidence: args.confidence, seed: args.seed });
  const out = args.out ?? join(args.dir, 'sensitivity', `${metric}-${year}`);
  const written = await writeSensitivityFolder(out, res, sweep, { povsim: povsimVersion(), sweep: args.dir, metric, year, confidence: args.confidence, seed: args.seed });
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

/** Adds `povsim sensitivity` to a yargs parser. */
export function registerSensitivityCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'sensitivity <dir>',
    'Sobol S1/ST or Morris μ*, σ of one output of a finished sweep: table, indices.csv, report.html',
    (b) =>
      b
        .positional('dir', { type: 'string', demandOption: true, describe: 'output directory of a finished sobol or morris sweep' })
        .option('metric', { type: 'string', describe: 'output metric (default: the first the sweep kept)' })
        .option('year', { type: 'number', describe: 'year of the output (default: the last the sweep kept)' })
        .option('bootstrap', { type: 'number', default: 1000, describe: 'bootstrap resamples for the intervals (0: none)' })
        .option('confidence', { type: 'number', default: 0.95, describe: 'coverage of the intervals' })
        .option('seed', { type: 'number', default: 1, describe: 'seed of the bootstrap' })
        .option('out', { type: 'string', describe: 'output directory (default DIR/sensitivity/<metric>-<year>/)' })
        .option('top', { type: 'number', default: 20, describe: 'rows shown on the terminal' })
        .option('json', { type: 'boolean', default: false, describe: 'print the indices as JSON' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print nothing on success' })
        .example('povsim sensitivity out/sweeps/assumptions-2020 --metric official_incidence --year 2020', 'Morris μ* and σ of 2020 official incidence') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, () => sensitivityCommand(a as unknown as SensitivityArgs, io)),
  );
}
