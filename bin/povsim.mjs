#!/usr/bin/env node
// The povsim command. Runs the compiled CLI from dist/, built by `npm ci` (the prepare script) or
// `npm run build`: tsc, then scripts/bundle-cli.mjs, whose bundle of the main thread starts faster.
import { existsSync, statSync } from 'node:fs';

const dist = (f) => new URL(`../dist/${f}`, import.meta.url);
if (!existsSync(dist('cli/main.js')) || !existsSync(dist('node/worker.js'))) {
  process.stderr.write('povsim: the compiled code is missing (dist/). Run `npm run build` (npm ci does it too).\n');
  process.exit(1);
}
// The bundle, unless a tsc alone has compiled newer code since it was made: then the unbundled code,
// the same program loaded from more files.
const bundled = existsSync(dist('cli-bundle/main.js')) && statSync(dist('cli-bundle/main.js')).mtimeMs >= statSync(dist('cli/main.js')).mtimeMs;
const from = bundled ? { main: 'cli-bundle/main.js', earlyWorker: 'cli-bundle/early-worker.js' } : { main: 'cli/main.js', earlyWorker: 'node/early-worker.js' };
const args = process.argv.slice(2);
// Commands that run simulations start their first worker now, so that it warms up while the CLI loads
// (src/node/early-worker.ts).
if ((args[0] === 'run' || args[0] === 'compare') && !args.includes('--help') && !args.includes('-h')) {
  const { startEarlyWorker } = await import(dist(from.earlyWorker).href);
  startEarlyWorker();
}
const { main } = await import(dist(from.main).href);
process.exitCode = await main(args);
