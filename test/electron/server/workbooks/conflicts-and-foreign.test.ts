import ExcelJS from 'exceljs';
import { workspace } from '../../../../db/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';
import {
  columnOf,
  exportBytes,
  importBytes,
  loadWorkbook,
  previewOf,
  rowOfCode,
  saveWorkbook,
  DEMO_PERIOD,
  DEMO_YEAR,
  demoMonitoring,
} from '../../../support/workbooks';

const YEAR = DEMO_YEAR;
const PERIOD = DEMO_PERIOD;
let t: TestServer;
afterEach(() => t?.close());

const monitoring = () => demoMonitoring(t);

describe('conflicts: changed in the workspace since export and in the file', () => {
  it('shows a conflict, refuses to guess, and applies the side the user chooses', async () => {
    t = await testServer({ demo: true });
    const [a, b, c] = (await monitoring()).rows;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: YEAR, period: PERIOD }));
    // After the export: the workspace changes a's and b's forecasts.
    await t.ok('setForecasts', {
      year: YEAR,
      period: PERIOD,
      changes: [
        { lineId: a!.lineId, forecastPence: 111_100 },
        { lineId: b!.lineId, forecastPence: 222_200 },
      ],
    });
    const sh = wb.getWorksheet('Monitoring return')!;
    const fc = columnOf(sh, 'Forecast outturn');
    sh.getRow(rowOfCode(sh, a!.code)).getCell(fc).value = 3333; // a: both changed -> conflict
    sh.getRow(rowOfCode(sh, c!.code)).getCell(fc).value = 4444; // c: only the file changed
    const bytes = await saveWorkbook(wb);

    const p = await previewOf(t, bytes);
    // b changed only in the workspace: the file's stale value must not undo it.
    expect(p.counts).toMatchObject({ conflicts: 1, changed: 1, errors: 0 });
    expect(p.rows.find((r) => r.status === 'conflict')).toMatchObject({
      key: String(a!.lineId),
      ref: a!.code,
      cells: [{ field: 'forecastPence', old: '£1,111.00', new: '£3,333.00' }],
    });
    const before = dumpTables(t.sqlite);
    const refused = await t.refused('applyImport', { importId: p.importId });
    expect(refused.code).toBe('CONFLICT');
    expect(dumpTables(t.sqlite)).toEqual(before);

    // c's forecast moves by far more than half: the user is asked again, then confirms.
    expect((await t.refused('applyImport', { importId: p.importId, resolutions: { [String(a!.lineId)]: 'db' } })).code).toBe('NEEDS_CONFIRMATION');
    await t.ok('applyImport', { importId: p.importId, resolutions: { [String(a!.lineId)]: 'db' }, confirmFlags: true });
    let rows = (await monitoring()).rows;
    expect(rows.find((r) => r.lineId === a!.lineId)!.forecastPence).toBe(111_100);
    expect(rows.find((r) => r.lineId === b!.lineId)!.forecastPence).toBe(222_200);
    expect(rows.find((r) => r.lineId === c!.lineId)!.forecastPence).toBe(444_400);

    // The same file again, taking the file's side this time.
    const again = await previewOf(t, bytes);
    expect(again.counts).toMatchObject({ conflicts: 1, changed: 0 });
    await t.ok('applyImport', { importId: again.importId, prefer: 'file', confirmFlags: true });
    rows = (await monitoring()).rows;
    expect(rows.find((r) => r.lineId === a!.lineId)!.forecastPence).toBe(333_300);
  });

  it('refuses to apply a preview the workspace has moved on from', async () => {
    t = await testServer({ demo: true });
    const [a] = (await monitoring()).rows;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: YEAR, period: PERIOD }));
    const sh = wb.getWorksheet('Monitoring return')!;
    sh.getRow(rowOfCode(sh, a!.code)).getCell(columnOf(sh, 'Forecast outturn')).value = 5000;
    const p = await previewOf(t, await saveWorkbook(wb));
    await t.ok('setForecasts', { year: YEAR, period: PERIOD, changes: [{ lineId: a!.lineId, forecastPence: 1 }] });
    const before = dumpTables(t.sqlite);
    expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('CONFLICT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('refuses a stale preview even when the new one has no conflict, and shows the new one', async () => {
    t = await testServer({ demo: true });
    const [a, b] = (await monitoring()).rows;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: YEAR, period: PERIOD }));
    const sh = wb.getWorksheet('Monitoring return')!;
    sh.getRow(rowOfCode(sh, a!.code)).getCell(columnOf(sh, 'Commentary')).value = 'From the file';
    sh.getRow(rowOfCode(sh, b!.code)).getCell(columnOf(sh, 'Commentary')).value = 'Also from the file';
    const p = await previewOf(t, await saveWorkbook(wb));
    expect(p.counts.changed).toBe(2);
    // Meanwhile someone types the same commentary for a in the window: the file no longer changes it.
    await t.ok('setForecasts', { year: YEAR, period: PERIOD, changes: [{ lineId: a!.lineId, commentary: 'From the file' }] });
    const before = dumpTables(t.sqlite);
    const e = await t.refused('applyImport', { importId: p.importId });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/The workspace has changed since this preview was made/);
    expect((e.details?.preview as { counts: { changed: number } } | undefined)?.counts.changed).toBe(1);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('refuses a closed year, and a workbook from another workspace', async () => {
    t = await testServer({ demo: true });
    const closed = await previewOf(t, await exportBytes(t, { kind: 'monitoring', year: '2025-26', period: 12 }));
    expect(closed.errors[0]).toMatchObject({ rule: 'must not be locked', message: expect.stringMatching(/2025-26 is closed.*Reopen the year/) });
    const other = await testServer({ demo: true });
    try {
      const bytes = await exportBytes(other, { kind: 'budget', year: YEAR });
      const before = dumpTables(t.sqlite);
      const e = await t.refused('importFile', { source: { fileName: 'theirs.xlsx', base64: bytes.toString('base64') } });
      expect(e.code).toBe('INVALID_FILE');
      // Both demo workspaces bear the same name: the sentence says they are different files.
      expect(e.message).toMatch(
        /exported from another workspace file that is also called "Demo Metropolitan Borough Council \(demo data\)", not from the one open now/,
      );
      expect(e.details?.issues?.[0]).toMatchObject({ sheet: '_meta', cell: 'B5' });
      other.server.workspace!.write('edit', 'rename', (rec) => rec.update(workspace, other.server.workspace!.info().id, { name: 'Another Council' }));
      const renamed = await t.refused('importFile', {
        source: { fileName: 'theirs.xlsx', base64: (await exportBytes(other, { kind: 'budget', year: YEAR })).toString('base64') },
      });
      expect(renamed.message).toMatch(/exported from the workspace "Another Council", not "Demo Metropolitan Borough Council \(demo data\)"/);
      expect(dumpTables(t.sqlite)).toEqual(before);
    } finally {
      other.close();
    }
  });
});

/** A finance system's export: title rows, a merged title, subtotals, bracketed negatives. */
async function financeSystemExport(codes: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Report');
  ws.addRow(['Northshire County Council']);
  ws.mergeCells('A1:F1');
  ws.addRow(['High Needs Budget Report - Period 7 2026-27']);
  ws.mergeCells('A2:F2');
  ws.addRow([]);
  ws.addRow(['Run date: 03/11/2026 09:14']);
  ws.addRow(['Cost Centre', 'Description', 'Annual Budget (£)', 'Forecast Outturn', 'YTD Actual', 'Comments']);
  ws.addRow([codes[0], 'first', 100, 1_234_567.89, '(1,234)', 'Pressure from new plans']);
  ws.addRow([codes[1], 'second', 100, '£2,500', 5000, null]);
  ws.addRow(['Sub-total Mainstream', null, 200, 1_237_067.89, 3766, null]);
  ws.addRow([null, null, 200, 1_237_067.89, null, null]);
  ws.addRow(['ZZ999', 'Not ours', 1, 1, 1, null]);
  ws.addRow(['Total', null, 201, 1_237_068.89, null, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('foreign workbooks', () => {
  it('finds the header under title rows, proposes a mapping, skips subtotals and lists unmatched lines', async () => {
    t = await testServer({ demo: true });
    const [a, b] = (await monitoring()).rows;
    const bytes = await financeSystemExport([a!.code, b!.code]);
    const before = dumpTables(t.sqlite);

    const first = await importBytes(t, bytes, 'ledger.xlsx');
    expect(first.stage).toBe('kind');
    if (first.stage !== 'kind') return;
    const mapped = await t.ok('mapImport', { importId: first.importId, kind: 'monitoring', scope: { year: YEAR, period: PERIOD } });
    if (mapped.stage !== 'mapping') throw new Error(mapped.stage);
    expect(mapped.proposal).toMatchObject({ sheet: 'Report', headerRow: 5 });
    expect(mapped.proposal.proposed).toEqual({ code: 1, forecastPence: 4, actualPence: 5, commentary: 6 });

    const p = await t.ok('previewMapped', {
      importId: first.importId,
      kind: 'monitoring',
      scope: { year: YEAR, period: PERIOD },
      headerRow: 5,
      columns: mapped.proposal.proposed,
    });
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.ours).toBe(false);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 2, unmatched: 1, errors: 0 });
    expect(p.rows.find((r) => r.status === 'unmatched')).toMatchObject({ ref: 'ZZ999', fileRow: 10 });
    expect(p.notes.join(' ')).toMatch(/3 subtotal or total rows were skipped/);
    const cells = Object.fromEntries(p.rows.find((r) => r.ref === a!.code)!.cells.map((c) => [c.field, c.new]));
    expect(cells).toMatchObject({ forecastPence: '£1,234,567.89', actualPence: '-£1,234.00', commentary: 'Pressure from new plans' });

    // Both lines' forecasts move by more than half: apply asks again before it goes ahead.
    expect(p.flags.map((f) => f.code)).toEqual(['large-moves']);
    expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('NEEDS_CONFIRMATION');
    expect(dumpTables(t.sqlite)).toEqual(before);
    await t.ok('applyImport', { importId: p.importId, confirmFlags: true });
    const rows = (await monitoring()).rows;
    expect(rows.find((r) => r.lineId === a!.lineId)).toMatchObject({ forecastPence: 123_456_789, actualPence: -123_400 });
    expect(rows.find((r) => r.lineId === b!.lineId)).toMatchObject({ forecastPence: 250_000, actualPence: 500_000 });
  });

  it('uses a mapping saved by name, or one given as header text, and says what does not match', async () => {
    t = await testServer({ demo: true });
    const [a, b] = (await monitoring()).rows;
    const bytes = await financeSystemExport([a!.code, b!.code]);
    await t.ok('saveMapping', {
      name: 'Ledger export',
      kind: 'monitoring',
      columns: { 'Cost Centre': 'code', 'Forecast Outturn': 'forecastPence' },
      headerRow: 5,
    });
    const viaName = await importBytes(t, bytes, 'ledger.xlsx', { kind: 'monitoring', year: YEAR, period: PERIOD, mappingName: 'ledger export' });
    if (viaName.stage !== 'preview') throw new Error(viaName.stage);
    expect(viaName.preview.counts).toMatchObject({ changed: 2 });
    expect(viaName.preview.rows[0]!.cells.map((c) => c.field)).toEqual(['forecastPence']);
    expect(viaName.preview.notes.join(' ')).toMatch(/Not in this file, so left as they are: Actual to date, Commentary/);

    const bad = await t.refused('importFile', {
      source: { fileName: 'ledger.xlsx', base64: bytes.toString('base64') },
      kind: 'monitoring',
      scope: { year: YEAR, period: PERIOD },
      map: { 'Cost Centre': 'code', Forcast: 'forecastPence', Comments: 'nonsense' },
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.details?.issues?.map((i) => i.message).join(' ')).toMatch(/no column headed "Forcast".*"nonsense" is not a field/s);

    const noYear = await t.refused('importFile', { source: { fileName: 'ledger.xlsx', base64: bytes.toString('base64') }, kind: 'monitoring' });
    expect(noYear.details?.issues?.map((i) => i.field)).toEqual(['year', 'period']);
  });
});
