/**
 * Returned workbooks are untrusted in every cell: the sheet's protection has no password, so
 * anyone can sort over the visible columns, paste rows from another return, clear or type over
 * the hidden ids, edit the hidden `_meta` sheet, or type a date where money goes. Each hostile
 * file below is made from a real export, and each must be refused with its sheet and cell
 * named, or (where every line code is valid and unique) matched by code and flagged, and the
 * database must be unchanged table by table until an apply is confirmed.
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportStart } from '../../../../electron/shared/workbook-types';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';
import { columnOf, DEMO_PERIOD, DEMO_YEAR, demoMonitoring, exportBytes, loadWorkbook, rowOfCode, saveWorkbook } from '../../../support/workbooks';

let t: TestServer;
let returnBytes: Buffer;
let before: Record<string, unknown[]>;
const SHEET = 'Monitoring return';

beforeAll(async () => {
  t = await testServer({ demo: true });
  returnBytes = await exportBytes(t, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD });
  before = dumpTables(t.sqlite);
});
afterAll(() => t.close());

/** The export, changed by `edit`, as the bytes a budget holder would send back. */
async function hostile(
  edit: (sh: ExcelJS.Worksheet, meta: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>,
  from = returnBytes,
): Promise<Buffer> {
  const wb = await loadWorkbook(from);
  await edit(wb.getWorksheet(SHEET)!, wb.getWorksheet('_meta')!, wb);
  return saveWorkbook(wb);
}

async function importOf(
  bytes: Buffer,
  name = 'hostile.xlsx',
): Promise<
  | { ok: true; start: ImportStart }
  | { ok: false; error: { code: string; message: string; details?: { issues?: Array<{ sheet?: string; cell?: string; message: string }> } } }
> {
  const r = await t.server.call('importFile', { source: { fileName: name, base64: bytes.toString('base64') } });
  return r.ok ? { ok: true, start: r.value as ImportStart } : { ok: false, error: r.error };
}

async function previewOf(bytes: Buffer): Promise<ImportPreview> {
  const r = await importOf(bytes);
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  if (r.start.stage !== 'preview') throw new Error(r.start.stage);
  return r.start.preview;
}

/** Applying must be refused too, and nothing may have been written by either step. */
async function refusedToApply(p: ImportPreview): Promise<void> {
  const r = await t.server.call('applyImport', { importId: p.importId, prefer: 'file', confirmFlags: true });
  expect(r.ok).toBe(false);
  expect(dumpTables(t.sqlite)).toEqual(before);
}

const rowsOf = (sh: ExcelJS.Worksheet) => {
  const out: number[] = [];
  for (let r = 5; r <= sh.rowCount; r++) if (typeof sh.getCell(r, 1).value === 'number') out.push(r);
  return out;
};

/** Sorts the rows by the values in the visible columns B..L only, leaving the hidden ids in column A where they were. */
function sortVisibleOnly(sh: ExcelJS.Worksheet, by: (values: ExcelJS.CellValue[]) => string): void {
  const rows = rowsOf(sh);
  const width = sh.columnCount;
  const visible = rows.map((r) => Array.from({ length: width - 1 }, (_, i) => sh.getCell(r, i + 2).value));
  const sorted = [...visible].sort((a, b) => by(b).localeCompare(by(a)));
  rows.forEach((r, i) => {
    sorted[i]!.forEach((v, j) => {
      sh.getCell(r, j + 2).value = v as ExcelJS.CellValue;
    });
  });
}

describe('rows moved without their hidden id', () => {
  it('sorted over the visible columns only: every code is valid and unique, so rows are matched by code, flagged, and no figure moves', async () => {
    const lines = (await demoMonitoring(t)).rows;
    const a = lines[3]!;
    const bytes = await hostile((sh) => {
      sortVisibleOnly(sh, (v) => String(v[0]));
      // A real edit among the sorted rows must land on its own line, whichever id sits beside it.
      sh.getRow(rowOfCode(sh, a.code)).getCell(columnOf(sh, 'Forecast outturn')).value = 1234;
    });
    const p = await previewOf(bytes);
    expect(p.matchedBy).toBe('key');
    expect(p.flags.map((f) => f.code)).toContain('matched-by-key');
    expect(p.flags.find((f) => f.code === 'matched-by-key')!.message).toMatch(
      /did not agree with the line codes on \d+ rows \(Monitoring return!A\d+: the row says HN\d+, but its hidden id belongs to line HN\d+\)/,
    );
    expect(p.errors).toEqual([]);
    expect(p.rows.filter((r) => r.status === 'changed').map((r) => [r.ref, r.key])).toEqual([[a.code, String(a.lineId)]]);
    expect(dumpTables(t.sqlite)).toEqual(before);
    // Apply asks again; once confirmed, the figure lands on the line the code names.
    expect((await t.server.call('applyImport', { importId: p.importId })).ok).toBe(false);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('sorted, with one code cleared: the codes cannot be trusted either, so every moved row is refused by name', async () => {
    const bytes = await hostile((sh) => {
      sortVisibleOnly(sh, (v) => String(v[0]));
      sh.getCell(rowsOf(sh)[2]!, 2).value = null;
    });
    const p = await previewOf(bytes);
    expect(p.errors.map((e) => e.message)).toContain('Monitoring return!B7 — Line code must not be blank — found a blank cell');
    const summary = p.errors.findIndex((e) => /rows have a hidden id that does not match their line code/.test(e.message));
    expect(p.errors[summary]!.message).toMatch(/so HNB Desk cannot tell which line they belong to.*Export the workbook again.*sort including column A/);
    const named = p.errors.slice(summary + 1);
    expect(named.length).toBeGreaterThan(5);
    for (const e of named)
      expect(e.message).toMatch(
        /^Monitoring return!A\d+ — (the row says HN\d+, but its hidden id belongs to line HN\d+|the row's line code has been cleared, and its hidden id belongs to line HN\d+) — found id \d+$/,
      );
    await refusedToApply(p);
  });

  it('two ids swapped: matched by code, with both rows named in the flag', async () => {
    const p = await previewOf(
      await hostile((sh) => {
        const [r1, r2] = [rowsOf(sh)[0]!, rowsOf(sh)[5]!];
        const id = sh.getCell(r1, 1).value;
        sh.getCell(r1, 1).value = sh.getCell(r2, 1).value;
        sh.getCell(r2, 1).value = id;
      }),
    );
    expect(p.matchedBy).toBe('key');
    expect(p.flags.find((f) => f.code === 'matched-by-key')!.message).toMatch(/on 2 rows/);
    expect(p.counts.changed).toBe(0);
  });

  it('two ids swapped and a code repeated: refused, every disagreeing row named', async () => {
    const p = await previewOf(
      await hostile((sh) => {
        const rows = rowsOf(sh);
        const id = sh.getCell(rows[0]!, 1).value;
        sh.getCell(rows[0]!, 1).value = sh.getCell(rows[5]!, 1).value;
        sh.getCell(rows[5]!, 1).value = id;
        sh.getCell(rows[7]!, 2).value = sh.getCell(rows[8]!, 2).value;
      }),
    );
    expect(p.errors.map((e) => e.cell).slice(1)).toEqual(expect.arrayContaining(['A5', 'A10', 'A12']));
    await refusedToApply(p);
  });

  it('an id typed over: matched by code when all codes are sound, refused when the code is another line’s too', async () => {
    const typedOver = await previewOf(
      await hostile((sh) => {
        sh.getCell(rowsOf(sh)[1]!, 1).value = 99999;
      }),
    );
    expect(typedOver.matchedBy).toBe('key');
    expect(typedOver.flags[0]!.message).toMatch(/the hidden row id is not one of the lines this workbook was exported with/);
    const both = await previewOf(
      await hostile((sh) => {
        const rows = rowsOf(sh);
        sh.getCell(rows[1]!, 1).value = 99999;
        sh.getCell(rows[1]!, 2).value = 'ZZ-NOT-A-LINE';
      }),
    );
    const second = rowsOf((await loadWorkbook(returnBytes)).getWorksheet(SHEET)!)[1];
    expect(both.errors.find((e) => e.cell === `A${second}`)!.message).toMatch(
      /the hidden row id is not one of the lines this workbook was exported with — found id 99999 on a row that says ZZ-NOT-A-LINE/,
    );
    await refusedToApply(both);
  });

  it('every id cleared: the codes still name each line once, so rows are matched by code and flagged', async () => {
    const p = await previewOf(
      await hostile((sh) => {
        for (const r of rowsOf(sh)) sh.getCell(r, 1).value = null;
      }),
    );
    expect(p.matchedBy).toBe('key');
    expect(p.flags[0]!.message).toMatch(/its hidden row id has been cleared/);
    expect(p.counts).toMatchObject({ changed: 0, missing: 0, unmatched: 0 });
  });

  it('a row pasted in from another budget holder’s return: its line is not in this workbook, so it is refused by name', async () => {
    const lines = (await demoMonitoring(t)).rows;
    const holders = [...new Set(lines.map((l) => l.holder))];
    const mine = holders[0]!;
    const theirs = lines.find((l) => l.holder !== mine)!;
    const myReturn = await exportBytes(t, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD, holder: mine });
    const theirReturn = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD, holder: theirs.holder }));
    const src = theirReturn.getWorksheet(SHEET)!;
    const srcRow = rowOfCode(src, theirs.code);
    const bytes = await hostile((sh) => {
      const target = rowsOf(sh)[0]!;
      for (let c = 1; c <= sh.columnCount; c++) sh.getCell(target, c).value = src.getCell(srcRow, c).value;
    }, myReturn);
    const p = await previewOf(bytes);
    expect(p.errors.map((e) => e.message).join('\n')).toMatch(
      new RegExp(
        `Monitoring return!A5 — the hidden row id is not one of the lines this workbook was exported with — found id ${theirs.lineId} on a row that says ${theirs.code}`,
      ),
    );
    await refusedToApply(p);
  });
});

describe('the hidden _meta sheet, edited', () => {
  const metaRow = (meta: ExcelJS.Worksheet, key: string) => {
    for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === key) return r;
    throw new Error(`no ${key}`);
  };
  const setMeta = (key: string, value: ExcelJS.CellValue) =>
    hostile((_sh, meta) => {
      meta.getCell(metaRow(meta, key), 2).value = value;
    });

  it.each<[string, string, ExcelJS.CellValue, RegExp]>([
    ['a format mark that is not ours', 'format', 'Some other tool', /its hidden _meta sheet has been changed \(_meta!B1: it is not a sheet HNB Desk wrote\)/],
    ['an unknown kind', 'kind', 'payroll', /says \(_meta!B3\) it is a "payroll" workbook, which this version of HNB Desk does not know/],
    ['another kind than the sheet holds', 'kind', 'budget', /_meta!B\d+ names the sheet "Monitoring return"/],
    [
      'a newer layout than this app reads',
      'schemaVersion',
      99,
      /written by a newer version of HNB Desk \(its high needs monitoring return layout is version 99; this version reads up to 1\)/,
    ],
    ['a schema version that is not a number', 'schemaVersion', 'one', /_meta!B4: its schema version is not a whole number/],
    [
      'another workspace’s id, under this one’s name',
      'workspaceId',
      '00000000-0000-0000-0000-000000000000',
      /exported from another workspace file that is also called/,
    ],
    ['a year this workspace does not hold', 'scope.year', '2031-32', /_meta!B7 — the year 2031-32 does not exist in this workspace/],
    ['a year written wrongly', 'scope.year', '2026/27', /_meta!B7 — Year must be a financial year such as 2024-25/],
    ['period 7.5', 'scope.period', 7.5, /_meta!B8 — Period must be a period number from 1 \(April\) to 12 \(March\)/],
    ['period 13', 'scope.period', 13, /_meta!B8 — Period must be a period from P1 \(April\) to P12 \(March\)/],
    ['a period given as text', 'scope.period', 'P7', /_meta!B8 — Period must be a period number/],
    ['a row count that does not match', 'rowCount', 3, /it lists \d+ row fingerprints where it says it has 3/],
    ['a damaged fingerprint', 'fingerprints', 'x:1;2', /_meta!B\d+: a row fingerprint is damaged/],
  ])('%s is refused with the cell named, and nothing written', async (_what, key, value, message) => {
    const r = await importOf(await setMeta(key, value));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_FILE');
    expect(r.error.message).toMatch(message);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('a period taken out of a return is refused: a monitoring return is for one period', async () => {
    const r = await importOf(await hostile((_sh, meta) => meta.spliceRows(metaRow(meta, 'scope.period'), 1)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Period is required/);
  });

  it('a period put into a budget is refused: a budget covers the whole year', async () => {
    const budget = await exportBytes(t, { kind: 'budget', year: DEMO_YEAR });
    const wb = await loadWorkbook(budget);
    const meta = wb.getWorksheet('_meta')!;
    meta.getCell(metaRow(meta, 'scope.year'), 1).value = 'scope.period';
    meta.getCell(metaRow(meta, 'scope.period'), 2).value = 7;
    const r = await importOf(await saveWorkbook(wb));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/a high needs budget has no period|Year is required/);
  });
});

describe('cells that are not what their column holds', () => {
  it('a date typed in a money cell, a number formatted as a date, and TRUE are refused with the cell named, never read as pounds', async () => {
    const lines = (await demoMonitoring(t)).rows;
    const p = await previewOf(
      await hostile((sh) => {
        const fc = columnOf(sh, 'Forecast outturn');
        const ac = columnOf(sh, 'Actual to date');
        // Excel gives a cell a date format when a date is typed into it; exceljs keeps the money format, so set it as Excel would.
        const typed = sh.getRow(rowOfCode(sh, lines[0]!.code)).getCell(fc);
        typed.value = new Date(Date.UTC(2025, 11, 19));
        typed.style = { ...typed.style, numFmt: 'dd/mm/yyyy' };
        const asDate = sh.getRow(rowOfCode(sh, lines[1]!.code)).getCell(fc);
        asDate.value = 45000;
        // exceljs shares one style object down a column: copy it, or every cell below turns into a date too.
        asDate.style = { ...asDate.style, numFmt: 'dd/mm/yyyy' };
        sh.getRow(rowOfCode(sh, lines[2]!.code)).getCell(ac).value = true;
      }),
    );
    const messages = p.errors.map((e) => e.message);
    expect(messages).toEqual([
      expect.stringMatching(/^Monitoring return!I5 — Forecast outturn must be an amount in pounds, not a date — found 19\/12\/2025$/),
      expect.stringMatching(/^Monitoring return!I6 — Forecast outturn must be an amount in pounds, not a date — found 15\/03\/2023$/),
      expect.stringMatching(/^Monitoring return!K7 — Actual to date must be an amount in pounds.* — found TRUE$/),
    ]);
    await refusedToApply(p);
  });

  it('a stray value far below the table is refused with its cell, not read as a line', async () => {
    const p = await previewOf(
      await hostile((sh) => {
        sh.getCell(5000, columnOf(sh, 'Forecast outturn')).value = 42;
      }),
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^Monitoring return!I5000 — a value far outside the data \(below the table, which ends at row \d+\) is not read: delete it, or move it into the table, and import again — found 42$/,
      ),
    ]);
    await refusedToApply(p);
  });
});

describe('negative amounts', () => {
  it('round trip as credits, in every way finance writes them, with a warning where a line has never had one', async () => {
    const s = await testServer({ demo: true });
    try {
      const lines = (await demoMonitoring(s)).rows;
      const [a, b, c] = lines;
      const wb = await loadWorkbook(await exportBytes(s, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD }));
      const sh = wb.getWorksheet(SHEET)!;
      const fc = columnOf(sh, 'Forecast outturn');
      const ac = columnOf(sh, 'Actual to date');
      sh.getRow(rowOfCode(sh, a!.code)).getCell(fc).value = -1234;
      sh.getRow(rowOfCode(sh, b!.code)).getCell(ac).value = '(1,234)';
      sh.getRow(rowOfCode(sh, c!.code)).getCell(ac).value = '£-1,234.50';
      const r = await s.ok('importFile', { source: { fileName: 'credits.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
      if (r.stage !== 'preview') throw new Error(r.stage);
      const p = r.preview;
      expect(p.errors).toEqual([]);
      expect(p.counts).toMatchObject({ changed: 3, warnings: 3 });
      expect(p.rows.find((x) => x.ref === a!.code)!.warnings!.join(' ')).toMatch(
        /Forecast outturn is negative \(-£1,234.00\), and this row has never had a negative forecast outturn/,
      );
      await s.ok('applyImport', { importId: p.importId, confirmFlags: true });
      const after = (await demoMonitoring(s)).rows;
      expect(after.find((x) => x.lineId === a!.lineId)!.forecastPence).toBe(-123_400);
      expect(after.find((x) => x.lineId === b!.lineId)!.actualPence).toBe(-123_400);
      expect(after.find((x) => x.lineId === c!.lineId)!.actualPence).toBe(-123_450);

      // Shown as (£1,234) once the workspace says so: on the export, and in the preview of a second import.
      await s.ok('saveSettings', { negativeStyle: 'brackets' });
      const again = await loadWorkbook(await exportBytes(s, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD }));
      const cell = again
        .getWorksheet(SHEET)!
        .getRow(rowOfCode(again.getWorksheet(SHEET)!, a!.code))
        .getCell(fc);
      expect(cell.value).toBe(-1234);
      expect(cell.numFmt).toBe('"£"#,##0.00;("£"#,##0.00);"£"0.00');
      // A line that has had a negative is no surprise the next time.
      again
        .getWorksheet(SHEET)!
        .getRow(rowOfCode(again.getWorksheet(SHEET)!, a!.code))
        .getCell(fc).value = -1500;
      const r2 = await s.ok('importFile', { source: { fileName: 'credits2.xlsx', base64: (await saveWorkbook(again)).toString('base64') } });
      if (r2.stage !== 'preview') throw new Error(r2.stage);
      expect(r2.preview.rows[0]!.warnings).toBeUndefined();
      expect(r2.preview.rows[0]!.cells[0]).toMatchObject({ old: '(£1,234.00)', new: '(£1,500.00)' });
    } finally {
      s.close();
    }
  });
});

describe('a sorted return, confirmed', () => {
  it('writes each figure to the line its code names, never to the line of the id beside it', async () => {
    const s = await testServer({ demo: true });
    try {
      const lines = (await demoMonitoring(s)).rows;
      const a = lines[3]!;
      const wb = await loadWorkbook(await exportBytes(s, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD }));
      const sh = wb.getWorksheet(SHEET)!;
      sortVisibleOnly(sh, (v) => String(v[0]));
      const row = rowOfCode(sh, a.code);
      expect(sh.getCell(row, 1).value).not.toBe(a.lineId);
      sh.getRow(row).getCell(columnOf(sh, 'Forecast outturn')).value = 1234;
      const r = await s.ok('importFile', { source: { fileName: 'sorted.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
      if (r.stage !== 'preview') throw new Error(r.stage);
      expect((await s.refused('applyImport', { importId: r.preview.importId })).code).toBe('NEEDS_CONFIRMATION');
      await s.ok('applyImport', { importId: r.preview.importId, confirmFlags: true });
      const after = (await demoMonitoring(s)).rows;
      const moved = after.filter((x, i) => x.forecastPence !== lines[i]!.forecastPence);
      expect(moved.map((x) => [x.code, x.forecastPence])).toEqual([[a.code, 123_400]]);
    } finally {
      s.close();
    }
  });
});

describe('files that are not what they say', () => {
  it('a file over the size limit is refused with its size and the limit, before it is read', async () => {
    const big = Buffer.concat([returnBytes, Buffer.alloc(51 * 1024 * 1024)]);
    const r = await importOf(big, 'huge.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'huge.xlsx is 52 MB; HNB Desk reads workbooks up to 50 MB. Delete unused sheets or rows, or split it into smaller workbooks, and import again.',
      );
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('text that is not valid UTF-8 is refused with its cell named, not stored as replacement characters', async () => {
    const wb = await loadWorkbook(returnBytes);
    const sh = wb.getWorksheet(SHEET)!;
    const row = rowsOf(sh)[0]!;
    sh.getRow(row).getCell(columnOf(sh, 'Commentary')).value = 'MARKER-TEXT';
    const good = await saveWorkbook(wb);
    // Put two bytes that are not UTF-8 where the commentary is: in the shared strings or the sheet, wherever exceljs wrote it.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(good);
    let patched = false;
    for (const name of Object.keys(zip.files)) {
      if (!name.startsWith('xl/') || !name.endsWith('.xml')) continue;
      const bytes = Buffer.from(await zip.file(name)!.async('uint8array'));
      const at = bytes.indexOf('MARKER-TEXT');
      if (at < 0) continue;
      bytes[at + 6] = 0xc3;
      bytes[at + 7] = 0x28;
      zip.file(name, bytes);
      patched = true;
    }
    expect(patched).toBe(true);
    const bad = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const p = await previewOf(bad);
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`^Monitoring return!L${row} — Commentary must be valid text.*found "MARKER\\uFFFD\\(EXT"$`)),
    ]);
    await refusedToApply(p);
  });
});

describe('a line code renamed in the budget workbook', () => {
  it('is the same line with a new code, matched by its hidden id, not a new line', async () => {
    const s = await testServer({ demo: true });
    try {
      const wb = await loadWorkbook(await exportBytes(s, { kind: 'budget', year: DEMO_YEAR }));
      const sh = wb.getWorksheet('Budget')!;
      const row = rowOfCode(sh, 'HN03');
      const id = sh.getCell(row, 1).value;
      sh.getRow(row).getCell(columnOf(sh, 'Line code')).value = 'HN03-AP';
      const r = await s.ok('importFile', { source: { fileName: 'budget.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
      if (r.stage !== 'preview') throw new Error(r.stage);
      expect(r.preview.matchedBy).toBe('id');
      expect(r.preview.counts).toMatchObject({ changed: 1, added: 0, missing: 0, unmatched: 0, errors: 0 });
      expect(r.preview.rows[0]).toMatchObject({ key: String(id), status: 'changed', ref: 'HN03-AP', cells: [{ field: 'code', old: 'HN03', new: 'HN03-AP' }] });
      await s.ok('applyImport', { importId: r.preview.importId });
      expect((await s.ok('listLines', {})).find((l) => l.id === id)!.code).toBe('HN03-AP');
    } finally {
      s.close();
    }
  });
});
