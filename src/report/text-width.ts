/**
 * Text widths for charts rendered in Node, where vega has no canvas to measure text and would
 * assume 0.8 em per character (wide gaps around axis titles, early label truncation). The tables
 * are DejaVu Sans advance widths (the font resvg uses for `sans-serif`, see render.ts), measured in
 * Chromium at 1000 px, for the printable ASCII characters 32–126.
 */

/** Advance widths of DejaVu Sans, regular, characters 32..126, in 1/1000 em. */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
  752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
  337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
  635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/** Advance widths of DejaVu Sans, bold, characters 32..126, in 1/1000 em. */
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821,
  837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
  365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
  716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** True for CJK ideographs, kana, hangul and full-width forms, which are one em wide. */
function isWide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xff00 && code <= 0xffef);
}

/** True for a CSS font weight that DejaVu draws bold (`bold`, `bolder` or 600 and above). */
export function isBoldWeight(weight: unknown): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  const n = typeof weight === 'number' ? weight : typeof weight === 'string' ? Number(weight) : NaN;
  return Number.isFinite(n) && n >= 600;
}

/**
 * Width in pixels of one line of text in DejaVu Sans. Characters outside the tables count 0.64 em
 * (1 em for CJK).
 * @param text the line
 * @param fontSize font size in pixels
 * @param bold whether the bold face is used
 * @example textWidth('Year', 12, true) // about 33.5
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 32;
    if (code >= 32 && code <= 126) units += table[code - 32];
    else if (isWide(code)) units += 1000;
    else units += bold ? 700 : 640;
  }
  return (units * fontSize) / 1000;
}

/** The subset of a vega scenegraph text item that {@link vegaTextWidth} reads. */
export interface TextItem { text?: unknown; fontSize?: unknown; fontWeight?: unknown }

/**
 * A `vega.textMetrics.width` replacement: width in pixels of `text` (or of the item's own text; the
 * widest line when it has several) at the item's font size (default 11 px, as in vega) and weight.
 */
export function vegaTextWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
  const bold = isBoldWeight(item.fontWeight);
  const lines = Array.isArray(value) ? value : [value];
  return Math.max(0, ...lines.map((l) => (l === null || l === undefined ? 0 : textWidth(String(l), size, bold))));
}
