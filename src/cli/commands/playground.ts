/**
 * `povsim playground`: builds the browser playground (playground/, with Vite) and serves it on
 * localhost until interrupted. The page runs the model itself in Web Workers; the server only hands
 * out static files, so nothing is simulated here and nothing leaves the machine.
 *
 *   1. build   vite's build() with playground/vite.config.ts into --build-dir (default out/playground-build)
 *   2. serve   a small node:http static server on 127.0.0.1:--port (default 5317; 0 picks a free port)
 *   3. open    the system browser, unless --no-open
 *   4. wait    until SIGINT / SIGTERM (the abort signal), then close the server
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { buildPlayground, openBrowser, serveUntilAborted, startServer } from '../../node/playground-server.js';
import { flagError, handleCommand } from '../handle-command.js';
import type { CliIO } from '../io.js';

/** Default port of the playground server. */
export const DEFAULT_PORT = 5317;
/** Default folder of the built page. */
export const DEFAULT_BUILD_DIR = join('out', 'playground-build');

export interface PlaygroundArgs {
  port: number;
  open: boolean;
  build: boolean;
  'build-dir': string;
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw flagError('--port', { message: `must be a whole number from 0 to 65535, got ${port}`, hint: `the default is ${DEFAULT_PORT}; --port 0 picks a free port` });
}

/** Builds, serves until `signal` aborts, and returns the exit code. */
export async function playgroundCommand(args: PlaygroundArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  checkPort(args.port);
  const dir = args['build-dir'];
  if (args.build) {
    const t0 = Date.now();
    io.err('povsim playground: building the page with Vite…');
    await buildPlayground(dir);
    io.err(`povsim playground: built ${dir}/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else if (!existsSync(join(dir, 'index.html'))) {
    throw flagError('--no-build', { code: 'no-build', message: `there is no built page in ${dir}/`, hint: 'run once without --no-build' });
  }
  if (signal.aborted) return 130;
  const { server, url } = await startServer(dir, args.port);
  io.out(`povsim playground: serving ${url} (press Ctrl+C to stop)`);
  if (args.open) openBrowser(url, (m) => io.err(m));
  await serveUntilAborted(server, signal);
  io.err('povsim playground: stopped');
  return 0;
}

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
    (a) => handleCommand(io, signal, setCode, () => playgroundCommand(a as unknown as PlaygroundArgs, io, signal)),
  );
}
