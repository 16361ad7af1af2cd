import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetRows, type RowCell } from '../../../../../electron/server/workbooks/engine/row-xml';
import { loadWorkbook, partText, streamedWorkbook } from '../../../../support/workbooks';

const STYLES: Array<Partial<ExcelJS.Style>> = [
  { numFmt: '0', protection: { locked: true } },
  { numFmt: '@', font: { name: 'Arial', size: 10 }, protection: { locked: false } },
  { numFmt: '"£"#,##0.00;-"£"#,##0.00;"£"0.00', alignment: { horizontal: 'right' } },
  { numFmt: '"£"#,##0.00;-"£"#,##0.00;"£"0.00', fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } },
  { numFmt: 'General', alignment: { wrapText: true, vertical: 'top' } },
];

// Every kind of value a kind's row can hold, and the awkward ones.
const ROWS: Array<{ cells: RowCell[]; height?: number }> = [
  { cells: [1, 'ML-001', 1234.56, { formula: 'C6-D6', result: -0.01 }, true] },
  { cells: [2, 'Tom & Jerry <"quoted"> \'single\'', -1234.5, { formula: 'C7-D7', result: null }, false] },
  { cells: [3, '=SUM(A1:A9)', 0, { formula: 'C8>D8 & "<"', result: 12 }, '+44 1632'] },
  { cells: [4, 'control \u0001\u0008\u000b\u001f\u007f chars, tab\tand\nnewline', 1e-7, null, '@risk'] },
  { cells: [null, '', 99999999999.99, { formula: 'C10-D10', result: 0 }, null] },
  { cells: [6, 'Émile Zoë — £ 😀', 0.1 + 0.2, 5, '  spaces kept  '] },
  { cells: [null, null, null, null, null] },
  { cells: [null, null, null, null, null], height: 27 },
  { cells: [9, 'tall', 12, 13, 'x'.repeat(300)], height: 51 },
];

async function sheetXml(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const bytes = await streamedWorkbook((wb) => {
    const sheet = wb.addWorksheet('Data');
    sheet.columns = STYLES.map(() => ({ width: 12 }));
    for (let i = 0; i < 4; i++) sheet.addRow(['', `title ${i}`]).commit();
    write(wb, sheet);
    const total = sheet.getRow(5 + ROWS.length);
    total.getCell(2).value = 'Total';
    total.commit();
    sheet.commit();
  });
  return partText(bytes, 'xl/worksheets/sheet1.xml');
}

describe('rows written as XML', () => {
  it('are exactly the characters exceljs writes for the same cells and styles', async () => {
    const viaExceljs = await sheetXml((_wb, sheet) => {
      ROWS.forEach((r, n) => {
        const row = sheet.getRow(5 + n);
        r.cells.forEach((v, i) => {
          const cell = row.getCell(i + 1);
          cell.value = v as ExcelJS.CellValue;
          cell.style = STYLES[i]!;
        });
        if (r.height) row.height = r.height;
        row.commit();
      });
    });
    const viaRows = await sheetXml((wb, sheet) => {
      const rows = new SheetRows(wb, sheet, STYLES);
      for (const r of ROWS) rows.add(r.cells, r.height);
      rows.end();
    });
    expect(viaRows).toBe(viaExceljs);
    // The comparison covers the rows: both sheets hold them, the dropped empty row excepted.
    expect(viaRows).toContain('<row r="13" ht="51" customHeight="1" spans="1:5"');
    expect(viaRows).toContain('Tom &amp; Jerry &lt;&quot;quoted&quot;&gt; &apos;single&apos;');
    expect(viaRows).not.toContain('<row r="11"');
    expect(viaRows).toContain('<c r="B14" t="str"><v>Total</v></c>');
  });

  it('reads back through exceljs as the values written', async () => {
    const bytes = await streamedWorkbook((wb) => {
      const sheet = wb.addWorksheet('Data');
      const rows = new SheetRows(wb, sheet, STYLES);
      for (const r of ROWS) rows.add(r.cells, r.height);
      rows.end();
      sheet.commit();
    });
    const back = await loadWorkbook(bytes);
    const s = back.getWorksheet('Data')!;
    expect(s.getCell('B2').value).toBe('Tom & Jerry <"quoted"> \'single\'');
    expect(s.getCell('B3').value).toBe('=SUM(A1:A9)');
    expect(s.getCell('B3').formula).toBeUndefined();
    expect(s.getCell('C1').value).toBe(1234.56);
    expect(s.getCell('D1').value).toEqual({ formula: 'C6-D6', result: -0.01 });
    expect(s.getCell('B6').value).toBe('Émile Zoë — £ 😀');
    expect(s.getCell('C2').numFmt).toBe('"£"#,##0.00;-"£"#,##0.00;"£"0.00');
    expect(s.getCell('B1').protection).toMatchObject({ locked: false });
    expect(s.getRow(9).height).toBe(51);
  });
});
