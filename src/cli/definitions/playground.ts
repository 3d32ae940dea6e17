/**
 * The `povsim playground` command's flags and help (the browser playground). The implementation is imported only when the
 * command runs, so other commands (and --help) do not load it.
 */
import type { Argv } from 'yargs';
import type { PlaygroundArgs } from '../commands/playground.js';
import { handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';
import { DEFAULT_BUILD_DIR, DEFAULT_PORT } from '../defaults.js';

/**
 * Adds `povsim playground` to a yargs parser. The handler catches its own errors (printed as the CLI
 * prints them) and reports the exit code through `setCode`, so nothing reaches yargs.
 */
export function registerPlaygroundCommand(y: Argv, io: CliIO, signal: AbortSignal, setCode: (c: number) => void): Argv {
  return y.command(
    'playground',
    'build the browser playground and serve it on localhost: sliders for the levers and assumptions, charts, shareable links',
    (b) =>
      b
        .option('port', { type: 'number', default: DEFAULT_PORT, describe: 'port on 127.0.0.1 (0 picks a free one)' })
        .option('open', { type: 'boolean', default: true, describe: 'open the page in the system browser (--no-open: only print the URL)' })
        .option('build', { type: 'boolean', default: true, describe: 'build the page first (--no-build: serve the last build)' })
        .option('build-dir', { type: 'string', default: DEFAULT_BUILD_DIR, describe: 'folder of the built page' })
        .example('povsim playground', `build, serve on http://127.0.0.1:${DEFAULT_PORT}/ and open it (npm run playground)`)
        .example('povsim playground --port 8080 --no-open', 'another port, print the URL only'),
    (a) => handleCommand(io, signal, setCode, async () => (await import('../commands/playground.js')).playgroundCommand(a as unknown as PlaygroundArgs, io, signal)),
  );
}
