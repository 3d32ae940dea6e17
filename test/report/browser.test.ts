/**
 * Opens the HTML report in Debian's headless Chromium from a file:// URL and checks that every chart
 * is drawn, with no console error and no network request. Chromium is required: CI installs it
 * (`apt-get install -y chromium`); without it this test fails with that instruction.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReportCharts } from '../../src/report/charts.js';
import { buildHtmlReport } from '../../src/report/html.js';
import { makeReportInput } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = resolve(import.meta.dirname, '../../out');

describe('HTML report in Chromium', () => {
  it('draws every chart offline, without console errors or failed requests', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (Debian package chromium; CI's .ci/run must install it)`);
    }
    const input = makeReportInput();
    const charts = buildReportCharts(input);
    mkdirSync(OUT, { recursive: true });
    const htmlPath = join(OUT, 'test-report.html');
    writeFileSync(htmlPath, buildHtmlReport(input, charts));
    const url = pathToFileURL(htmlPath).href;

    const profile = mkdtempSync(join(tmpdir(), 'povsim-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: FLAGS, viewport: { width: 1200, height: 900 },
    });
    const problems: string[] = [];
    const requests: string[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('request', (r) => requests.push(r.url()));

      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction((n) => document.body.getAttribute('data-charts-done') === String(n), charts.length, { timeout: 60_000 });

      const drawn = await page.$$eval('.chart', (els) => els.map((el) => ({
        id: el.id,
        rendered: el.getAttribute('data-rendered'),
        svgs: el.querySelectorAll('svg').length,
        markGroups: el.querySelectorAll('svg g[class^="mark-"], svg g[class*=" mark-"]').length,
        paths: el.querySelectorAll('svg .mark-area path, svg .mark-line path, svg .mark-rect path, svg .mark-symbol path').length,
        text: el.textContent ?? '',
      })));
      expect(drawn.map((d) => d.id)).toEqual(charts.map((c) => `chart-${c.id}`));
      for (const d of drawn) {
        expect(d.rendered, `${d.id}: ${d.text}`).toBe('true');
        expect(d.svgs, d.id).toBeGreaterThanOrEqual(1);
        expect(d.markGroups, d.id).toBeGreaterThan(0);
        expect(d.paths, d.id).toBeGreaterThan(0);
      }
      await page.screenshot({ path: join(OUT, 'test-report-screenshot.png'), fullPage: true });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
    expect(requests.filter((u) => u !== url)).toEqual([]);
  });
});
