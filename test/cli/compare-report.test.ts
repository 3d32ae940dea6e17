/**
 * `povsim compare` on the six shipped scenarios (small scale, few replicates): the report.html it
 * writes opens in headless Chromium with every chart drawn, no console errors and no network; a
 * screenshot is saved under out/. Also checks the equal-budget comparison runs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkReportInChromium } from '../report/browser-check.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('povsim compare report', () => {
  it('renders in Chromium with every chart, and the equal-budget report too', async () => {
    const dir = join(tmp, 'cmp');
    const quiet = { out: () => undefined, err: (t: string) => void process.stderr.write(t + '\n'), isTTY: false };
    const cwd = process.cwd();
    process.chdir(ROOT); // the default scenarios are named relative to the povsim folder
    try {
      expect(await main(['compare', '--out', dir, '--scale', '0.0005', '--replicates', '4', '--budget', '1e9', '--quiet'], quiet)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const s of ['baseline', 'suggestion-1-industry', 'suggestion-2-relocation', 'suggestion-3-culture', 'suggestion-4-governance', 'all-four']) expect(html).toContain(s);
    for (const t of ['Spending by measure', 'Exits by route', 'Synergy', 'Common random numbers']) expect(html).toContain(t);
    const ids = ['official-incidence', 'true-incidence', 'effect-official_incidence', 'effect-true_incidence', 'cost-per-person', 'exits-by-route', 'returns-to-poverty', 'motivation', 'cadre-burnout'];
    mkdirSync(OUT, { recursive: true });
    await checkReportInChromium(join(dir, 'report.html'), ids, join(OUT, 'compare-report-screenshot.png'));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.equalBudget).toHaveLength(4);
    await checkReportInChromium(join(dir, 'equal-budget', 'report.html'), ids, join(OUT, 'compare-equal-budget-screenshot.png'));
  });
});
