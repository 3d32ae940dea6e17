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
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import { InputError, formatDiagnostic } from '../../engine/diagnostics.js';
import { EXIT, type CliIO } from '../io.js';

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

/** The project folder: three levels above this file in both src/cli/commands and dist/cli/commands. */
export function projectRoot(): string {
  return fileURLToPath(new URL('../../../', import.meta.url));
}

/** Builds the page into `outDir` with Vite. Needs vite (a dev dependency: `npm ci` installs it). */
export async function buildPlayground(outDir: string): Promise<void> {
  const config = join(projectRoot(), 'playground', 'vite.config.ts');
  if (!existsSync(config)) throw new Error(`the playground's source is missing (${config})`);
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error('building the playground needs vite, a dev dependency: run `npm ci` (or `npm install`) in the povsim folder');
  }
  await vite.build({ configFile: config, logLevel: 'warn', build: { outDir: resolve(outDir), emptyOutDir: true } });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.yaml': 'text/yaml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Handles one request: GET/HEAD of a file inside `root` (`/` is index.html); 404 otherwise. */
export function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  const send = (status: number, text: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(400, 'bad request');
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden');
  if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
}

/** Starts the static server on 127.0.0.1:`port` (0: a free port) and returns it with its URL. */
export function startServer(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => serveFile(root, req, res));
  return new Promise((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      fail(err.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: choose another with --port (--port 0 picks a free one)`) : err);
    });
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      ok({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

/** Opens `url` in the system browser; reports (does not throw) when there is none. */
function openBrowser(url: string, io: CliIO): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.err(`povsim playground: could not open a browser (${cmd}); open ${url} yourself`));
  child.unref();
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError([
      { code: 'bad-flag', file: '(command line)', line: 0, column: 0, key: '--port', message: `must be a whole number from 0 to 65535, got ${port}`, hint: `the default is ${DEFAULT_PORT}; --port 0 picks a free port` },
    ]);
  }
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
    throw new InputError([
      { code: 'no-build', file: '(command line)', line: 0, column: 0, key: '--no-build', message: `there is no built page in ${dir}/`, hint: 'run once without --no-build' },
    ]);
  }
  if (signal.aborted) return 130;
  const { server, url } = await startServer(dir, args.port);
  io.out(`povsim playground: serving ${url} (press Ctrl+C to stop)`);
  if (args.open) openBrowser(url, io);
  await new Promise<void>((done) => {
    if (signal.aborted) return done();
    signal.addEventListener('abort', () => done(), { once: true });
  });
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  io.err('povsim playground: stopped');
  return 0;
}

/** Prints a failure as the CLI does (bad input: file:line:column lines, exit 2; else one line, exit 1). */
function reportFailure(err: unknown, io: CliIO): number {
  if (err instanceof InputError) {
    io.err(err.diagnostics.map(formatDiagnostic).join('\n'));
    return EXIT.badInput;
  }
  io.err(`povsim: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT.failure;
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
    async (a) => {
      try {
        setCode(await playgroundCommand(a as unknown as PlaygroundArgs, io, signal));
      } catch (err) {
        setCode(reportFailure(err, io));
      }
    },
  );
}
