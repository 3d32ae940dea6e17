import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, summaryToCsv, summaryToMarkdown } from '../../src/report/tables.js';

describe('summaryToCsv', () => {
  it('quotes commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    const csv = summaryToCsv({
      columns: ['name', 'value', 'note'],
      rows: [['a, b', 1.5, 'say "hi"'], ['plain', -2, 'two\nlines'], [' padded', 0, 'x\r\ny']],
    });
    expect(csv).toBe('name,value,note\n"a, b",1.5,"say ""hi"""\nplain,-2,"two\nlines"\n" padded",0,"x\r\ny"\n');
    expect(csvField('ok')).toBe('ok');
    expect(csvField('"')).toBe('""""');
  });

  it('rejects a row with the wrong number of cells, naming the function', () => {
    expect(() => summaryToCsv({ columns: ['a', 'b'], rows: [['x']] })).toThrow(/summaryToCsv: row 0 has 1 cells, expected 2/);
    expect(() => summaryToCsv({ columns: [], rows: [] })).toThrow(/summaryToCsv: the table has no columns/);
  });
});

describe('summaryToMarkdown', () => {
  it('right-aligns numeric columns and escapes pipes and line breaks', () => {
    const md = summaryToMarkdown({ columns: ['Scenario', 'Rate'], rows: [['a|b', 0.5], ['c\nd', 2]] });
    expect(md).toBe('| Scenario | Rate |\n| --- | ---: |\n| a\\|b | 0.5 |\n| c<br>d | 2 |\n');
  });

  it('rejects a ragged table', () => {
    expect(() => summaryToMarkdown({ columns: ['a'], rows: [['x', 'y']] })).toThrow(/summaryToMarkdown: row 0/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
