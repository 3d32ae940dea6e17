/**
 * `povsim playground`: builds the browser playground (playground/, with Vite) and serves it on
 * localhost until interrupted. The page runs the model itself in Web Workers; the server only hands
 * out static files, so nothing is simulated here and nothing leaves the machine.
 *
 *   1. build   vite's build() with playground/vite.config.ts beside --build-dir (default
 *              out/playground-build), moved in when complete; the folder it replaces must be new,
 *              empty or an earlier build, so no one's files are lost
 *   2. serve   a small node:http static server on 127.0.0.1:--port (default 5317; 0 picks a free port)
 *   3. open    the system browser, unless --no-open
 *   4. wait    until SIGINT / SIGTERM (the abort signal), then close the server
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PARTIAL_MARK } from '../../node/atomic-write.js';
import { buildPlayground, openBrowser, serveUntilAborted, startServer } from '../../node/playground-server.js';
import { DEFAULT_PORT } from '../defaults.js';
import { flagError } from '../handle-command.js';
import type { CliIO } from '../io.js';

export interface PlaygroundArgs {
  port: number;
  open: boolean;
  build: boolean;
  'build-dir': string;
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw flagError('--port', { message: `must be a whole number from 0 to 65535, got ${port}`, hint: `the default is ${DEFAULT_PORT}; --port 0 picks a free port` });
}

/** Marks a folder as a build of the page, so a later build may replace it. */
const BUILD_MARK = '.povsim-playground';
/** The page's title, which a build made before the mark is recognised by. */
const PAGE_TITLE = '<title>povsim playground';

/**
 * Refuses a --build-dir whose replacement would lose someone else's files: it must be new, empty,
 * or an earlier build (the mark, or the page's own index.html from a build before the mark).
 */
function checkBuildDir(dir: string): void {
  let st;
  try {
    st = lstatSync(dir, { throwIfNoEntry: false });
  } catch {
    throw flagError('--build-dir', { code: 'output', message: `cannot use ${dir}: a part of the path is a file, not a folder`, hint: 'give a new or empty folder, e.g. --build-dir out/playground-build' });
  }
  if (st === undefined) return;
  if (!st.isDirectory()) throw flagError('--build-dir', { code: 'output', message: `${dir} is not a folder`, hint: 'give a new or empty folder, e.g. --build-dir out/playground-build' });
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(BUILD_MARK)) return;
  const index = join(dir, 'index.html');
  const earlier = lstatSync(index, { throwIfNoEntry: false })?.isFile() === true && readFileSync(index, 'utf8').includes(PAGE_TITLE);
  if (!earlier) {
    throw flagError('--build-dir', { code: 'output-exists', message: `${dir} holds other files, and building the page replaces the folder`, hint: 'give a new or empty folder, e.g. --build-dir out/playground-build' });
  }
}

/** Builds, serves until `signal` aborts, and returns the exit code. */
export async function playgroundCommand(args: PlaygroundArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  checkPort(args.port);
  const dir = args['build-dir'];
  if (args.build) {
    const t0 = Date.now();
    checkBuildDir(dir);
    io.err('povsim playground: building the page with Vite…');
    // Built beside the folder and moved in when complete: a failed build leaves the earlier one whole.
    const staging = `${dir.replace(/[/\\]+$/, '')}${PARTIAL_MARK}${process.pid}`;
    mkdirSync(dirname(resolve(staging)), { recursive: true });
    try {
      await buildPlayground(staging);
      writeFileSync(join(staging, BUILD_MARK), 'povsim playground build (the next build replaces this folder)\n');
      rmSync(dir, { recursive: true, force: true }); // checked above: new, empty or an earlier build
      renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
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
