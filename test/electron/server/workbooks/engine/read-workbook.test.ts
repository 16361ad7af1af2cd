import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../electron/shared/errors';
import { readWorkbook, READ_LIMITS } from '../../../../../electron/server/workbooks/engine/read-workbook';
import { readWorkbookOffThread, setBuiltReadWorker } from '../../../../../electron/server/workbooks/engine/read-off-thread';
import { sharedText, sheetRows, type SharedString } from '../../../../../electron/server/workbooks/engine/sheet-rows';
import { handMadeXlsx, oneSheetParts, saveWorkbook, streamedWorkbook } from '../../../../support/workbooks';

function mixedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Mixed');
  s.getCell('A1').value = 'Tom & Jerry <"x"> &amp;lt; stays literal';
  s.getCell('B1').value = { richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] };
  s.getCell('C1').value = 1234.56;
  s.getCell('D1').value = true;
  s.getCell('E1').value = new Date(Date.UTC(2024, 3, 1));
  s.getCell('F1').value = { formula: 'C1*2', result: 2469.12 };
  s.getCell('G1').value = { formula: 'A1&"x"', result: 'text result' };
  s.getCell('H1').value = { formula: 'C1>0', result: true };
  s.getCell('I1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  s.getCell('J1').value = { formula: 'C1+1' } as ExcelJS.CellFormulaValue;
  s.getCell('K1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  s.getCell('L1').value = { text: 'link', hyperlink: 'https://example.org' };
  s.getCell('M1').value = { formula: 'C1-C1', result: 0 };
  s.getCell('A3').value = -5;
  s.getCell('Z3').value = 'far right';
  s.getCell('B5').value = '  spaced  ';
  s.getCell('C6').style = { font: { bold: true } };
  wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 'kept';
  return wb;
}

const xmlOf = (sheetData: string) => [
  Buffer.from(
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  ),
];
const LIMITS = {
  maxRows: 100,
  maxCols: 10,
  tooBig: (col: number, row: number) => new Error(`too ${col > 10 ? 'wide' : 'long'} at column ${col}, row ${row}`),
  damaged: (why: string) => new Error(why),
  invalidText: () => new Error('not UTF-8'),
};

async function rowsOf(sheetData: string, shared: SharedString[] = [], date1904 = false, limits = LIMITS) {
  const out = [];
  for await (const batch of sheetRows(xmlOf(sheetData), (i) => sharedText(shared[i]), { date1904 }, limits)) out.push(...batch);
  return out;
}

describe('reading a workbook', () => {
  it('reads every kind of cell as a plain value, and hidden sheets too', async () => {
    const raw = await readWorkbook(await saveWorkbook(mixedWorkbook()), 'mixed.xlsx');
    expect(raw.date1904).toBe(false);
    expect(raw.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Mixed', false],
      ['Hidden', true],
    ]);
    const [mixed, hidden] = raw.sheets;
    expect(mixed!.rows[0]).toEqual({
      row: 1,
      cells: [
        'Tom & Jerry <"x"> &amp;lt; stays literal',
        'bold plain',
        1234.56,
        true,
        { date: 45383, text: '01/04/2024' },
        2469.12,
        'text result',
        true,
        { problem: 'error-value', text: '#DIV/0!' },
        { problem: 'formula-without-value', text: '=C1+1' },
        { problem: 'error-value', text: '#N/A' },
        'link',
        0,
      ],
    });
    const row3 = mixed!.rows[1]!;
    expect(row3.row).toBe(3);
    expect(row3.cells).toHaveLength(26);
    expect([row3.cells[0], row3.cells[25], row3.cells.slice(1, 25).every((c) => c === null)]).toEqual([-5, 'far right', true]);
    expect(mixed!.rows[2]).toEqual({ row: 5, cells: [null, '  spaced  '] });
    // Row 6 holds only formatting: not a row.
    expect(mixed!.rows).toHaveLength(3);
    expect(hidden!.rows).toEqual([{ row: 1, cells: ['kept'] }]);
  });

  it('keeps characters whole where the file is cut into chunks', async () => {
    // Text made almost all of two-, three- and four-byte characters, so the edges of the chunks
    // of inflated XML fall inside characters (exceljs's own streaming reader garbles those).
    const texts = Array.from({ length: 3000 }, (_, i) => `${i} ${'–'.repeat(40 + (i % 5))} Zoë’s £ ${'😀'.repeat(20)}`);
    // exceljs's streaming writer, with shared strings as Excel writes them (its buffered
    // writer garbles such text itself).
    for (const useSharedStrings of [true, false]) {
      const bytes = await streamedWorkbook(
        (wb) => {
          const sheet = wb.addWorksheet('Text');
          for (const t of texts) sheet.addRow([t]).commit();
          sheet.commit();
        },
        { useSharedStrings },
      );
      const raw = await readWorkbook(bytes, 'text.xlsx');
      expect(
        raw.sheets[0]!.rows.map((r) => r.cells[0]),
        `shared strings: ${useSharedStrings}`,
      ).toEqual(texts);
      const there = await readWorkbookOffThread(Buffer.from(bytes), 'text.xlsx');
      expect(
        there.sheets[0]!.rows.map((r) => r.cells[0]),
        `off thread, shared strings: ${useSharedStrings}`,
      ).toEqual(texts);
    }
  });

  it('stops a part that inflates beyond the size its zip declares', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Text');
    for (let r = 1; r <= 500; r++) sheet.getCell(r, 1).value = `line ${r} `.repeat(20);
    const bytes = await saveWorkbook(wb);
    // Declare the shared strings a tenth of their real size, in the directory and the local header:
    // the checks before reading trust declared sizes; the read itself must not.
    const name = Buffer.from('xl/sharedStrings.xml');
    const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    let at = bytes.indexOf(CENTRAL);
    let patched = 0;
    while (at >= 0) {
      if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) {
        const real = bytes.readUInt32LE(at + 24);
        bytes.writeUInt32LE(Math.floor(real / 10), at + 24);
        const local = bytes.readUInt32LE(at + 42);
        bytes.writeUInt32LE(Math.floor(real / 10), local + 22);
        patched++;
      }
      at = bytes.indexOf(CENTRAL, at + 4);
    }
    expect(patched).toBe(1);
    for (const read of [() => readWorkbook(bytes, 'liar.xlsx'), () => readWorkbookOffThread(Buffer.from(bytes), 'liar.xlsx')]) {
      const e = await read().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toBe(
        'liar.xlsx could not be read as an Excel workbook: its part xl/sharedStrings.xml is damaged. Open it in Excel, save it as .xlsx, and try again.',
      );
    }
  });

  it("reads parts whose elements carry a namespace prefix, and LibreOffice's 1904 flag", async () => {
    const bytes = handMadeXlsx(
      oneSheetParts({
        prefix: 'x',
        workbookPr: 'date1904="true"',
        sheetName: 'P&amp;L',
        sharedStrings: ['Code', 'R&amp;D &lt;north&gt;'],
        sheetData: '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1"><x:v>43921</x:v></x:c></x:row>',
      }),
    );
    for (const raw of [await readWorkbook(bytes, 'prefixed.xlsx'), await readWorkbookOffThread(Buffer.from(bytes), 'prefixed.xlsx')]) {
      expect(raw).toEqual({ date1904: true, sheets: [{ name: 'P&L', hidden: false, rows: [{ row: 1, cells: ['Code', 'R&D <north>', 43921] }] }] });
    }
  });

  it('refuses a cell that refers to text the file does not hold, and damaged shared strings, on either thread', async () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      [
        'no-strings.xlsx',
        oneSheetParts({ sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }),
        /refers to shared text number 0, which the file does not hold/,
      ],
      ['short.xlsx', oneSheetParts({ sharedStrings: ['only'], sheetData: '<row r="1"><c r="A1" t="s"><v>3</v></c></row>' }), /refers to shared text number 3/],
      [
        'broken.xlsx',
        oneSheetParts({ sharedStrings: '<sst><si><t>open</si></sst>', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }),
        /could not be read as an Excel workbook: it may be damaged/,
      ],
    ];
    for (const [name, parts, message] of cases) {
      const bytes = handMadeXlsx(parts);
      for (const read of [() => readWorkbook(bytes, name), () => readWorkbookOffThread(Buffer.from(bytes), name)]) {
        const e = await read().catch((x: unknown) => x);
        expect(e, name).toBeInstanceOf(AppError);
        expect((e as AppError).code, name).toBe('INVALID_FILE');
        expect((e as AppError).message, name).toMatch(new RegExp(`^${name.replace('.', '\\.')} `));
        expect((e as AppError).message, name).toMatch(message);
      }
    }
  });

  it('knows a workbook that counts dates from 1904', async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    wb.addWorksheet('D').getCell('A1').value = 43921;
    expect((await readWorkbook(await saveWorkbook(wb), 'd.xlsx')).date1904).toBe(true);
  });

  it('reads sheet XML as other programs write it', async () => {
    const shared: SharedString[] = ['plain', { richText: [{ text: 'rich ' }, { text: 'text' }] }, null];
    const rows = await rowsOf(
      // No r on the second row or its cells; inline strings with runs and a phonetic guide; an
      // ISO date; a shared formula follower; escaped text; a formula with no saved value.
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" s="3"/></row>' +
        '<row><c t="inlineStr"><is><r><t>Ap</t></r><r><t xml:space="preserve">ple </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c><c t="d"><v>2024-04-01T00:00:00</v></c><c><f t="shared" si="0"/><v>12.5</v></c></row>' +
        '<row r="7"><c r="B7" t="str"><v>a &amp;lt; b &amp; c</v></c><c r="C7"><f>SUM(A1:A2)</f></c><c r="D7" t="b"><v>0</v></c><c r="E7" t="e"><v>#REF!</v></c><c r="F7"><v>not a number</v></c></row>' +
        '<row r="8"><c r="A8" s="1"/><c r="B8" s="2"><v></v></c></row>',
      shared,
    );
    expect(rows).toEqual([
      { row: 2, cells: ['plain', 'rich text'] },
      { row: 3, cells: ['Apple ', { date: 45383, text: '01/04/2024' }, 12.5] },
      {
        row: 7,
        cells: [
          null,
          'a &lt; b & c',
          { problem: 'formula-without-value', text: '=SUM(A1:A2)' },
          false,
          { problem: 'error-value', text: '#REF!' },
          'not a number',
        ],
      },
      // Row 8 holds only formatting and an empty number: nothing.
    ]);
    expect((await rowsOf('<row r="1"><c r="A1" t="d"><v>2024-04-01</v></c></row>', [], true))[0]!.cells).toEqual([{ date: 45383 - 1462, text: '01/04/2024' }]);
  });

  it('stops at the first value past its limits, but not at formatting beyond them', async () => {
    await expect(rowsOf('<row r="101"><c r="A101"><v>1</v></c></row>')).rejects.toThrow('too long at column 1, row 101');
    await expect(rowsOf('<row r="101"><c r="B101" s="3"/><c r="C101"><v>1</v></c></row>')).rejects.toThrow('too long at column 3, row 101');
    await expect(rowsOf('<row r="1"><c r="K1"><v>1</v></c></row>')).rejects.toThrow('too wide at column 11, row 1');
    expect(await rowsOf('<row r="1"><c r="A1"><v>1</v></c><c r="Z1" s="4"/></row><row r="5000"><c r="A5000" s="4"/></row>')).toEqual([{ row: 1, cells: [1] }]);
  });

  it('refuses rows out of order, which is also how a file cannot repeat one row past the limit', async () => {
    const repeated = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(3);
    await expect(rowsOf(repeated)).rejects.toThrow('row 1 is out of order after row 1');
    await expect(rowsOf('<row r="x"><c><v>1</v></c></row>')).rejects.toThrow('row x is out of order after row 0');
    expect(await rowsOf('<row><c><v>1</v></c></row><row><c><v>2</v></c></row>')).toEqual([
      { row: 1, cells: [1] },
      { row: 2, cells: [2] },
    ]);
  });

  it('reads cells as openpyxl and odd writers store them', async () => {
    const rows = await rowsOf(
      // openpyxl's formula with no result; an empty value; hex, which is not a number a sheet
      // stores; booleans written out; a date formula result.
      '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v></v></c><c r="B1"><v/></c><c r="C1"><v>0x1A</v></c><c r="D1" t="b"><v>false</v></c><c r="E1" t="b"><v>true</v></c>' +
        '<c r="F1" t="d"><f>TODAY()</f><v>2024-04-01</v></c><c r="G1" t="str"><f>""</f><v></v></c><c r="H1"><f t="shared" si="0"/><v></v></c></row>',
    );
    expect(rows).toEqual([
      {
        row: 1,
        cells: [
          { problem: 'formula-without-value', text: '=SUM(B1:C1)' },
          null,
          '0x1A',
          false,
          true,
          { date: 45383, text: '01/04/2024' },
          '',
          { problem: 'formula-without-value', text: 'a formula (shared with the cell above)' },
        ],
      },
    ]);
  });
});

describe('reading a workbook on a worker thread', () => {
  it('gives what reading on this thread gives, sheet by sheet as each is done', async () => {
    const bytes = await saveWorkbook(mixedWorkbook());
    const here = await readWorkbook(bytes, 'mixed.xlsx');
    const seen: string[] = [];
    const progress: number[] = [];
    const there = await readWorkbookOffThread(Buffer.from(bytes), 'mixed.xlsx', {
      onSheetRead: (s) => seen.push(`${s.name}:${s.rows.length}`),
      onProgress: (p) => progress.push(p.fraction),
    });
    expect(there).toEqual(here);
    expect(seen).toEqual(['Mixed:3', 'Hidden:1']);
    expect(progress.at(-1)).toBe(1);
  });

  it('reports the reader’s refusals as the same sentences', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Long');
    for (let r = 1; r <= 30; r++) s.getCell(`A${r}`).value = r;
    const bytes = await saveWorkbook(wb);
    const limits = { ...READ_LIMITS, maxRows: 20 };
    const here = await readWorkbook(bytes, 'long.xlsx', undefined, limits).catch((e: unknown) => e);
    const there = await readWorkbookOffThread(Buffer.from(bytes), 'long.xlsx', { limits }).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(AppError);
    expect(there).toBeInstanceOf(AppError);
    expect((there as AppError).message).toBe(
      'long.xlsx has a value in cell A21 of the sheet "Long" (21), below the last row HNB Desk reads: it reads at most 200 columns and 20 rows. Delete what is below row 20 and import again.',
    );
    expect((here as AppError).message).toBe((there as AppError).message);
    expect([(there as AppError).code, (there as AppError).details]).toEqual([(here as AppError).code, (here as AppError).details]);

    const damaged = Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(400, 7), bytes.subarray(600)]);
    const broken = await readWorkbookOffThread(damaged, 'damaged.xlsx').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(AppError);
    expect((broken as AppError).message).toMatch(/^damaged\.xlsx (is damaged|could not be read as an Excel workbook)/);
  });
});

describe('a value far outside the data', () => {
  const refusal = async (bytes: Buffer, name: string, limits = READ_LIMITS) => {
    const messages: string[] = [];
    for (const read of [() => readWorkbook(bytes, name, undefined, limits), () => readWorkbookOffThread(Buffer.from(bytes), name, { limits })]) {
      const e = await read().then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, name).toBeInstanceOf(AppError);
      expect([(e as AppError).code, (e as AppError).details]).toEqual(['INVALID_FILE', { fileName: name, rule: 'size limits' }]);
      messages.push((e as AppError).message);
    }
    expect(messages[1], `${name}: the same sentence on either thread`).toBe(messages[0]);
    return messages[0];
  };

  it('is refused naming its cell and what it holds, as shared or inline text', async () => {
    const far =
      'report.xlsx has a value in cell XFD12 of the sheet "Monitoring return" ("x"), far outside the data: HNB Desk reads at most 200 columns and 200,000 rows. Delete the stray cell and import again.';
    const data = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="12"><c r="A12"><v>5</v></c>';
    const shared = oneSheetParts({ sheetName: 'Monitoring return', sharedStrings: ['Code', 'x'], sheetData: `${data}<c r="XFD12" t="s"><v>1</v></c></row>` });
    expect(await refusal(handMadeXlsx(shared), 'report.xlsx')).toBe(far);
    const inline = oneSheetParts({
      sheetName: 'Monitoring return',
      sharedStrings: ['Code'],
      sheetData: `${data}<c r="XFD12" t="inlineStr"><is><t>x</t></is></c></row>`,
    });
    expect(await refusal(handMadeXlsx(inline), 'report.xlsx')).toBe(far);
  });

  it('is the first such cell, whether its text came before or after, and blank text out there does not count', async () => {
    const sheetData =
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="4"><c r="XFD4" t="s"><v>2</v></c></row>' +
      '<row r="5"><c r="A5"><v>1</v></c><c r="KN5" t="s"><v>1</v></c></row><row r="12"><c r="KN12"><v>7</v></c></row>';
    expect(await refusal(handMadeXlsx(oneSheetParts({ sharedStrings: ['Code', 'stray', ''], sheetData })), 'first.xlsx')).toBe(
      'first.xlsx has a value in cell KN5 of the sheet "Data" ("stray"), far outside the data: HNB Desk reads at most 200 columns and 200,000 rows. Delete the stray cell and import again.',
    );
    // The text at KN5 blank too: the number at KN12 is the first value out there.
    expect(await refusal(handMadeXlsx(oneSheetParts({ sharedStrings: ['Code', '', ''], sheetData })), 'first.xlsx')).toBe(
      'first.xlsx has a value in cell KN12 of the sheet "Data" (7), far outside the data: HNB Desk reads at most 200 columns and 200,000 rows. Delete the stray cell and import again.',
    );
  });

  it('below the last row is refused naming its cell, a date by its date', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Long');
    for (let r = 1; r <= 20; r++) s.getCell(`A${r}`).value = r;
    s.getCell('C21').style = { font: { bold: true } };
    s.getCell('D21').value = new Date(Date.UTC(2024, 3, 1));
    expect(await refusal(await saveWorkbook(wb), 'long.xlsx', { ...READ_LIMITS, maxRows: 20 })).toBe(
      'long.xlsx has a value in cell D21 of the sheet "Long" (01/04/2024), below the last row HNB Desk reads: it reads at most 200 columns and 20 rows. Delete what is below row 20 and import again.',
    );
  });
});

describe('the built worker', () => {
  it('is what the packaged app runs, and reads the same', async () => {
    const built = resolve(__dirname, '../../../../../out/main/read-worker.js');
    expect(existsSync(built), `${built} is missing: npm test builds it (npm run build)`).toBe(true);
    const bytes = await saveWorkbook(mixedWorkbook());
    setBuiltReadWorker(built);
    try {
      expect(await readWorkbookOffThread(Buffer.from(bytes), 'mixed.xlsx')).toEqual(await readWorkbook(bytes, 'mixed.xlsx'));
    } finally {
      setBuiltReadWorker(null);
    }
  });
});

describe('a reader thread that cannot start', () => {
  it('is reported as HNB Desk’s fault, not the file’s', async () => {
    setBuiltReadWorker(resolve(__dirname, 'no-such-worker.js'));
    try {
      const e = await readWorkbookOffThread(await saveWorkbook(mixedWorkbook()), 'fine.xlsx').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('INTERNAL');
      expect((e as AppError).message).toMatch(/^HNB Desk could not run its workbook reader, so fine\.xlsx was not read\./);
    } finally {
      setBuiltReadWorker(null);
    }
  });
});
