/**
 * The povsim command line: argv → scenario → experiment → report. Thin: each command lives in
 * commands/. Bad input (InputError) prints file:line:column, key, message and hint and exits 2;
 * other failures print one line and exit 1; no stack traces unless POVSIM_DEBUG=1.
 * A command's implementation is imported when it runs, so --help and each command load only what they use.
 */
import yargs, { type Argv } from 'yargs';
import { formatDiagnostic, InputError } from '../engine/diagnostics.js';
import type { CompareArgs } from './commands/compare.js';
import type { RunArgs } from './commands/run.js';
import { registerCalibrateCommand } from './definitions/calibrate.js';
import { registerMergeCommand } from './definitions/merge.js';
import { registerOptimizeCommand } from './definitions/optimize.js';
import { registerPlaygroundCommand } from './definitions/playground.js';
import { registerSensitivityCommand } from './definitions/sensitivity.js';
import { registerSweepCommand } from './definitions/sweep.js';
import { checkParsedFlags, checkRawArgs, type OptionTypes } from './argv-check.js';
import { DEFAULT_COMPARISON } from './defaults.js';
import { usageDiagnostic } from './usage-messages.js';
import { EXIT, processIO, type CliIO } from './io.js';
import { releaseOutputFolders } from '../node/output-folder.js';
import { withAdaptiveFlags, withRunFlags, withThreadsFlag } from './shared-flags.js';

/** A command-line usage problem found by yargs (unknown flag, missing argument). */
class UsageError extends Error {}

const EPILOG = `povsim --version prints the version and the fingerprint of the model code.
Exit codes: 0 ok, 1 failure, 2 bad input (the message names file:line:column, key and a hint), 130 interrupted.
Docs: README.md, docs/model.md, docs/scenarios.md.`;

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let code: number = EXIT.ok;
  let failure: unknown = null;
  // Handlers catch their own errors: an exception that reaches yargs makes it format the whole help text.
  const guard = async (run: () => Promise<number> | number): Promise<void> => {
    try {
      code = await run();
    } catch (err) {
      failure = err;
    }
  };
  const setCode = (c: number): void => {
    code = c;
  };
  let commands: Argv = yargs(argv)
    .scriptName('povsim')
    .usage('povsim <command> [options]\n\nAgent-based simulator of poverty-exit dynamics (Jiangxi, from 2013; the baseline runs to 2025).')
    .command(
      'run <scenario>',
      'run the replicates of one scenario and write yearly.csv, monthly.csv, summary.json, manifest.json',
      (y) =>
        withThreadsFlag(withAdaptiveFlags(withRunFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml or .json)' }))))
          .example('povsim run scenarios/baseline.yaml', 'the baseline, 20 replicates at 1:100')
          .example('povsim run scenarios/baseline.yaml --scale 1 --replicates 1 --threads 2', 'the whole province, one replicate on two threads (the same results as one)')
          .example('povsim run scenarios/baseline.yaml --target-half-width 0.05', 'add batches of replicates until each year\'s mean incidence is within ±0.05 pp')
          .example('povsim run scenarios/baseline.yaml --replicates 50 --scale 0.001 --out out/quick', 'a quick, smaller run')
          .example('povsim run scenarios/all-four.yaml --seed 7 --workers 1 --json', 'one thread, JSON summary on stdout'),
      (a) => guard(async () => (await import('./commands/run.js')).runCommand(a as unknown as RunArgs, io, abort.signal)),
    )
    .command(
      'compare [baseline] [scenarios..]',
      'compare scenarios with a baseline: durable exits, costs, two layers of uncertainty, dose-response, equal budgets, report.html',
      (y) =>
        withAdaptiveFlags(withRunFlags(
          y
            .positional('baseline', { type: 'string', describe: `a comparison file, or a baseline scenario (default ${DEFAULT_COMPARISON})` })
            .positional('scenarios', { type: 'string', array: true, describe: 'scenarios to compare with the baseline' }),
          'out/compare/',
        ))
          .option('budget', { type: 'number', describe: 'also compare the single suggestions at the same extra yuan per year' })
          .option('draws', { type: 'number', describe: 'assumption draws (Latin hypercube over the plausible ranges); 0 for none (default: the comparison file)' })
          .example('povsim compare', 'the shipped comparison (npm start): the four suggestions and all four against the baseline')
          .example('povsim compare my-comparison.yaml --replicates 30 --draws 40', 'a comparison file, with more replicates and draws')
          .example('povsim compare scenarios/baseline.yaml scenarios/all-four.yaml --replicates 20', 'one scenario against the baseline')
          .example('povsim compare --budget 2e9', 'also: which suggestion does most for 2 billion yuan a year')
          .example('povsim compare --target-half-width 0.02 --max-replicates 80', 'add replicates until every suggestion\'s effect on true incidence is within ±0.02 pp'),
      (a) => guard(async () => (await import('./commands/compare.js')).compareCommand(a as unknown as CompareArgs, io, abort.signal)),
    )
    .command(
      'validate <files..>',
      'check scenario files, comparison files and sweep and calibration plans; report every problem with file:line:column and a hint',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true })
          .option('json', { type: 'boolean', default: false, describe: 'print the results as JSON' })
          .example('povsim validate scenarios/*.yaml', 'check every shipped scenario')
          .example('povsim validate scenarios/comparisons/*.yaml scenarios/sweeps/*.yaml', 'check a comparison (and every scenario it names) and a sweep plan'),
      (a) => guard(async () => (await import('./commands/validate.js')).validateCommand(a.files as string[], a.json, io)),
    )
    .command(
      'params',
      'print the parameter table: key, default, unit, valid and plausible range, source, meaning',
      (y) =>
        y
          .option('format', { choices: ['markdown', 'csv'] as const, default: 'markdown' as const, describe: 'table format' })
          .example('povsim params --format csv > params.csv', 'the table as CSV'),
      (a) => guard(async () => (await import('./commands/info.js')).paramsCommand(a.format, io)),
    )
    .command('plan', 'print the ordered phases of a monthly step, with why each sits where it does', (y) => y.example('povsim plan', ''), () => guard(async () => (await import('./commands/info.js')).planCommand(io)))
    .command('schema', 'print the JSON Schema of scenario files (shipped as scenarios/scenario.schema.json)', (y) => y.example('povsim schema > my.schema.json', ''), () => guard(async () => (await import('./commands/info.js')).schemaCommand(io)));
  for (const register of [registerSweepCommand, registerSensitivityCommand, registerMergeCommand, registerCalibrateCommand, registerOptimizeCommand, registerPlaygroundCommand]) {
    commands = register(commands, io, abort.signal, setCode);
  }
  const parser = commands
    .demandCommand(1, 'name a command: run, compare, sweep, sensitivity, merge, calibrate, optimize, validate, params, plan, schema or playground')
    .strict()
    .recommendCommands()
    .epilog(EPILOG)
    .help()
    .alias('help', 'h')
    .version(false)
    .wrap(null)
    // after yargs' own checks (unknown flags first): every value flag written got a value of its type
    .middleware(((parsed: Record<string, unknown>, y: unknown) => checkParsedFlags(argv, parsed, (y as { getOptions(): OptionTypes }).getOptions())) as never, false)
    .fail((msg, err) => {
      // Throwing stops yargs before any handler runs (returning would let the command go ahead).
      throw err ?? new UsageError(msg);
    })
    .exitProcess(false);
  try {
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      io.out((await import('./provenance.js')).versionLine());
      return EXIT.ok;
    }
    checkRawArgs(argv);
    await parser.parseAsync();
    if (failure !== null) throw failure;
    return code;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(formatDiagnostic(usageDiagnostic(err.message, argv)));
      return EXIT.badInput;
    }
    if (err instanceof InputError) {
      io.err(err.diagnostics.map(formatDiagnostic).join('\n'));
      return EXIT.badInput;
    }
    if (abort.signal.aborted) {
      io.err('povsim: interrupted; no complete output was written');
      return 130;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`povsim: ${message}`);
    if (process.env.POVSIM_DEBUG === '1' && err instanceof Error) io.err(err.stack ?? '');
    return EXIT.failure;
  } finally {
    releaseOutputFolders();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
