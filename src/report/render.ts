/**
 * Chart rendering without a browser: vega-lite spec → vega spec → headless vega View (renderer
 * `none`) → SVG string. Browser-safe (no Node built-in); rasterising to PNG and writing files live in
 * src/node/report-files.ts.
 *
 * vega and vega-lite are loaded on first use, not at import: they take about 0.4 s to load, which every
 * command would otherwise pay at start-up, and a command that draws charts can start loading them
 * while its runs go on in the workers ({@link loadChartLibraries}).
 */
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { vegaTextWidth, type TextItem } from './text-width.js';

type Libraries = { vega: typeof Vega; compile: (typeof import('vega-lite'))['compile'] };
let libraries: Promise<Libraries> | null = null;

/** Loads vega and vega-lite once; call early to overlap the loading with other work. */
export function loadChartLibraries(): Promise<Libraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, compile: vl.compile }));
  return libraries;
}

/** Font family used for `sans-serif` text in PNGs (vega's default font is `sans-serif`). */
export const PNG_SANS_SERIF_FAMILY = 'DejaVu Sans';

/** Debian package that provides {@link PNG_SANS_SERIF_FAMILY}. */
export const DEBIAN_FONT_PACKAGE = 'fonts-dejavu-core';

/** vega's text measuring hook (exported at run time by vega-scenegraph, missing from vega's types). */
interface TextMetrics { width: (item: TextItem, text?: unknown) => number }

/**
 * Makes vega measure text with DejaVu Sans widths instead of its 0.8 em per character guess, which
 * otherwise leaves wide gaps around axis titles. Only in Node without a canvas; idempotent. This
 * sets vega's module-wide `textMetrics.width`, as vl-convert does; browsers keep measuring with canvas.
 */
export async function useDejaVuTextMetrics(): Promise<void> {
  const { vega } = await loadChartLibraries();
  const metrics = (vega as unknown as { textMetrics?: TextMetrics & { canvas?: unknown; estimateWidth?: unknown } }).textMetrics;
  if (metrics === undefined) throw new Error('useDejaVuTextMetrics: vega exports no textMetrics (vega version changed?)');
  if (metrics.width === metrics.estimateWidth) metrics.width = vegaTextWidth;
}

/** Options of {@link specToSvg}. */
export interface SvgOptions {
  /** Receives vega-lite compile warnings; default: `console.warn`. */
  warn?: (message: string) => void;
}

/**
 * Renders a vega-lite spec to an SVG string in plain Node (no canvas; text measured with
 * {@link useDejaVuTextMetrics}). Steps: (1) compile vega-lite to vega, (2) parse into a dataflow,
 * (3) run a View with renderer `none`, (4) serialise the scenegraph to SVG, (5) free the View.
 * @throws Error from vega-lite or vega when the spec is invalid
 */
export async function specToSvg(spec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  await useDejaVuTextMetrics();
  const { vega, compile } = await loadChartLibraries();
  const vgSpec = compile(spec, { logger: compileLogger(vega, options.warn) }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A vega logger that passes warnings to `warn` (or stderr) and throws on errors. */
function compileLogger(vega: typeof Vega, warn: ((message: string) => void) | undefined): Vega.LoggerInterface {
  const sink = warn ?? ((m: string) => console.warn(`vega-lite: ${m}`));
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    sink(args.map(String).join(' '));
    return logger;
  };
  return logger;
}
