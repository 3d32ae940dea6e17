#!/usr/bin/env node
// The povsim command. Runs the compiled CLI from dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('povsim: the compiled code is missing (dist/). Run `npm run build` (npm ci does it too).\n');
  process.exit(1);
}
const args = process.argv.slice(2);
// Commands that run simulations start their first worker now, so that it warms up while the CLI loads
// (src/node/early-worker.ts).
if ((args[0] === 'run' || args[0] === 'compare') && !args.includes('--help') && !args.includes('-h')) {
  const { startEarlyWorker } = await import(new URL('../dist/node/early-worker.js', import.meta.url).href);
  startEarlyWorker();
}
const { main } = await import(entry.href);
process.exitCode = await main(args);
