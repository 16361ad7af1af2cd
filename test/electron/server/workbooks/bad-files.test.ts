import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';
import { exportBytes, handMadeXlsx, loadWorkbook, saveWorkbook } from '../../../support/workbooks';

let t: TestServer;
afterEach(() => t?.close());

function cfb(withEncryption: boolean): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  if (withEncryption) Buffer.from('EncryptedPackage', 'utf16le').copy(b, 1024);
  return b;
}

async function sheetWith(put: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  put(wb.addWorksheet('Data'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bad files are refused with a sentence, and the database is untouched', () => {
  const cases: Array<[string, () => Promise<{ name: string; bytes: Buffer }>, RegExp]> = [
    [
      'a file over the size limit',
      async () => ({ name: 'huge.xlsx', bytes: Buffer.alloc(51 * 1024 * 1024, 1) }),
      /huge\.xlsx is 51 MB; HNB Desk reads workbooks up to 50 MB/,
    ],
    [
      'a zip far larger unpacked than on disk',
      async () => ({
        name: 'bomb.xlsx',
        bytes: handMadeXlsx({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(120 * 1024 * 1024) }, { deflate: true }),
      }),
      /bomb\.xlsx would expand to .* far beyond its .* on disk/,
    ],
    [
      'more rows than the limit',
      async () => ({ name: 'rows.xlsx', bytes: await sheetWith((ws) => (ws.getCell('A250001').value = 1)) }),
      /^rows\.xlsx has a value in cell A250001 of the sheet "Data" \(1\), below the last row HNB Desk reads: it reads at most 200 columns and 200,000 rows\. Delete what is below row 200,000 and import again\.$/,
    ],
    [
      'more columns than the limit',
      async () => ({ name: 'cols.xlsx', bytes: await sheetWith((ws) => (ws.getCell(1, 300).value = 1)) }),
      /^cols\.xlsx has a value in cell KN1 of the sheet "Data" \(1\), far outside the data: HNB Desk reads at most 200 columns and 200,000 rows\. Delete the stray cell and import again\.$/,
    ],
    ['a text file', async () => ({ name: 'notes.xlsx', bytes: Buffer.from('Cost centre,Budget\nHN01,100\n') }), /notes\.xlsx is not an Excel workbook/],
    ['a password-protected workbook', async () => ({ name: 'locked.xlsx', bytes: cfb(true) }), /locked\.xlsx is protected with a password/],
    ['an old .xls workbook', async () => ({ name: 'old.xls', bytes: cfb(false) }), /old\.xls is in the old Excel 97-2003 format/],
    [
      'a macro workbook',
      async () => ({ name: 'macro.xlsm', bytes: await sheetWith((ws) => (ws.getCell('A1').value = 1)) }),
      /macro\.xlsm is a macro-enabled workbook/,
    ],
    [
      'macros hidden in an .xlsx',
      async () => ({ name: 'sneaky.xlsx', bytes: handMadeXlsx({ 'xl/workbook.xml': '<workbook/>', 'xl/vbaProject.bin': 'x' }, { deflate: true }) }),
      /sneaky\.xlsx contains macros/,
    ],
  ];

  for (const [what, make, message] of cases) {
    it(what, async () => {
      t = await testServer({ demo: true });
      const { name, bytes } = await make();
      const before = dumpTables(t.sqlite);
      const e = await t.refused('importFile', { source: { fileName: name, base64: bytes.toString('base64') } });
      expect(e.code).toBe('INVALID_FILE');
      expect(e.message).toMatch(message);
      expect(dumpTables(t.sqlite)).toEqual(before);
      expect((await t.ok('getImportProgress', {})).active).toBe(false);
    }, 30_000);
  }

  it('a file read from a path gets the same checks, and a missing path a plain sentence', async () => {
    t = await testServer({ demo: true });
    const path = join(t.dir, 'locked.xlsx');
    writeFileSync(path, cfb(true));
    const before = dumpTables(t.sqlite);
    expect((await t.refused('importFile', { source: { path } })).message).toMatch(/protected with a password/);
    expect((await t.refused('importFile', { source: { path: join(t.dir, 'nope.xlsx') } })).message).toMatch(/There is no file at/);
    expect((await t.refused('importFile', { source: { path: t.dir } })).code).toBe('INVALID_FILE');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('an empty workbook, one without headings, or one whose data sheet was renamed gets a sentence naming the sheet', async () => {
    t = await testServer({ demo: true });
    const before = dumpTables(t.sqlite);
    const foreign = { kind: 'monitoring', scope: { year: '2026-27', period: 7 } };
    const refuse = async (name: string, bytes: Buffer, extra = {}) =>
      t.refused('importFile', { source: { fileName: name, base64: bytes.toString('base64') }, ...extra });

    const empty = await refuse('empty.xlsx', await sheetWith(() => undefined), foreign);
    expect(empty).toMatchObject({ code: 'INVALID_FILE', message: 'empty.xlsx holds no data: its sheet "Data" is empty.' });
    const numbers = await refuse('numbers.xlsx', await sheetWith((ws) => ws.addRow([1, 2, 3])), foreign);
    expect(numbers.message).toMatch(/^No heading row was found on the sheet "Data" of numbers\.xlsx/);

    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: '2026-27', period: 7 }));
    wb.getWorksheet('Monitoring return')!.name = 'My return';
    const renamed = await refuse('renamed.xlsx', await saveWorkbook(wb));
    expect(renamed).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(/renamed\.xlsx has no sheet named "Monitoring return"/) });
    expect(dumpTables(t.sqlite)).toEqual(before);
  }, 30_000);

  it('lists every bad cell at once, including a formula with no saved value', async () => {
    t = await testServer({ demo: true });
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: '2026-27', period: 7 }));
    const sh = wb.getWorksheet('Monitoring return')!;
    sh.getCell('I5').value = { formula: 'G5*1.1' } as ExcelJS.CellFormulaValue;
    // Typing a date into a money cell in Excel also changes the cell's format to a date one.
    sh.getCell('I6').value = new Date(Date.UTC(2025, 11, 19));
    sh.getCell('I6').style = { ...sh.getCell('I6').style, numFmt: 'dd/mm/yyyy' };
    sh.getCell('K7').value = 'n/a';
    sh.getCell('A8').value = 'abc';
    const before = dumpTables(t.sqlite);
    const r = await t.ok('importFile', { source: { fileName: 'r.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
    if (r.stage !== 'preview') throw new Error(r.stage);
    expect(r.preview.errors.map((e) => e.message)).toEqual([
      'Monitoring return!I5 — Forecast outturn a formula needs its saved value: open the file in Excel, save it, and import again — found =G5*1.1',
      'Monitoring return!I6 — Forecast outturn must be an amount in pounds, not a date — found 19/12/2025',
      'Monitoring return!K7 — Actual to date must be an amount in pounds, such as 1234.56, £1,234 or (1,234) — found "n/a"',
      'Monitoring return!A8 — must be the row id HNB Desk wrote (leave column A alone) — found "abc"',
    ]);
    expect((await t.refused('applyImport', { importId: r.preview.importId })).details?.issues).toHaveLength(4);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
