#!/usr/bin/env node
// The povsim command. Runs the compiled CLI from dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('povsim: the compiled code is missing (dist/). Run `npm run build` (npm ci does it too).\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
