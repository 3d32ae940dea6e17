// The playground's update times in headless Chromium, at its default run size, as a student sees them
// in the status line: the first load, then a lever moved back and forth. Prints one JSON line.
// Usage: node bench/playground.mjs [moves]   (needs dist/: npm run build; Chromium from POVSIM_CHROMIUM,
// else chromium or chromium-browser on PATH)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { playgroundCommand } from '../dist/cli/commands/playground.js';

const moves = Number(process.argv[2] ?? 6);
const chromiumPath = process.env.POVSIM_CHROMIUM
  ?? ['chromium', 'chromium-browser'].map((c) => { try { return execFileSync('which', [c], { encoding: 'utf8' }).trim(); } catch { return ''; } }).find(Boolean);
if (!chromiumPath) {
  console.error('bench/playground.mjs: no Chromium (set POVSIM_CHROMIUM or put chromium on PATH)');
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'povsim-bench-playground-'));
const lines = [];
const io = { out: (t) => lines.push(t), err: (t) => lines.push(t), isTTY: false };
const stop = new AbortController();
const served = playgroundCommand({ port: 0, open: false, build: true, 'build-dir': join(tmp, 'build') }, io, stop.signal);
let url = '';
while (!url) {
  await new Promise((r) => setTimeout(r, 100));
  url = lines.join('\n').match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1] ?? '';
}
const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
  executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = context.pages()[0] ?? (await context.newPage());
const waitForUpdate = async (after) => {
  await page.waitForFunction((n) => {
    const s = document.getElementById('status');
    if (s?.dataset.state === 'error') throw new Error(s.textContent ?? 'error');
    return s?.dataset.state === 'done' && Number(s.dataset.update ?? 0) > n;
  }, after, { timeout: 120_000, polling: 20 });
  return page.$eval('#status', (s) => ({ update: Number(s.dataset.update), ms: Number(s.dataset.ms), text: s.textContent ?? '' }));
};
const t0 = Date.now();
await page.goto(url, { waitUntil: 'load' });
let last = await waitForUpdate(0);
const firstMs = last.ms;
const firstWallMs = Date.now() - t0;
const leverMs = [];
await page.focus('#p-culturalMotivation');
for (let i = 0; i < moves; i++) {
  // Each move is to a value not seen yet, so its runs are computed, not taken from the cache.
  await page.keyboard.press(i === 0 ? 'End' : 'ArrowLeft');
  last = await waitForUpdate(last.update);
  leverMs.push(last.ms);
}
await context.close();
stop.abort();
await served.catch(() => {});
rmSync(tmp, { recursive: true, force: true });
const sorted = [...leverMs].sort((a, b) => a - b);
console.log(JSON.stringify({
  firstUpdateMs: firstMs,
  firstLoadWallMs: firstWallMs,
  leverUpdateMs: leverMs,
  leverUpdateMedianMs: sorted[Math.floor(sorted.length / 2)],
  leverUpdateMaxMs: sorted[sorted.length - 1],
  lastStatus: last.text,
}));
