/**
 * The summary table as Markdown and CSV, and HTML escaping. Cells are written as given: numbers with
 * `String(n)`, so producers round before building the table.
 */
import { csvLine, toCsv } from './csv.js';
import type { SummaryTable } from './types.js';

/**
 * Checks that every row has one cell per column.
 * @param fn name of the calling function, for the error message
 * @throws Error naming `fn`, the row and both lengths
 */
export function checkTableShape(table: SummaryTable, fn: string): void {
  if (table.columns.length === 0) throw new Error(`${fn}: the table has no columns`);
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new Error(`${fn}: row ${i} has ${row.length} cells, expected ${table.columns.length} (one per column)`);
    }
  });
}

/** True when a column holds numbers only (and at least one row), so it is right-aligned. */
export function isNumericColumn(table: SummaryTable, col: number): boolean {
  return table.rows.length > 0 && table.rows.every((r) => typeof r[col] === 'number');
}

/** Escapes a Markdown table cell: backslashes and pipes escaped, line breaks as `<br>`. */
function markdownCell(value: string | number): string {
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}

/**
 * The summary table as a GitHub-flavoured Markdown table; numeric columns right-aligned.
 * @throws Error when a row's length differs from the number of columns
 * @example summaryToMarkdown({ columns: ['a', 'b'], rows: [['x', 1]] }) // '| a | b |\n| --- | ---: |\n| x | 1 |\n'
 */
export function summaryToMarkdown(table: SummaryTable): string {
  checkTableShape(table, 'summaryToMarkdown');
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const rule = table.columns.map((_, c) => (isNumericColumn(table, c) ? '---:' : '---'));
  const lines = [line(table.columns.map(markdownCell)), line(rule), ...table.rows.map((r) => line(r.map(markdownCell)))];
  return `${lines.join('\n')}\n`;
}

/**
 * One CSV field, quoted by the RFC 4180 rules of {@link toCsv} (a comma, a double quote, a line
 * break or edge spaces), for writers that build their lines themselves.
 */
export function csvField(value: string | number): string {
  return csvLine([value]);
}

/**
 * The summary table as CSV (RFC 4180 quoting, `\n` line ends, a header line, a final line end).
 * @throws Error when a row's length differs from the number of columns
 * @example summaryToCsv({ columns: ['name', 'n'], rows: [['a, "b"', 2]] }) // 'name,n\n"a, ""b""",2\n'
 */
export function summaryToCsv(table: SummaryTable): string {
  checkTableShape(table, 'summaryToCsv');
  return toCsv(table.columns, table.rows);
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
