/**
 * The HTML report in headless Chromium: every chart drawn offline, without console errors or failed
 * requests (see browser-check.ts). The compare command's own report is checked in test/cli/compare-report.test.ts.
 * Without Chromium this skips with the reason printed (fails under CI): test/helpers/external-tools.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { chromiumTool } from '../helpers/external-tools.js';
import { buildReportCharts } from '../../src/report/charts.js';
import { buildHtmlReport } from '../../src/report/html.js';
import { loadVegaBundles } from '../../src/node/report-bundles.js';
import { checkReportInChromium } from './browser-check.js';
import { makeReportInput } from './fixture.js';

const OUT = resolve(import.meta.dirname, '../../out');
const browser = chromiumTool('browser.test.ts (HTML report in Chromium)');

describe.skipIf(browser.skip)(`HTML report in Chromium${browser.label}`, () => {
  it('draws every chart offline, without console errors or failed requests', async () => {
    const chromiumPath = browser.require();
    const input = makeReportInput();
    const charts = buildReportCharts(input);
    mkdirSync(OUT, { recursive: true });
    const htmlPath = join(OUT, 'test-report.html');
    writeFileSync(htmlPath, buildHtmlReport(input, charts, loadVegaBundles()));
    await checkReportInChromium(chromiumPath, htmlPath, charts.map((c) => c.id), join(OUT, 'test-report-screenshot.png'));
  });
});
