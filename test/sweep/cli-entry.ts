/**
 * Test-only command line with the research commands (sweep, sensitivity, merge, calibrate), with the
 * same error handling as src/cli/main.ts: InputError → diagnostics on stderr, exit 2; interrupt → 130.
 * Tests use `bin/povsim.mjs` once main.ts registers these commands (see helpers.ts), this otherwise.
 *
 * Run: node --import tsx test/sweep/cli-entry.ts sweep plan.yaml ...
 */
import { pathToFileURL } from 'node:url';
import yargs, { type Argv } from 'yargs';
import { registerCalibrateCommand } from '../../src/cli/definitions/calibrate.js';
import { registerMergeCommand } from '../../src/cli/definitions/merge.js';
import { registerSensitivityCommand } from '../../src/cli/definitions/sensitivity.js';
import { registerSweepCommand } from '../../src/cli/definitions/sweep.js';
import { processIO, type CliIO } from '../../src/cli/io.js';
import { formatDiagnostic, InputError } from '../../src/engine/diagnostics.js';

/** Runs the research commands on argv and returns the exit code. */
export async function researchCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let code = 0;
  let usageError: string | null = null;
  const setCode = (c: number): void => {
    code = c;
  };
  let parser: Argv = yargs(argv).scriptName('povsim');
  parser = registerSweepCommand(parser, io, abort.signal, setCode);
  parser = registerSensitivityCommand(parser, io, abort.signal, setCode);
  parser = registerMergeCommand(parser, io, abort.signal, setCode);
  parser = registerCalibrateCommand(parser, io, abort.signal, setCode);
  parser
    .demandCommand(1)
    .strict()
    .help()
    .version(false)
    .fail((m, err) => {
      if (err) throw err;
      usageError = m;
    })
    .exitProcess(false);
  try {
    await parser.parseAsync();
    if (usageError) {
      io.err(`povsim: ${usageError}`);
      return 2;
    }
    return code;
  } catch (err) {
    if (err instanceof InputError) {
      io.err(err.diagnostics.map(formatDiagnostic).join('\n'));
      return 2;
    }
    if (abort.signal.aborted) return 130;
    io.err(`povsim: ${err instanceof Error ? (process.env.POVSIM_DEBUG === '1' ? err.stack : err.message) : String(err)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await researchCli(process.argv.slice(2));
}
