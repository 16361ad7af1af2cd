/** Tables typed into a paper's text, as the workbook gets them: headers, money in pence, numbers, text as typed. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RichDoc, RichNode } from '../../../../electron/shared/rich-doc';
import { authoredTable, authoredTables } from '../../../../features/meetings/pack/authored-tables';
import type { PaperSnapshot } from '../../../../features/meetings/papers/render';
import type { PaperTemplate } from '../../../../features/meetings/types';
import { typedTable } from './fixture';

const text = (t: string): RichNode => ({ type: 'text', text: t });
const para = (t: string): RichNode => ({ type: 'paragraph', content: [text(t)] });
const doc = (...nodes: RichNode[]): RichDoc => ({ type: 'doc', content: nodes });
const cell = (t: string, attrs?: Record<string, unknown>, type = 'tableCell'): RichNode => ({
  type,
  attrs,
  content: [{ type: 'paragraph', content: t ? [text(t)] : [] }],
});

function paper(sections: Record<string, RichDoc>): PaperSnapshot {
  const template = {
    preamble: [{ key: 'summary', heading: 'Summary' }],
    sections: [
      { key: 'purpose', heading: 'Purpose' },
      { key: 'considerations', heading: 'Considerations', children: [{ key: 'financial', heading: 'Financial implications' }] },
    ],
    fields: [],
  } as unknown as PaperTemplate;
  return { paperId: 1, template, header: {}, sections, late: false, lateReason: '', addedAt: '2026-11-01', appendices: [], blocks: {} };
}

describe('authoredTable', () => {
  it('reads money as pence, plain numbers with their decimals, and the rest as text', () => {
    const t = authoredTable(
      typedTable(
        ['Rank', 'Provider', 'Price', 'Score', 'Code'],
        [
          ['1', 'Elmwood Learning Ltd', '£55,800', '54.0', '007'],
          ['2', 'Brightpath', '-£1,200', '52.5', 'A1'],
          ['3', 'Harbour House', '(£1,200.50)', '1,024', ''],
        ],
      ),
      'Table 1: bids',
    );
    expect(t.title).toBe('Table 1: bids');
    expect(t.columns).toEqual([
      { header: 'Rank', kind: 'number' },
      { header: 'Provider', kind: 'text' },
      { header: 'Price', kind: 'money' },
      { header: 'Score', kind: 'number', decimals: 1 },
      { header: 'Code', kind: 'text' },
    ]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      [1, 'Elmwood Learning Ltd', 5_580_000, 54, '007'],
      [2, 'Brightpath', -120_000, 52.5, 'A1'],
      [3, 'Harbour House', -120_050, 1024, null],
    ]);
  });

  it('keeps a column with any other text as text, exactly as typed', () => {
    const t = authoredTable(
      typedTable(
        ['Item', 'Cost'],
        [
          ['Taxis', '£12,000'],
          ['Buses', 'to follow'],
        ],
      ),
      'x',
    );
    expect(t.columns[1]).toEqual({ header: 'Cost', kind: 'text' });
    expect(t.rows.map((r) => r.cells[1])).toEqual(['£12,000', 'to follow']);
  });

  it('keeps hostile text as text: a leading = is never read as a number or written as a formula', async () => {
    const hostile = '=HYPERLINK("https://example.com/x","Open")';
    const t = authoredTable(
      typedTable(
        ['Name', 'Sum'],
        [
          [hostile, '=1+1'],
          ['+44 1632', '@SUM(A1)'],
        ],
      ),
      'x',
    );
    expect(t.columns.map((c) => c.kind)).toEqual(['text', 'text']);
    expect(t.rows[0]!.cells).toEqual([hostile, '=1+1']);
    // The workbook adds cells with ws.addRow(values): a string is stored as a string.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('t').addRow(t.rows[0]!.cells);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const a1 = back.worksheets[0]!.getCell('A1');
    expect(a1.type).toBe(ExcelJS.ValueType.String);
    expect(a1.value).toBe(hostile);
    expect(back.worksheets[0]!.getCell('B1').formula).toBeUndefined();
  });

  it('lays merged cells on the grid, their text in the first place, and leaves empty cells empty', () => {
    const table: RichNode = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('Phase', undefined, 'tableHeader'), cell('2026-27 and 2027-28', { colspan: 2 }, 'tableHeader')] },
        { type: 'tableRow', content: [cell('Primary', { rowspan: 2 }), cell('£100'), cell('£200')] },
        { type: 'tableRow', content: [cell(''), cell('£300')] },
        { type: 'tableRow', content: [cell('Total', { colspan: 3 })] },
      ],
    };
    const t = authoredTable(table, 'x');
    expect(t.columns.map((c) => c.header)).toEqual(['Phase', '2026-27 and 2027-28', '']);
    expect(t.columns.map((c) => c.kind)).toEqual(['text', 'money', 'money']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['Primary', 10_000, 20_000],
      [null, null, 30_000],
      ['Total', null, null],
    ]);
  });

  it('takes the first row as headers when it has no header cells', () => {
    const table: RichNode = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('A'), cell('B')] },
        { type: 'tableRow', content: [cell('x'), cell('24')] },
      ],
    };
    const t = authoredTable(table, 'x');
    expect(t.columns).toEqual([
      { header: 'A', kind: 'text' },
      { header: 'B', kind: 'number' },
    ]);
    expect(t.rows).toEqual([{ cells: ['x', 24] }]);
  });
});

describe('authoredTables', () => {
  it('finds every typed table in section order, titled by a "Table" line before it or by its section', () => {
    const tables = authoredTables(
      paper({
        financial: doc(para('Costs are below.'), typedTable(['A'], [['1']])),
        purpose: doc(para('Table 1: bids that met the quality threshold, ranked by total score.'), typedTable(['Rank'], [['1']]), {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [typedTable(['B'], [['2']])] }],
        }),
        summary: doc(typedTable(['C'], [])),
        dropped: doc(typedTable(['D'], [['x']])),
      }),
    );
    expect(tables.map((t) => t.title)).toEqual([
      'Summary table 1',
      'Table 1: bids that met the quality threshold, ranked by total score',
      'Purpose table 2',
      'Financial implications table 1',
      'dropped table 1',
    ]);
    expect(tables[0]!.rows).toEqual([]);
  });

  it('finds nothing in a paper without tables, or with an empty table', () => {
    expect(authoredTables(paper({ purpose: doc(para('No tables.'), { type: 'table', content: [] }) }))).toEqual([]);
  });
});
