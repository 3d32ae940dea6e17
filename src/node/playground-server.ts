/**
 * The playground on this machine: builds the page (playground/, with Vite) and serves the built
 * folder from a small static server on 127.0.0.1. The page runs the model itself in Web Workers;
 * the server only hands out files inside the folder, so nothing leaves the machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: two levels above this file in both src/node and dist/node. */
export function projectRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
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

/** Opens `url` in the system browser; calls `onFail` (does not throw) when there is none. */
export function openBrowser(url: string, onFail: (message: string) => void): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => onFail(`povsim playground: could not open a browser (${cmd}); open ${url} yourself`));
  child.unref();
}


/** Waits until `signal` aborts (at once if it already has), then closes the server and its connections. */
export async function serveUntilAborted(server: Server, signal: AbortSignal): Promise<void> {
  await new Promise<void>((done) => {
    if (signal.aborted) return done();
    signal.addEventListener('abort', () => done(), { once: true });
  });
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}
