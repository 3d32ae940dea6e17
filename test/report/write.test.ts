import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/node/report-files.js';
import { makeReportInput } from './fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'povsim-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeReport', () => {
  it('writes the HTML page, the summary as Markdown and CSV, and every chart as SVG and PNG', async () => {
    const dir = join(tmp, 'report');
    const w = await writeReport(makeReportInput(), dir, { scale: 1 });
    expect(w.charts).toHaveLength(9);
    for (const c of w.charts) expect(existsSync(c.svg) && existsSync(c.png)).toBe(true);
    expect(readFileSync(w.csv, 'utf8').split('\n')[0]).toBe('Scenario,Official incidence 2020 (%),Exits (persons),Note');
    expect(readFileSync(w.markdown, 'utf8')).toContain('| --- | ---: | ---: | --- |');
    expect(readFileSync(w.html, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe('writeReport page names', () => {
  it('writes a second page under its own names', async () => {
    const dir = join(tmp, 'pages');
    const w = await writeReport(makeReportInput(), dir, { scale: 1, page: 'dose-response.html', summary: 'dose-response-table' });
    expect(w.html).toBe(join(dir, 'dose-response.html'));
    expect(existsSync(join(dir, 'dose-response-table.csv'))).toBe(true);
  });
});
