/**
 * The one CSV writer of the comparison and report outputs: RFC 4180 through papaparse's `unparse`
 * (runs in Node and in the browser). A field is quoted when it holds a comma, a double quote, a line
 * break or edge spaces; quotes inside are doubled; lines end in `\n`; the file ends with a line end.
 */
import Papa from 'papaparse';

/** A CSV cell: text, a number (written as given: round before), or empty (null, undefined, NaN, ±Infinity). */
export type CsvCell = string | number | null | undefined;

/**
 * A CSV document with a header line.
 * @throws Error naming the row when a row's length differs from the number of columns
 * @example toCsv(['scenario', 'n'], [['culture, 80% of villages', 2]]) // 'scenario,n\n"culture, 80% of villages",2\n'
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  if (columns.length === 0) throw new Error('toCsv: no columns');
  rows.forEach((r, i) => {
    if (r.length !== columns.length) throw new Error(`toCsv: row ${i} has ${r.length} cells, expected ${columns.length} (one per column)`);
  });
  const data = rows.map((r) => r.map(csvText));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\n', quotes: false, escapeFormulae: false })}\n`;
}

/** One CSV line (no line end) of the given cells, quoted as {@link toCsv} quotes them. */
export function csvLine(cells: readonly CsvCell[]): string {
  return Papa.unparse([cells.map(csvText)], { newline: '\n', quotes: false, escapeFormulae: false });
}

/** A cell as text: '' for missing values and non-finite numbers. */
function csvText(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v;
}

/**
 * Parses CSV written by {@link toCsv} (or any RFC 4180 CSV) into a header and rows of strings.
 * @throws Error with papaparse's first error and its row
 */
export function parseCsv(text: string): { columns: string[]; rows: string[][] } {
  const r = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (r.errors.length) throw new Error(`parseCsv: ${r.errors[0].message} (row ${r.errors[0].row})`);
  const [columns, ...rows] = r.data;
  return { columns: columns ?? [], rows };
}

/** A number rounded to `digits` significant digits (shortest round-trip form), '' when not finite. */
export function sig(x: number | null | undefined, digits = 6): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toPrecision(digits));
}

/** A number rounded to a whole unit (persons, yuan), null when not finite. */
export function whole(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x);
}
