/**
 * Opens an HTML report in headless Chromium (file:// URL) and checks that every chart is drawn with
 * marks, with no console error, page error, failed request or network request; saves a full-page
 * screenshot. The caller finds Chromium with chromiumTool (test/helpers/external-tools.ts: POVSIM_CHROMIUM,
 * else chromium or chromium-browser on PATH) and skips without it outside CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Checks, with the Chromium at `executablePath`, the report at `htmlPath` renders `chartIds` (in order) and writes `screenshotPath`. */
export async function checkReportInChromium(executablePath: string, htmlPath: string, chartIds: readonly string[], screenshotPath: string): Promise<void> {
  const url = pathToFileURL(htmlPath).href;
  const profile = mkdtempSync(join(tmpdir(), 'povsim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_FLAGS, viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction((n) => document.body.getAttribute('data-charts-done') === String(n), chartIds.length, { timeout: 60_000 });
    const drawn = await page.$$eval('.chart', (els) => els.map((el) => ({
      id: el.id,
      rendered: el.getAttribute('data-rendered'),
      svgs: el.querySelectorAll('svg').length,
      markGroups: el.querySelectorAll('svg g[class^="mark-"], svg g[class*=" mark-"]').length,
      paths: el.querySelectorAll('svg .mark-area path, svg .mark-line path, svg .mark-rect path, svg .mark-symbol path').length,
      text: el.textContent ?? '',
    })));
    expect(drawn.map((d) => d.id)).toEqual(chartIds.map((id) => `chart-${id}`));
    for (const d of drawn) {
      expect(d.rendered, `${d.id}: ${d.text}`).toBe('true');
      expect(d.svgs, d.id).toBeGreaterThanOrEqual(1);
      expect(d.markGroups, d.id).toBeGreaterThan(0);
      expect(d.paths, d.id).toBeGreaterThan(0);
    }
    await page.screenshot({ path: screenshotPath, fullPage: true });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  expect(problems).toEqual([]);
  expect(requests.filter((u) => u !== url)).toEqual([]);
}
