/**
 * The Node edge of the report layer: PNG rasterisation with resvg (system fonts), and writing a
 * report folder (charts as SVG and PNG, HTML pages, summary Markdown and CSV), every file through
 * the one atomic writer. Text in the PNG needs a system font: on Debian the package
 * `fonts-dejavu-core` (DejaVu Sans) is enough; {@link svgToPng} fails loudly without fonts.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { buildReportCharts } from '../report/charts.js';
import { buildHtmlReport } from '../report/html.js';
import { DEBIAN_FONT_PACKAGE, PNG_SANS_SERIF_FAMILY, specToSvg, type SvgOptions } from '../report/render.js';
import { summaryToCsv, summaryToMarkdown } from '../report/tables.js';
import type { ReportChart, ReportInput } from '../report/types.js';
import { writeFileAtomic } from './atomic-write.js';
import { loadVegaBundles } from './report-bundles.js';

export { DEBIAN_FONT_PACKAGE, PNG_SANS_SERIF_FAMILY };

/** Folders searched for system fonts (Linux, macOS, Windows). */
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/root', '.fonts'),
  join(process.env.HOME ?? '/root', '.local/share/fonts'), '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];

/** True when at least one font file (`.ttf`, `.otf`, `.ttc`) is found in the usual system font folders. */
export function systemFontsAvailable(dirs: readonly string[] = FONT_DIRS): boolean {
  const isFont = (name: string): boolean => /\.(ttf|otf|ttc)$/i.test(name);
  const walk = (dir: string, depth: number): boolean => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return false;
    }
    for (const name of names) {
      if (isFont(name)) return true;
      const path = join(dir, name);
      if (depth < 4 && statSafe(path)?.isDirectory() && walk(path, depth + 1)) return true;
    }
    return false;
  };
  return dirs.some((d) => existsSync(d) && walk(d, 0));
}

function statSafe(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Zoom factor: 2 gives twice the SVG's pixel width and height. Default 2. */
  scale?: number;
}

/**
 * Rasterises an SVG string to PNG bytes with resvg, on a white background, using system fonts
 * (`sans-serif` mapped to DejaVu Sans).
 * @throws Error when `scale` is not a positive finite number, or when the SVG has text and no system
 *   font is installed (text would silently be missing; install Debian's `fonts-dejavu-core`)
 * @example svgToPng(await specToSvg(spec), { scale: 2 }) // Buffer starting with \x89PNG
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0)) throw new Error(`svgToPng: scale must be a positive number, got ${scale}`);
  if (svg.includes('<text') && !systemFontsAvailable()) {
    throw new Error(`svgToPng: no system fonts found, so text would be missing from the PNG; install a font package (Debian: apt-get install -y ${DEBIAN_FONT_PACKAGE})`);
  }
  return new Resvg(svg, resvgOptions(scale)).render().asPng();
}

/** resvg options of {@link svgToPng}: zoom `scale`, white background, system fonts, DejaVu Sans for `sans-serif`. */
export function resvgOptions(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: PNG_SANS_SERIF_FAMILY, sansSerifFamily: PNG_SANS_SERIF_FAMILY },
  };
}

/** Paths written for one chart. */
export interface WrittenChart { id: string; svg: string; png: string }

/**
 * Renders every chart and writes `<id>.svg` and `<id>.png` into `dir` (created if missing), each
 * through a temporary file and a rename, so a reader never sees half a file.
 * @throws Error when a chart id is not file-name safe (`[A-Za-z0-9_-]`, not starting with `-`) or repeats
 */
export async function writeChartFiles(charts: readonly ReportChart[], dir: string, options: PngOptions & SvgOptions = {}): Promise<WrittenChart[]> {
  const ids = new Set<string>();
  for (const c of charts) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(c.id)) throw new Error(`writeChartFiles: chart id "${c.id}" is not a safe file name`);
    if (ids.has(c.id)) throw new Error(`writeChartFiles: chart id "${c.id}" appears twice`);
    ids.add(c.id);
  }
  mkdirSync(dir, { recursive: true });
  const written: WrittenChart[] = [];
  for (const c of charts) {
    const svg = await specToSvg(c.spec, options);
    const svgPath = join(dir, `${c.id}.svg`);
    const pngPath = join(dir, `${c.id}.png`);
    writeFileAtomic(svgPath, svg);
    writeFileAtomic(pngPath, svgToPng(svg, options));
    written.push({ id: c.id, svg: svgPath, png: pngPath });
  }
  return written;
}

/** Paths of the files {@link writeReport} wrote. */
export interface WrittenReport { html: string; markdown: string; csv: string; charts: WrittenChart[] }

/** Where {@link writeReport} writes the page: its file name and the summary files' base name. */
export interface ReportFileNames { page?: string; summary?: string }

/**
 * Builds the charts of `input` and writes the report into `dir` (created if missing): the HTML page
 * (default `report.html`), `<summary>.md` and `<summary>.csv` (default `summary`), and each chart as SVG and PNG.
 * @example await writeReport(input, 'out/report') // out/report/report.html, summary.md, summary.csv, <id>.svg/.png
 */
export async function writeReport(input: ReportInput, dir: string, options: PngOptions & SvgOptions & ReportFileNames = {}): Promise<WrittenReport> {
  const charts = buildReportCharts(input);
  mkdirSync(dir, { recursive: true });
  const written = await writeChartFiles(charts, dir, options);
  const html = join(dir, options.page ?? 'report.html');
  const markdown = join(dir, `${options.summary ?? 'summary'}.md`);
  const csv = join(dir, `${options.summary ?? 'summary'}.csv`);
  writeFileAtomic(html, buildHtmlReport(input, charts, loadVegaBundles()));
  writeFileAtomic(markdown, summaryToMarkdown(input.summaryTable));
  writeFileAtomic(csv, summaryToCsv(input.summaryTable));
  return { html, markdown, csv, charts: written };
}
