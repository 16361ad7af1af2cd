import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/src/grid/tsv';

describe('clipboard text from Excel', () => {
  it('splits rows and cells and drops the trailing newline Excel adds', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
  it('reads quoted cells with tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"a\tb"\t"line1\nline2"\t"say ""hi"""\n')).toEqual([['a\tb', 'line1\nline2', 'say "hi"']]);
  });
  it('keeps empty cells', () => {
    expect(parseTsv('\t5\t\n')).toEqual([['', '5', '']]);
    expect(parseTsv('')).toEqual([]);
  });
  it('round-trips through toTsv', () => {
    const rows = [
      ['Code', 'Note'],
      ['HN01', 'has "quotes"\nand a newline'],
      ['HN02', 1234.5],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows.map((r) => r.map(String)));
  });
  it('sends text that Excel would run as a formula as text, with an apostrophe, and numbers as numbers', () => {
    const out = toTsv([['=HYPERLINK("http://x","y")', '+44 1234', '-2 places', '@SUM(A1)', '\tleading tab', '\rreturn', 'plain', -1234.5, 0]]);
    expect(parseTsv(out)).toEqual([
      ['\'=HYPERLINK("http://x","y")', "'+44 1234", "'-2 places", "'@SUM(A1)", "'\tleading tab", "'\nreturn", 'plain', '-1234.5', '0'],
    ]);
  });
});
