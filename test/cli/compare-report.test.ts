/**
 * `povsim compare` on a comparison file (small scale, few replicates, a small second layer): what the
 * terminal prints (at most 100 columns, a ranked table, plain sentences), that every CSV agrees with
 * yearly.csv (costs from the first month that differs, effects as paired means), that a scenario
 * named `culture, 80% of villages` round-trips, and that the three linked pages open in headless
 * Chromium with every chart drawn. The Chromium part skips with the reason printed when no Chromium
 * is found, and fails under CI (test/helpers/external-tools.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseCsv } from '../../src/report/csv.js';
import { chromiumTool } from '../helpers/external-tools.js';
import { checkReportInChromium } from '../report/browser-check.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const browser = chromiumTool('compare-report.test.ts (compare reports in Chromium)');
const CULTURE = 'culture, 80% of villages';
const S = (f: string): string => join(ROOT, 'scenarios', f);

describe('povsim compare on a comparison file', () => {
  const dir = join(tmp, 'cmp');
  const printed: string[] = [];
  beforeAll(async () => {
    // A user scenario under `levers:` (acts from December 2013), with a comma in its name.
    writeFileSync(join(tmp, 'culture.yaml'), `name: "${CULTURE}"\nextends: ${S('baseline.yaml')}\nlevers:\n  culturalMotivation: 0.8\n`);
    writeFileSync(join(tmp, 'cmp.yaml'), [
      'name: test-comparison',
      `baseline: ${S('baseline.yaml')}`,
      `alternatives: [${S('suggestion-1-industry.yaml')}, culture.yaml]`,
      'combinations:',
      `  - { scenario: ${S('all-four.yaml')}, of: [${S('suggestion-1-industry.yaml')}, culture.yaml] }`,
      'years: [2020, 2025]',
      'draws: { count: 3, replicates: 1 }',
      'doses: { count: 2, replicates: 2 }',
      'budgets: [5e8, 5e10]',
      '',
    ].join('\n'));
    const io = { out: (t: string) => void printed.push(...t.split('\n')), err: () => undefined, isTTY: false };
    expect(await main(['compare', join(tmp, 'cmp.yaml'), '--out', dir, '--scale', '0.0005', '--replicates', '3'], io)).toBe(0);
  });

  it('prints a ranked table and plain sentences within 100 columns', () => {
    for (const l of printed) expect(l.length).toBeLessThanOrEqual(100);
    expect(printed.some((l) => /^# +scenario +durable exits, k/.test(l))).toBe(true);
    expect(printed.some((l) => /^By 2025, .+ (lifts|lowers)/.test(l))).toBe(true);
    expect(printed.join(' ')).toMatch(/assumption draws/);
  });

  it('writes costs.csv and effects.csv that yearly.csv reproduces, counting levers: from the first month', () => {
    const yearly = parseCsv(readFileSync(join(dir, 'yearly.csv'), 'utf8'));
    const c = (n: string): number => yearly.columns.indexOf(n);
    const per = (scenario: string, f: (row: string[]) => number, keep: (row: string[]) => boolean = () => true): number[] => {
      const out = [0, 0, 0];
      for (const row of yearly.rows) if (row[c('scenario')] === scenario && keep(row)) out[Number(row[c('replicate')])] += f(row);
      return out;
    };
    const mean = (xs: number[]): number => xs.reduce((p, q) => p + q, 0) / xs.length;
    const costs = parseCsv(readFileSync(join(dir, 'costs.csv'), 'utf8'));
    const k = (n: string): number => costs.columns.indexOf(n);
    const culture = costs.rows.find((r) => r[k('scenario')] === CULTURE)!;
    // December 2013 is the initial state (no spending); a levers: change spends from the first month on.
    expect(culture[k('first_year_differing')]).toBe('2014');
    const spend = (s: string, before = 9999): number[] => per(s, (row) => Number(row[c('spending_total')]), (row) => Number(row[c('year')]) <= before);
    const b = spend('baseline');
    const early = spend(CULTURE, 2017).map((v, r) => v - spend('baseline', 2017)[r]);
    expect(mean(early)).toBeGreaterThan(0); // 2014–2017 spending is counted, not dropped
    expect(Number(culture[k('extra_spending_yuan')])).toBe(Math.round(mean(spend(CULTURE).map((v, r) => v - b[r]))));
    const effects = parseCsv(readFileSync(join(dir, 'effects.csv'), 'utf8'));
    const e = (n: string): number => effects.columns.indexOf(n);
    const row = effects.rows.find((r) => r[e('kind')] === 'effect' && r[e('scenario')] === CULTURE && r[e('outcome')] === 'true_incidence' && r[e('year')] === '2020')!;
    const at2020 = (s: string): number[] => per(s, (x) => Number(x[c('true_incidence')]), (x) => x[c('year')] === '2020');
    const base = at2020('baseline');
    expect(Number(row[e('estimate')])).toBeCloseTo(mean(at2020(CULTURE).map((v, r) => v - base[r])), 7);
    expect(row[e('covers')]).toMatch(/Monte Carlo noise only/);
  });

  it('writes the second layer and never labels an unreached budget', () => {
    const ranks = parseCsv(readFileSync(join(dir, 'ranks.csv'), 'utf8'));
    expect(ranks.columns).toEqual(['scenario', 'outcome', 'year', 'rank', 'probability']);
    expect(new Set(ranks.rows.map((r) => r[0]))).toEqual(new Set(['suggestion-1-industry', CULTURE]));
    expect(parseCsv(readFileSync(join(dir, 'draws.csv'), 'utf8')).rows.length).toBeGreaterThan(0);
    expect(parseCsv(readFileSync(join(dir, 'dose-response.csv'), 'utf8')).rows.length).toBeGreaterThan(0);
    const budgets = parseCsv(readFileSync(join(dir, 'equal-budget.csv'), 'utf8'));
    const at50bn = budgets.rows.filter((r) => r[0] === '50000000000');
    expect(at50bn.length).toBe(2);
    for (const r of at50bn) expect(r[2]).not.toBe('equal budget');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const t of ['How sure are we', 'Synergy of each declared combination', 'The 2020 standard', 'href="dose-response.html"', 'href="equal-budget.html"']) expect(html).toContain(t);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.combinations).toEqual([{ scenario: 'all-four', parts: ['suggestion-1-industry', CULTURE] }]);
  });

  it.skipIf(browser.skip)(`renders the three pages in Chromium with every chart${browser.label}`, async () => {
    const chromiumPath = browser.require();
    mkdirSync(OUT, { recursive: true });
    // chart containers in page order (a section can hold its own charts, ahead of the Charts section)
    const ids = (page: string): string[] => [...readFileSync(join(dir, page), 'utf8').matchAll(/<div class="chart" id="chart-([^"]+)">/g)].map((m) => m[1]);
    for (const page of ['report.html', 'dose-response.html', 'equal-budget.html']) {
      await checkReportInChromium(chromiumPath, join(dir, page), ids(page), join(OUT, `compare-${page.replace('.html', '')}-screenshot.png`));
    }
  });
});
