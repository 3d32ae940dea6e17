/**
 * `povsim compare` on the six shipped scenarios (small scale, few replicates): the report.html it
 * writes opens in headless Chromium with every chart drawn, no console errors and no network; a
 * screenshot is saved under out/. Also checks the equal-budget comparison runs. The Chromium part skips
 * with the reason printed when no Chromium is found, and fails under CI (test/helpers/external-tools.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { chromiumTool } from '../helpers/external-tools.js';
import { checkReportInChromium } from '../report/browser-check.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const browser = chromiumTool('compare-report.test.ts (compare reports in Chromium)');
const ids = ['official-incidence', 'true-incidence', 'effect-official_incidence', 'effect-true_incidence', 'cost-per-person', 'exits-by-route', 'returns-to-poverty', 'motivation', 'cadre-burnout'];

describe('povsim compare report', () => {
  const dir = join(tmp, 'cmp');
  beforeAll(async () => {
    const quiet = { out: () => undefined, err: (t: string) => void process.stderr.write(t + '\n'), isTTY: false };
    const cwd = process.cwd();
    process.chdir(ROOT); // the default scenarios are named relative to the povsim folder
    try {
      expect(await main(['compare', '--out', dir, '--scale', '0.0005', '--replicates', '4', '--budget', '1e9', '--quiet'], quiet)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it('writes a report of every scenario and section, and the equal-budget comparison', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const s of ['baseline', 'suggestion-1-industry', 'suggestion-2-relocation', 'suggestion-3-culture', 'suggestion-4-governance', 'all-four']) expect(html).toContain(s);
    for (const t of ['Spending by measure', 'Exits by route', 'Synergy', 'Common random numbers']) expect(html).toContain(t);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.equalBudget).toHaveLength(4);
  });

  it.skipIf(browser.skip)(`renders in Chromium with every chart, and the equal-budget report too${browser.label}`, async () => {
    const chromiumPath = browser.require();
    mkdirSync(OUT, { recursive: true });
    await checkReportInChromium(chromiumPath, join(dir, 'report.html'), ids, join(OUT, 'compare-report-screenshot.png'));
    await checkReportInChromium(chromiumPath, join(dir, 'equal-budget', 'report.html'), ids, join(OUT, 'compare-equal-budget-screenshot.png'));
  });
});
