/**
 * The `povsim calibrate` command's flags and help (calibration). The implementation is imported only when the
 * command runs, so other commands (and --help) do not load it.
 */
import type { Argv } from 'yargs';
import type { CalibrateArgs } from '../commands/calibrate.js';
import { handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { withRunFlags } from '../shared-flags.js';

/** Adds `povsim calibrate` to a yargs parser. */
export function registerCalibrateCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'calibrate <plan>',
    'fit parameters to the calibration targets; write the fit, a profile of each value and a fitted parameter file',
    (b) =>
      withRunFlags(b.positional('plan', { type: 'string', demandOption: true, describe: 'calibration plan (.yaml or .json)' }), 'out/calibrate/<plan name>/')
        .option('out', { type: 'string', describe: 'output directory (default out/calibrate/<plan name>/)' })
        .option('replicates', { type: 'number', describe: 'replicates per evaluation (default: the plan\'s, else the base scenario\'s)' })
        .option('json', { type: 'boolean', default: false, describe: 'print a JSON summary on stdout instead of the tables' })
        .option('fitted', { type: 'string', describe: 'where to write the fitted parameter file, a .yaml (default: the plan\'s output:, relative to the plan); never a file the plan reads, nor one povsim did not write unless --force' })
        .option('table', { type: 'string', describe: 'where to write the calibrated-values module, a .ts (default: the plan\'s writeTable:, relative to the plan); the plan must fit exactly the calibrated rows, and a file already there must be one povsim wrote' })
        .option('force', { type: 'boolean', default: false, describe: 'replace an existing output directory, and an existing fitted file povsim did not write (never a file the plan reads, nor a calibrated-values module)' })
        .option('max-evaluations', { type: 'number', describe: 'evaluation limit of the search (default: the plan\'s maxEvaluations)' })
        .option('profile', { type: 'boolean', default: true, describe: 'profile each fitted value (--no-profile skips it)' })
        .example('povsim calibrate scenarios/calibration/baseline-fit.yaml', 'rewrites src/model/calibrated.ts (the table\'s calibrated values) and writes out/calibrate/baseline-fit/') as unknown as Argv,
    (a) => handleCommand(io, signal, setCode, async () => (await import('../commands/calibrate.js')).calibrateCommand(a as unknown as CalibrateArgs, io, signal)),
  );
}
