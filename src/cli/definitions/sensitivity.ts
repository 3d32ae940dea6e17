/**
 * The `povsim sensitivity` command's flags and help (sensitivity indices of a finished sweep). The implementation is imported only when the
 * command runs, so other commands (and --help) do not load it.
 */
import type { Argv } from 'yargs';
import type { SensitivityArgs } from '../commands/sensitivity.js';
import { handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';

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
        .option('out', { type: 'string', describe: 'output directory (default DIR/sensitivity/<metric>-<year>/; an earlier sensitivity output there is replaced)' })
        .option('force', { type: 'boolean', default: false, describe: 'replace another povsim output folder at --out' })
        .option('top', { type: 'number', default: 20, describe: 'rows shown on the terminal' })
        .option('json', { type: 'boolean', default: false, describe: 'print the indices as JSON' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print nothing on success' })
        .example('povsim sensitivity out/sweeps/assumptions-2020 --metric official_incidence --year 2020', 'Morris μ* and σ of 2020 official incidence') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, async () => (await import('../commands/sensitivity.js')).sensitivityCommand(a as unknown as SensitivityArgs, io)),
  );
}
