import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dateCell, readDate, readMoney } from '../../../../../electron/server/workbooks/engine/cells';
import { readWorkbookOffThread } from '../../../../../electron/server/workbooks/engine/read-off-thread';
import { readWorkbook, type RawWorkbook } from '../../../../../electron/server/workbooks/engine/read-workbook';
import { isDateFormat } from '../../../../../electron/server/workbooks/engine/workbook-layout';
import { handMadeXlsx, oneSheetParts, saveWorkbook } from '../../../../support/workbooks';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const GBP = '"£"#,##0.00;-"£"#,##0.00;"£"0.00';

/** A styles part with these custom formats and these cell formats (numFmtId per cellXfs entry). */
function stylesXml(custom: Record<number, string>, cellXfs: number[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fmts = Object.entries(custom).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
  return (
    `<?xml version="1.0"?><styleSheet xmlns="${MAIN_NS}"><numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` +
    // A differential format's numFmt and the cell-style formats are not cell formats.
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">${cellXfs.map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
    '<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></dxf></dxfs></styleSheet>'
  );
}

/** A one-sheet workbook whose styles part sits where its relationship says. */
function styledXlsx(o: { sheetData: string; styles?: string; stylesAt?: string; sharedStrings?: string[]; workbookPr?: string }): Buffer {
  const parts: Record<string, string> = oneSheetParts({ sheetData: o.sheetData, sharedStrings: o.sharedStrings, workbookPr: o.workbookPr });
  if (o.styles !== undefined) {
    const at = o.stylesAt ?? 'styles.xml';
    parts[`xl/${at}`] = o.styles;
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(
      '</Relationships>',
      `<Relationship Id="rId9" Type="${REL_NS}/styles" Target="${at}"/></Relationships>`,
    );
  }
  return handMadeXlsx(parts);
}

async function bothWays(bytes: Buffer, name = 'dates.xlsx'): Promise<RawWorkbook> {
  const here = await readWorkbook(bytes, name);
  const there = await readWorkbookOffThread(Buffer.from(bytes), name);
  expect(there).toEqual(here);
  return here;
}

// Cell formats: 0 General, 1 built-in 14 (a date), 2 custom date and time, 3 custom pounds,
// 4 built-in 22 (date and time), 5 built-in 4 (#,##0.00), 6 built-in 45 (mm:ss), 7 custom UK date
// with a locale, 8 built-in 49 (text).
const STYLES = stylesXml({ 164: 'dd/mm/yyyy hh:mm', 165: GBP, 167: '[$-809]dd mmmm yyyy;@' }, [0, 14, 164, 165, 22, 4, 45, 167, 49]);

describe('dates in a workbook', () => {
  it('tells date and time formats from number and money formats', () => {
    for (const code of [
      'dd/mm/yyyy',
      'd-mmm-yy',
      'DD/MM/YYYY',
      'h:mm',
      'hh:mm:ss AM/PM',
      '[h]:mm:ss',
      '[mm]:ss',
      '[h]',
      '[ss]',
      'mm:ss.0',
      '[$-809]dd mmmm yyyy;@',
      '[Red]dd/mm/yy',
      'yyyy"年"m"月"',
    ])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of [
      'General',
      '"£"#,##0.00;-"£"#,##0.00',
      GBP,
      '"£"#,##0.00;("£"#,##0.00);"£"0.00',
      'General;[Red]-General',
      '#,##0',
      '0.00%',
      '0.00E+00',
      '@',
      '[$£-809]#,##0.00',
      '[Red]-#,##0;[Blue]#,##0',
      '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
      '#,##0 "days"',
      '0\\d',
      '[<=9999999]###-####',
    ])
      expect(isDateFormat(code), code).toBe(false);
  });

  it('reads a number formatted as a date or a time as a DateCell, on either thread', async () => {
    const raw = await bothWays(
      styledXlsx({
        styles: STYLES,
        sharedStrings: ['01/04/2024'],
        sheetData:
          '<row r="2"><c r="A2" s="1"><v>45383</v></c><c r="B2" s="2"><v>45383.5</v></c><c r="C2" s="3"><v>45383</v></c><c r="D2"><v>45383</v></c>' +
          '<c r="E2" s="4"><v>45383.75</v></c><c r="F2" s="5"><v>45383</v></c><c r="G2" s="6"><v>0.0104166666666667</v></c><c r="H2" s="7"><v>45383</v></c>' +
          '<c r="I2" s="1" t="s"><v>0</v></c><c r="J2" s="1"><f>TODAY()</f><v>45383</v></c><c r="K2" s="1"><v>-5</v></c><c r="L2" s="8"><v>45383</v></c>' +
          '<c r="M2" s="99"><v>45383</v></c><c r="N2" s="1" t="str"><f>TEXT(A2,"dd/mm/yyyy")</f><v>01/04/2024</v></c></row>',
      }),
    );
    expect(raw.sheets[0]!.rows).toEqual([
      {
        row: 2,
        cells: [
          { date: 45383, text: '01/04/2024' },
          { date: 45383.5, text: '01/04/2024 12:00' },
          45383,
          45383,
          { date: 45383.75, text: '01/04/2024 18:00' },
          45383,
          { date: 0.0104166666666667, text: '00/01/1900 00:15' },
          { date: 45383, text: '01/04/2024' },
          '01/04/2024',
          { date: 45383, text: '01/04/2024' },
          // No date shows a negative number (Excel shows ####): it stays a number.
          -5,
          45383,
          // A style the file does not hold is no date.
          45383,
          '01/04/2024',
        ],
      },
    ]);
  });

  it('reads an ISO date cell (t="d") as a DateCell in the workbook’s own date system', async () => {
    const sheetData =
      '<row r="1"><c r="A1" t="d"><v>2024-04-01</v></c><c r="B1" t="d"><v>2024-04-01T09:30:00</v></c><c r="C1" t="d"><v>1900-02-28</v></c><c r="D1" t="d"><v>not a date</v></c></row>';
    const raw = await bothWays(styledXlsx({ sheetData }));
    expect(raw.sheets[0]!.rows[0]!.cells).toEqual([
      { date: 45383, text: '01/04/2024' },
      { date: expect.closeTo(45383 + 9.5 / 24, 9), text: '01/04/2024 09:30' },
      // Before Excel's 29 February 1900, serials are one lower.
      { date: 59, text: '28/02/1900' },
      'not a date',
    ]);
    expect(readDate(raw.sheets[0]!.rows[0]!.cells[2], { date1904: false })).toEqual({ ok: true, value: '1900-02-28' });
    const raw1904 = await bothWays(styledXlsx({ sheetData, workbookPr: 'date1904="1"' }));
    expect(raw1904.date1904).toBe(true);
    expect(raw1904.sheets[0]!.rows[0]!.cells[0]).toEqual({ date: 45383 - 1462, text: '01/04/2024' });
    // A day before 1904 is no date in the 1904 system: it stays as written.
    expect(raw1904.sheets[0]!.rows[0]!.cells[2]).toBe('1900-02-28');
  });

  it('shows dates of a 1904 workbook by its own calendar', async () => {
    const raw = await bothWays(
      styledXlsx({ styles: STYLES, workbookPr: 'date1904="1"', sheetData: '<row r="1"><c r="A1" s="1"><v>43921</v></c><c r="B1" s="2"><v>0</v></c></row>' }),
    );
    expect(raw.sheets[0]!.rows[0]!.cells).toEqual([
      { date: 43921, text: '01/04/2024' },
      { date: 0, text: '01/01/1904' },
    ]);
    expect(readDate(raw.sheets[0]!.rows[0]!.cells[0], { date1904: true })).toEqual({ ok: true, value: '2024-04-01' });
  });

  it('finds the styles through the workbook’s relationships, and reads numbers as numbers without them', async () => {
    const sheetData = '<row r="1"><c r="A1" s="1"><v>45383</v></c></row>';
    const elsewhere = await bothWays(styledXlsx({ styles: STYLES, stylesAt: 'formats/cellStyles.xml', sheetData }));
    expect(elsewhere.sheets[0]!.rows[0]!.cells).toEqual([{ date: 45383, text: '01/04/2024' }]);
    const none = await bothWays(styledXlsx({ sheetData }));
    expect(none.sheets[0]!.rows[0]!.cells).toEqual([45383]);
  });

  it('never reads a date as pounds: a money read refuses it and shows the date', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Monitoring return');
    s.getColumn(2).numFmt = GBP;
    s.addRow(['Code', 'Forecast']);
    s.addRow(['L1', 1234.5]);
    s.addRow(['L2', new Date(Date.UTC(2024, 3, 1))]);
    s.getCell('B3').numFmt = 'dd/mm/yyyy';
    s.addRow(['L3', 45383]);
    s.getCell('B4').numFmt = 'd mmmm yyyy';
    s.addRow(['L4', true]);
    const raw = await bothWays(await saveWorkbook(wb), 'report.xlsx');
    const forecasts = raw.sheets[0]!.rows.slice(1).map((r) => r.cells[1]);
    expect(forecasts).toEqual([1234.5, { date: 45383, text: '01/04/2024' }, { date: 45383, text: '01/04/2024' }, true]);
    expect(forecasts.map((v) => readMoney(v))).toEqual([
      { ok: true, value: 123_450 },
      { ok: false, rule: 'must be an amount in pounds, not a date', found: '01/04/2024' },
      { ok: false, rule: 'must be an amount in pounds, not a date', found: '01/04/2024' },
      { ok: false, rule: 'must be an amount in pounds', found: 'TRUE' },
    ]);
  });
});

describe('a date cell’s text', () => {
  it('counts as Excel does, its 29 February 1900 included, and shows a time of day', () => {
    const text = (serial: number, date1904 = false) => dateCell(serial, date1904)?.text ?? null;
    expect([text(1), text(59), text(61), text(0), text(45383), text(45383.5), text(2958465)]).toEqual([
      '01/01/1900',
      '28/02/1900',
      '01/03/1900',
      '00/01/1900',
      '01/04/2024',
      '01/04/2024 12:00',
      '31/12/9999',
    ]);
    // As readDate reads serial 60 (Excel shows a day that never was).
    expect([text(60), readDate(60, { date1904: false })]).toEqual(['01/03/1900', { ok: true, value: '1900-03-01' }]);
    expect([text(0, true), text(43921, true), text(43921.25, true)]).toEqual(['01/01/1904', '01/04/2024', '01/04/2024 06:00']);
    // A time that rounds to midnight is the next day.
    expect(text(45383.9999999)).toBe('02/04/2024');
    expect([text(-1), text(2958466), text(Number.NaN)]).toEqual([null, null, null]);
  });
});
