/**
 * Chart rendering without a browser: vega-lite spec → vega spec → headless vega View (renderer
 * `none`) → SVG string → PNG bytes with resvg. Text in the PNG needs a system font: on Debian the
 * package `fonts-dejavu-core` (DejaVu Sans) is enough; {@link svgToPng} fails loudly without fonts.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { vegaTextWidth, type TextItem } from './text-width.js';
import type { ReportChart } from './types.js';

/** Font family used for `sans-serif` text in PNGs (vega's default font is `sans-serif`). */
export const PNG_SANS_SERIF_FAMILY = 'DejaVu Sans';

/** Debian package that provides {@link PNG_SANS_SERIF_FAMILY}. */
export const DEBIAN_FONT_PACKAGE = 'fonts-dejavu-core';

/** Folders searched for system fonts (Linux, macOS, Windows). */
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/root', '.fonts'),
  join(process.env.HOME ?? '/root', '.local/share/fonts'), '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];

/** vega's text measuring hook (exported at run time by vega-scenegraph, missing from vega's types). */
interface TextMetrics { width: (item: TextItem, text?: unknown) => number }

/**
 * Makes vega measure text with DejaVu Sans widths instead of its 0.8 em per character guess, which
 * otherwise leaves wide gaps around axis titles. Only in Node without a canvas; idempotent. This
 * sets vega's module-wide `textMetrics.width`, as vl-convert does; browsers keep measuring with canvas.
 */
export function useDejaVuTextMetrics(): void {
  const metrics = (vega as unknown as { textMetrics?: TextMetrics & { canvas?: unknown; estimateWidth?: unknown } }).textMetrics;
  if (metrics === undefined) throw new Error('useDejaVuTextMetrics: vega exports no textMetrics (vega version changed?)');
  if (metrics.width === metrics.estimateWidth) metrics.width = vegaTextWidth;
}

/** Options of {@link specToSvg}. */
export interface SvgOptions {
  /** Receives vega-lite compile warnings; default: they are written to stderr. */
  warn?: (message: string) => void;
}

/**
 * Renders a vega-lite spec to an SVG string in plain Node (no canvas; text measured with
 * {@link useDejaVuTextMetrics}). Steps: (1) compile vega-lite to vega, (2) parse into a dataflow,
 * (3) run a View with renderer `none`, (4) serialise the scenegraph to SVG, (5) free the View.
 * @throws Error from vega-lite or vega when the spec is invalid
 */
export async function specToSvg(spec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  useDejaVuTextMetrics();
  const vgSpec = compile(spec, { logger: compileLogger(options.warn) }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A vega logger that passes warnings to `warn` (or stderr) and throws on errors. */
function compileLogger(warn: ((message: string) => void) | undefined): vega.LoggerInterface {
  const sink = warn ?? ((m: string) => process.stderr.write(`vega-lite: ${m}\n`));
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    sink(args.map(String).join(' '));
    return logger;
  };
  return logger;
}

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

/** Writes `data` to `path` atomically: first to a temporary name in the same folder, then rename. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

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
