import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportCharts } from '../../src/report/charts.js';
import { specToSvg } from '../../src/report/render.js';
import { DEBIAN_FONT_PACKAGE, resvgOptions, svgToPng, systemFontsAvailable, writeChartFiles } from '../../src/node/report-files.js';
import { textWidth, vegaTextWidth } from '../../src/report/text-width.js';
import { makeReportInput } from './fixture.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const charts = buildReportCharts(makeReportInput());
const tmp = mkdtempSync(join(tmpdir(), 'povsim-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Share of pixels that are not (nearly) white in a rendered RGBA image. */
function inkShare(pixels: Buffer): number {
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) ink++;
  return ink / (pixels.length / 4);
}

describe('fonts', () => {
  it(`finds system fonts (Debian: install ${DEBIAN_FONT_PACKAGE})`, () => {
    expect(systemFontsAvailable(), `no system fonts: install the Debian package ${DEBIAN_FONT_PACKAGE}`).toBe(true);
  });

  it('draws text into the PNG (a text-only SVG gets ink)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="28" font-family="sans-serif" font-size="24">Poverty 2020</text></svg>';
    expect(svgToPng(svg, { scale: 1 }).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = new Resvg(svg, resvgOptions(1)).render(); // the options svgToPng uses
    expect(inkShare(image.pixels)).toBeGreaterThan(0.03);
    const blank = new Resvg(svg.replace('Poverty 2020', ''), resvgOptions(1)).render();
    expect(inkShare(blank.pixels)).toBe(0);
  });

  it('measures DejaVu Sans text within 3% of the width resvg draws', () => {
    for (const [text, bold] of [['Official poverty incidence (% of population)', true], ['industry_push, 2013–2020', false]] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="0" y="28" font-family="sans-serif" font-size="12"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const drawn = new Resvg(svg, resvgOptions(1)).getBBox()!.width;
      expect(Math.abs(textWidth(text, 12, bold) / drawn - 1)).toBeLessThan(0.03);
    }
    expect(vegaTextWidth({ text: ['ab', 'abcd'], fontSize: 10 })).toBeCloseTo(textWidth('abcd', 10), 6);
    expect(vegaTextWidth({ text: 'x', fontSize: 10, fontWeight: 700 })).toBeGreaterThan(vegaTextWidth({ text: 'x', fontSize: 10 }));
  });
});

describe('specToSvg and svgToPng', () => {
  it.each(charts.map((c) => [c.id, c] as const))('%s renders to an SVG with marks and its title, and to a PNG', async (_id, chart) => {
    const svg = await specToSvg(chart.spec, { warn: (m) => { throw new Error(`unexpected warning: ${m}`); } });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
    expect(svg).toMatch(/class="mark-(line|rect|area)/);
    const title = (chart.spec as { title: { text: string } }).title.text;
    expect(svg).toContain(title.replace(/&/g, '&amp;'));
    const png = svgToPng(svg, { scale: 1.5 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(15_000);
  });

  it('draws the policy-start marker once, in grey', async () => {
    const svg = await specToSvg(charts.find((c) => c.id === 'true-incidence')!.spec);
    expect(svg.match(/suggestions start \(2018\)/g)).toHaveLength(1);
  });

  it('rejects a bad scale', () => {
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 })).toThrow(/svgToPng: scale/);
  });
});

describe('writeChartFiles', () => {
  it('writes <id>.svg and <id>.png for every chart and leaves no temporary file', async () => {
    const dir = join(tmp, 'charts');
    const written = await writeChartFiles(charts.slice(0, 2), dir, { scale: 1 });
    expect(written.map((w) => w.id)).toEqual(['true-incidence', 'official-incidence']);
    expect(readdirSync(dir).sort()).toEqual(['official-incidence.png', 'official-incidence.svg', 'true-incidence.png', 'true-incidence.svg']);
    expect(readFileSync(join(dir, 'official-incidence.png')).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(readFileSync(join(dir, 'true-incidence.svg'), 'utf8')).toContain('True poverty incidence');
  });

  it('rejects unsafe and repeated ids before writing anything', async () => {
    const dir = join(tmp, 'bad');
    await expect(writeChartFiles([{ ...charts[0], id: '../evil' }], dir)).rejects.toThrow(/not a safe file name/);
    await expect(writeChartFiles([charts[0], charts[0]], dir)).rejects.toThrow(/appears twice/);
    expect(existsSync(dir)).toBe(false);
  });
});
