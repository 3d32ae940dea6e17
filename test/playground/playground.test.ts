/**
 * The playground in a real browser. Builds the page (`povsim playground`'s own build and server, on a
 * free port), opens it in headless Chromium and checks, at the page's default run size:
 *
 *   1. the first results arrive; no console error, no failed request, no request off the server
 *   2. culturalMotivation to its high value with the keyboard (End) lowers 2020 official incidence
 *   3. "Export scenario" downloads a YAML that `povsim run` reproduces: the CLI's mean 2020 official
 *      incidence equals the number the page shows (to its displayed precision, and to 1e-9)
 *      a run in flight is cancelled when a control moves (only the last settings' update completes)
 *   4. the URL holds the settings: a second tab opened on it shows the same settings and number
 *   5. every control has an accessible name (Chromium's accessibility tree) and is reached by Tab
 *
 * Screenshots go to out/playground-*.png. Chromium comes from POVSIM_CHROMIUM, else chromium or
 * chromium-browser on PATH (test/helpers/external-tools.ts); without it this test skips with the reason
 * printed, and fails under CI (CI=true), where .ci/run installs it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { mean } from 'simple-statistics';
import { afterAll, describe, expect, it } from 'vitest';
import { playgroundCommand } from '../../src/cli/commands/playground.js';
import { LEVER_KEYS, PARAMETERS } from '../../src/model/parameters.js';
import type { CliIO } from '../../src/cli/io.js';
import { chromiumTool } from '../helpers/external-tools.js';

const browser = chromiumTool('playground.test.ts (playground in Chromium)');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-playground-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Waits until the status line says an update finished after `after` updates; returns its data. */
async function waitForUpdate(page: Page, after: number): Promise<{ update: number; ms: number; text: string }> {
  await page.waitForFunction((n) => {
    const s = document.getElementById('status');
    if (s?.dataset.state === 'error') throw new Error(s.textContent ?? 'error');
    return s?.dataset.state === 'done' && Number(s.dataset.update ?? 0) > n;
  }, after, { timeout: 90_000, polling: 100 });
  return page.$eval('#status', (s) => ({ update: Number((s as HTMLElement).dataset.update), ms: Number((s as HTMLElement).dataset.ms), text: s.textContent ?? '' }));
}

async function official2020(page: Page): Promise<{ text: string; value: number }> {
  return page.$eval('#official-2020', (e) => ({ text: e.textContent ?? '', value: Number((e as HTMLElement).dataset.value) }));
}

/** Mean 2020 official incidence of a `povsim run` output folder, from yearly.csv (replicate order as the page). */
function cliOfficial2020(dir: string): number {
  const [head, ...rows] = readFileSync(join(dir, 'yearly.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const year = head.indexOf('year');
  const col = head.indexOf('official_incidence');
  const xs = rows.filter((r) => r[year] === '2020').map((r) => Number(r[col])).sort((a, b) => a - b);
  return mean(xs);
}

/** One slider per lever and per `assume` parameter of the table. */
const SLIDERS = PARAMETERS.filter((p) => (LEVER_KEYS as readonly string[]).includes(p.key) || p.source === 'assume').length;

describe.skipIf(browser.skip)(`playground in Chromium${browser.label}`, () => {
  it('runs the model in the browser, reproduces the CLI, keeps state in the URL and is keyboard accessible', async () => {
    const chromiumPath = browser.require();
    const t0 = Date.now();
    const lines: string[] = [];
    const io: CliIO = { out: (t) => lines.push(t), err: (t) => lines.push(t), isTTY: false };
    const stop = new AbortController();
    const served = playgroundCommand({ port: 0, open: false, build: true, 'build-dir': join(tmp, 'build') }, io, stop.signal);
    let url = '';
    while (!url) {
      const failed = await Promise.race([served.then(() => 'ended', (e: Error) => e.message), new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      if (failed) throw new Error(`povsim playground stopped before serving: ${failed}\n${lines.join('\n')}`);
      url = lines.join('\n').match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1] ?? '';
    }
    const built = Date.now();

    mkdirSync(OUT, { recursive: true });
    const profile = mkdtempSync(join(tmpdir(), 'povsim-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath, args: FLAGS, viewport: { width: 1400, height: 1000 }, acceptDownloads: true,
    });
    const problems: string[] = [];
    const offsite: string[] = [];
    const watch = (page: Page): void => {
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('request', (r) => { if (!r.url().startsWith(url) && !/^(blob|data):/.test(r.url())) offsite.push(r.url()); });
    };
    const timings: Record<string, number> = {};
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      watch(page);

      // 1. first results
      await page.goto(url, { waitUntil: 'load' });
      const first = await waitForUpdate(page, 0);
      timings.firstUpdateMs = first.ms;
      const before = await official2020(page);
      expect(before.text).toMatch(/^\d+\.\d\d%$/);
      expect(await page.textContent('#official-2020-baseline')).toBe(before.text);
      const charts = await page.$$eval('.chart', (els) => els.map((e) => ({ id: e.id, paths: e.querySelectorAll('svg path').length })));
      expect(charts).toHaveLength(7);
      for (const c of charts) expect(c.paths, c.id).toBeGreaterThan(0);

      // 2. a lever with the keyboard: culture programmes in 80% of villages from 2018
      await page.focus('#p-culturalMotivation');
      await page.keyboard.press('End');
      expect(await page.inputValue('#p-culturalMotivation')).toBe('0.8');
      const moved = await waitForUpdate(page, first.update);
      timings.leverUpdateMs = moved.ms;
      const after = await official2020(page);
      expect(after.value).toBeLessThan(before.value);
      expect(await page.textContent('#official-2020-baseline')).toBe(before.text);
      expect(await page.textContent('#effect-2020')).toMatch(/^−\d+\.\d\d pp$/);
      expect(page.url()).toContain('culturalMotivation=0.8');
      await page.screenshot({ path: join(OUT, 'playground-top.png') });
      await page.screenshot({ path: join(OUT, 'playground-full.png'), fullPage: true });

      // 3. export the scenario and run it with the CLI
      await page.fill('#name', 'culture-everywhere');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      expect(download.suggestedFilename()).toBe('culture-everywhere.yaml');
      const file = join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      const yaml = readFileSync(file, 'utf8');
      expect(yaml).toMatch(/^name: culture-everywhere$/m);
      expect(yaml).toMatch(/culturalMotivation:\n\s+- year: 2018\n\s+value: 0.8/);
      const runDir = join(tmp, 'cli-run');
      const c0 = Date.now();
      execFileSync(process.execPath, ['bin/povsim.mjs', 'run', file, '--out', runDir, '--quiet', '--force'], { cwd: ROOT, stdio: 'pipe' });
      timings.cliRunMs = Date.now() - c0;
      const cli = cliOfficial2020(runDir);
      expect(`${(100 * cli).toFixed(2)}%`).toBe(after.text);
      expect(Math.abs(cli - after.value)).toBeLessThan(1e-9);
      const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as { run: { scale: number; replicates: number; seed: number } };
      expect(manifest.run).toMatchObject({ scale: 0.001, replicates: 6, seed: 1 });

      // a run in flight is dropped when a control moves, and the page answers meanwhile
      await page.focus('#p-culturalMotivation');
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.getElementById('status')?.dataset.state === 'running', null, { timeout: 10_000, polling: 20 });
      const r0 = Date.now();
      expect(await page.evaluate(() => document.querySelectorAll('input[type=range]').length)).toBe(SLIDERS);
      timings.answerWhileRunningMs = Date.now() - r0;
      await page.keyboard.press('End');
      const back = await waitForUpdate(page, moved.update);
      expect(back.update).toBe(moved.update + 1);
      expect(await official2020(page)).toEqual(after);

      // 4. the link restores the settings and the numbers
      const shared = await context.newPage();
      watch(shared);
      await shared.goto(page.url(), { waitUntil: 'load' });
      expect(await shared.inputValue('#p-culturalMotivation')).toBe('0.8');
      expect(await shared.inputValue('#name')).toBe('culture-everywhere');
      await waitForUpdate(shared, 0);
      expect((await official2020(shared)).text).toBe(after.text);
      await shared.close();

      await page.setViewportSize({ width: 400, height: 1400 });
      await page.screenshot({ path: join(OUT, 'playground-narrow.png') });
      await page.setViewportSize({ width: 1400, height: 1000 });

      // 5. accessible names (Chromium's accessibility tree) and keyboard reach (Tab through everything)
      await page.$$eval('details.group', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const cdp = await context.newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
      const interactive = new Set(['slider', 'button', 'combobox', 'textbox', 'spinbutton', 'checkbox', 'link', 'DisclosureTriangle']);
      const controls = nodes.filter((n) => !n.ignored && interactive.has(n.role?.value ?? ''));
      const unnamed = controls.filter((n) => !(n.name?.value ?? '').trim()).map((n) => n.role?.value);
      expect(unnamed).toEqual([]);
      expect(controls.filter((n) => n.role?.value === 'slider')).toHaveLength(SLIDERS);
      const total = await page.$$eval('input, select, button, summary, a[href]', (els) => {
        els.forEach((e, i) => e.setAttribute('data-tab-id', String(i)));
        const seen = new Set<string>();
        (window as unknown as { tabSeen: Set<string> }).tabSeen = seen;
        document.addEventListener('focusin', (ev) => seen.add((ev.target as HTMLElement).getAttribute('data-tab-id') ?? 'other'));
        return els.length;
      });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < total + 20; i++) await page.keyboard.press('Tab');
      const reached = await page.evaluate(() => [...(window as unknown as { tabSeen: Set<string> }).tabSeen]);
      const missed = await page.$$eval('[data-tab-id]', (els, got) => els.filter((e) => !got.includes(e.getAttribute('data-tab-id')!)).map((e) => e.outerHTML.slice(0, 80)), reached);
      expect(missed).toEqual([]);

    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      stop.abort();
      await served;
    }
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
    timings.buildMs = built - t0;
    timings.totalMs = Date.now() - t0;
    console.log(`playground timings: ${JSON.stringify(timings)}`);
  });
});
